package dev.crmgen.it.notes;

import static dev.crmgen.it.SentRequests.assertCommonHeaders;
import static dev.crmgen.it.SentRequests.assertJsonPost;
import static dev.crmgen.it.SentRequests.assertNoToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crmgen.it.RecordedHubSpot;
import dev.crmgen.it.RecordedRequests;
import dev.crmgen.it.Recording;
import dev.crmgen.it.TestClients;
import dev.crmgen.it.VirtualTicker;
import dev.crmgen.runtime.error.NotFoundException;
import dev.crmgen.runtime.error.ServerErrorException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client crmgen's Maven plugin generates from HubSpot's whole notes API (notes-v3.json), against recorded
 * responses: batch update, read by id, search, and a create that must not be resent.
 */
class NotesV3RecordingsTest {
    private final VirtualTicker ticker = new VirtualTicker();

    private NotesClient client(RecordedHubSpot hubSpot) {
        return new NotesClient(TestClients.options(hubSpot, ticker));
    }

    @Test
    @Recording("batch-update-200-complete")
    void batchUpdateThroughTheWholeApiClient(RecordedHubSpot hubSpot) {
        BatchInputSimplePublicObjectBatchInput request = new BatchInputSimplePublicObjectBatchInput(List.of(
                SimplePublicObjectBatchInput.builder()
                        .id("512")
                        .properties(Map.of("hs_note_body", "Called back; the customer confirmed the renewal date."))
                        .build(),
                SimplePublicObjectBatchInput.builder()
                        .id("ext-2024-0042")
                        .idProperty("my_unique_property_name")
                        .objectWriteTraceId("sync-run-7-item-2")
                        .properties(Map.of(
                                "hs_note_body",
                                "Sent the signed contract.",
                                "hs_timestamp",
                                "2024-05-02T09:30:00.000Z"))
                        .build()));

        BatchUpdateResponse response = client(hubSpot).batchUpdate(request);

        BatchResponseSimplePublicObject body =
                assertInstanceOf(BatchUpdateResponse.Ok.class, response).body();
        assertEquals(
                List.of("512", "4711"),
                body.results().stream().map(SimplePublicObject::id).toList());
        assertEquals("sync-run-7-item-2", body.results().get(1).objectWriteTraceId());
        assertEquals(OffsetDateTime.parse("2024-05-02T09:31:12.402Z"), body.completedAt());
        assertJsonPost(hubSpot.onlyRequest(), RecordedRequests.BATCH_UPDATE_PATH, RecordedRequests.TWO_NOTES_JSON);
    }

    @Test
    @Recording("notes-get-by-id-200")
    void getByIdSendsTheQueryAndReadsHistoryAndAssociations(RecordedHubSpot hubSpot) {
        SimplePublicObjectWithAssociations note = client(hubSpot)
                .getById(
                        "512",
                        GetByIdParams.builder()
                                .archived(false)
                                .associations(List.of("contacts"))
                                .properties(List.of("hs_note_body", "hs_timestamp"))
                                .propertiesWithHistory(List.of("hs_note_body"))
                                .build());

        assertEquals("512", note.id());
        assertFalse(note.archived());
        assertEquals(
                "Called back; the customer confirmed the renewal date.",
                note.properties().get("hs_note_body"));
        List<ValueWithTimestamp> history = note.propertiesWithHistory().get("hs_note_body");
        assertEquals(
                List.of("Called back; the customer confirmed the renewal date.", "Call back tomorrow."),
                history.stream().map(ValueWithTimestamp::value).toList());
        assertEquals(42, history.get(0).updatedByUserId());
        assertNull(history.get(1).updatedByUserId());
        assertEquals(
                OffsetDateTime.parse("2019-10-30T03:30:17.883Z"), history.get(1).timestamp());
        assertEquals(
                List.of("901"),
                note.associations().get("contacts").results().stream()
                        .map(AssociatedId::id)
                        .toList());
        assertEquals(
                "note_to_contact",
                note.associations().get("contacts").results().get(0).type());

        LoggedRequest sent = hubSpot.onlyRequest();
        assertEquals("GET", sent.getMethod().getName());
        assertCommonHeaders(sent);
        assertNull(sent.getHeader("Content-Type"), "a GET has no body and no Content-Type");
        assertEquals(
                List.of("hs_note_body", "hs_timestamp"),
                sent.queryParameter("properties").values());
        assertEquals(List.of("contacts"), sent.queryParameter("associations").values());
        assertFalse(sent.queryParameter("idProperty").isPresent(), "an absent optional parameter is not sent");
    }

    @Test
    @Recording("notes-get-by-id-404")
    void getByIdOfAMissingNoteIsNotFound(RecordedHubSpot hubSpot) {
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> client(hubSpot).getById("999999999"));

        assertEquals(404, e.status());
        assertEquals("OBJECT_NOT_FOUND", e.category());
        assertEquals("0b6f4f6e-0000-4000-8000-000000000404", e.correlationId());
        assertNoToken(e);
        LoggedRequest sent = hubSpot.onlyRequest();
        assertEquals("/crm/v3/objects/notes/999999999", sent.getUrl());
        assertCommonHeaders(sent);
    }

    @Test
    @Recording("notes-search-200")
    void searchSendsFiltersAndReadsThePage(RecordedHubSpot hubSpot) {
        PublicObjectSearchRequest search = PublicObjectSearchRequest.builder()
                .filterGroups(List.of(new FilterGroup(List.of(Filter.builder()
                        .propertyName("hs_note_body")
                        .operator(FilterOperator.CONTAINS_TOKEN)
                        .value("renewal")
                        .build()))))
                .sorts(List.of("-hs_lastmodifieddate"))
                .properties(List.of("hs_note_body", "hs_timestamp"))
                .limit(2)
                .after("0")
                .build();

        CollectionResponseWithTotalSimplePublicObject page = client(hubSpot).doSearch(search);

        assertEquals(3, page.total());
        assertEquals(
                List.of("512", "777"),
                page.results().stream().map(SimplePublicObject::id).toList());
        assertEquals("2", page.paging().next().after());
        assertJsonPost(hubSpot.onlyRequest(), "/crm/v3/objects/notes/search", """
                {"filterGroups": [{"filters": [{"propertyName": "hs_note_body", "operator": "CONTAINS_TOKEN", "value": "renewal"}]}],
                 "sorts": ["-hs_lastmodifieddate"], "properties": ["hs_note_body", "hs_timestamp"], "limit": 2, "after": "0"}""");
        assertEquals(List.of(), ticker.sleeps());
    }

    @Test
    @Recording("notes-create-502")
    void createIsNotResentAfterAnAmbiguousBadGateway(RecordedHubSpot hubSpot) {
        assertCreateFailsOnceWithoutResending(hubSpot, 502);
    }

    @Test
    @Recording("notes-create-500")
    void createIsNotResentAfterAnAmbiguousInternalError(RecordedHubSpot hubSpot) {
        assertCreateFailsOnceWithoutResending(hubSpot, 500);
    }

    private void assertCreateFailsOnceWithoutResending(RecordedHubSpot hubSpot, int status) {
        SimplePublicObjectInputForCreate note = new SimplePublicObjectInputForCreate(
                List.of(), Map.of("hs_note_body", "Left a voicemail.", "hs_timestamp", "2024-05-03T08:00:00.000Z"));

        ServerErrorException e =
                assertThrows(ServerErrorException.class, () -> client(hubSpot).create(note));

        // The server may have created the note before failing: a resend could create it twice, so create (unlike
        // batch update) is not retry-safe and its 500 or 502 is final.
        assertEquals(status, e.status());
        assertEquals("INTERNAL_ERROR", e.category());
        assertEquals(List.of(), ticker.sleeps());
        assertJsonPost(hubSpot.onlyRequest(), "/crm/v3/objects/notes", """
                {"associations": [], "properties": {"hs_note_body": "Left a voicemail.", "hs_timestamp": "2024-05-03T08:00:00.000Z"}}""");
        assertNoToken(e);
    }
}
