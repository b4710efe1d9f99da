package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.batch.BatchExecutorTest.In;
import dev.crmgen.runtime.batch.BatchExecutorTest.Out;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Edge cases of {@link BatchExecutor} that its promise covers but ordinary servers and executors never produce:
 * colliding trace ids, executors that break their contract, calls that throw errors or never return.
 */
@Timeout(60)
class BatchExecutorHostileTest {
    private static final BatchKeys<In, Out> KEYS = BatchExecutorTest.KEYS;

    private final Ledger<In> ledger = new Ledger<>(In::id);

    private Out write(In in) {
        ledger.apply(in);
        return BatchExecutorTest.echo(in);
    }

    private BatchResponse<Out> writeAll(List<In> chunk) {
        return BatchResponse.of(chunk.stream().map(this::write).toList());
    }

    /** A thread per task, like the default executor, but the caller waits until the helper has finished. */
    private static final Executor HELPER_RUNS_FIRST = task -> {
        Thread helper = new Thread(task, "hostile-helper");
        helper.setDaemon(true);
        helper.start();
        try {
            helper.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Test
    void inputsSharingATraceIdAreNotCreditedWithEachOthersResults() {
        // objectWriteTraceId is chosen by the caller, so two inputs can carry the same one. The server rejects note 1
        // and writes note 2; its result carries the shared trace id and id 2.
        In first = new In("1", null, "trace-shared", "v-1");
        In second = new In("2", null, "trace-shared", "v-2");
        List<In> inputs = List.of(first, second);
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        chunk -> new BatchResponse<>(List.of(write(second)), List.of(BatchExecutorTest.notFound("1"))),
                        KEYS,
                        BatchOptions.defaults());

        assertInstanceOf(
                BatchReport.Failed.class,
                report.outcomes().get(0),
                "note 1 was rejected by id, yet: " + report.outcomes().get(0));
        BatchReport.Succeeded<In, Out> written =
                assertInstanceOf(BatchReport.Succeeded.class, report.outcomes().get(1), report.toString());
        assertEquals("2", written.result().id());
        ledger.assertAccountedFor(inputs, report);
    }

    @Test
    void anExecutorThatFailsWithoutRejectingStillYieldsAReport() {
        // The first helper starts and sends a request the server applies; the executor then fails differently
        // from RejectedExecutionException (a wrapper that is shutting down, a thread factory out of threads).
        AtomicInteger tasks = new AtomicInteger();
        Executor failsAfterOne = task -> {
            if (tasks.getAndIncrement() > 0) {
                throw new IllegalStateException("executor is shutting down");
            }
            HELPER_RUNS_FIRST.execute(task);
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"));
        BatchOptions options =
                BatchOptions.builder().chunkSize(1).concurrency(3).build();

        BatchReport<In, Out> report = new BatchExecutor(failsAfterOne).execute(inputs, this::writeAll, KEYS, options);

        assertTrue(report.allSucceeded(), report.toString());
        ledger.assertAccountedFor(inputs, report);
        assertEquals(3, ledger.applied().size(), "each input written once");
    }

    @Test
    void anErrorThrownOnAHelperDoesNotResendANonRetrySafeRequest() {
        // The server applies note 1, then decoding its answer overflows the stack on the helper thread. The request
        // may have been applied, and the operation is not retry-safe: it must not be sent again.
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        AtomicBoolean thrown = new AtomicBoolean();
        BatchCall<In, Out> call = chunk -> {
            chunk.forEach(in ->
                    sends.computeIfAbsent(in.id(), id -> new AtomicInteger()).incrementAndGet());
            BatchResponse<Out> response = writeAll(chunk);
            if (chunk.get(0).id().equals("1") && thrown.compareAndSet(false, true)) {
                throw new StackOverflowError("simulated: decoding the answer");
            }
            return response;
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        BatchOptions options = BatchOptions.builder()
                .chunkSize(1)
                .concurrency(2)
                .retrySafe(false)
                .build();

        BatchReport<In, Out> report = new BatchExecutor(HELPER_RUNS_FIRST).execute(inputs, call, KEYS, options);

        assertTrue(thrown.get(), "the helper took the first request");
        assertEquals(1, sends.get("1").get(), "a request that may have been applied was sent again: " + report);
        BatchReport.Unconfirmed<In, Out> unknown = assertInstanceOf(
                BatchReport.Unconfirmed.class, report.outcomes().get(0), report.toString());
        assertTrue(unknown.sent());
        assertInstanceOf(BatchReport.Succeeded.class, report.outcomes().get(1), report.toString());
    }

    @Test
    void aHelperCallThatIgnoresInterruptsIsGivenUpAtTheDeadlinePlusGrace() throws InterruptedException {
        FakeTicker time = new FakeTicker();
        Thread caller = Thread.currentThread();
        CountDownLatch helperSending = new CountDownLatch(1);
        CountDownLatch neverAnswered = new CountDownLatch(1);
        BatchCall<In, Out> call = chunk -> {
            if (Thread.currentThread() != caller) {
                helperSending.countDown();
                while (true) {
                    try {
                        neverAnswered.await();
                        return writeAll(chunk);
                    } catch (InterruptedException ignored) {
                        // a stalled call that swallows interrupts
                    }
                }
            }
            try {
                assertTrue(helperSending.await(30, TimeUnit.SECONDS), "the helper took the other request");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            time.advance(Duration.ofMinutes(3).toNanos());
            return writeAll(chunk);
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        BatchOptions options = BatchOptions.builder()
                .chunkSize(1)
                .concurrency(2)
                .ticker(time)
                .deadline(Duration.ofMinutes(1))
                .inFlightGrace(Duration.ofMinutes(1))
                .build();
        try {
            BatchReport<In, Out> report = new BatchExecutor().execute(inputs, call, KEYS, options);

            assertEquals(1, report.succeeded().size(), report.toString());
            BatchReport.Unconfirmed<In, Out> stalled = report.unconfirmed().get(0);
            assertTrue(stalled.sent(), stalled.toString());
            assertTrue(stalled.reason().contains("no answer by the run's deadline"), stalled.reason());
        } finally {
            neverAnswered.countDown();
        }
    }

    @Test
    void oneInputWithMoreThreadsThanRequestsAndAFailingCallIsSentOnceAndUnconfirmed() {
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger sends = new AtomicInteger();
        Executor counting = task -> {
            tasks.incrementAndGet();
            new Thread(task).start();
        };
        BatchOptions options = BatchOptions.builder()
                .concurrency(16)
                .retrySafe(false)
                .resendRounds(3)
                .build();

        BatchReport<In, Out> report = new BatchExecutor(counting)
                .execute(
                        List.of(In.id("1")),
                        chunk -> {
                            sends.incrementAndGet();
                            throw new IllegalStateException("codec bug");
                        },
                        KEYS,
                        options);

        assertEquals(0, tasks.get(), "one request needs no helper");
        assertEquals(1, sends.get());
        assertEquals(1, report.requests());
        BatchReport.Unconfirmed<In, Out> u = assertInstanceOf(
                BatchReport.Unconfirmed.class, report.outcomes().get(0), report.toString());
        assertTrue(u.sent());
        assertInstanceOf(IllegalStateException.class, u.cause());
    }

    @Test
    void aResultRepeatedOrForAnUnknownIdSettlesOnlyTheInputItNames() {
        // Same count as the inputs, so order alone would pair them; keys must decide.
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"));
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        chunk -> {
                            Out one = write(chunk.get(0));
                            return BatchResponse.of(List.of(one, one, new Out("999", Map.of(), null)));
                        },
                        KEYS,
                        BatchOptions.defaults());

        assertInstanceOf(BatchReport.Succeeded.class, report.outcomes().get(0));
        assertInstanceOf(BatchReport.Unconfirmed.class, report.outcomes().get(1));
        assertInstanceOf(BatchReport.Unconfirmed.class, report.outcomes().get(2));
        ledger.assertAccountedFor(inputs, report);
    }

    @Test
    void anErrorNamingAWrittenInputLosesToItsResultAndStillFailsTheOtherInput() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        chunk -> new BatchResponse<>(
                                List.of(write(chunk.get(0))), List.of(BatchExecutorTest.notFound("1", "2"))),
                        KEYS,
                        BatchOptions.defaults());

        assertInstanceOf(BatchReport.Succeeded.class, report.outcomes().get(0));
        assertInstanceOf(BatchReport.Failed.class, report.outcomes().get(1));
        ledger.assertAccountedFor(inputs, report);
    }

    @Test
    void isolatingARejectedRequestStartsNoRequestAfterTheDeadline() {
        // Every input is invalid, and the first answer arrives after the run's deadline.
        FakeTicker time = new FakeTicker();
        AtomicInteger sends = new AtomicInteger();
        BatchCall<In, Out> call = chunk -> {
            if (sends.getAndIncrement() == 0) {
                time.advance(Duration.ofMinutes(2).toNanos());
            }
            throw new BadRequestException("Property values were not valid", 400, null, null, "{}", null);
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"), In.id("4"));
        BatchOptions options = BatchOptions.builder()
                .isolateRejected(true)
                .concurrency(1)
                .ticker(time)
                .deadline(Duration.ofMinutes(1))
                .build();

        BatchReport<In, Out> report = new BatchExecutor(Runnable::run).execute(inputs, call, KEYS, options);

        assertEquals(1, sends.get(), "requests started after the deadline: " + report);
        assertEquals(4, report.failed().size(), report.toString());
    }

    @Test
    void anExecutorThatRunsATaskTwiceDoesNotRaiseConcurrency() throws InterruptedException {
        // A broken executor starts two threads for each task. The calls hold until more are in flight than
        // allowed, or until a generous bound shows that no more will come.
        int concurrency = 2;
        Executor twice = task -> {
            new Thread(task, "hostile-twice-a").start();
            new Thread(task, "hostile-twice-b").start();
        };
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch tooMany = new CountDownLatch(1);
        BatchCall<In, Out> call = chunk -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            if (now > concurrency) {
                tooMany.countDown();
            }
            try {
                tooMany.await(3, TimeUnit.SECONDS);
                return writeAll(chunk);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"));
        BatchOptions options =
                BatchOptions.builder().chunkSize(1).concurrency(concurrency).build();

        BatchReport<In, Out> report = new BatchExecutor(twice).execute(inputs, call, KEYS, options);

        assertTrue(report.allSucceeded(), report.toString());
        assertTrue(most.get() <= concurrency, most.get() + " requests in flight at once, allowed " + concurrency);
    }

    @Test
    void inputsWithoutKeysAreNotPairedWithResultsByPosition() {
        // Creates without objectWriteTraceId: HubSpot does not promise result order, and here answers in reverse.
        In a = new In(null, null, null, "a");
        In b = new In(null, null, null, "b");
        BatchReport<In, Out> report = new BatchExecutor(Runnable::run)
                .execute(
                        List.of(a, b),
                        chunk -> {
                            List<Out> created = List.of(
                                    new Out("100", Map.of("value", chunk.get(0).value()), null),
                                    new Out("101", Map.of("value", chunk.get(1).value()), null));
                            return BatchResponse.of(List.of(created.get(1), created.get(0)));
                        },
                        KEYS,
                        BatchOptions.defaults());

        for (BatchReport.Succeeded<In, Out> s : report.succeeded()) {
            assertEquals(
                    s.input().value(),
                    s.result().properties().get("value"),
                    "input " + s.index() + " is reported as creating the object another input created");
        }
    }
}
