package dev.crmgen.it.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchUpdateResponse;
import dev.crmgen.it.fragment.NotesClient;
import dev.crmgen.it.fragment.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.RequestOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The generated notes client's per-call options against the sandbox: another portal's token, an extra header and a
 * timeout shorter than the client's reach the server (or end the call) for that call only.
 */
class PerCallOptionsTest {
    private static final String CLIENT_TOKEN = "pat-na1-0a1b2c3d-4e5f-4a6b-8c7d-OUR-PORTAL";
    private static final String OTHER_TOKEN = "pat-eu1-9f8e7d6c-5b4a-4938-a7b6-OTHER-PORTAL";
    /** Far longer than any test here waits: a call ended sooner was ended by its own timeout. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

    private static NotesSandbox.Builder sandbox() {
        return NotesSandbox.builder()
                .seed(3)
                .accessToken(CLIENT_TOKEN)
                .accessToken(OTHER_TOKEN)
                .recordHeader("Authorization")
                .recordHeader("X-Request-Id");
    }

    private static NotesClient client(NotesSandbox sandbox) {
        return new NotesClient(ClientOptions.builder()
                .baseUrl(sandbox.baseUri())
                .accessToken(CLIENT_TOKEN)
                .requestTimeout(CLIENT_TIMEOUT)
                .retryPolicy(
                        RetryPolicy.builder().deadline(Duration.ofMinutes(2)).build())
                .build());
    }

    private static BatchInputSimplePublicObjectBatchInput update(String id, String body) {
        return new BatchInputSimplePublicObjectBatchInput(List.of(SimplePublicObjectBatchInput.builder()
                .id(id)
                .properties(Map.of("hs_note_body", body))
                .build()));
    }

    @Test
    void aCallWithAnotherTokenIsSentWithThatToken() {
        try (NotesSandbox sandbox = sandbox().start()) {
            NotesClient notes = client(sandbox);
            String id = sandbox.seededIds().get(0);

            notes.batchUpdate(
                    update(id, "for the other portal"),
                    RequestOptions.builder().accessToken(OTHER_TOKEN).build());
            notes.batchUpdate(update(id, "for our portal"));

            assertEquals(
                    List.of("Bearer " + OTHER_TOKEN, "Bearer " + CLIENT_TOKEN),
                    sandbox.headersReceived("Authorization"));
            assertEquals(
                    "for our portal",
                    sandbox.note(id).orElseThrow().properties().get("hs_note_body"));
        }
    }

    @Test
    void anExtraHeaderReachesTheServerOnThatCallOnly() {
        try (NotesSandbox sandbox = sandbox().start()) {
            NotesClient notes = client(sandbox);
            String id = sandbox.seededIds().get(1);

            BatchUpdateResponse response = notes.batchUpdateAsync(
                            update(id, "traced"),
                            RequestOptions.builder()
                                    .header("X-Request-Id", "trace-7f3a")
                                    .build())
                    .join();
            notes.batchUpdate(update(id, "untraced"));

            assertInstanceOf(BatchUpdateResponse.Ok.class, response);
            assertEquals(List.of("trace-7f3a"), sandbox.headersReceived("X-Request-Id"));
            assertEquals(2, sandbox.headersReceived("Authorization").size());
        }
    }

    @Test
    void aBatchRunSendsEveryChunkWithItsOptions() {
        try (NotesSandbox sandbox = sandbox().start()) {
            NotesClient notes = client(sandbox);
            List<SimplePublicObjectBatchInput> inputs = sandbox.seededIds().stream()
                    .map(id -> SimplePublicObjectBatchInput.builder()
                            .id(id)
                            .properties(Map.of("hs_note_body", "run for the other portal"))
                            .build())
                    .toList();

            var report = notes.batchUpdateAll(
                    inputs,
                    BatchOptions.builder().chunkSize(1).retrySafe(true).build(),
                    RequestOptions.builder()
                            .accessToken(OTHER_TOKEN)
                            .header("X-Request-Id", "run-1")
                            .build());

            assertEquals(3, report.succeeded().size(), report.toString());
            assertEquals(List.of("run-1", "run-1", "run-1"), sandbox.headersReceived("X-Request-Id"));
            assertEquals(
                    List.of("Bearer " + OTHER_TOKEN, "Bearer " + OTHER_TOKEN, "Bearer " + OTHER_TOKEN),
                    sandbox.headersReceived("Authorization"));
        }
    }

    @Test
    void aShorterTimeoutEndsAStalledCallBeforeTheClientsWould() {
        try (NotesSandbox sandbox = sandbox()
                .faults(Faults.builder()
                        .stalledBodyRate(1.0)
                        .stallCutoff(CLIENT_TIMEOUT.plusSeconds(30))
                        .build())
                .start()) {
            NotesClient notes = client(sandbox);
            String id = sandbox.seededIds().get(2);

            CompletionException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> assertThrows(
                            CompletionException.class,
                            () -> notes.batchUpdateAsync(
                                            update(id, "stalled"),
                                            RequestOptions.builder()
                                                    .timeout(Duration.ofSeconds(1))
                                                    .build())
                                    .join()),
                    "the call outlived its own timeout, waiting for the client's " + CLIENT_TIMEOUT);

            TransportException timeout = assertInstanceOf(TransportException.class, e.getCause());
            assertTrue(timeout.isTimeout(), timeout.getMessage());
        }
    }
}
