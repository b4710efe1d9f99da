package dev.crmgen.it;

/** The request bodies the batch-update recordings answer, as JSON, shared by the fragment and notes-v3 client tests. */
public final class RecordedRequests {
    public static final String BATCH_UPDATE_PATH = "/crm/v3/objects/notes/batch/update";

    /** One note by internal id, one by a unique property value with a trace id (the fragment's request example). */
    public static final String TWO_NOTES_JSON = """
            {"inputs": [
              {"id": "512", "properties": {"hs_note_body": "Called back; the customer confirmed the renewal date."}},
              {"id": "ext-2024-0042", "idProperty": "my_unique_property_name", "objectWriteTraceId": "sync-run-7-item-2",
               "properties": {"hs_note_body": "Sent the signed contract.", "hs_timestamp": "2024-05-02T09:30:00.000Z"}}
            ]}""";

    private RecordedRequests() {}
}
