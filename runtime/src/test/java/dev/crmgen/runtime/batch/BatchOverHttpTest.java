package dev.crmgen.runtime.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.LogCapture;
import dev.crmgen.runtime.ResponseMapper;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonDecodingException;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BatchExecutor over real HTTP, against a HubSpot-like batch update endpoint on loopback that injects 207
 * errors, 429s, 5xx and HTML gateway pages: every input is reported exactly once and applied at most once.
 */
class BatchOverHttpTest {
    static final String PATH = "/crm/v3/objects/notes/batch/update";
    static final Simulator SIMULATOR = new Simulator();
    static WireMockServer server;

    FakeTicker ticker;
    ApiInvoker invoker;

    record NoteInput(String id, String value) {}

    record Note(String id, Map<String, String> properties) {}

    static final BatchKeys<NoteInput, Note> KEYS = BatchKeys.<NoteInput, Note>builder()
            .inputId(NoteInput::id)
            .resultId(Note::id)
            .resultProperty((n, p) -> n.properties().get(p))
            .build();

    /** What a generated client's batch method does: one JSON request, 200 and 207 mapped to a BatchResponse. */
    static final ResponseMapper<BatchResponse<Note>> MAPPER = ResponseMapper.<BatchResponse<Note>>builder()
            .json(200, JsonCodecs.JSON_VALUE, BatchOverHttpTest::toResponse)
            .json(207, JsonCodecs.JSON_VALUE, BatchOverHttpTest::toResponse)
            .build();

    BatchResponse<Note> send(List<NoteInput> chunk) {
        List<Object> inputs = new ArrayList<>();
        for (NoteInput in : chunk) {
            inputs.add(Map.of("id", in.id(), "properties", Map.of("hs_note_body", in.value())));
        }
        ApiRequest request = ApiRequest.builder("POST", PATH)
                .operationId("post-/crm/v3/objects/notes/batch/update_update")
                .retrySafe(true)
                .jsonBody(JsonValue.of(Map.of("inputs", inputs)), JsonCodecs.JSON_VALUE)
                .build();
        return invoker.invoke(request, MAPPER);
    }

    static BatchResponse<Note> toResponse(JsonValue body) {
        JsonValue.JsonObject o = (JsonValue.JsonObject) body;
        List<Note> results = new ArrayList<>();
        for (JsonValue r : ((JsonValue.JsonArray) o.get("results")).elements()) {
            JsonValue.JsonObject ro = (JsonValue.JsonObject) r;
            Map<String, String> props = new LinkedHashMap<>();
            ((JsonValue.JsonObject) ro.get("properties"))
                    .members()
                    .forEach((k, v) -> props.put(k, ((JsonValue.JsonString) v).value()));
            results.add(new Note(text(ro.get("id")), props));
        }
        List<BatchError> errors = new ArrayList<>();
        if (o.get("errors") instanceof JsonValue.JsonArray arr) {
            for (JsonValue e : arr.elements()) {
                JsonValue.JsonObject eo = (JsonValue.JsonObject) e;
                Map<String, List<String>> context = new LinkedHashMap<>();
                ((JsonValue.JsonObject) eo.get("context"))
                        .members()
                        .forEach((k, v) -> context.put(
                                k,
                                ((JsonValue.JsonArray) v)
                                        .elements().stream()
                                                .map(BatchOverHttpTest::text)
                                                .toList()));
                errors.add(new BatchError(
                        text(eo.get("status")),
                        text(eo.get("category")),
                        null,
                        text(eo.get("message")),
                        context,
                        null,
                        e));
            }
        }
        return new BatchResponse<>(results, errors);
    }

    static String text(JsonValue v) {
        return v instanceof JsonValue.JsonString s ? s.value() : null;
    }

    /** A HubSpot-like batch update: rejects duplicate ids, 404s ids divisible by 97, and injects faults on demand. */
    static final class Simulator implements ResponseDefinitionTransformerV2 {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        final Map<String, String> lastValue = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean transientFaults;
        volatile Set<String> poison = Set.of();
        volatile Set<String> invalid = Set.of();
        volatile Set<String> omitted = Set.of();
        /** Requests naming one of these ids get a 500 until they have failed this many times. */
        final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

        void reset() {
            failuresLeft.clear();
            attempts.clear();
            applied.clear();
            lastValue.clear();
            requests.set(0);
            transientFaults = false;
            poison = Set.of();
            invalid = Set.of();
            omitted = Set.of();
        }

        @Override
        public String getName() {
            return "hubspot-batch-simulator";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            requests.incrementAndGet();
            JsonValue.JsonObject body;
            try {
                body = (JsonValue.JsonObject)
                        Json.decode(JsonCodecs.JSON_VALUE, event.getRequest().getBody());
            } catch (JsonDecodingException e) {
                return json(400, error("VALIDATION_ERROR", "Invalid input JSON", List.of()))
                        .build();
            }
            List<String> ids = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonValue in : ((JsonValue.JsonArray) body.get("inputs")).elements()) {
                JsonValue.JsonObject io = (JsonValue.JsonObject) in;
                String id = text(io.get("id"));
                ids.add(id);
                values.put(id, text(((JsonValue.JsonObject) io.get("properties")).get("hs_note_body")));
            }
            if (new HashSet<>(ids).size() != ids.size()) {
                return json(400, error("VALIDATION_ERROR", "Duplicate IDs found in batch input", ids))
                        .build();
            }
            if (ids.stream().anyMatch(invalid::contains)) {
                return json(400, error("VALIDATION_ERROR", "Property values were not valid", List.of()))
                        .build();
            }
            if (ids.stream()
                    .anyMatch(id ->
                            failuresLeft.getOrDefault(id, new AtomicInteger()).getAndDecrement() > 0)) {
                return json(500, error("INTERNAL_ERROR", "internal error", List.of()))
                        .build();
            }
            if (ids.stream().anyMatch(poison::contains)) {
                return json(500, error("INTERNAL_ERROR", "internal error", List.of()))
                        .build();
            }
            int attempt = attempts.computeIfAbsent(String.join(",", ids), k -> new AtomicInteger())
                    .incrementAndGet();
            if (transientFaults) {
                int fault = faultOf(ids);
                if (fault == 1 && attempt == 1) {
                    return json(
                                    429,
                                    "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                                            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c-429\",\"policyName\":\"SECONDLY\"}")
                            .withHeader("Retry-After", "1")
                            .build();
                }
                if (fault == 2 && attempt <= 2) {
                    return json(503, error("SERVICE_UNAVAILABLE", "try again", List.of()))
                            .build();
                }
                if (fault == 3 && attempt == 1) {
                    return aResponse()
                            .withStatus(502)
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")
                            .build();
                }
            }
            StringBuilder results = new StringBuilder();
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                if (Integer.parseInt(id) % 97 == 0) {
                    missing.add(id);
                    continue;
                }
                applied.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                lastValue.put(id, values.get(id));
                if (omitted.contains(id)) {
                    continue;
                }
                results.append(results.length() == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(id)
                        .append("\",\"properties\":{\"hs_note_body\":\"")
                        .append(values.get(id))
                        .append(
                                "\"},\"createdAt\":\"2019-10-30T03:30:17.883Z\",\"updatedAt\":\"2024-05-02T09:31:12.345Z\",\"archived\":false}");
            }
            StringBuilder errors = new StringBuilder();
            for (String id : missing) {
                errors.append(errors.length() == 0 ? "" : ",")
                        .append(error(
                                "OBJECT_NOT_FOUND",
                                "Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.",
                                List.of(id)));
            }
            String status =
                    missing.isEmpty() ? "" : ",\"numErrors\":" + missing.size() + ",\"errors\":[" + errors + "]";
            return json(
                            missing.isEmpty() ? 200 : 207,
                            "{\"status\":\"COMPLETE\",\"results\":[" + results + "]" + status
                                    + ",\"startedAt\":\"2024-05-02T09:31:12.120Z\",\"completedAt\":\"2024-05-02T09:31:12.402Z\"}")
                    .build();
        }

        private static ResponseDefinitionBuilder json(int status, String body) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body);
        }

        private static String error(String category, String message, List<String> ids) {
            return "{\"status\":\"error\",\"category\":\"" + category + "\",\"message\":\"" + message
                    + "\",\"context\":{\"ids\":["
                    + ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","))
                    + "]},\"errors\":[],\"links\":{}}";
        }
    }

    /** 0 none, 1 one 429 with Retry-After, 2 two 503s, 3 one HTML 502: a function of the chunk, so it is reproducible. */
    static int faultOf(List<String> ids) {
        long sum = 0;
        for (String id : ids) {
            sum += Long.parseLong(id);
        }
        return (int) (sum % 4);
    }

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .extensions(SIMULATOR));
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withTransformers(SIMULATOR.getName())));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        SIMULATOR.reset();
        ticker = new FakeTicker();
        invoker = ApiInvoker.create(ClientOptions.builder()
                .accessToken("pat-na1-0c1d2e3f-4a5b-4c6d-8e7f-BATCH-TEST-TOKEN")
                .baseUrl("http://127.0.0.1:" + server.port())
                .ticker(ticker)
                .rateLimiter(RateLimiter.rollingWindow(RateLimiter.TIER_DEFAULT, Duration.ofSeconds(10), ticker))
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build());
    }

    static List<NoteInput> inputs(int n) {
        List<NoteInput> inputs = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            inputs.add(new NoteInput(Integer.toString(i), "body-" + i));
        }
        return inputs;
    }

    /**
     * Each input once, in order, and agreeing with the simulator: the last input of an id that succeeded is the value
     * the server holds; an id whose every input failed was never applied.
     */
    static void assertEveryInputExactlyOnce(List<NoteInput> inputs, BatchReport<NoteInput, Note> report) {
        assertEquals(inputs.size(), report.size());
        Map<String, BatchReport.Outcome<NoteInput, Note>> lastById = new LinkedHashMap<>();
        Set<String> everSucceeded = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            BatchReport.Outcome<NoteInput, Note> o = report.outcomes().get(i);
            assertEquals(i, o.index());
            assertSame(inputs.get(i), o.input());
            lastById.put(o.input().id(), o);
            if (o instanceof BatchReport.Succeeded<NoteInput, Note> s) {
                assertEquals(o.input().id(), s.result().id(), "result paired with the wrong input");
                assertEquals(o.input().value(), s.result().properties().get("hs_note_body"));
                everSucceeded.add(o.input().id());
            }
        }
        lastById.forEach((id, last) -> {
            if (last instanceof BatchReport.Succeeded) {
                assertEquals(last.input().value(), SIMULATOR.lastValue.get(id), "the server holds another value");
            } else if (last instanceof BatchReport.Failed && !everSucceeded.contains(id)) {
                assertNull(SIMULATOR.applied.get(id), "reported failed but applied: " + id);
            }
        });
    }

    @ParameterizedTest(name = "{0} inputs")
    @ValueSource(ints = {1, 100, 101, 250, 10_000})
    void everyInputIsReportedOnceDespiteErrorsRateLimitsAndServerFaults(int n) {
        SIMULATOR.transientFaults = true;
        List<NoteInput> inputs = inputs(n);
        List<BatchProgress> progress = new ArrayList<>();
        BatchReport<NoteInput, Note> report;
        try (LogCapture logs = new LogCapture()) {
            report = invoker.batchExecutor()
                    .execute(
                            inputs,
                            this::send,
                            KEYS,
                            BatchOptions.builder()
                                    .retrySafe(true)
                                    .concurrency(4)
                                    .progress(progress::add)
                                    .build());

            int chunks = (n + 99) / 100;
            int injected = 0;
            for (int from = 0; from < n; from += 100) {
                List<String> ids = inputs.subList(from, Math.min(n, from + 100)).stream()
                        .map(NoteInput::id)
                        .toList();
                injected += new int[] {0, 1, 2, 1}[faultOf(ids)];
            }
            assertEquals(chunks, report.requests(), "no chunk was resent by the executor");
            assertEquals(chunks + injected, SIMULATOR.requests.get(), "exactly one retry per injected fault");
            assertEquals(injected, logs.linesContaining("; retry ").size(), "one log line per retry");
        }

        assertEveryInputExactlyOnce(inputs, report);
        assertEquals(0, report.unconfirmed().size(), report.toString());
        for (BatchReport.Failed<NoteInput, Note> f : report.failed()) {
            assertEquals(0, Integer.parseInt(f.input().id()) % 97);
            assertEquals("OBJECT_NOT_FOUND", f.error().category());
            assertEquals(List.of(f.input().id()), f.error().context().get("ids"));
            assertNull(f.exception());
        }
        assertEquals(n / 97, report.failed().size());
        assertEquals(n - n / 97, report.succeeded().size());
        for (BatchReport.Succeeded<NoteInput, Note> s : report.succeeded()) {
            assertEquals(
                    1,
                    SIMULATOR.applied.get(s.input().id()).get(),
                    "applied more than once: " + s.input().id());
        }
        assertEquals(report.succeeded().size(), SIMULATOR.applied.size());
        BatchProgress last = progress.get(progress.size() - 1);
        assertTrue(last.done());
        assertEquals(n, last.total());
        if (n >= 10_000) {
            assertTrue(ticker.totalSleptMillis() > 0, "the limiter and Retry-After waits went through the ticker");
        }
    }

    @Test
    void persistentServerErrorsAndOmittedResultsEndUnconfirmed() {
        SIMULATOR.poison = Set.of("150");
        SIMULATOR.omitted = Set.of("42");
        List<NoteInput> inputs = inputs(250);
        BatchReport<NoteInput, Note> report = invoker.batchExecutor()
                .execute(
                        inputs,
                        this::send,
                        KEYS,
                        BatchOptions.builder().retrySafe(true).build());
        assertEveryInputExactlyOnce(inputs, report);
        // Round 1: 42 left out, 101..200 hit a 500 four times. Round 2 resends them: [42, 101..199] fails again, [200]
        // succeeds.
        Set<String> unconfirmed =
                report.unconfirmed().stream().map(u -> u.input().id()).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        expected.add("42");
        for (int i = 101; i <= 199; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, unconfirmed);
        assertEquals(1, report.failed().size(), "97 is not found; 194 sits in the failing request");
        assertEquals(250 - 100 - 1, report.succeeded().size());
        assertInstanceOf(ServerErrorException.class, report.unconfirmed().get(1).cause());
        assertEquals(5, report.requests());
        assertEquals(
                2 * 3,
                SIMULATOR.requests.get() - report.requests(),
                "the invoker resent each of the two poisoned retry-safe requests three times after its 500");
        assertEquals(1, SIMULATOR.applied.get("42").get(), "its resend shared the failing request");
    }

    @Test
    void withoutRetrySafetyNothingIsResent() {
        SIMULATOR.poison = Set.of("150");
        SIMULATOR.omitted = Set.of("42");
        BatchReport<NoteInput, Note> report =
                invoker.batchExecutor().execute(inputs(250), this::send, KEYS, BatchOptions.defaults());
        assertEquals(101, report.unconfirmed().size());
        assertEquals(3, report.requests());
        assertEquals(1, SIMULATOR.applied.get("42").get());
    }

    @Test
    void aRejectedRequestFailsItsInputsWithTheException() {
        SIMULATOR.invalid = Set.of("77");
        List<NoteInput> inputs = inputs(250);
        BatchReport<NoteInput, Note> report = invoker.batchExecutor()
                .execute(
                        inputs,
                        this::send,
                        KEYS,
                        BatchOptions.builder().retrySafe(true).build());
        assertEveryInputExactlyOnce(inputs, report);
        List<BatchReport.Failed<NoteInput, Note>> rejected =
                report.failed().stream().filter(f -> f.exception() != null).toList();
        assertEquals(100, rejected.size());
        assertInstanceOf(BadRequestException.class, rejected.get(0).exception());
        assertEquals("VALIDATION_ERROR", ((BadRequestException) rejected.get(0).exception()).category());
        assertEquals(3, report.requests());
    }

    @Test
    void aDuplicateWhoseEarlierOccurrenceIsResentStillEndsWithTheLastValue() {
        // The first request naming 5 and its three retries get a 500; the executor resends it in the next round.
        SIMULATOR.failuresLeft.put("5", new AtomicInteger(4));
        List<NoteInput> inputs = new ArrayList<>(inputs(150));
        inputs.add(new NoteInput("5", "second-5"));
        BatchReport<NoteInput, Note> report = invoker.batchExecutor()
                .execute(
                        inputs,
                        this::send,
                        KEYS,
                        BatchOptions.builder().retrySafe(true).build());
        assertEveryInputExactlyOnce(inputs, report);
        assertEquals(0, report.unconfirmed().size(), report.toString());
        assertEquals("second-5", SIMULATOR.lastValue.get("5"));
        assertEquals(2, SIMULATOR.applied.get("5").get());
        assertEquals(4, report.requests(), "2 chunks, the resent first chunk, then the second occurrence");
    }

    @Test
    void duplicateIdsAreSentInLaterRequestsAndTheLastOneWins() {
        List<NoteInput> inputs = new ArrayList<>(inputs(150));
        inputs.add(new NoteInput("5", "second-5"));
        inputs.add(new NoteInput("120", "second-120"));
        inputs.add(new NoteInput("5", "third-5"));
        BatchReport<NoteInput, Note> report = invoker.batchExecutor()
                .execute(
                        inputs,
                        this::send,
                        KEYS,
                        BatchOptions.builder().retrySafe(true).build());
        assertEveryInputExactlyOnce(inputs, report);
        assertEquals(0, report.unconfirmed().size());
        assertEquals(1, report.failed().size(), "97 is not found");
        assertEquals("third-5", SIMULATOR.lastValue.get("5"));
        assertEquals("second-120", SIMULATOR.lastValue.get("120"));
        assertEquals(3, SIMULATOR.applied.get("5").get());
        assertEquals(4, report.requests(), "2 chunks, then one request per extra occurrence wave");
    }
}
