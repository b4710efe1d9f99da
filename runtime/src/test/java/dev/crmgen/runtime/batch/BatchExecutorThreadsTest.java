package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.ratelimit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which threads a run uses, and that it ends: on any executor, and by its deadline. */
@Timeout(60)
class BatchExecutorThreadsTest {
    record In(String id, String value) {}

    record Out(String id, String value) {}

    static final BatchKeys<In, Out> KEYS =
            BatchKeys.<In, Out>builder().inputId(In::id).resultId(Out::id).build();
    /** Generous: the claim is only that the run ends, not how fast. */
    static final long ENDS_WITHIN_SECONDS = 30;

    final Ledger<In> ledger = new Ledger<>(In::id);
    final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void shutDown() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    static List<In> inputs(int n) {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(new In(Integer.toString(i), "v" + i));
        }
        return inputs;
    }

    BatchResponse<Out> writeAll(List<In> chunk) {
        List<Out> results = new ArrayList<>();
        for (In in : chunk) {
            ledger.apply(in);
            results.add(new Out(in.id(), in.value()));
        }
        return BatchResponse.of(results);
    }

    static final BatchOptions SMALL_CHUNKS =
            BatchOptions.builder().chunkSize(10).concurrency(4).build();

    void assertAllSucceeded(List<In> inputs, BatchReport<In, Out> report) {
        ledger.assertAccountedFor(inputs, report);
        assertTrue(report.allSucceeded(), report.toString());
    }

    @Test
    void runsOnItsOwnPoolWhenCalledFromEveryThreadOfIt() throws Exception {
        ExecutorService pool = pool(2);
        BatchExecutor executor = new BatchExecutor(pool);
        List<In> first = inputs(100);
        List<In> second = inputs(100).stream()
                .map(in -> new In("s" + in.id(), in.value()))
                .toList();
        // Both pool threads are callers; the helpers they submit queue behind them and may never run.
        Future<BatchReport<In, Out>> a = pool.submit(() -> executor.execute(first, this::writeAll, KEYS, SMALL_CHUNKS));
        Future<BatchReport<In, Out>> b =
                pool.submit(() -> executor.execute(second, this::writeAll, KEYS, SMALL_CHUNKS));
        assertAllSucceeded(first, a.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS));
        assertAllSucceeded(second, b.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void runsOnASingleThreadPoolFromInsideIt() throws Exception {
        ExecutorService pool = pool(1);
        List<In> inputs = inputs(55);
        Future<BatchReport<In, Out>> report =
                pool.submit(() -> new BatchExecutor(pool).execute(inputs, this::writeAll, KEYS, SMALL_CHUNKS));
        assertAllSucceeded(inputs, report.get(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void runsOnASaturatedPoolWhoseThreadsAreBusyUntilTheRunEnds() {
        ExecutorService pool = pool(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int t = 0; t < 2; t++) {
            pool.execute(() -> {
                try {
                    release.await(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        List<In> inputs = inputs(95);
        Thread caller = Thread.currentThread();
        List<Thread> senders = new ArrayList<>();
        BatchReport<In, Out> report = new BatchExecutor(pool)
                .execute(
                        inputs,
                        chunk -> {
                            synchronized (senders) {
                                senders.add(Thread.currentThread());
                            }
                            return writeAll(chunk);
                        },
                        KEYS,
                        SMALL_CHUNKS);
        release.countDown();
        assertAllSucceeded(inputs, report);
        assertTrue(senders.stream().allMatch(t -> t == caller), "no pool thread was free, so the caller sent all");
    }

    @Test
    void runsOnTheCallersThreadWithADirectExecutor() {
        List<In> inputs = inputs(42);
        Thread caller = Thread.currentThread();
        AtomicInteger elsewhere = new AtomicInteger();
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        chunk -> {
                            if (Thread.currentThread() != caller) {
                                elsewhere.incrementAndGet();
                            }
                            return writeAll(chunk);
                        },
                        KEYS,
                        SMALL_CHUNKS);
        assertAllSucceeded(inputs, report);
        assertEquals(0, elsewhere.get());
        assertEquals(5, report.requests());
    }

    @Test
    void runsWhenTheExecutorRejectsOrNeverRunsItsTasks() {
        List<In> inputs = inputs(30);
        BatchReport<In, Out> rejected = new BatchExecutor(r -> {
                    throw new RejectedExecutionException("shut down");
                })
                .execute(inputs, this::writeAll, KEYS, SMALL_CHUNKS);
        assertAllSucceeded(inputs, rejected);

        List<Runnable> neverRun = new ArrayList<>();
        Ledger<In> second = new Ledger<>(In::id);
        BatchReport<In, Out> ignored = new BatchExecutor(neverRun::add)
                .execute(
                        inputs,
                        chunk -> {
                            chunk.forEach(second::apply);
                            return BatchResponse.of(chunk.stream()
                                    .map(in -> new Out(in.id(), in.value()))
                                    .toList());
                        },
                        KEYS,
                        SMALL_CHUNKS);
        second.assertAccountedFor(inputs, ignored);
        assertTrue(ignored.allSucceeded());
        assertFalse(neverRun.isEmpty(), "helpers were offered");
        // A helper that starts after the run has ended finds nothing to do and sends nothing.
        neverRun.forEach(Runnable::run);
        assertEquals(30, second.applied().size());
    }

    @Test
    void noRequestStartsAfterTheDeadlineAndUnsentInputsSaySo() {
        FakeTicker ticker = new FakeTicker();
        List<In> inputs = inputs(50);
        List<BatchProgress> progress = new ArrayList<>();
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        chunk -> {
                            ticker.advance(Duration.ofMinutes(1).toNanos());
                            return writeAll(chunk);
                        },
                        KEYS,
                        BatchOptions.builder()
                                .chunkSize(10)
                                .concurrency(1)
                                .ticker(ticker)
                                .deadline(Duration.ofSeconds(150))
                                .progress(progress::add)
                                .build());
        ledger.assertAccountedFor(inputs, report);
        // Requests start at 0 s, 60 s and 120 s; at 180 s the deadline has passed.
        assertEquals(30, report.succeeded().size());
        assertEquals(20, report.unconfirmed().size());
        for (BatchReport.Unconfirmed<In, Out> u : report.unconfirmed()) {
            assertFalse(u.sent());
            assertTrue(u.reason().contains("deadline passed"), u.reason());
        }
        assertEquals(new BatchProgress(50, 30, 0, 20, 3), progress.get(progress.size() - 1));
    }

    @Test
    void aRequestInFlightPastTheGraceEndsUnconfirmedAndItsLateAnswerIsIgnored() throws Exception {
        FakeTicker ticker = new FakeTicker();
        List<In> inputs = inputs(20);
        Thread caller = Thread.currentThread();
        CountDownLatch helperSending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        BatchOptions options = BatchOptions.builder()
                .chunkSize(10)
                .concurrency(2)
                .ticker(ticker)
                .deadline(Duration.ofMinutes(1))
                .inFlightGrace(Duration.ofMinutes(1))
                .build();
        BatchReport<In, Out> report = new BatchExecutor()
                .execute(
                        inputs,
                        chunk -> {
                            if (Thread.currentThread() == caller) {
                                // The caller's own request ends after the helper's has started and after deadline and
                                // grace.
                                await(helperSending);
                                ticker.advance(Duration.ofMinutes(3).toNanos());
                                return writeAll(chunk);
                            }
                            helperSending.countDown();
                            await(answer);
                            try {
                                return writeAll(chunk);
                            } finally {
                                answered.countDown();
                            }
                        },
                        KEYS,
                        options);
        answer.countDown();
        assertTrue(answered.await(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS));
        assertEquals(10, report.succeeded().size());
        assertEquals(10, report.unconfirmed().size());
        for (BatchReport.Unconfirmed<In, Out> u : report.unconfirmed()) {
            assertTrue(u.sent());
            assertTrue(u.reason().contains("no answer"), u.reason());
        }
        assertEquals(2, report.requests());
        assertEquals(20, ledger.applied().size(), "the late answer arrived, and the report did not change");
    }

    @Test
    void anInterruptWhileWaitingForAHelperKeepsItsAnswerAndTheFlag() {
        List<In> inputs = inputs(20);
        Thread caller = Thread.currentThread();
        CountDownLatch helperSending = new CountDownLatch(1);
        CountDownLatch callerDone = new CountDownLatch(1);
        BatchReport<In, Out> report = new BatchExecutor()
                .execute(
                        inputs,
                        chunk -> {
                            if (Thread.currentThread() == caller) {
                                await(helperSending);
                                callerDone.countDown();
                                return writeAll(chunk);
                            }
                            helperSending.countDown();
                            await(callerDone);
                            caller.interrupt();
                            return writeAll(chunk);
                        },
                        KEYS,
                        BatchOptions.builder().chunkSize(10).concurrency(2).build());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        assertAllSucceeded(inputs, report);
    }

    @Test
    void theDefaultDeadlineGrowsWithTheWork() {
        BatchOptions defaults = BatchOptions.defaults();
        assertEquals(Duration.ofMinutes(10), defaults.deadlineFor(0));
        assertEquals(Duration.ofMinutes(10 + 100), defaults.deadlineFor(10_000));
        BatchOptions fixed =
                defaults.toBuilder().deadline(Duration.ofSeconds(5)).build();
        assertEquals(Duration.ofSeconds(5), fixed.deadlineFor(10_000));
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(ENDS_WITHIN_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
