package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrentBatchesAreAllAppliedExactlyOnce() throws Exception {
        int threads = 8;
        int batchesPerThread = 25;
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(threads * 100)
                .rateLimit(10_000, Duration.ofSeconds(10))
                .start()) {
            SandboxClient client = new SandboxClient(sandbox);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<String> ids = sandbox.seededIds().subList(t * 100, t * 100 + 100);
                    futures.add(pool.submit(() -> {
                        int ok = 0;
                        for (int b = 0; b < batchesPerThread; b++) {
                            if (client.post(UPDATE, updates(ids, "round-" + b + "-"))
                                            .statusCode()
                                    == 200) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (Future<Integer> f : futures) {
                    ok += f.get();
                }
                assertEquals(threads * batchesPerThread, ok);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * batchesPerThread * 100L, sandbox.stats().updatesApplied());
            assertEquals(threads * batchesPerThread, sandbox.stats().requests());
            String last = sandbox.seededIds().get(0);
            assertEquals(
                    "round-" + (batchesPerThread - 1) + "-" + last,
                    sandbox.note(last).orElseThrow().property("hs_note_body"));
        }
    }
}
