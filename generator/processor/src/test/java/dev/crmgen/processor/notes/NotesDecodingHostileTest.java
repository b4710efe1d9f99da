package dev.crmgen.processor.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.hubspot.notes.BatchInputSimplePublicObjectBatchInput;
import com.acme.hubspot.notes.BatchUpdateResponse;
import com.acme.hubspot.notes.NotesClient;
import com.acme.hubspot.notes.SimplePublicObject;
import com.acme.hubspot.notes.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonDeviation;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch-update answers that are wrong at the root or in the lists that say what happened, read through the generated
 * notes client in tolerant and strict mode. Whatever the shape, the caller gets either a decoded answer that says
 * what departed from the spec, or a {@link ResponseDecodingException} with status, JSON path and raw body — never
 * another exception, and never a success that hides an unreadable {@code results}.
 */
class NotesDecodingHostileTest {
    private static final String TIMES =
            "\"startedAt\":\"2024-05-02T09:31:12.120Z\"," + "\"completedAt\":\"2024-05-02T09:31:12.402Z\"";
    private static final String NOTE_512 = "{\"id\":\"512\",\"properties\":{\"hs_note_body\":\"note 512\"},"
            + "\"createdAt\":\"2024-05-01T10:00:00Z\",\"updatedAt\":\"2024-05-02T09:31:12Z\",\"archived\":false}";

    private static NotesClient client(int status, String body, boolean strict) {
        HttpHeaders headers = HttpHeaders.of(
                Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "X-HubSpot-Correlation-Id",
                        List.of("corr-hostile")),
                (a, b) -> true);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new NotesClient(ClientOptions.builder()
                .accessToken("test-token-not-a-secret")
                .transport(request -> new HttpTransport.Response(status, headers, bytes))
                .retryPolicy(RetryPolicy.none())
                .strictResponses(strict)
                .build());
    }

    private static List<SimplePublicObjectBatchInput> notes(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> SimplePublicObjectBatchInput.builder()
                        .id(id)
                        .property("hs_note_body", "note " + id)
                        .build())
                .toList();
    }

    private static void assertClearFailure(int status, String body, String path, boolean strict) {
        ResponseDecodingException e = assertThrows(
                ResponseDecodingException.class,
                () -> client(status, body, strict)
                        .batchUpdate(new BatchInputSimplePublicObjectBatchInput(notes("512", "513"))),
                (strict ? "strict: " : "tolerant: ") + body);
        assertEquals(status, e.status(), body);
        assertEquals(path, e.path(), body);
        assertEquals(body, e.rawBody(), body);
        assertEquals("corr-hostile", e.correlationId(), body);
        assertNotNull(e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "207 | [{\"id\":\"512\"}] | $",
                "200 | [] | $",
                "207 | \"COMPLETE\" | $",
                "207 | null | $",
                "200 | {\"status\":\"COMPLETE\",\"results\":null," + TIMES + "} | $.results",
                "207 | {\"status\":\"COMPLETE\",\"results\":{\"id\":\"512\"}," + TIMES + "} | $.results",
                "200 | {\"status\":\"COMPLETE\"," + TIMES + "} | $.results",
            })
    void aRootOrResultsListThatIsNotWhatTheSpecDeclaresIsAClearFailureInBothModes(
            int status, String body, String path) {
        assertClearFailure(status, body, path, false);
        assertClearFailure(status, body, path, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Could not update 513\"", "{\"id\":\"513\"}", "7"})
    void errorsThatAreNotAListNeverMakeTheirInputsSucceed(String errors) {
        String body = "{\"status\":\"COMPLETE\",\"results\":[" + NOTE_512 + "],\"numErrors\":1,\"errors\":" + errors
                + "," + TIMES + "}";
        BatchUpdateResponse tolerant =
                client(207, body, false).batchUpdate(new BatchInputSimplePublicObjectBatchInput(notes("512", "513")));
        List<String> paths =
                tolerant.deviations().stream().map(JsonDeviation::path).toList();
        assertTrue(paths.contains("$.errors"), "the unreadable errors are reported: " + paths);

        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                client(207, body, false).batchUpdateAll(notes("512", "513"));
        assertEquals(1, report.succeeded().size(), report.toString());
        assertEquals("512", report.succeeded().get(0).input().id());
        assertEquals(1, report.unconfirmed().size(), "513 is neither confirmed nor rejected: " + report);

        assertClearFailure(207, body, "$.errors", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "17", "\"512\"", "[]"})
    void aResultEntryThatIsNotAnObjectNeverCountsAsAWrite(String entry) {
        String body = "{\"status\":\"COMPLETE\",\"results\":[" + entry + "]," + TIMES + "}";
        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report =
                client(200, body, false).batchUpdateAll(notes("512"));
        assertFalse(report.allSucceeded(), report.toString());
        assertEquals(1, report.unconfirmed().size(), report.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000, 200_000})
    void aDeeplyNestedUnknownFieldIsAClearFailureOrIgnoredNeverAStackOverflow(int depth) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String body = "{\"status\":\"COMPLETE\",\"results\":[" + NOTE_512 + "],\"extra\":" + deep + "," + TIMES + "}";
        try {
            BatchUpdateResponse response =
                    client(200, body, false).batchUpdate(new BatchInputSimplePublicObjectBatchInput(notes("512")));
            assertNotNull(response);
        } catch (ResponseDecodingException e) {
            assertEquals(200, e.status());
            assertEquals(body, e.rawBody());
        }
    }
}
