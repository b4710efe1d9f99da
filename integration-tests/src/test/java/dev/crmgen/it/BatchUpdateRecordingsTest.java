package dev.crmgen.it;

import static dev.crmgen.it.RecordedRequests.BATCH_UPDATE_PATH;
import static dev.crmgen.it.RecordedRequests.TWO_NOTES_JSON;
import static dev.crmgen.it.SentRequests.assertAllJsonPosts;
import static dev.crmgen.it.SentRequests.assertJsonPost;
import static dev.crmgen.it.SentRequests.assertNoToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectStatus;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.it.fragment.BatchUpdateResponse;
import dev.crmgen.it.fragment.NotesClient;
import dev.crmgen.it.fragment.SimplePublicObject;
import dev.crmgen.it.fragment.SimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.StandardError;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.ForbiddenException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.runtime.json.JsonDeviation;
import dev.crmgen.runtime.json.JsonValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The annotation-processor client ({@code @GenerateClient} on the spec fragment) against recorded HubSpot
 * responses for {@code POST /crm/v3/objects/notes/batch/update}: each test checks the typed outcome and what
 * the client sent.
 */
class BatchUpdateRecordingsTest {
    /** The request most recordings answer: one note by internal id, one by a unique property value. */
    static final BatchInputSimplePublicObjectBatchInput TWO_NOTES = new BatchInputSimplePublicObjectBatchInput(List.of(
            SimplePublicObjectBatchInput.builder()
                    .id("512")
                    .properties(Map.of("hs_note_body", "Called back; the customer confirmed the renewal date."))
                    .build(),
            SimplePublicObjectBatchInput.builder()
                    .id("ext-2024-0042")
                    .idProperty("my_unique_property_name")
                    .objectWriteTraceId("sync-run-7-item-2")
                    .properties(Map.of(
                            "hs_note_body", "Sent the signed contract.", "hs_timestamp", "2024-05-02T09:30:00.000Z"))
                    .build()));

    private final VirtualTicker ticker = new VirtualTicker();

    private NotesClient client(RecordedHubSpot hubSpot) {
        return new NotesClient(TestClients.options(hubSpot, ticker));
    }

    @Test
    @Recording("batch-update-200-complete")
    void complete200IsTheOkVariantWithEveryNote(RecordedHubSpot hubSpot) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(TWO_NOTES);

        assertTwoNotesUpdated(ok(response));
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertEquals(List.of(), ticker.sleeps());
    }

    @Test
    @Recording("batch-update-200-complete")
    void asyncCallCompletesWithTheSameResult(RecordedHubSpot hubSpot) throws Exception {
        BatchUpdateResponse response =
                client(hubSpot).batchUpdateAsync(TWO_NOTES).get(30, TimeUnit.SECONDS);

        assertTwoNotesUpdated(ok(response));
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-207-partial")
    void multiStatus207CarriesTheUpdatedNoteAndEachError(RecordedHubSpot hubSpot) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(partialRequest());

        BatchResponseSimplePublicObjectWithErrors body = assertInstanceOf(
                        BatchUpdateResponse.MultiStatus.class, response)
                .body();
        assertEquals(BatchResponseSimplePublicObjectStatus.COMPLETE, body.status());
        assertEquals(
                List.of("512"),
                body.results().stream().map(SimplePublicObject::id).toList());
        assertEquals(2, body.numErrors());
        StandardError notFound = body.errors().get(0);
        assertEquals("OBJECT_NOT_FOUND", notFound.category());
        assertEquals("error", notFound.status());
        assertEquals(Map.of("ids", List.of("999999999")), notFound.context());
        assertEquals(List.of(), notFound.errors());
        assertEquals(Map.of(), notFound.links());
        StandardError invalid = body.errors().get(1);
        assertEquals("VALIDATION_ERROR", invalid.category());
        assertEquals(List.of("513"), invalid.context().get("ids"));
        assertEquals(List.of("hs_timestamp"), invalid.context().get("propertyName"));
        assertTrue(invalid.message().contains("INVALID_LONG"), invalid.message());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, PARTIAL_JSON);
    }

    @Test
    @Recording("batch-update-207-partial")
    void batchUpdateAllReportsEachInputExactlyOnce(RecordedHubSpot hubSpot) {
        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                client(hubSpot).batchUpdateAll(partialRequest().inputs());

        assertEquals(3, report.size());
        assertEquals(1, report.requests());
        assertEquals(
                List.of("512"),
                report.succeeded().stream().map(s -> s.result().id()).toList());
        Map<String, String> failures = new java.util.TreeMap<>();
        report.failed().forEach(f -> failures.put(f.input().id(), f.error().category()));
        assertEquals(Map.of("999999999", "OBJECT_NOT_FOUND", "513", "VALIDATION_ERROR"), failures);
        assertEquals(List.of(), report.unconfirmed());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, PARTIAL_JSON);
    }

    @Test
    @Recording("batch-update-207-documented-shapes")
    void multiStatusInHubSpotsDocumentedShapesDecodesAndNamesEachDeviation(RecordedHubSpot hubSpot) {
        BatchUpdateResponse.MultiStatus partial = assertInstanceOf(
                BatchUpdateResponse.MultiStatus.class, client(hubSpot).batchUpdate(partialRequest()));

        BatchResponseSimplePublicObjectWithErrors body = partial.body();
        assertEquals(
                List.of("512"),
                body.results().stream().map(SimplePublicObject::id).toList());
        assertEquals(2, body.numErrors());
        assertEquals(Map.of("ids", List.of("999999999")), body.errors().get(0).context());
        assertEquals(List.of(), body.errors().get(0).errors());
        assertEquals(Map.of(), body.errors().get(0).links());
        assertEquals(new JsonValue.JsonObject(Map.of()), body.errors().get(1).subCategory());
        assertNull(body.errors().get(1).errors().get(0).context());
        assertEquals("INVALID_LONG", body.errors().get(1).errors().get(0).code());
        assertEquals(
                List.of(
                        "$.numErrors: expected a 32-bit integer but found the string \"2\"",
                        "$.errors[0].errors: expected the required property \"errors\" but found nothing",
                        "$.errors[0].links: expected the required property \"links\" but found nothing",
                        "$.errors[1].errors[0].context: expected an object but found the string "
                                + "\"{propertyName=[hs_timestamp]}\""),
                partial.deviations().stream().map(JsonDeviation::toString).toList());
        assertEquals(
                new JsonValue.JsonString("{propertyName=[hs_timestamp]}"),
                partial.deviations().get(3).raw());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, PARTIAL_JSON);
    }

    @Test
    @Recording("batch-update-207-documented-shapes")
    void batchUpdateAllClassifiesEveryInputOfADocumentedShapeMultiStatus(RecordedHubSpot hubSpot) {
        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                client(hubSpot).batchUpdateAll(partialRequest().inputs());

        assertEquals(
                List.of("512"),
                report.succeeded().stream().map(s -> s.result().id()).toList());
        Map<String, String> failures = new java.util.TreeMap<>();
        report.failed().forEach(f -> failures.put(f.input().id(), f.error().category()));
        assertEquals(Map.of("999999999", "OBJECT_NOT_FOUND", "513", "VALIDATION_ERROR"), failures);
        assertEquals(List.of(), report.unconfirmed());
    }

    @Test
    @Recording("batch-update-207-documented-shapes")
    void strictResponsesRejectTheDocumentedShapesWithStatusPathAndRawBody(RecordedHubSpot hubSpot) {
        NotesClient strict = new NotesClient(TestClients.options(hubSpot, ticker).toBuilder()
                .strictResponses(true)
                .build());

        ResponseDecodingException e =
                assertThrows(ResponseDecodingException.class, () -> strict.batchUpdate(partialRequest()));
        assertEquals(207, e.status());
        assertEquals("$.numErrors", e.path());
        assertEquals("0b6f4f6e-0000-4000-8000-000000000208", e.correlationId());
        assertTrue(e.rawBody().contains("{propertyName=[hs_timestamp]}"), e.rawBody());
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-400-validation")
    void validationError400IsABadRequestWithHubSpotsDetails(RecordedHubSpot hubSpot) {
        BatchInputSimplePublicObjectBatchInput typo =
                new BatchInputSimplePublicObjectBatchInput(List.of(SimplePublicObjectBatchInput.builder()
                        .id("512")
                        .properties(Map.of("hs_note_bodyy", "typo in the property name"))
                        .build()));

        BadRequestException e =
                assertThrows(BadRequestException.class, () -> client(hubSpot).batchUpdate(typo));

        assertEquals(400, e.status());
        assertEquals("VALIDATION_ERROR", e.category());
        assertEquals("0b6f4f6e-0000-4000-8000-000000000400", e.correlationId());
        var error = e.error().orElseThrow();
        assertEquals("PROPERTY_DOESNT_EXIST", error.errors().get(0).code());
        assertEquals("hs_note_bodyy", error.errors().get(0).in());
        assertTrue(e.getMessage().contains("VALIDATION_ERROR"), e.getMessage());
        assertTrue(e.rawBody().contains("PROPERTY_DOESNT_EXIST"), e.rawBody());
        assertNoToken(e);
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, """
                {"inputs": [{"id": "512", "properties": {"hs_note_bodyy": "typo in the property name"}}]}""");
    }

    @Test
    @Recording("batch-update-401-invalid-authentication")
    void unauthorized401IsNotRetriedAndKeepsTheTokenOut(RecordedHubSpot hubSpot) {
        UnauthorizedException e =
                assertThrows(UnauthorizedException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(401, e.status());
        assertEquals("INVALID_AUTHENTICATION", e.category());
        assertEquals("0b6f4f6e-0000-4000-8000-000000000401", e.correlationId());
        assertNoToken(e);
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-401-invalid-authentication")
    void httpLoggingRedactsTheToken(RecordedHubSpot hubSpot) {
        NotesClient logging = new NotesClient(
                TestClients.options(hubSpot, ticker).toBuilder().logHttp(true).build());

        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThrows(UnauthorizedException.class, () -> logging.batchUpdate(TWO_NOTES));
            lines = logs.lines();
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains("--> POST")), () -> "the request is logged: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("<-- 401")), () -> "the response is logged: " + lines);
        assertTrue(
                lines.stream().noneMatch(l -> l.contains(RecordedHubSpot.FAKE_TOKEN)),
                () -> "token in the log: " + lines);
    }

    @Test
    @Recording("batch-update-403-missing-scopes")
    void missingScopes403NamesTheScopes(RecordedHubSpot hubSpot) {
        ForbiddenException e =
                assertThrows(ForbiddenException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(403, e.status());
        assertEquals("MISSING_SCOPES", e.category());
        assertEquals(List.of("crm.objects.contacts.write"), e.missingScopes());
        assertTrue(e.getMessage().contains("crm.objects.contacts.write"), e.getMessage());
        assertNoToken(e);
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-429-ten-secondly-then-200")
    void tenSecondly429IsRetriedAfterTheBackoff(RecordedHubSpot hubSpot) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(TWO_NOTES);

        assertTwoNotesUpdated(ok(response));
        assertEquals(List.of(Duration.ofMillis(100)), ticker.sleeps(), "one backoff, no Retry-After given");
        assertEquals(2, hubSpot.requests().size());
        assertAllJsonPosts(hubSpot.requests(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-429-ten-secondly-retry-after-then-200")
    void tenSecondly429WaitsWhatRetryAfterSays(RecordedHubSpot hubSpot) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(TWO_NOTES);

        assertTwoNotesUpdated(ok(response));
        assertEquals(List.of(Duration.ofSeconds(1)), ticker.sleeps(), "Retry-After: 1");
        assertEquals(2, hubSpot.requests().size());
        assertAllJsonPosts(hubSpot.requests(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-429-ten-secondly-persistent")
    void tenSecondly429OnEveryAttemptEndsInRateLimitException(RecordedHubSpot hubSpot) {
        RateLimitException e =
                assertThrows(RateLimitException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(429, e.status());
        assertEquals("TEN_SECONDLY_ROLLING", e.policyName());
        assertEquals("RATE_LIMIT", e.error().orElseThrow().errorType());
        assertNull(e.retryAfter());
        assertEquals("0b6f4f6e-0000-4000-8000-000000004293", e.correlationId());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), ticker.sleeps());
        assertEquals(
                1 + TestClients.FAST_RETRIES.maxRetries(), hubSpot.requests().size());
        assertAllJsonPosts(hubSpot.requests(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-429-daily")
    void daily429IsNotRetried(RecordedHubSpot hubSpot) {
        RateLimitException e =
                assertThrows(RateLimitException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals("DAILY", e.policyName());
        assertEquals("RATE_LIMIT", e.error().orElseThrow().errorType());
        assertNull(e.retryAfter());
        assertEquals(List.of(), ticker.sleeps());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-429-daily-retry-after")
    void daily429ReportsRetryAfterWithoutWaitingForIt(RecordedHubSpot hubSpot) {
        RateLimitException e =
                assertThrows(RateLimitException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals("DAILY", e.policyName());
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(List.of(), ticker.sleeps());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-5xx-then-200")
    void gatewayAndUnavailableErrorsAreRetriedUntilSuccess(RecordedHubSpot hubSpot) {
        // 503 said Retry-After: 0; 502 and 504 back off 200 ms and 400 ms (batch update is retry-safe).
        assertUpdatedAfterRetries(hubSpot, List.of(Duration.ofMillis(200), Duration.ofMillis(400)), 4);
    }

    @Test
    @Recording("batch-update-500-then-200")
    void internalError500IsRetriedUntilSuccess(RecordedHubSpot hubSpot) {
        // Batch update is retry-safe, so a 500 (which may or may not have applied it) is resent after one backoff.
        assertUpdatedAfterRetries(hubSpot, List.of(Duration.ofMillis(100)), 2);
    }

    @Test
    @Recording("batch-update-connection-reset-then-200")
    void connectionResetAfterSendingIsResentBecauseBatchUpdateIsRetrySafe(RecordedHubSpot hubSpot) {
        assertUpdatedAfterRetries(hubSpot, List.of(Duration.ofMillis(100)), 2);
    }

    /** Sends the two-note update and checks it succeeded after exactly these waits and identical requests. */
    private void assertUpdatedAfterRetries(
            RecordedHubSpot hubSpot, List<Duration> expectedSleeps, int expectedRequests) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(TWO_NOTES);

        assertTwoNotesUpdated(ok(response));
        assertEquals(expectedSleeps, ticker.sleeps());
        assertEquals(expectedRequests, hubSpot.requests().size());
        assertAllJsonPosts(hubSpot.requests(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-502-html")
    void htmlBadGatewayPageKeepsTheRawBodyAfterTheRetries(RecordedHubSpot hubSpot) {
        ServerErrorException e =
                assertThrows(ServerErrorException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(502, e.status());
        assertTrue(e.error().isEmpty(), "an HTML page is not a HubSpot error body");
        assertNull(e.category());
        assertNull(e.correlationId());
        assertTrue(e.rawBody().contains("<title>502 Bad Gateway</title>"), e.rawBody());
        assertEquals(
                1 + TestClients.FAST_RETRIES.maxRetries(), hubSpot.requests().size());
        assertAllJsonPosts(hubSpot.requests(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-200-malformed-json")
    void malformedSuccessBodyIsAResponseDecodingException(RecordedHubSpot hubSpot) {
        ResponseDecodingException e = assertThrows(
                ResponseDecodingException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(200, e.status());
        assertTrue(e.path().startsWith("$.results[0]"), e.path());
        assertTrue(e.rawBody().contains("\"archived\":}"), e.rawBody());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-200-truncated-json")
    void truncatedSuccessBodyIsAResponseDecodingException(RecordedHubSpot hubSpot) {
        ResponseDecodingException e = assertThrows(
                ResponseDecodingException.class, () -> client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals(200, e.status());
        assertTrue(e.path().startsWith("$.results[1]"), e.path());
        assertTrue(e.getMessage().contains(e.path()), e.getMessage());
        assertFalse(e.rawBody().isEmpty());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertNoToken(e);
    }

    @Test
    @Recording("batch-update-200-unknown-fields")
    void unknownFieldsAreSkipped(RecordedHubSpot hubSpot) {
        BatchResponseSimplePublicObject body = ok(client(hubSpot).batchUpdate(TWO_NOTES));

        assertTwoNotesUpdated(body);
        assertEquals(
                "Called back.",
                body.results()
                        .get(0)
                        .propertiesWithHistory()
                        .get("hs_note_body")
                        .get(0)
                        .value());
        assertEquals(
                42,
                body.results()
                        .get(0)
                        .propertiesWithHistory()
                        .get("hs_note_body")
                        .get(0)
                        .updatedByUserId());
        assertEquals(
                "https://app.hubspot.com/contacts/00000000/record/0-46/4711",
                body.results().get(1).url());
        assertEquals(Map.of("status", "https://api.hubapi.com/crm/v3/objects/notes/batch/update/status"), body.links());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-200-unknown-enum")
    void unknownStatusValueIsKeptRaw(RecordedHubSpot hubSpot) {
        BatchResponseSimplePublicObject body = ok(client(hubSpot).batchUpdate(TWO_NOTES));

        assertEquals("QUEUED", body.status().value());
        assertFalse(body.status().isKnown());
        assertEquals(
                BatchResponseSimplePublicObjectStatus.Known.UNKNOWN,
                body.status().known());
        assertEquals(2, body.results().size());
        assertJsonPost(hubSpot.onlyRequest(), BATCH_UPDATE_PATH, TWO_NOTES_JSON);
    }

    @Test
    @Recording("batch-update-200-gzip")
    void gzipEncodedBodyIsDecoded(RecordedHubSpot hubSpot) {
        BatchUpdateResponse response = client(hubSpot).batchUpdate(TWO_NOTES);

        assertTwoNotesUpdated(ok(response));
        var request = hubSpot.onlyRequest();
        assertJsonPost(request, BATCH_UPDATE_PATH, TWO_NOTES_JSON);
        assertTrue(request.getHeader("Accept-Encoding").contains("gzip"), request.getHeader("Accept-Encoding"));
    }

    static final String PARTIAL_JSON = """
            {"inputs": [
              {"id": "512", "properties": {"hs_note_body": "Called back; the customer confirmed the renewal date."}},
              {"id": "999999999", "properties": {"hs_note_body": "This note was deleted."}},
              {"id": "513", "properties": {"hs_timestamp": "next tuesday"}}
            ]}""";

    private static BatchInputSimplePublicObjectBatchInput partialRequest() {
        return new BatchInputSimplePublicObjectBatchInput(List.of(
                SimplePublicObjectBatchInput.builder()
                        .id("512")
                        .properties(Map.of("hs_note_body", "Called back; the customer confirmed the renewal date."))
                        .build(),
                SimplePublicObjectBatchInput.builder()
                        .id("999999999")
                        .properties(Map.of("hs_note_body", "This note was deleted."))
                        .build(),
                SimplePublicObjectBatchInput.builder()
                        .id("513")
                        .properties(Map.of("hs_timestamp", "next tuesday"))
                        .build()));
    }

    private static BatchResponseSimplePublicObject ok(BatchUpdateResponse response) {
        return assertInstanceOf(BatchUpdateResponse.Ok.class, response).body();
    }

    /** The recorded 200 body: both notes updated, timestamps and the trace id read as typed values. */
    private static void assertTwoNotesUpdated(BatchResponseSimplePublicObject body) {
        assertEquals(BatchResponseSimplePublicObjectStatus.COMPLETE, body.status());
        assertEquals(OffsetDateTime.parse("2024-05-02T09:31:12.101Z"), body.requestedAt());
        assertEquals(OffsetDateTime.parse("2024-05-02T09:31:12.120Z"), body.startedAt());
        assertEquals(OffsetDateTime.parse("2024-05-02T09:31:12.402Z"), body.completedAt());
        assertEquals(
                List.of("512", "4711"),
                body.results().stream().map(SimplePublicObject::id).toList());
        SimplePublicObject first = body.results().get(0);
        assertEquals(
                "Called back; the customer confirmed the renewal date.",
                first.properties().get("hs_note_body"));
        assertEquals(OffsetDateTime.parse("2019-10-30T03:30:17.883Z"), first.createdAt());
        assertFalse(first.archived());
        assertNull(first.objectWriteTraceId());
        SimplePublicObject second = body.results().get(1);
        assertEquals("sync-run-7-item-2", second.objectWriteTraceId());
        assertEquals("ext-2024-0042", second.properties().get("my_unique_property_name"));
        assertEquals(OffsetDateTime.parse("2024-05-02T09:31:12.351Z"), second.updatedAt());
    }
}
