package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up beside a cold generation: it never changes the output, never throws, and has ended on return. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WarmUpTest {
    private static final GeneratorOptions NOTES = new GeneratorOptions("com.acme.notes", null);

    private static SpecSource fragment() {
        return SpecSource.classpath("notes-batch-update.yaml", WarmUpTest.class.getClassLoader());
    }

    @Test
    void theTaskRunsOnItsOwnThreadAndHasEndedWhenAwaited() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        WarmUp warmUp = WarmUp.start(() -> {
            ranOn.set(Thread.currentThread());
            started.countDown();
            awaitQuietly(release);
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertTrue(warmUp.running());
        assertTrue(ranOn.get() != Thread.currentThread());
        assertTrue(ranOn.get().isDaemon());

        release.countDown();
        warmUp.await();

        assertFalse(warmUp.running());
        assertFalse(ranOn.get().isAlive());
    }

    @Test
    void aFailingTaskNeitherThrowsIntoTheCallerNorOutlivesIt() {
        for (Runnable failing : List.<Runnable>of(
                () -> {
                    throw new IllegalStateException("broken warm-up");
                },
                () -> {
                    throw new StackOverflowError("deep warm-up");
                })) {
            WarmUp warmUp = WarmUp.start(failing);
            warmUp.await();
            assertFalse(warmUp.running());
        }
    }

    @Test
    void awaitingKeepsTheCallersInterruptAndStillWaitsForTheEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WarmUp warmUp = WarmUp.start(() -> awaitQuietly(release));
        Thread.currentThread().interrupt();
        Thread releaser = new Thread(release::countDown);
        releaser.start();
        try {
            warmUp.await();
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
            releaser.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertFalse(warmUp.running());
    }

    @Test
    void onlyTheFirstCallInAClassLoaderStartsAWarmUp() {
        WarmUp first = WarmUp.startOnce(() -> {});
        if (first != null) {
            first.await();
        }
        assertNull(WarmUp.startOnce(() -> {
            throw new AssertionError("a second warm-up must not run");
        }));
    }

    @Test
    void theBuiltInSpecCoversEveryKindOfFileAndCompiles(@TempDir Path dir) throws Exception {
        String spec;
        try (InputStream in = CrmGenerator.class.getResourceAsStream(CrmGenerator.WARM_UP_SPEC)) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GenerationResult result = CrmGenerator.generateOnly(
                SpecSource.inline(CrmGenerator.WARM_UP_SPEC, spec), new GeneratorOptions("dev.crmgen.warmup", null));

        assertEquals(List.of(), result.diagnostics());
        List<String> names = result.files().stream()
                .map(f -> CompiledCode.simpleNames(f.qualifiedName()))
                .toList();
        // A record with a builder-sized body, an open enum, a paged operation's parameter record, a batch, the client.
        assertTrue(
                names.containsAll(List.of("Item", "ItemKind", "GetPageParams", "BatchInput", "WarmUpClient")),
                names.toString());
        try (CompiledCode code = CompiledCode.compile(result.files(), "dev.crmgen.warmup", dir)) {
            assertEquals(Map.of("after", "String"), code.components("NextPage"));
        }
    }

    @Test
    void generationsBesideWarmUpsGiveTheSameBytesAsOneAlone() throws Exception {
        GenerationResult alone = CrmGenerator.generateOnly(fragment(), NOTES);
        assertFalse(alone.hasErrors(), alone.diagnostics().toString());

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                List<WarmUp> warmUps = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    warmUps.add(WarmUp.start(CrmGenerator::warmUp));
                }
                List<Future<GenerationResult>> results = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    results.add(pool.submit(() -> CrmGenerator.generate(fragment(), NOTES)));
                }
                for (Future<GenerationResult> result : results) {
                    assertEquals(sources(alone), sources(result.get(60, TimeUnit.SECONDS)));
                }
                warmUps.forEach(WarmUp::await);
                warmUps.forEach(w -> assertFalse(w.running()));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    private static List<String> sources(GenerationResult result) {
        return result.files().stream()
                .map(f -> f.relativePath() + "\n" + f.source())
                .toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
