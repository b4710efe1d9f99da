package com.acme.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.crm.notes.NotesClient;
import com.acme.crm.notes.SimplePublicObject;
import com.acme.crm.notes.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.sandbox.NotesSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published artifacts are enough to generate a client, call a HubSpot-like server and get every input back. */
class NotesUpdateTest {
    @Test
    void updatesEveryNoteThroughTheGeneratedClient() {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(250).start()) {
            NotesClient notes = new NotesClient(ClientOptions.builder()
                    .baseUrl(sandbox.baseUrl())
                    .accessToken(sandbox.accessToken())
                    .build());
            List<SimplePublicObjectBatchInput> inputs = new ArrayList<>();
            for (String id : sandbox.seededIds()) {
                inputs.add(SimplePublicObjectBatchInput.builder()
                        .id(id)
                        .properties(Map.of("hs_note_body", "reviewed " + id))
                        .build());
            }

            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = notes.batchUpdateAll(inputs);

            assertEquals(250, report.succeeded().size(), () -> "not all updated: " + report);
            for (String id : sandbox.seededIds()) {
                assertEquals("reviewed " + id, sandbox.note(id).orElseThrow().property("hs_note_body"), id);
            }
            assertTrue(report.failed().isEmpty() && report.unconfirmed().isEmpty());
        }
    }
}
