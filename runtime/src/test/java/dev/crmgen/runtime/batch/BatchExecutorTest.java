package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Matching and accounting rules, with an in-memory {@link BatchCall}. */
class BatchExecutorTest {
    record In(String id, String idProperty, String trace, String value) {
        static In id(String id) {
            return new In(id, null, null, "v-" + id);
        }
    }

    record Out(String id, Map<String, String> properties, String trace) {}

    static final BatchKeys<In, Out> KEYS = BatchKeys.<In, Out>builder()
            .inputId(In::id)
            .inputIdProperty(In::idProperty)
            .inputTraceId(In::trace)
            .resultId(Out::id)
            .resultTraceId(Out::trace)
            .resultProperty((r, n) -> r.properties().get(n))
            .inputWithTraceId((in, trace) -> new In(in.id(), in.idProperty(), trace, in.value()))
            .build();

    final BatchExecutor executor = new BatchExecutor();
    final Ledger<In> ledger = new Ledger<>(In::id);

    static Out echo(In in) {
        return new Out(in.id(), Map.of("value", in.value()), in.trace());
    }

    /** The server writes {@code in} and answers with it. */
    Out write(In in) {
        ledger.apply(in);
        return echo(in);
    }

    /** A server that writes every input and answers in request order. */
    BatchResponse<Out> writeAll(List<In> chunk) {
        return BatchResponse.of(chunk.stream().map(this::write).toList());
    }

    void assertAccountedFor(List<In> inputs, BatchReport<In, Out> report) {
        ledger.assertAccountedFor(inputs, report);
    }

    static BatchError notFound(String... ids) {
        return new BatchError("error", "OBJECT_NOT_FOUND", null, "not found", Map.of("ids", List.of(ids)), null, null);
    }

    @Test
    void emptyInputNeedsNoRequest() {
        BatchReport<In, Out> r = executor.execute(
                List.of(),
                chunk -> {
                    throw new AssertionError("no call expected");
                },
                KEYS,
                BatchOptions.defaults());
        assertEquals(0, r.size());
        assertEquals(0, r.requests());
        assertTrue(r.allSucceeded());
    }

    @Test
    void rejectsNullInputs() {
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> executor.execute(
                        Arrays.asList(In.id("1"), null),
                        c -> BatchResponse.of(List.of()),
                        KEYS,
                        BatchOptions.defaults()));
        assertTrue(e.getMessage().contains("input 1"), e.getMessage());
    }

    @Test
    void matchesResultsByIdRegardlessOfOrderAndErrorsByContextIds() {
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"), In.id("4"));
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    List<Out> results = new ArrayList<>();
                    for (In in : chunk) {
                        if (!in.id().equals("2") && !in.id().equals("4")) {
                            results.add(write(in));
                        }
                    }
                    Collections.reverse(results);
                    return new BatchResponse<>(results, List.of(notFound("2", "4")));
                },
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertEquals(
                List.of("1", "3"),
                r.succeeded().stream().map(s -> s.result().id()).toList());
        assertEquals("v-3", r.succeeded().get(1).result().properties().get("value"));
        assertEquals(
                List.of("2", "4"), r.failed().stream().map(f -> f.input().id()).toList());
        assertEquals("OBJECT_NOT_FOUND", r.failed().get(0).error().category());
        assertNull(r.failed().get(0).exception());
    }

    @Test
    void resultsArePairedByKeyNeverByPosition() {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            inputs.add(In.id(Integer.toString(i)));
        }
        BatchReport<In, Out> inOrder = executor.execute(inputs, this::writeAll, KEYS, BatchOptions.defaults());
        assertAccountedFor(inputs, inOrder);
        assertTrue(inOrder.allSucceeded());
        for (BatchReport.Succeeded<In, Out> s : inOrder.succeeded()) {
            assertEquals(s.input().id(), s.result().id());
        }
        // Same count, two neighbours swapped and one result with an id nobody sent: the counts agree, but HubSpot
        // does not promise order, so the unknown result is paired with nothing.
        List<In> four = inputs.subList(0, 4);
        BatchReport<In, Out> swapped = executor.execute(
                four,
                chunk -> BatchResponse.of(List.of(
                        write(chunk.get(1)), write(chunk.get(0)), write(chunk.get(2)), new Out("999", Map.of(), null))),
                KEYS,
                BatchOptions.defaults());
        assertEquals(
                "1",
                ((BatchReport.Succeeded<In, Out>) swapped.outcomes().get(1))
                        .result()
                        .id());
        assertEquals(
                "0",
                ((BatchReport.Succeeded<In, Out>) swapped.outcomes().get(0))
                        .result()
                        .id());
        assertEquals(
                "2",
                ((BatchReport.Succeeded<In, Out>) swapped.outcomes().get(2))
                        .result()
                        .id());
        BatchReport.Unconfirmed<In, Out> third =
                (BatchReport.Unconfirmed<In, Out>) swapped.outcomes().get(3);
        assertTrue(third.sent());
        assertTrue(third.reason().contains("neither confirmed nor rejected"), third.reason());
    }

    @Test
    void aWaveTakesTheEarliestOccurrenceOfEachUnblockedId() {
        List<In> inputs = List.of(
                In.id("a"),
                In.id("b"),
                In.id("a"),
                new In(null, null, null, "x"),
                In.id("a"),
                In.id("c"),
                new In(null, null, null, "y"));
        List<Integer> rest = new ArrayList<>();
        assertEquals(
                List.of(0, 1, 3, 5, 6),
                RoundPlanner.nextWave(List.of(0, 1, 2, 3, 4, 5, 6), inputs, KEYS, Set.of(), rest));
        assertEquals(List.of(2, 4), rest);
        rest.clear();
        assertEquals(
                List.of(1, 3, 6),
                RoundPlanner.nextWave(List.of(0, 1, 2, 3, 4, 5, 6), inputs, KEYS, Set.of("a", "c"), rest));
        assertEquals(List.of(0, 2, 4, 5), rest);
    }

    @Test
    void matchesByTraceIdAndByUniquePropertyValue() {
        List<In> inputs = List.of(
                new In(null, null, "trace-a", "a"),
                new In("ext-7", "my_unique", null, "b"),
                new In(null, null, "trace-c", "c"));
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    chunk.forEach(ledger::apply);
                    return new BatchResponse<>(
                            List.of(
                                    new Out("903", Map.of("value", "c"), "trace-c"),
                                    new Out("902", Map.of("value", "b", "my_unique", "ext-7"), null),
                                    new Out("901", Map.of("value", "a"), "trace-a")),
                            List.of());
                },
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertEquals(
                List.of("901", "902", "903"), r.results().stream().map(Out::id).toList());
    }

    @Test
    void errorsMatchByTraceIdToo() {
        List<In> inputs = List.of(new In(null, null, "t1", "a"), new In(null, null, "t2", "b"));
        BatchError e = new BatchError(
                "error", "VALIDATION_ERROR", null, "bad", Map.of("objectWriteTraceId", List.of("t2")), null, null);
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> new BatchResponse<>(List.of(new Out("1", Map.of(), "t1")), List.of(e)),
                KEYS,
                BatchOptions.defaults());
        assertEquals("t1", r.succeeded().get(0).input().trace());
        assertSame(e, r.failed().get(0).error());
    }

    @Test
    void keylessResultsArePairedByPositionOnlyForALoneInput() {
        BatchKeys<String, String> none = BatchKeys.<String, String>builder().build();
        List<String> inputs = List.of("a", "b", "c");
        // As many results as inputs, but nothing says which is whose: HubSpot does not promise order.
        BatchReport<String, String> all = executor.execute(
                inputs, chunk -> BatchResponse.of(List.of("ra", "rb", "rc")), none, BatchOptions.defaults());
        assertEquals(3, all.unconfirmed().size(), all.toString());
        assertTrue(all.unconfirmed().get(0).reason().contains("neither confirmed nor rejected"));
        BatchReport<String, String> lone =
                executor.execute(List.of("a"), chunk -> BatchResponse.of(List.of("ra")), none, BatchOptions.defaults());
        assertEquals(List.of("ra"), lone.results());
    }

    @Test
    void keylessInputsAreSentWithTraceIdsAndMatchedOnThemInAnyOrder() {
        In a = new In(null, null, null, "a");
        In b = new In(null, null, null, "b");
        In c = new In(null, null, null, "c");
        List<List<In>> sent = new ArrayList<>();
        BatchReport<In, Out> r = executor.execute(
                List.of(a, b, c),
                chunk -> {
                    sent.add(chunk);
                    // Created objects get new ids; HubSpot echoes objectWriteTraceId, here in reverse order.
                    List<Out> created = new ArrayList<>();
                    for (int k = chunk.size() - 1; k >= 0; k--) {
                        created.add(new Out(
                                "10" + k,
                                Map.of("value", chunk.get(k).value()),
                                chunk.get(k).trace()));
                    }
                    return BatchResponse.of(created);
                },
                KEYS,
                BatchOptions.defaults());

        assertTrue(r.allSucceeded(), r.toString());
        for (BatchReport.Succeeded<In, Out> s : r.succeeded()) {
            assertEquals(s.input().value(), s.result().properties().get("value"), r.toString());
        }
        assertSame(a, r.outcomes().get(0).input(), "the report holds the caller's input, not the stamped copy");
        assertEquals(
                List.of(a, b, c),
                r.outcomes().stream().map(BatchReport.Outcome::input).toList());
        List<String> traces = sent.get(0).stream().map(In::trace).toList();
        assertEquals(3, new HashSet<>(traces).size(), "each input gets its own trace id: " + traces);
        assertTrue(traces.stream().allMatch(t -> t != null && t.startsWith("crmgen-")), traces.toString());
    }

    @Test
    void aLoneKeylessInputIsSentWithoutATraceId() {
        List<In> sent = new ArrayList<>();
        In a = new In(null, null, null, "a");
        BatchReport<In, Out> r = executor.execute(
                List.of(a),
                chunk -> {
                    sent.addAll(chunk);
                    return BatchResponse.of(List.of(new Out("100", Map.of("value", "a"), null)));
                },
                KEYS,
                BatchOptions.defaults());
        assertSame(a, sent.get(0));
        assertEquals("100", r.succeeded().get(0).result().id());
    }

    @Test
    void aResultWhoseTraceIdNamesAnInputWithAnotherIdIsNotCreditedToIt() {
        // The caller reused a trace id from an earlier run; the id in the result decides.
        In one = new In("1", null, "t-old", "v-1");
        In two = new In("2", null, null, "v-2");
        BatchReport<In, Out> r = executor.execute(
                List.of(one, two),
                chunk -> BatchResponse.of(List.of(new Out("2", Map.of("value", "v-2"), "t-old"))),
                KEYS,
                BatchOptions.defaults());
        assertInstanceOf(BatchReport.Unconfirmed.class, r.outcomes().get(0), r.toString());
        assertInstanceOf(BatchReport.Succeeded.class, r.outcomes().get(1), r.toString());
    }

    @Test
    void anErrorsOwnIdIsNotAnInputIdAndUnattributedErrorsFailNothing() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        // HubSpot's StandardError.id is "a unique ID for the error instance"; here it happens to equal input 2's id.
        BatchError vague = new BatchError(
                "error", "VALIDATION_ERROR", null, "Property values were not valid", Map.of(), "2", null);
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> new BatchResponse<>(List.of(write(chunk.get(0))), List.of(vague)),
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertEquals(0, r.failed().size());
        BatchReport.Unconfirmed<In, Out> second = r.unconfirmed().get(0);
        assertEquals("2", second.input().id());
        assertTrue(second.reason().contains("Property values were not valid"), second.reason());

        // HubSpot's real 207 shape names the input in context.ids.
        BatchError notFound = new BatchError(
                "error",
                "OBJECT_NOT_FOUND",
                null,
                "Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.",
                Map.of("ids", List.of("2")),
                "a1b2c3d4-0000-4000-8000-000000000001",
                null);
        BatchReport<In, Out> named = executor.execute(
                inputs,
                chunk -> new BatchResponse<>(List.of(write(chunk.get(0))), List.of(notFound)),
                KEYS,
                BatchOptions.defaults());
        assertSame(notFound, named.failed().get(0).error());
        assertEquals("2", named.failed().get(0).input().id());
    }

    @Test
    void aLoneKeylessInputGetsALoneError() {
        BatchKeys<String, String> none = BatchKeys.<String, String>builder().build();
        BatchError error = new BatchError("error", "VALIDATION_ERROR", null, "bad", Map.of(), null, null);
        BatchReport<String, String> r = executor.execute(
                List.of("a"), chunk -> new BatchResponse<>(List.of(), List.of(error)), none, BatchOptions.defaults());
        assertSame(error, r.failed().get(0).error());
    }

    @Test
    void aResultWinsOverAnErrorNamingTheSameInput() {
        List<In> inputs = List.of(In.id("1"));
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> new BatchResponse<>(List.of(write(chunk.get(0))), List.of(notFound("1"))),
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertEquals(1, r.succeeded().size());
    }

    @Test
    void chunksAreAtMostTheChunkSize() {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            inputs.add(In.id(Integer.toString(i)));
        }
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    sizes.add(chunk.size());
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().chunkSize(100).build());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded());
        assertEquals(11, r.requests());
        assertEquals(1001, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().allMatch(s -> s <= 100));
    }

    @Test
    void duplicateIdsGoToSuccessiveRequestsInInputOrder() {
        List<In> inputs = List.of(
                new In("a", null, null, "a1"),
                In.id("b"),
                new In("a", null, null, "a2"),
                In.id("c"),
                new In("a", null, null, "a3"),
                new In(null, null, "t-no-id", "no-id"));
        List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    Set<String> ids = new HashSet<>();
                    for (In in : chunk) {
                        if (in.id() != null && !ids.add(in.id())) {
                            throw new BadRequestException(
                                    "Duplicate IDs found in batch input", 400, null, null, "", null);
                        }
                    }
                    requests.add(chunk.stream().map(In::value).toList());
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().concurrency(4).build());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded(), r.outcomes().toString());
        assertEquals(List.of(List.of("a1", "v-b", "v-c", "no-id"), List.of("a2"), List.of("a3")), requests);
        assertEquals(
                List.of("a1", "v-b", "a2", "v-c", "a3", "no-id"),
                r.succeeded().stream()
                        .map(s -> s.result().properties().get("value"))
                        .toList());
    }

    @Test
    void clientErrorsFailTheWholeRequest() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        BadRequestException bad = new BadRequestException("invalid", 400, "c", null, "{}", null);
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    calls.incrementAndGet();
                    throw bad;
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        assertEquals(2, r.failed().size());
        assertSame(bad, r.failed().get(1).exception());
        assertEquals("invalid", r.failed().get(1).message());
        assertEquals(1, calls.get(), "client errors are never resent");
    }

    @Test
    void isolatingARejectedRequestFailsOnlyTheCulprits() {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inputs.add(In.id(i == 5 ? "bad" : Integer.toString(i)));
        }
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        BatchCall<In, Out> call = chunk -> {
            sizes.add(chunk.size());
            if (chunk.stream().anyMatch(in -> in.id().equals("bad"))) {
                throw new BadRequestException("Property values were not valid", 400, null, null, "{}", null);
            }
            return writeAll(chunk);
        };
        BatchReport<In, Out> r = executor.execute(
                inputs, call, KEYS, BatchOptions.builder().isolateRejected(true).build());
        assertAccountedFor(inputs, r);
        assertEquals(7, r.succeeded().size());
        assertEquals("bad", r.failed().get(0).input().id());
        assertInstanceOf(BadRequestException.class, r.failed().get(0).exception());
        assertEquals(List.of(8, 4, 4, 2, 1, 1, 2), sizes, "depth first");
        assertEquals(7, r.requests());

        sizes.clear();
        BatchReport<In, Out> plain = executor.execute(inputs, call, KEYS, BatchOptions.defaults());
        assertEquals(8, plain.failed().size());
        assertEquals(List.of(8), sizes);
    }

    @Test
    void isolatingStopsBetweenHalvesOnceTheDeadlinePassed() {
        // The whole request and its first half are rejected; the first half's answer arrives after the deadline.
        FakeTicker time = new FakeTicker();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        BatchCall<In, Out> call = chunk -> {
            sizes.add(chunk.size());
            if (sizes.size() == 2) {
                time.advance(Duration.ofMinutes(2).toNanos());
            }
            throw new BadRequestException("Property values were not valid", 400, null, null, "{}", null);
        };
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"), In.id("4"));
        BatchReport<In, Out> r = new BatchExecutor(Runnable::run)
                .execute(
                        inputs,
                        call,
                        KEYS,
                        BatchOptions.builder()
                                .isolateRejected(true)
                                .ticker(time)
                                .deadline(Duration.ofMinutes(1))
                                .build());
        assertEquals(List.of(4, 2), sizes, "the second half is not sent after the deadline");
        assertEquals(4, r.failed().size(), r.toString());
        assertTrue(r.failed().stream().allMatch(f -> f.exception() instanceof BadRequestException), r.toString());
        assertEquals(2, r.requests());
    }

    @Test
    void serverErrorsLeaveInputsUnconfirmedAndAreResentOnlyWhenRetrySafe() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        AtomicInteger calls = new AtomicInteger();
        BatchCall<In, Out> down = chunk -> {
            calls.incrementAndGet();
            throw new ServerErrorException("boom", 500, null, null, "", null);
        };
        BatchReport<In, Out> unsafe = executor.execute(inputs, down, KEYS, BatchOptions.defaults());
        assertEquals(2, unsafe.unconfirmed().size());
        assertEquals(1, calls.get());
        assertInstanceOf(ServerErrorException.class, unsafe.unconfirmed().get(0).cause());

        calls.set(0);
        BatchReport<In, Out> safe = executor.execute(
                inputs,
                down,
                KEYS,
                BatchOptions.builder().retrySafe(true).resendRounds(2).build());
        assertAccountedFor(inputs, safe);
        assertEquals(2, safe.unconfirmed().size());
        assertEquals(3, calls.get());
        assertEquals(3, safe.requests());
    }

    @Test
    void resendRecoversUnconfirmedInputs() {
        List<In> inputs = List.of(In.id("1"), In.id("2"), In.id("3"));
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (calls.incrementAndGet() == 1) {
                        // The first response silently leaves "2" out.
                        return BatchResponse.of(List.of(write(chunk.get(0)), write(chunk.get(2))));
                    }
                    assertEquals(List.of("2"), chunk.stream().map(In::id).toList());
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded(), r.toString());
        assertEquals(2, r.requests());
    }

    @Test
    void inputsWhoseAnswerWasTooLongToReadAreUnconfirmedAndNotResent() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    calls.incrementAndGet();
                    chunk.forEach(ledger::apply);
                    throw new TransportException(
                            "POST /crm/v3/objects/notes/batch/update: I/O failure", true, false, true, null);
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        assertEquals(1, calls.get(), "a later round would draw the same answer");
        assertEquals(2, r.unconfirmed().size(), r.toString());
        assertTrue(r.unconfirmed().get(0).reason().contains("longer than the client reads"), r.toString());
        assertTrue(r.unconfirmed().get(0).sent());
    }

    @Test
    void unsentRequestsAreResentEvenWhenNotRetrySafe() {
        List<In> inputs = List.of(In.id("1"));
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new TransportException("connection refused", false, false, null);
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded());

        calls.set(0);
        BatchReport<In, Out> ambiguous = executor.execute(
                inputs,
                chunk -> {
                    calls.incrementAndGet();
                    throw new TransportException("reset after sending", true, false, null);
                },
                KEYS,
                BatchOptions.defaults());
        assertEquals(1, ambiguous.unconfirmed().size());
        assertEquals(1, calls.get(), "an ambiguous failure of a non-retry-safe call is not resent");

        // Never sent in any round: nothing was applied, so it fails with the exception that says why.
        TransportException refused = new TransportException("connection refused", false, false, null);
        BatchReport<In, Out> never = executor.execute(
                inputs,
                chunk -> {
                    throw refused;
                },
                KEYS,
                BatchOptions.defaults());
        new Ledger<In>(In::id).assertAccountedFor(inputs, never);
        assertSame(refused, never.failed().get(0).exception());
        assertEquals(2, never.requests());
    }

    @Test
    void unexpectedExceptionsLeaveInputsUnconfirmed() {
        List<In> inputs = List.of(In.id("1"));
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    throw new IllegalStateException("bug");
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertEquals(1, r.unconfirmed().size());
        assertEquals(1, r.requests());
        assertTrue(r.unconfirmed().get(0).reason().contains("IllegalStateException"));
    }

    @Test
    void concurrencyIsBoundedAndProgressIsSerialAndComplete() {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inputs.add(In.id(Integer.toString(i)));
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicBoolean inListener = new AtomicBoolean();
        List<BatchProgress> progress = new ArrayList<>();
        // The first requests hold until all three are in flight together (or a generous deadline passes, which the
        // assertion below then reports), so the bound is reached without relying on timing.
        CountDownLatch allInFlight = new CountDownLatch(3);
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    if (allInFlight.getCount() > 0) {
                        allInFlight.countDown();
                        try {
                            allInFlight.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    }
                    inFlight.decrementAndGet();
                    return new BatchResponse<>(
                            chunk.stream()
                                    .filter(in -> !in.id().endsWith("7"))
                                    .map(this::write)
                                    .toList(),
                            List.of(notFound(chunk.stream()
                                    .map(In::id)
                                    .filter(id -> id.endsWith("7"))
                                    .toArray(String[]::new))));
                },
                KEYS,
                BatchOptions.builder()
                        .chunkSize(50)
                        .concurrency(3)
                        .progress(p -> {
                            assertTrue(inListener.compareAndSet(false, true), "listener called concurrently");
                            progress.add(p);
                            inListener.set(false);
                        })
                        .build());
        assertAccountedFor(inputs, r);
        assertEquals(100, r.failed().size());
        assertEquals(900, r.succeeded().size());
        assertEquals(3, maxInFlight.get(), "max in flight");
        assertEquals(20, progress.size());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).completed() > progress.get(i - 1).completed());
        }
        BatchProgress last = progress.get(progress.size() - 1);
        assertTrue(last.done());
        assertEquals(new BatchProgress(1000, 900, 100, 0, 20), last);
    }

    @Test
    void interruptionReportsUnsentInputsAsUnconfirmed() throws Exception {
        List<In> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inputs.add(In.id(Integer.toString(i)));
        }
        Thread caller = Thread.currentThread();
        CountDownLatch first = new CountDownLatch(1);
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (first.getCount() == 1) {
                        first.countDown();
                        caller.interrupt();
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().concurrency(1).build());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
        assertAccountedFor(inputs, r);
        assertEquals(100, r.succeeded().size());
        assertEquals(400, r.unconfirmed().size());
        assertTrue(r.unconfirmed().get(0).reason().contains("not sent"));
        assertTrue(r.unconfirmed().stream().noneMatch(BatchReport.Unconfirmed::sent));
    }

    static ServerErrorException unavailable() {
        return new ServerErrorException("Service Unavailable", 503, null, null, "", null);
    }

    static RateLimitException rateLimited() {
        return new RateLimitException("You have reached your secondly limit.", 429, "c-429", null, "", null, null);
    }

    @Test
    void aResentEarlierDuplicateIsAppliedBeforeTheLaterOne() {
        List<In> inputs = List.of(new In("a", null, null, "a1"), In.id("b"), new In("a", null, null, "a2"));
        AtomicInteger attemptsWithA = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (chunk.stream().anyMatch(in -> "a".equals(in.id())) && attemptsWithA.incrementAndGet() == 1) {
                        throw unavailable();
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded(), r.toString());
        assertEquals(
                List.of("a1", "a2"),
                ledger.appliedFor("a").stream().map(In::value).toList());
    }

    @Test
    void aLaterDuplicateOfAnUnconfirmedInputIsNeverSent() {
        List<In> inputs = List.of(
                new In("a", null, null, "a1"),
                In.id("b"),
                new In("a", null, null, "a2"),
                new In("a", null, null, "a3"));
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (chunk.stream().anyMatch(in -> "a1".equals(in.value()))) {
                        throw unavailable();
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).resendRounds(2).build());
        assertAccountedFor(inputs, r);
        assertEquals(List.of(), ledger.appliedFor("a"));
        BatchReport.Unconfirmed<In, Out> first =
                (BatchReport.Unconfirmed<In, Out>) r.outcomes().get(0);
        assertTrue(first.sent());
        assertInstanceOf(ServerErrorException.class, first.cause());
        for (int later : new int[] {2, 3}) {
            BatchReport.Unconfirmed<In, Out> u =
                    (BatchReport.Unconfirmed<In, Out>) r.outcomes().get(later);
            assertFalse(u.sent());
            assertTrue(u.reason().contains("input 0 with the same id"), u.reason());
        }
        // b went in the first request, a1 alone in each of the two resend rounds.
        assertEquals(3, r.requests());
    }

    @Test
    void aLaterDuplicateWaitsWhileTheEarlierOneIsRateLimited() {
        List<In> inputs = List.of(new In("a", null, null, "a1"), new In("a", null, null, "a2"));
        List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    requests.add(chunk.stream().map(In::value).toList());
                    if (requests.size() == 1) {
                        throw rateLimited();
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded(), r.toString());
        assertEquals(List.of(List.of("a1"), List.of("a1"), List.of("a2")), requests);
    }

    @Test
    void aChunkStillRateLimitedGoesToLaterRoundsThenFailsWithTheException() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        AtomicInteger calls = new AtomicInteger();
        RateLimitException limit = rateLimited();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    calls.incrementAndGet();
                    throw limit;
                },
                KEYS,
                BatchOptions.builder().resendRounds(2).build());
        assertAccountedFor(inputs, r);
        assertEquals(3, calls.get(), "sent in the first round and both resend rounds, even though not retry-safe");
        assertEquals(2, r.failed().size());
        assertSame(limit, r.failed().get(0).exception());

        calls.set(0);
        BatchReport<In, Out> recovered = executor.execute(
                inputs,
                chunk -> {
                    if (calls.incrementAndGet() == 1) {
                        throw limit;
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.defaults());
        assertAccountedFor(inputs, recovered);
        assertTrue(recovered.allSucceeded());
    }

    @Test
    void theDailyLimitFailsItsChunkAtOnceWithoutLaterRounds() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        AtomicInteger calls = new AtomicInteger();
        DailyLimitException daily = new DailyLimitException(
                "You have reached your daily limit.", 429, "c-daily", null, "", null, null, 250_000, 0, null);
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    calls.incrementAndGet();
                    throw daily;
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).resendRounds(2).build());
        assertAccountedFor(inputs, r);
        assertEquals(1, calls.get(), "nothing more can succeed before the daily reset");
        assertEquals(2, r.failed().size());
        assertSame(daily, r.failed().get(0).exception());
    }

    @Test
    void anUnreadableAnswerToAnIdempotentCallIsSentAgain() {
        List<In> inputs = List.of(In.id("1"), In.id("2"));
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (calls.incrementAndGet() == 1) {
                        chunk.forEach(ledger::apply); // applied, but the answer was garbled
                        throw new ResponseDecodingException(
                                "unreadable", 200, "c-1", "{\"results\":[", "$.results", null);
                    }
                    return writeAll(chunk);
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        assertTrue(r.allSucceeded(), r.toString());
        assertEquals(2, calls.get());
    }

    @Test
    void aRateLimitAfterAnAmbiguousAttemptStaysUnconfirmed() {
        List<In> inputs = List.of(In.id("1"));
        AtomicInteger calls = new AtomicInteger();
        BatchReport<In, Out> r = executor.execute(
                inputs,
                chunk -> {
                    if (calls.incrementAndGet() == 1) {
                        ledger.apply(chunk.get(0)); // the server wrote it, then the gateway answered 503
                        throw unavailable();
                    }
                    throw rateLimited();
                },
                KEYS,
                BatchOptions.builder().retrySafe(true).build());
        assertAccountedFor(inputs, r);
        BatchReport.Unconfirmed<In, Out> u = r.unconfirmed().get(0);
        assertTrue(u.sent());
        assertInstanceOf(RateLimitException.class, u.cause());
    }
}
