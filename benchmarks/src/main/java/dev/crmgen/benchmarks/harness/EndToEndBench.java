package dev.crmgen.benchmarks.harness;

import dev.crmgen.benchmarks.crmgen.notes.NotesClient;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObject;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObjectBatchInput;
import dev.crmgen.benchmarks.json.HandWritten;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.sandbox.NotesSandbox;
import dev.crmgen.sandbox.SandboxStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * crmgen's generated client and BatchExecutor against the sandbox: 100,000 note updates with no rate limit next to
 * a raw java.net.http loop posting pre-serialized bodies at the same concurrency, the sandbox in its own process (run
 * with the contention group); and a 60-second run under HubSpot's default limit of 190 requests per 10 s against the
 * in-process sandbox.
 */
final class EndToEndBench extends Bench {

    static final String SECTION = "End to end";
    static final int UPDATES = 100_000;
    static final int CONCURRENCY = 4;
    static final int CHUNK = 100;
    private static final int ROUNDS = 7;
    /** Rounds that only warm up both sides: the sandbox process and the client's JVM compile as they go. */
    private static final int WARM_UP_ROUNDS = 2;

    private static final int LIMIT = RateLimiter.TIER_DEFAULT;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration RATE_RUN = Duration.ofSeconds(60);

    EndToEndBench(BenchConfig config, Log log) {
        super(config, log);
    }

    /**
     * {@value #ROUNDS} rounds of both sides against a sandbox in its own process, which side goes first alternating
     * between rounds (the sandbox's ledger grows as it goes); the first {@value #WARM_UP_ROUNDS} warm both up, and
     * the ratio is the median of the rest.
     */
    List<Figure> unlimited() throws Exception {
        java.nio.file.Files.createDirectories(config.work);
        try (SandboxProcess sandbox = new SandboxProcess(
                config, config.work.resolve("sandbox-unlimited.log"), "--seed=" + UPDATES, "--rate-limit=100000000")) {
            String token = NotesSandbox.DEFAULT_ACCESS_TOKEN;
            List<SimplePublicObjectBatchInput> inputs = ContentionBench.inputs(0, UPDATES, "run");
            List<byte[]> bodies = new ArrayList<>();
            for (int from = 0; from < inputs.size(); from += CHUNK) {
                bodies.add(HandWritten.encode(inputs.subList(from, Math.min(inputs.size(), from + CHUNK)).stream()
                        .map(i -> new HandWritten.Input(i.id(), i.idProperty(), i.objectWriteTraceId(), i.properties()))
                        .toList()));
            }
            NotesClient client = new NotesClient(ClientOptions.builder()
                    .accessToken(token)
                    .baseUrl(sandbox.baseUrl())
                    .rateLimiter(RateLimiter.unlimited())
                    .build());
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(sandbox.baseUrl() + "/crm/v3/objects/notes/batch/update");
            BatchOptions options = BatchOptions.builder()
                    .concurrency(CONCURRENCY)
                    .retrySafe(true)
                    .build();

            List<Long> rawMillis = new ArrayList<>();
            List<Long> crmgenMillis = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean rawFirst = round % 2 == 0;
                log.info("e2e: round " + (round + 1) + " of " + ROUNDS + (round < WARM_UP_ROUNDS ? " (warm-up)" : "")
                        + (rawFirst ? ": raw loop, then BatchExecutor" : ": BatchExecutor, then raw loop"));
                if (rawFirst) {
                    rawMillis.add(raw(http, uri, token, bodies));
                    crmgenMillis.add(crmgen(client, inputs, options));
                } else {
                    crmgenMillis.add(crmgen(client, inputs, options));
                    rawMillis.add(raw(http, uri, token, bodies));
                }
            }
            List<Long> warmRaw = rawMillis.subList(WARM_UP_ROUNDS, ROUNDS);
            List<Long> warmCrmgen = crmgenMillis.subList(WARM_UP_ROUNDS, ROUNDS);
            double rawRate = UPDATES / (median(warmRaw) / 1000.0);
            double crmgenRate = UPDATES / (median(warmCrmgen) / 1000.0);
            detail("Unlimited run: " + UPDATES + " updates in requests of " + CHUNK + ", concurrency "
                    + CONCURRENCY + " on both sides, sandbox in its own process on the same machine; " + ROUNDS
                    + " rounds, which side goes first alternating, the first " + WARM_UP_ROUNDS + " a warm-up."
                    + " Every round (ms): BatchExecutor " + crmgenMillis + ", raw loop " + rawMillis
                    + "; the figure is the median of rounds " + (WARM_UP_ROUNDS + 1) + " to " + ROUNDS + ".");
            return List.of(Figure.of(
                            "e2e.throughput",
                            SECTION,
                            "100,000 note updates, no rate limit: throughput",
                            "generated client + BatchExecutor",
                            crmgenRate,
                            "raw java.net.http loop, pre-serialized",
                            rawRate,
                            "updates/s",
                            false,
                            "median of " + (ROUNDS - WARM_UP_ROUNDS) + " warm rounds")
                    .targetAdvantage(0.9, "≥ 0.9× the raw loop"));
        }
    }

    List<Figure> rateLimited() throws Exception {
        int windows = (int) (RATE_RUN.toSeconds() / WINDOW.toSeconds()) + 1;
        int inputsCount = windows * LIMIT * CHUNK;
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(inputsCount)
                .rateLimit(LIMIT, WINDOW)
                .start()) {
            List<SimplePublicObjectBatchInput> inputs = inputs(sandbox.seededIds(), "limited");
            NotesClient client = new NotesClient(ClientOptions.builder()
                    .accessToken(sandbox.accessToken())
                    .baseUrl(sandbox.baseUrl())
                    .rateLimiter(RateLimiter.perTenSeconds(LIMIT))
                    .build());
            BatchOptions options = BatchOptions.builder()
                    .concurrency(CONCURRENCY)
                    .retrySafe(true)
                    .build();
            log.info("e2e: rate-limited run, " + inputsCount + " updates at " + LIMIT + " requests per "
                    + WINDOW.toSeconds() + " s; reading the sandbox's counters at " + RATE_RUN.toSeconds() + " s");
            AtomicReference<BatchReport<SimplePublicObjectBatchInput, SimplePublicObject>> report =
                    new AtomicReference<>();
            long start = System.nanoTime();
            Thread runner = new Thread(() -> report.set(client.batchUpdateAll(inputs, options)), "bench-rate-limited");
            runner.start();
            Thread.sleep(RATE_RUN.toMillis());
            SandboxStats atDeadline = sandbox.stats();
            runner.join();
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            SandboxStats end = sandbox.stats();
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> r = report.get();

            long allowed = (long) LIMIT * (RATE_RUN.toSeconds() / WINDOW.toSeconds());
            long accepted = atDeadline.requests() - atDeadline.rateLimited() - atDeadline.rejected();
            long succeeded = r.succeeded().size();
            long lost = inputsCount - succeeded;
            double share = end.requests() == 0 ? 0 : (double) end.rateLimited() / end.requests();
            detail(String.format(
                    Locale.ROOT,
                    "Rate-limited run: %,d updates, sandbox limit %d per %d s (rolling),"
                            + " client limiter `RateLimiter.perTenSeconds(%d)`, concurrency %d. In the first %d s the"
                            + " sandbox accepted %,d requests (a perfect client gets %,d: %d windows × %d). Whole run:"
                            + " %,d ms, %,d requests, %,d answered 429 (%.2f%%); report: %,d succeeded, %,d failed,"
                            + " %,d unconfirmed; the sandbox applied %,d updates.",
                    inputsCount,
                    LIMIT,
                    WINDOW.toSeconds(),
                    LIMIT,
                    CONCURRENCY,
                    RATE_RUN.toSeconds(),
                    accepted,
                    allowed,
                    allowed / LIMIT,
                    LIMIT,
                    totalMillis,
                    end.requests(),
                    end.rateLimited(),
                    100 * share,
                    succeeded,
                    r.failed().size(),
                    r.unconfirmed().size(),
                    end.updatesApplied()));
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.of(
                            "e2e.rate",
                            SECTION,
                            "60 s at 190 per 10 s: requests accepted",
                            "generated client + limiter",
                            accepted,
                            "what the limit allows",
                            allowed,
                            "requests",
                            false,
                            String.format(Locale.ROOT, "%.1f%% of the allowed rate", 100.0 * accepted / allowed))
                    .targetAdvantage(0.98, "≥ 98 % of the allowed rate"));
            figures.add(Figure.of(
                            "e2e.429",
                            SECTION,
                            "60 s at 190 per 10 s: requests answered 429",
                            "generated client + limiter",
                            end.rateLimited(),
                            "1 % of its requests",
                            end.requests() / 100.0,
                            "requests",
                            true,
                            String.format(Locale.ROOT, "%.2f%% of %,d requests", 100 * share, end.requests()))
                    .targetAbsolute(share < 0.01, "< 1 % of requests"));
            figures.add(Figure.of(
                            "e2e.lost",
                            SECTION,
                            "60 s at 190 per 10 s: inputs lost",
                            "inputs not confirmed updated",
                            lost,
                            "inputs sent",
                            inputsCount,
                            "inputs",
                            true,
                            "every input reported once: " + (r.size() == inputsCount) + "; applied by the sandbox: "
                                    + end.updatesApplied())
                    .targetAbsolute(
                            lost == 0 && r.size() == inputsCount && end.updatesApplied() == inputsCount, "zero lost"));
            return figures;
        }
    }

    private static List<SimplePublicObjectBatchInput> inputs(List<String> ids, String run) {
        List<SimplePublicObjectBatchInput> inputs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            inputs.add(new SimplePublicObjectBatchInput(
                    ids.get(i), null, null, Map.of("hs_note_body", "Benchmark " + run + " update " + i)));
        }
        return inputs;
    }

    private static long crmgen(NotesClient client, List<SimplePublicObjectBatchInput> inputs, BatchOptions options) {
        long start = System.nanoTime();
        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = client.batchUpdateAll(inputs, options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!report.allSucceeded() || report.size() != inputs.size()) {
            throw new IllegalStateException("the BatchExecutor run did not update every note: " + report);
        }
        return millis;
    }

    /** Posts every body, {@link #CONCURRENCY} at a time, each worker taking the next body as it finishes one. */
    private static long raw(HttpClient http, URI uri, String token, List<byte[]> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    int sent = 0;
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                                .build();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IOException("raw loop got " + response.statusCode());
                        }
                        sent++;
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : workers) {
                try {
                    sent += f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("raw loop failed", e.getCause());
                }
            }
            if (sent != bodies.size()) {
                throw new IllegalStateException("raw loop sent " + sent + " of " + bodies.size());
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
