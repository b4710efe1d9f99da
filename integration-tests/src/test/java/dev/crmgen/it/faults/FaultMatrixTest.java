package dev.crmgen.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.it.fragment.NotesClient;
import dev.crmgen.it.fragment.SimplePublicObject;
import dev.crmgen.it.fragment.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated notes client's {@code batchUpdateAll} against the sandbox on a bad day, every outcome checked
 * against the sandbox's ledger of what it applied ({@link LedgerCheck}). One test per fault class with a few
 * hundred inputs, sent one request at a time so the seed fixes which request meets which fault; then all faults at
 * once over 100,000 inputs.
 */
class FaultMatrixTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    /** Far beyond the client's request timeout: a stall this long was ended by the sandbox, not the client. */
    private static final Duration STALL_CUTOFF = Duration.ofSeconds(30);

    private static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder()
            .maxRetries(3)
            .initialBackoff(Duration.ofMillis(10))
            .multiplier(2.0)
            .jitter(0.0)
            .maxRetryAfter(Duration.ofSeconds(5))
            .deadline(Duration.ofSeconds(60))
            .build();

    private static NotesClient client(NotesSandbox sandbox) {
        return new NotesClient(ClientOptions.builder()
                .baseUrl(sandbox.baseUri())
                .accessToken(sandbox.accessToken())
                .retryPolicy(QUICK_RETRIES)
                // The sandbox's own limit is set out of reach; 429s here are the injected ones.
                .rateLimiter(RateLimiter.unlimited())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(REQUEST_TIMEOUT)
                .build());
    }

    private static NotesSandbox sandbox(int notes, Faults faults) {
        return NotesSandbox.builder()
                .seed(notes)
                .rateLimit(1_000_000, Duration.ofSeconds(10))
                .faults(faults)
                .start();
    }

    /** One input per id, each with a value no other input writes. */
    private static List<SimplePublicObjectBatchInput> updates(List<String> ids) {
        List<SimplePublicObjectBatchInput> inputs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            inputs.add(SimplePublicObjectBatchInput.builder()
                    .id(ids.get(i))
                    .properties(Map.of("hs_note_body", "input " + i + " for " + ids.get(i)))
                    .build());
        }
        return inputs;
    }

    private static BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> run(
            NotesSandbox sandbox, List<SimplePublicObjectBatchInput> inputs, int concurrency) {
        BatchOptions options = BatchOptions.builder()
                .concurrency(concurrency)
                .retrySafe(true) // updates are idempotent: resending one whose answer was lost is harmless
                .resendRounds(2)
                .build();
        return client(sandbox).batchUpdateAll(inputs, options);
    }

    /**
     * Unconfirmed share allowed where every attempt may meet an ambiguous fault: one request's inputs of three.
     * {@link LedgerCheck} still requires each of them to be backed by such a fault in the ledger.
     */
    private static final double ONE_REQUEST_OF_THREE = 0.34;

    /** 300 inputs for seeded notes, one request at a time, against one fault class. */
    private static void focused(UnaryOperator<Faults.Builder> fault, double maxUnconfirmedShare) {
        Faults faults = fault.apply(Faults.builder().seed(20261129).stallCutoff(STALL_CUTOFF))
                .build();
        try (NotesSandbox sandbox = sandbox(300, faults)) {
            List<SimplePublicObjectBatchInput> inputs = updates(sandbox.seededIds());
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = run(sandbox, inputs, 1);
            assertTrue(sandbox.stats().faultsInjected() > 0, "the fault under test never happened: " + faults);
            LedgerCheck.assertTruthful(sandbox, inputs, report, maxUnconfirmedShare);
        }
    }

    @Test
    @Timeout(60)
    void serverErrorsInJsonAndHtml() {
        focused(f -> f.serverErrorRate(0.3), ONE_REQUEST_OF_THREE);
    }

    @Test
    @Timeout(60)
    void connectionsDroppedBeforeProcessing() {
        focused(f -> f.connectionAbortRate(0.3), ONE_REQUEST_OF_THREE);
    }

    @Test
    @Timeout(60)
    void responsesLostAfterProcessing() {
        focused(f -> f.lostResponseRate(0.3), ONE_REQUEST_OF_THREE);
    }

    @Test
    @Timeout(60)
    void rateLimitedWithRetryAfterInSecondsAsADateOrAbsent() {
        focused(f -> f.rateLimitRate(0.3), 0.0);
    }

    @Test
    @Timeout(60)
    void bodiesThatTrickleInWithinTheTimeout() {
        focused(f -> f.tricklingBodyRate(0.5).trickleTime(Duration.ofMillis(300)), 0.0);
    }

    @Test
    @Timeout(60)
    void partialFailuresIn207ShapesFromHubSpotsDocumentation() {
        // A 207 that names the refused input only in text leaves that one input unconfirmed, legitimately.
        focused(f -> f.partialFailureRate(0.5), 0.01);
    }

    @Test
    @Timeout(90)
    void stalledBodiesEndAtTheClientsDeadlineNotTheServers() {
        // Three requests, one stalled: a client that honours its 1.5 s request timeout for the body as well ends
        // long before the sandbox gives up on the stall after 30 s.
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> focused(f -> f.stalledBodyRate(0.34), ONE_REQUEST_OF_THREE),
                () -> "a stalled response body held the client past its " + REQUEST_TIMEOUT.toMillis()
                        + " ms request timeout: only the sandbox's " + STALL_CUTOFF.toSeconds()
                        + " s cutoff could end the wait");
    }

    @Test
    @Timeout(60)
    void unknownIdsFailAsObjectNotFoundAndNothingElseDoes() {
        try (NotesSandbox sandbox = sandbox(200, Faults.none())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(sandbox.seededIds().get(i));
                if (i % 2 == 0) {
                    ids.add(Long.toString(90_000_000_000L + i)); // never seeded
                }
            }
            List<SimplePublicObjectBatchInput> inputs = updates(ids);
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = run(sandbox, inputs, 1);
            LedgerCheck.assertTruthful(sandbox, inputs, report, 0.0);
            assertEquals(100, report.failed().size(), report::toString);
            for (BatchReport.Failed<SimplePublicObjectBatchInput, SimplePublicObject> failed : report.failed()) {
                assertTrue(failed.input().id().startsWith("9"), failed.input().id() + " exists but failed");
                assertEquals(
                        "OBJECT_NOT_FOUND",
                        failed.error() == null ? null : failed.error().category());
            }
        }
    }

    @Test
    @Timeout(60)
    void duplicateIdsEndWithTheLastInputsValue() {
        try (NotesSandbox sandbox = sandbox(150, Faults.none())) {
            List<String> ids = new ArrayList<>(sandbox.seededIds());
            ids.addAll(sandbox.seededIds().subList(0, 50)); // the same notes again, later, with other values
            ids.addAll(2, sandbox.seededIds().subList(100, 103)); // and some twice within the first chunk
            List<SimplePublicObjectBatchInput> inputs = updates(ids);
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = run(sandbox, inputs, 4);
            LedgerCheck.assertTruthful(sandbox, inputs, report, 0.0);
            assertTrue(report.allSucceeded(), report::toString);
        }
    }

    /**
     * Every fault at once over 100,000 inputs (about 1,000 requests, eight in flight), with unknown ids and
     * duplicate ids mixed in.
     */
    @Test
    @Timeout(150)
    void everyFaultAtOnceOverOneHundredThousandInputs() {
        Faults faults = Faults.builder()
                .serverErrorRate(0.02)
                .connectionAbortRate(0.01)
                .lostResponseRate(0.01)
                .stalledBodyRate(0.003)
                .stallCutoff(Duration.ofSeconds(5))
                .tricklingBodyRate(0.01)
                .trickleTime(Duration.ofMillis(200))
                .rateLimitRate(0.02)
                .partialFailureRate(0.02)
                .seed(42)
                .build();
        int total = 100_000;
        try (NotesSandbox sandbox = sandbox(97_000, faults)) {
            List<String> seeded = sandbox.seededIds();
            List<String> ids = new ArrayList<>(total);
            for (int i = 0; ids.size() < total; i++) {
                if (i % 100 == 37) {
                    ids.add(Long.toString(90_000_000_000L + i)); // unknown: never seeded
                } else if (i % 100 == 71 && i > 5_000) {
                    ids.add(seeded.get(i - 5_000)); // a duplicate of an id given about fifty requests earlier
                } else {
                    ids.add(seeded.get(i % seeded.size()));
                }
            }
            List<SimplePublicObjectBatchInput> inputs = updates(ids);
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = run(sandbox, inputs, 8);
            LedgerCheck.assertTruthful(sandbox, inputs, report, 0.001);
        }
    }
}
