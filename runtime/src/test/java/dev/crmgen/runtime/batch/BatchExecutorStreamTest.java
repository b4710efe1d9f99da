package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatchExecutorStreamTest {
    record In(String id, int seq) {}

    record Out(String id, int seq) {}

    static final BatchKeys<In, Out> KEYS =
            BatchKeys.<In, Out>builder().inputId(In::id).resultId(Out::id).build();

    /** Yields {@code count} inputs made on demand, and counts how many were taken. */
    static final class LazyInputs implements Iterator<In> {
        final int count;
        final AtomicLong taken = new AtomicLong();

        LazyInputs(int count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return taken.get() < count;
        }

        @Override
        public In next() {
            int seq = (int) taken.getAndIncrement();
            // Every 1,000th input repeats the id of the one before it: duplicates inside and across windows.
            int idNumber = seq % 1000 == 999 ? seq - 1 : seq;
            return new In(Integer.toString(idNumber), seq);
        }
    }

    /** Confirms every input except those whose seq is a multiple of 97, which HubSpot reports not found. */
    static BatchResponse<Out> answer(List<In> chunk) {
        List<Out> results = new ArrayList<>();
        List<BatchError> errors = new ArrayList<>();
        for (In in : chunk) {
            if (in.seq() % 97 == 0) {
                errors.add(new BatchError(
                        "error", "OBJECT_NOT_FOUND", null, "not found", Map.of("ids", List.of(in.id())), null, null));
            } else {
                results.add(new Out(in.id(), in.seq()));
            }
        }
        return new BatchResponse<>(results, errors);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMillionLazyInputsAreEachReportedOnceWhileTheExecutorHoldsOnlyAWindow() {
        int count = 1_000_000;
        LazyInputs inputs = new LazyInputs(count);
        BatchOptions options = BatchOptions.builder()
                .chunkSize(100)
                .concurrency(4)
                .retrySafe(true)
                .build();
        int window = options.streamWindow();
        BitSet reported = new BitSet(count);
        AtomicLong delivered = new AtomicLong();
        AtomicLong peakHeld = new AtomicLong();
        AtomicInteger duplicatesReported = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Iterator<In> census = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public In next() {
                In in = inputs.next();
                // Inputs taken but not yet delivered: what the executor holds, whatever it does with them.
                peakHeld.accumulateAndGet(inputs.taken.get() - delivered.get(), Math::max);
                return in;
            }
        };
        BatchStreamSummary summary = new BatchExecutor()
                .execute(census, BatchExecutorStreamTest::answer, KEYS, options, outcomes -> {
                    for (BatchReport.Outcome<In, Out> o : outcomes) {
                        assertEquals(o.input().seq(), o.index(), "index counts inputs over the whole stream");
                        assertFalse(reported.get(o.index()), "reported twice: " + o.index());
                        reported.set(o.index());
                        if (o instanceof BatchReport.Succeeded<In, Out> s) {
                            assertEquals(o.input().seq(), s.result().seq());
                        } else {
                            assertInstanceOf(BatchReport.Failed.class, o, () -> "unexpected " + o);
                            assertEquals(0, o.input().seq() % 97);
                            failures.incrementAndGet();
                        }
                        if (o.input().seq() % 1000 == 999) {
                            // The repeat comes after the input it repeats, which is therefore already reported.
                            assertTrue(reported.get(o.input().seq() - 1));
                            duplicatesReported.incrementAndGet();
                        }
                    }
                    delivered.addAndGet(outcomes.size());
                });
        assertEquals(count, summary.inputs());
        assertEquals(count, reported.cardinality(), "every input reported");
        assertEquals(count, delivered.get(), "every input reported exactly once");
        assertTrue(summary.exhausted());
        long expectedFailures =
                IntStream.range(0, count).filter(i -> i % 97 == 0).count();
        assertEquals(expectedFailures, failures.get());
        assertEquals(expectedFailures, summary.failed());
        assertEquals(count - expectedFailures, summary.succeeded());
        assertEquals(1000, duplicatesReported.get());
        assertTrue(peakHeld.get() <= window, "held " + peakHeld.get() + " inputs at once; window is " + window);
        assertTrue(summary.requests() >= count / 100);
    }

    @Test
    void aLaterOccurrenceInALaterWindowIsNotSentWhenTheEarlierOneEndedUnconfirmed() {
        Set<Integer> sent = ConcurrentHashMap.newKeySet();
        BatchCall<In, Out> call = chunk -> {
            chunk.forEach(in -> sent.add(in.seq()));
            if (chunk.stream().anyMatch(in -> in.id().equals("a"))) {
                throw new ServerErrorException("boom", 503, null, null, null, null);
            }
            return answer(chunk);
        };
        List<In> inputs = List.of(new In("a", 1), new In("b", 2), new In("c", 3), new In("a", 4), new In("d", 5));
        List<BatchReport.Outcome<In, Out>> outcomes = new ArrayList<>();
        BatchOptions options = BatchOptions.builder()
                .chunkSize(2)
                .concurrency(1)
                .streamWindow(2)
                .retrySafe(false)
                .build();
        BatchStreamSummary summary =
                new BatchExecutor(Runnable::run).execute(inputs.iterator(), call, KEYS, options, outcomes::addAll);
        assertEquals(5, outcomes.size());
        assertFalse(sent.contains(4), "the repeat of an unconfirmed id must not be sent");
        BatchReport.Unconfirmed<?, ?> repeat = (BatchReport.Unconfirmed<?, ?>)
                outcomes.stream().filter(o -> o.index() == 3).findFirst().orElseThrow();
        assertFalse(repeat.sent());
        assertTrue(repeat.reason().contains("same id"), repeat.reason());
        assertInstanceOf(
                BatchReport.Succeeded.class,
                outcomes.stream().filter(o -> o.index() == 4).findFirst().orElseThrow());
        assertEquals(3, summary.unconfirmed(), "a and b shared the failed request; the repeat of a was never sent");
    }

    @Test
    void theDailyLimitStopsTakingInputs() {
        DailyLimitException daily = new DailyLimitException(
                "daily limit reached",
                429,
                null,
                null,
                null,
                Duration.ofHours(3),
                Instant.parse("2026-11-30T00:00:00Z"),
                250_000,
                0,
                null);
        AtomicInteger calls = new AtomicInteger();
        BatchCall<In, Out> call = chunk -> {
            if (calls.incrementAndGet() >= 3) {
                throw daily;
            }
            return answer(chunk);
        };
        LazyInputs inputs = new LazyInputs(10_000);
        List<BatchReport.Outcome<In, Out>> outcomes = new ArrayList<>();
        BatchOptions options = BatchOptions.builder()
                .chunkSize(10)
                .concurrency(1)
                .streamWindow(50)
                .build();
        BatchStreamSummary summary =
                new BatchExecutor(Runnable::run).execute(inputs, call, KEYS, options, outcomes::addAll);
        assertEquals(50, inputs.taken.get(), "no window after the one that hit the limit");
        assertEquals(50, outcomes.size());
        assertFalse(summary.exhausted());
        assertTrue(summary.stopped().contains("daily limit"), summary.stopped());
        long limited = outcomes.stream()
                .filter(o -> o instanceof BatchReport.Failed<In, Out> f && f.exception() == daily)
                .count();
        assertEquals(30, limited, "the window's inputs from the third request on failed with the daily limit");
    }

    @Test
    void aFailingListenerStopsTheRunAndItsExceptionIsRethrown() {
        AtomicInteger calls = new AtomicInteger();
        BatchCall<In, Out> call = chunk -> {
            calls.incrementAndGet();
            return answer(chunk);
        };
        IllegalStateException diskFull = new IllegalStateException("disk full");
        BatchOptions options = BatchOptions.builder()
                .chunkSize(10)
                .concurrency(1)
                .streamWindow(100)
                .build();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> new BatchExecutor(Runnable::run).execute(new LazyInputs(1_000), call, KEYS, options, outcomes -> {
                    throw diskFull;
                }));
        assertSame(diskFull, thrown);
        assertEquals(1, calls.get(), "no request starts after the listener failed");
    }

    @Test
    void aDeadlineForTheWholeStreamEndsItAndSaysSo() {
        FakeTicker ticker = new FakeTicker();
        BatchCall<In, Out> call = chunk -> {
            ticker.advance(TimeUnit.SECONDS.toNanos(1));
            return answer(chunk);
        };
        List<BatchReport.Outcome<In, Out>> outcomes = new ArrayList<>();
        BatchOptions options = BatchOptions.builder()
                .chunkSize(10)
                .concurrency(1)
                .streamWindow(20)
                .deadline(Duration.ofSeconds(3))
                .ticker(ticker)
                .build();
        LazyInputs inputs = new LazyInputs(1_000);
        BatchStreamSummary summary =
                new BatchExecutor(Runnable::run).execute(inputs, call, KEYS, options, outcomes::addAll);
        assertEquals(40, inputs.taken.get());
        assertEquals(40, outcomes.size());
        assertEquals(30, summary.succeeded() + summary.failed());
        assertEquals(10, summary.unconfirmed());
        assertTrue(summary.stopped().contains("deadline"), summary.stopped());
        assertNull(
                outcomes.stream()
                        .filter(o -> o instanceof BatchReport.Unconfirmed<In, Out> u && u.sent())
                        .findAny()
                        .orElse(null),
                "the inputs left over were never sent");
    }
}
