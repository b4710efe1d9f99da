package dev.crmgen.benchmarks.harness;

import dev.crmgen.benchmarks.crmgen.notes.NotesClient;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObject;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObjectBatchInput;
import dev.crmgen.ratelimit.redis.RedisRateLimiter;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One client process of the fleet benchmark: bulk-updates a slice of the seeded notes through a sandbox, paced by
 * the Redis limiter or by its own, then prints {@code done succeeded=N failed=N unconfirmed=N ms=N}. It prints
 * {@value #READY} once set up and starts when it reads {@value #GO} on standard input.
 *
 * <p>{@code java … FleetClient <baseUrl> <token> <firstIndex> <count> <redisUrl|none> <requestsPerTenSeconds>}
 */
public final class FleetClient {

    /** Printed once the process could send its first request. */
    static final String READY = "ready";
    /** The line on standard input that starts every client at once. */
    static final String GO = "go";

    private FleetClient() {}

    public static void main(String[] args) {
        String baseUrl = args[0];
        String token = args[1];
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        String redis = args[4];
        int limit = Integer.parseInt(args[5]);
        // expectedInstances: should Redis stall on the two busy cores, each process paces itself at its quarter.
        RedisRateLimiter shared = redis.equals("none")
                ? null
                : RedisRateLimiter.builder()
                        .redisUrl(redis)
                        .name("bench-fleet")
                        .permits(limit)
                        .expectedInstances(ContentionBench.FLEET_CLIENTS)
                        .build();
        try {
            RateLimiter limiter = shared != null ? shared : RateLimiter.perTenSeconds(limit);
            NotesClient client = new NotesClient(ClientOptions.builder()
                    .accessToken(token)
                    .baseUrl(baseUrl)
                    .rateLimiter(limiter)
                    .build());
            List<SimplePublicObjectBatchInput> inputs = ContentionBench.inputs(first, count, "fleet");
            // Start-up (JVM, classes, the Redis connection) is not what the fleet figure measures: say when ready,
            // then start on the harness's word, together with the other processes.
            System.out.println(READY);
            System.out.flush();
            String go;
            try {
                go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!GO.equals(go)) {
                System.out.println("not started: the harness said " + go);
                return;
            }
            long start = System.nanoTime();
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = client.batchUpdateAll(
                    inputs,
                    BatchOptions.builder()
                            .concurrency(ContentionBench.CONCURRENCY)
                            .retrySafe(true)
                            .build());
            System.out.println("done succeeded=" + report.succeeded().size() + " failed="
                    + report.failed().size() + " unconfirmed="
                    + report.unconfirmed().size() + " ms=" + (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
    }
}
