package dev.crmgen.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmgen.runtime.auth.AccessTokenProvider;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ForbiddenException;
import dev.crmgen.runtime.error.NotFoundException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.runtime.error.UnexpectedStatusException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiInvokerTest {
    static final String TOKEN = "pat-na1-5e1f0c2a-7d4b-4c1e-9a77-SECRET-TOKEN";
    static WireMockServer server;

    FakeTicker ticker;

    @BeforeAll
    static void start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        ticker = new FakeTicker();
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder()
                .accessToken(TOKEN)
                .baseUrl("http://127.0.0.1:" + server.port())
                .ticker(ticker)
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    static ApiRequest.Builder batchUpdate() {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/update")
                .operationId("post-/crm/v3/objects/notes/batch/update_update")
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE);
    }

    static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .json(207, JsonCodecs.JSON_VALUE, v -> v)
            .build();

    /** Performs a call the way the tests of this class exercise: {@link ApiInvoker#invoke}; a subclass runs them all again async. */
    <T> T call(ApiInvoker invoker, ApiRequest request, ResponseMapper<T> mapper) {
        return invoker.invoke(request, mapper);
    }

    static String error(String category, String message, String extra) {
        return "{\"status\":\"error\",\"message\":\"" + message
                + "\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\"," + "\"category\":\"" + category + "\""
                + extra + "}";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, BadRequestException, VALIDATION_ERROR",
        "401, UnauthorizedException, INVALID_AUTHENTICATION",
        "403, ForbiddenException, MISSING_SCOPES",
        "404, NotFoundException, OBJECT_NOT_FOUND",
        "409, ConflictException, CONFLICT",
        "429, RateLimitException, RATE_LIMITS",
        "500, ServerErrorException, INTERNAL_ERROR",
        "502, ServerErrorException, BAD_GATEWAY",
        "503, ServerErrorException, SERVICE_UNAVAILABLE",
        "504, ServerErrorException, GATEWAY_TIMEOUT",
        "405, UnexpectedStatusException, METHOD_NOT_ALLOWED",
        "423, UnexpectedStatusException, LOCKED",
        "418, UnexpectedStatusException, TEAPOT"
    })
    void everyStatusMapsToItsException(int status, String type, String category) {
        String body = error(category, "it failed", "");
        server.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
        ApiInvoker invoker =
                ApiInvoker.create(options().retryPolicy(RetryPolicy.none()).build());

        ApiException e = assertThrows(
                ApiException.class, () -> call(invoker, batchUpdate().build(), JSON));

        assertEquals(type, e.getClass().getSimpleName());
        assertEquals(status, e.status());
        assertEquals(category, e.category());
        assertEquals("aeb5f871-7f07-4993-9211-075dc63e7cbf", e.correlationId());
        assertEquals(body, e.rawBody());
        assertEquals("it failed", e.error().orElseThrow().message());
        assertTrue(
                e.getMessage().contains("HTTP " + status)
                        && e.getMessage().contains(category)
                        && e.getMessage().contains("post-/crm/v3/objects/notes/batch/update_update"),
                e.getMessage());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void forbiddenSurfacesMissingScopes() {
        server.stubFor(
                post(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withBody(
                                                error(
                                                        "MISSING_SCOPES",
                                                        "This app hasn't been granted all required scopes",
                                                        ",\"context\":{\"missingScopes\":[\"crm.objects.contacts.write\",\"crm.objects.notes.write\"]}"))));
        ApiInvoker invoker = ApiInvoker.create(options().build());
        ForbiddenException e = assertThrows(
                ForbiddenException.class, () -> call(invoker, batchUpdate().build(), JSON));
        assertEquals(List.of("crm.objects.contacts.write", "crm.objects.notes.write"), e.missingScopes());
        assertTrue(
                e.getMessage().contains("missing scopes: crm.objects.contacts.write, crm.objects.notes.write"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // HubSpot's documented 403: only the required scopes, per error.
                "documented | ,\"errors\":[{\"message\":\"One or more of the following scopes are required.\",\"context\":"
                        + "{\"requiredGranularScopes\":[\"crm.objects.notes.write\",\"crm.objects.contacts.write\"]}}]",
                "list | ,\"context\":{\"missingScopes\":[\"crm.objects.notes.write\",\"crm.objects.contacts.write\"]}",
                "string list | ,\"context\":{\"missingScopes\":\"[crm.objects.notes.write, crm.objects.contacts.write]\"}",
                "string context | ,\"context\":\"{missingScopes=[crm.objects.notes.write, crm.objects.contacts.write]}\"",
                "string context with more keys | ,\"context\":\"{requiredScopes=[x], "
                        + "missingScopes=[crm.objects.notes.write, crm.objects.contacts.write], id=7}\""
            })
    void missingScopesAreReadFromEveryShapeHubSpotSends(String shape, String context) {
        server.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(403)
                        .withBody(error(
                                "MISSING_SCOPES",
                                "This app hasn't been granted all required scopes to make this call.",
                                context))));
        ForbiddenException e = assertThrows(
                ForbiddenException.class,
                () -> call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON));
        assertEquals(List.of("crm.objects.notes.write", "crm.objects.contacts.write"), e.missingScopes(), shape);
        assertTrue(
                e.getMessage().contains("missing scopes: crm.objects.notes.write, crm.objects.contacts.write"),
                e.getMessage());
    }

    @Test
    void aTokenThatCannotBeAHeaderFailsWithoutShowingIt() {
        String token = freshToken();
        for (String bad : List.of(token + "\n", token + "\r\n", "Bearer " + token, token + "\u00e9")) {
            ApiInvoker invoker =
                    ApiInvoker.create(options().tokenProvider(() -> bad).build());
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> call(invoker, batchUpdate().build(), JSON));
            assertTrue(e.getMessage().contains("cannot be sent in an HTTP header"), e.getMessage());
            assertFalse(e.getMessage().contains(token) || String.valueOf(e).contains(token), "the token leaked");
        }
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anUndecodableBodyEchoingTheTokenIsScrubbed() {
        server.stubFor(post(anyUrl())
                .willReturn(aResponse().withStatus(200).withBody("{\"echo\":\"" + TOKEN + "\", \"broken\": ")));
        ResponseDecodingException e = assertThrows(
                ResponseDecodingException.class,
                () -> call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON));
        assertFalse(
                e.getMessage().contains(TOKEN)
                        || e.rawBody().contains(TOKEN)
                        || e.toString().contains(TOKEN),
                "the token leaked");
        assertTrue(e.rawBody().contains("[REDACTED]"), e.rawBody());
    }

    @Test
    void rateLimitExceptionCarriesPolicyAndToldWait() {
        server.stubFor(
                post(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "7")
                                        .withBody(
                                                "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"errorType\":\"RATE_LIMIT\","
                                                        + "\"correlationId\":\"c-1\",\"policyName\":\"SECONDLY\",\"groupName\":\"publicapi:app-id:1\"}")));
        ApiInvoker invoker =
                ApiInvoker.create(options().retryPolicy(RetryPolicy.none()).build());
        RateLimitException e = assertThrows(
                RateLimitException.class, () -> call(invoker, batchUpdate().build(), JSON));
        assertEquals("SECONDLY", e.policyName());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        assertEquals("c-1", e.correlationId());
    }

    @Test
    void htmlErrorPageKeepsItsStatus() {
        String html =
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body>\n</html>";
        server.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("X-HubSpot-Correlation-Id", "corr-html")
                        .withBody(html)));
        ApiInvoker invoker =
                ApiInvoker.create(options().retryPolicy(RetryPolicy.none()).build());
        ServerErrorException e = assertThrows(
                ServerErrorException.class,
                () -> call(invoker, batchUpdate().retrySafe(true).build(), JSON));
        assertEquals(502, e.status());
        assertTrue(e.error().isEmpty());
        assertNull(e.category());
        assertEquals(html, e.rawBody());
        assertEquals("corr-html", e.correlationId());
        assertTrue(
                e.getMessage().contains("HTTP 502: non-JSON body (text/html): <html> <head><title>502 Bad Gateway"),
                e.getMessage());
    }

    @Test
    void successBodiesAreMappedPerStatusAndBadOnesReportThePath() {
        server.stubFor(post(urlEqualTo("/ok"))
                .willReturn(aResponse().withStatus(207).withBody("{\"results\":[],\"numErrors\":1}")));
        server.stubFor(post(urlEqualTo("/created"))
                .willReturn(aResponse().withStatus(201).withBody("{}")));
        server.stubFor(post(urlEqualTo("/bad"))
                .willReturn(aResponse().withStatus(200).withBody("{\"results\":[{\"n\":1},{\"n\":\"x\"}]}")));
        ApiInvoker invoker = ApiInvoker.create(options().build());

        JsonValue v = call(invoker, ApiRequest.builder("POST", "/ok").build(), JSON);
        assertEquals(JsonValue.of(Map.of("results", List.of(), "numErrors", 1)), v);

        ResponseDecodingException undeclared = assertThrows(
                ResponseDecodingException.class,
                () -> call(invoker, ApiRequest.builder("POST", "/created").build(), JSON));
        assertEquals(201, undeclared.status());
        assertTrue(undeclared.getMessage().contains("201"), undeclared.getMessage());

        ResponseMapper<List<Map<String, Integer>>> results = ResponseMapper.<List<Map<String, Integer>>>builder()
                .json(
                        200,
                        JsonCodecs.mapOf(JsonCodecs.listAllowingNulls(JsonCodecs.mapOf(JsonCodecs.INT32))),
                        m -> m.get("results"))
                .build();
        // Tolerant by default: the unreadable value is absent and the rest of the body is kept.
        List<Map<String, Integer>> tolerated =
                call(invoker, ApiRequest.builder("POST", "/bad").build(), results);
        assertEquals(1, tolerated.get(0).get("n"));
        assertTrue(tolerated.get(1).containsKey("n"));
        assertNull(tolerated.get(1).get("n"));

        ApiInvoker strictInvoker =
                ApiInvoker.create(options().strictResponses(true).build());
        ResponseDecodingException bad = assertThrows(
                ResponseDecodingException.class,
                () -> call(strictInvoker, ApiRequest.builder("POST", "/bad").build(), results));
        assertEquals("$.results[1].n", bad.path());
        assertEquals(200, bad.status());
        assertEquals("{\"results\":[{\"n\":1},{\"n\":\"x\"}]}", bad.rawBody());
    }

    @Test
    void sendsCredentialsStandardHeadersEncodedPathAndQuery() {
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/notes/a%2Fb%20c"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        ApiInvoker invoker = ApiInvoker.create(options().build());
        ApiRequest request = ApiRequest.builder("GET", "/crm/v3/objects/notes/{noteId}")
                .pathParam("noteId", "a/b c")
                .queryParam("properties", List.of("hs_note_body", "hs_timestamp"))
                .queryParam("archived", false)
                .queryParam("after", null)
                .header("X-Request-Tag", "t&1")
                .build();
        call(invoker, request, JSON);
        server.verify(getRequestedFor(
                        urlEqualTo(
                                "/crm/v3/objects/notes/a%2Fb%20c?properties=hs_note_body&properties=hs_timestamp&archived=false"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("User-Agent", equalTo("crmgen/0.1.0-SNAPSHOT"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("X-Request-Tag", equalTo("t&1")));
    }

    @Test
    void sendsJsonBodies() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        ApiInvoker invoker = ApiInvoker.create(options().build());
        ApiRequest request = ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/update")
                .jsonBody(JsonValue.of(Map.of("inputs", List.of(Map.of("id", "512")))), JsonCodecs.JSON_VALUE)
                .build();
        call(invoker, request, JSON);
        server.verify(postRequestedFor(anyUrl())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"inputs\":[{\"id\":\"512\"}]}")));
    }

    @Test
    void decodesGzipResponses() throws Exception {
        StringBuilder big = new StringBuilder("{\"results\":[");
        for (int i = 0; i < 500; i++) {
            big.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
        }
        String json = big.append("]}").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        }
        server.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(bytes.toByteArray())));
        ApiInvoker invoker = ApiInvoker.create(options().build());
        JsonValue.JsonObject v =
                (JsonValue.JsonObject) call(invoker, batchUpdate().build(), JSON);
        assertEquals(500, ((JsonValue.JsonArray) v.get("results")).elements().size());
    }

    // ---- retries ----------------------------------------------------------------------------------------

    void failThenSucceed(int... statuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "attempt-" + (i + 2);
            server.stubFor(post(anyUrl())
                    .inScenario("flaky")
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withBody(error("X", "transient", "")))
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
    }

    @Test
    void retriesTransientStatusesWithExponentialBackoff() {
        failThenSucceed(503, 429, 504);
        try (LogCapture logs = new LogCapture()) {
            ApiInvoker invoker = ApiInvoker.create(options().build());
            assertEquals(
                    JsonValue.of(Map.of("ok", true)),
                    call(invoker, batchUpdate().retrySafe(true).build(), JSON));
            assertEquals(List.of(500L, 1000L, 2000L), ticker.sleepsMillis());
            List<String> retryLines = logs.linesContaining("retry ");
            assertEquals(3, retryLines.size(), String.join("\n", logs.lines()));
            assertTrue(
                    retryLines.get(0).contains("HTTP 503") && retryLines.get(0).contains("retry 1/3 in 500 ms"),
                    retryLines.get(0));
        }
        server.verify(4, postRequestedFor(anyUrl()));
    }

    @Test
    void jitterKeepsWaitsWithinTheConfiguredBand() {
        RetryPolicy p = RetryPolicy.builder().jitter(0.5).build();
        assertEquals(500_000_000L, p.backoffNanos(0, 0.0));
        assertEquals(250_000_000L, p.backoffNanos(0, 1.0));
        assertEquals(750_000_000L, p.backoffNanos(1, 0.5));
        assertEquals(30_000_000_000L, p.backoffNanos(20, 0.0), "capped at maxBackoff");
        failThenSucceed(503, 503);
        ApiInvoker invoker = ApiInvoker.create(options().retryPolicy(p).build());
        call(invoker, batchUpdate().retrySafe(true).build(), JSON);
        List<Long> sleeps = ticker.sleepsMillis();
        assertTrue(sleeps.get(0) >= 250 && sleeps.get(0) <= 500, sleeps.toString());
        assertTrue(sleeps.get(1) >= 500 && sleeps.get(1) <= 1000, sleeps.toString());
    }

    @Test
    void honoursRetryAfterSeconds() {
        server.stubFor(post(anyUrl())
                .inScenario("ra")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody(error("RATE_LIMITS", "slow down", "")))
                .willSetStateTo("ok"));
        server.stubFor(post(anyUrl())
                .inScenario("ra")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON);
        assertEquals(List.of(7000L), ticker.sleepsMillis());
    }

    @Test
    void honoursRetryAfterHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ticker.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.stubFor(post(anyUrl())
                .inScenario("ra")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", date))
                .willSetStateTo("ok"));
        server.stubFor(post(anyUrl())
                .inScenario("ra")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        call(ApiInvoker.create(options().build()), batchUpdate().retrySafe(true).build(), JSON);
        assertEquals(List.of(12000L), ticker.sleepsMillis());
    }

    @Test
    void retryAfterBeyondTheCapEndsRetries() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        RateLimitException e = assertThrows(
                RateLimitException.class,
                () -> call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON));
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(List.of(), ticker.sleepsMillis());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    /** HubSpot's documented daily-limit 429 body. */
    static final String DAILY_BODY = "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c-daily\",\"policyName\":\"DAILY\","
            + "\"groupName\":\"publicapi:app-id:1\"}";

    /** A token no other test uses: a daily limit closes every client of its token. */
    static String freshToken() {
        return "pat-na1-" + java.util.UUID.randomUUID();
    }

    /** Options with the default limiter, which every client of {@code token} shares. */
    ClientOptions.Builder sharedLimiterOptions(String token) {
        return ClientOptions.builder()
                .accessToken(token)
                .baseUrl("http://127.0.0.1:" + server.port())
                .ticker(ticker)
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    static ApiRequest other() {
        return ApiRequest.builder("POST", "/other").build();
    }

    /** {@link #other()} answers 200 with an empty object. */
    private void stubOther() {
        server.stubFor(post(urlEqualTo("/other"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void dailyLimitIsNotRetried() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withBody(DAILY_BODY)));
        RateLimitException e = assertThrows(
                RateLimitException.class,
                () -> call(
                        ApiInvoker.create(options().accessToken(freshToken()).build()),
                        batchUpdate().build(),
                        JSON));
        assertEquals("DAILY", e.policyName());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void dailyLimitFailsLaterCallsOnTheSameTokenAtOnceUntilItsReset() {
        String token = freshToken();
        server.stubFor(post(urlEqualTo("/daily"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3600")
                        .withHeader("X-HubSpot-RateLimit-Daily", "250000")
                        .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0")
                        .withBody(DAILY_BODY)));
        stubOther();
        ApiInvoker first = ApiInvoker.create(sharedLimiterOptions(token).build());
        DailyLimitException met = assertThrows(
                DailyLimitException.class,
                () -> call(
                        first,
                        ApiRequest.builder("POST", "/daily").retrySafe(true).build(),
                        JSON));
        assertEquals("DAILY", met.policyName());
        assertEquals(ticker.now().plusSeconds(3600), met.resetsAt().orElseThrow());
        assertEquals(250000L, met.dailyLimit().orElseThrow());
        assertEquals(0L, met.dailyRemaining().orElseThrow());
        assertTrue(met.getMessage().contains("resets at " + ticker.now().plusSeconds(3600)), met.getMessage());
        server.verify(1, postRequestedFor(urlEqualTo("/daily")));

        // A new client on the same token fails at once: nothing sent, no wait, no retry.
        ClientOptions sameToken = sharedLimiterOptions(token).build();
        DailyLimitException later =
                assertThrows(DailyLimitException.class, () -> call(ApiInvoker.create(sameToken), other(), JSON));
        assertTrue(later.getMessage().contains("not sent") && later.getMessage().contains("DAILY"), later.getMessage());
        assertEquals(met.resetsAt(), later.resetsAt());
        server.verify(0, postRequestedFor(urlEqualTo("/other")));
        assertEquals(List.of(), ticker.sleepsMillis());
        // The hour-long Retry-After did not pause the token's per-10-second pacing.
        assertEquals(0L, sameToken.rateLimiter().reserve());

        // Another token is unaffected.
        call(ApiInvoker.create(sharedLimiterOptions(freshToken()).build()), other(), JSON);
        server.verify(1, postRequestedFor(urlEqualTo("/other")));

        ticker.advance(Duration.ofSeconds(3601).toNanos());
        call(ApiInvoker.create(sharedLimiterOptions(token).build()), other(), JSON);
        server.verify(2, postRequestedFor(urlEqualTo("/other")));
        assertEquals(List.of(), ticker.sleepsMillis());
    }

    @Test
    void dailyLimitWithoutRetryAfterSaysTheResetIsUnknownAndLetsACallThroughAfterAMinute() {
        String token = freshToken();
        server.stubFor(post(urlEqualTo("/daily"))
                .willReturn(aResponse().withStatus(429).withBody(DAILY_BODY)));
        stubOther();
        ApiInvoker invoker = ApiInvoker.create(sharedLimiterOptions(token).build());
        DailyLimitException met = assertThrows(
                DailyLimitException.class,
                () -> call(invoker, ApiRequest.builder("POST", "/daily").build(), JSON));
        assertTrue(met.resetsAt().isEmpty());
        assertTrue(met.dailyRemaining().isEmpty());
        assertTrue(met.getMessage().contains("unknown time"), met.getMessage());
        assertThrows(DailyLimitException.class, () -> call(invoker, other(), JSON));
        server.verify(0, postRequestedFor(urlEqualTo("/other")));

        ticker.advance(Duration.ofSeconds(61).toNanos());
        call(invoker, other(), JSON);
        server.verify(1, postRequestedFor(urlEqualTo("/other")));
    }

    @Test
    void aSuccessThatSpendsTheDailyBudgetClosesTheTokenWithoutEarningTheDaily429() {
        String token = freshToken();
        // HubSpot's headers on the day's last accepted request: the call itself succeeds.
        server.stubFor(post(urlEqualTo("/last"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-HubSpot-RateLimit-Daily", "250000")
                        .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0")
                        .withHeader("X-HubSpot-Correlation-Id", "c0ffee00-0000-4000-8000-000000000001")
                        .withBody("{}")));
        stubOther();
        ApiInvoker invoker = ApiInvoker.create(sharedLimiterOptions(token).build());
        call(invoker, ApiRequest.builder("POST", "/last").build(), JSON);

        // Any client on the token now fails at once, as after the daily 429, and sends nothing.
        DailyLimitException later = assertThrows(
                DailyLimitException.class,
                () -> call(ApiInvoker.create(sharedLimiterOptions(token).build()), other(), JSON));
        assertEquals("DAILY", later.policyName());
        assertEquals(429, later.status());
        assertEquals(250000L, later.dailyLimit().orElseThrow());
        assertEquals(0L, later.dailyRemaining().orElseThrow());
        assertTrue(later.resetsAt().isEmpty(), "HubSpot gives no reset time with the header");
        assertTrue(
                later.getMessage().contains("not sent") && later.getMessage().contains("unknown time"),
                later.getMessage());
        assertFalse(later.getMessage().contains(token));
        server.verify(0, postRequestedFor(urlEqualTo("/other")));
        assertEquals(List.of(), ticker.sleepsMillis());

        // Another token is unaffected; after a minute one call checks whether the quota has reset.
        call(ApiInvoker.create(sharedLimiterOptions(freshToken()).build()), other(), JSON);
        server.verify(1, postRequestedFor(urlEqualTo("/other")));
        ticker.advance(Duration.ofSeconds(61).toNanos());
        call(invoker, other(), JSON);
        server.verify(2, postRequestedFor(urlEqualTo("/other")));
    }

    @Test
    void aDaily429AfterTheBudgetWasSpentKeepsItsRetryAfter() {
        String token = freshToken();
        server.stubFor(post(urlEqualTo("/daily"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3600")
                        .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0")
                        .withBody(DAILY_BODY)));
        ApiInvoker invoker = ApiInvoker.create(sharedLimiterOptions(token).build());
        DailyLimitException met = assertThrows(
                DailyLimitException.class,
                () -> call(invoker, ApiRequest.builder("POST", "/daily").build(), JSON));
        assertEquals(ticker.now().plusSeconds(3600), met.resetsAt().orElseThrow());
        ticker.advance(Duration.ofSeconds(61).toNanos());
        DailyLimitException later = assertThrows(DailyLimitException.class, () -> call(invoker, other(), JSON));
        assertEquals(met.resetsAt(), later.resetsAt());
    }

    @Test
    void otherRateLimitPoliciesDoNotCloseTheToken() {
        String token = freshToken();
        server.stubFor(post(urlEqualTo("/secondly"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody(DAILY_BODY.replace("DAILY", "SECONDLY"))));
        stubOther();
        ApiInvoker invoker = ApiInvoker.create(
                sharedLimiterOptions(token).retryPolicy(RetryPolicy.none()).build());
        RateLimitException e = assertThrows(
                RateLimitException.class,
                () -> call(invoker, ApiRequest.builder("POST", "/secondly").build(), JSON));
        assertFalse(e instanceof DailyLimitException);
        call(invoker, other(), JSON);
        // The secondly 429's Retry-After still paces the next call.
        assertEquals(List.of(1000L), ticker.sleepsMillis());
    }

    @Test
    void lockedWaitsAtLeastTwoSeconds() {
        failThenSucceed(423);
        call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON);
        assertEquals(List.of(2000L), ticker.sleepsMillis());
    }

    @Test
    void lockedHonoursALongerRetryAfterButNotOneBeyondTheCap() {
        server.stubFor(post(anyUrl())
                .inScenario("locked")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(423).withHeader("Retry-After", "5"))
                .willSetStateTo("ok"));
        server.stubFor(post(anyUrl())
                .inScenario("locked")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON);
        assertEquals(List.of(5000L), ticker.sleepsMillis());

        server.resetAll();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(423).withHeader("Retry-After", "600")));
        UnexpectedStatusException e = assertThrows(
                UnexpectedStatusException.class,
                () -> call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON));
        assertEquals(423, e.status());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void givesUpAfterMaxRetries() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody(error("X", "down", ""))));
        ServerErrorException e = assertThrows(
                ServerErrorException.class,
                () -> call(
                        ApiInvoker.create(options().build()),
                        batchUpdate().retrySafe(true).build(),
                        JSON));
        assertEquals(503, e.status());
        server.verify(4, postRequestedFor(anyUrl()));
        assertEquals(List.of(500L, 1000L, 2000L), ticker.sleepsMillis());
    }

    @Test
    void neverRetriesOtherClientErrors() {
        for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
            server.resetAll();
            server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));
            assertThrows(
                    ApiException.class,
                    () -> call(
                            ApiInvoker.create(options().build()),
                            batchUpdate().retrySafe(true).build(),
                            JSON));
            server.verify(1, postRequestedFor(anyUrl()));
        }
        assertEquals(List.of(), ticker.sleepsMillis());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500", "502", "503", "504"})
    void errorsAfterTheServerMayHaveAppliedTheRequestAreRetriedOnlyForRetrySafeRequests(int status) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(error("X", "failed", ""))));
        ServerErrorException unsafe = assertThrows(
                ServerErrorException.class,
                () -> call(
                        ApiInvoker.create(options().build()),
                        batchUpdate().retrySafe(false).build(),
                        JSON));
        assertEquals(status, unsafe.status());
        server.verify(1, postRequestedFor(anyUrl()));
        assertEquals(List.of(), ticker.sleepsMillis());
        server.resetRequests();
        ServerErrorException safe = assertThrows(
                ServerErrorException.class,
                () -> call(
                        ApiInvoker.create(options().build()),
                        batchUpdate().retrySafe(true).build(),
                        JSON));
        assertEquals(status, safe.status());
        server.verify(4, postRequestedFor(anyUrl()));
        assertEquals(List.of(500L, 1000L, 2000L), ticker.sleepsMillis());
    }

    @Test
    void a500ThenSuccessSucceedsForRetrySafeRequests() {
        failThenSucceed(500);
        try (LogCapture logs = new LogCapture()) {
            ApiInvoker invoker = ApiInvoker.create(options().build());
            assertEquals(
                    JsonValue.of(Map.of("ok", true)),
                    call(invoker, batchUpdate().retrySafe(true).build(), JSON));
            List<String> retryLines = logs.linesContaining("retry ");
            assertEquals(1, retryLines.size(), String.join("\n", logs.lines()));
            assertTrue(
                    retryLines.get(0).contains("HTTP 500") && retryLines.get(0).contains("retry 1/3 in 500 ms"),
                    retryLines.get(0));
        }
        server.verify(2, postRequestedFor(anyUrl()));
        assertEquals(List.of(500L), ticker.sleepsMillis());
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        for (int status : new int[] {501, 505, 599}) {
            server.resetAll();
            server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));
            ServerErrorException e = assertThrows(
                    ServerErrorException.class,
                    () -> call(
                            ApiInvoker.create(options().build()),
                            batchUpdate().retrySafe(true).build(),
                            JSON));
            assertEquals(status, e.status());
            server.verify(1, postRequestedFor(anyUrl()));
        }
        assertEquals(List.of(), ticker.sleepsMillis());
    }

    @Test
    void deadlineBoundsRetriesAndWaits() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
        RetryPolicy p = RetryPolicy.builder()
                .jitter(0)
                .maxRetries(10)
                .initialBackoff(Duration.ofSeconds(1))
                .deadline(Duration.ofSeconds(10))
                .build();
        assertThrows(
                ServerErrorException.class,
                () -> call(
                        ApiInvoker.create(options().retryPolicy(p).build()),
                        batchUpdate().retrySafe(true).build(),
                        JSON));
        // 1 + 2 + 4 = 7 s fit in 10 s; the next 8 s would not.
        assertEquals(List.of(1000L, 2000L, 4000L), ticker.sleepsMillis());
        server.verify(4, postRequestedFor(anyUrl()));
    }

    @Test
    void rateLimiterWaitPastTheDeadlineFailsFast() {
        RateLimiter limiter = RateLimiter.rollingWindow(1, Duration.ofMinutes(10), ticker);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        ApiInvoker invoker = ApiInvoker.create(options().rateLimiter(limiter).build());
        call(invoker, batchUpdate().build(), JSON);
        TransportException e = assertThrows(
                TransportException.class, () -> call(invoker, batchUpdate().build(), JSON));
        assertTrue(e.isTimeout());
        assertFalse(e.requestSent());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void rateLimitWaitsAreLoggedAndFollowServerHeaders() {
        server.stubFor(post(urlEqualTo("/spent"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{}")
                        .withHeader("X-HubSpot-RateLimit-Max", "190")
                        .withHeader("X-HubSpot-RateLimit-Remaining", "0")
                        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")));
        server.stubFor(
                post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("{}")));
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), ticker);
        ApiInvoker invoker = ApiInvoker.create(options().rateLimiter(limiter).build());
        try (LogCapture logs = new LogCapture()) {
            call(invoker, ApiRequest.builder("POST", "/spent").build(), JSON);
            call(invoker, ApiRequest.builder("POST", "/ok").build(), JSON);
            call(invoker, ApiRequest.builder("POST", "/ok").build(), JSON);
            assertEquals(List.of(10_000L), ticker.sleepsMillis());
            List<String> waits = logs.linesContaining("rate limit, waiting");
            assertEquals(1, waits.size(), String.join("\n", logs.lines()));
            assertTrue(waits.get(0).startsWith("INFO POST /ok: rate limit, waiting 10000 ms"), waits.get(0));
        }
    }

    // ---- I/O failures and timeouts --------------------------------------------------------------------------

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectionRefusedIsRetriedEvenForNonIdempotentCalls() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        HttpTransport jdk = HttpTransport.jdk(Duration.ofSeconds(2));
        HttpTransport counting = r -> {
            attempts.incrementAndGet();
            return jdk.send(r);
        };
        ApiInvoker invoker = ApiInvoker.create(options()
                .baseUrl("http://127.0.0.1:" + closedPort())
                .transport(counting)
                .build());
        TransportException e = assertThrows(
                TransportException.class,
                () -> call(invoker, batchUpdate().retrySafe(false).build(), JSON));
        assertFalse(e.requestSent());
        assertEquals(0, e.status());
        assertEquals(4, attempts.get());
        assertTrue(e.getMessage().contains("request not sent"), e.getMessage());
    }

    @Test
    void failureAfterSendingIsNotRetriedForNonIdempotentCalls() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TransportException e = assertThrows(
                TransportException.class,
                () -> call(
                        ApiInvoker.create(options().build()),
                        batchUpdate().retrySafe(false).build(),
                        JSON));
        assertTrue(e.requestSent());
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void failureAfterSendingIsRetriedForRetrySafeCalls() {
        server.stubFor(post(anyUrl())
                .inScenario("io")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
                .willSetStateTo("ok"));
        server.stubFor(post(anyUrl())
                .inScenario("io")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        call(ApiInvoker.create(options().build()), batchUpdate().retrySafe(true).build(), JSON);
        server.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void requestTimeoutAndPerCallOverride() {
        server.stubFor(post(anyUrl())
                .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(600)));
        ApiInvoker invoker = ApiInvoker.create(options()
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(150))
                .build());
        TransportException e = assertThrows(
                TransportException.class, () -> call(invoker, batchUpdate().build(), JSON));
        assertTrue(e.isTimeout());
        assertTrue(e.requestSent());
        assertTrue(e.getMessage().contains("no complete response within 150 ms"), e.getMessage());
        assertEquals(
                JsonValue.of(Map.of()),
                call(invoker, batchUpdate().timeout(Duration.ofSeconds(5)).build(), JSON));
    }

    // ---- auth ------------------------------------------------------------------------------------------------

    @Test
    void refreshesOnceOn401ThenSucceeds() {
        server.stubFor(any(anyUrl())
                .withHeader("Authorization", equalTo("Bearer old-token-123456"))
                .willReturn(aResponse().withStatus(401).withBody(error("INVALID_AUTHENTICATION", "expired", ""))));
        server.stubFor(any(anyUrl())
                .withHeader("Authorization", equalTo("Bearer new-token-654321"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        AtomicInteger refreshes = new AtomicInteger();
        AccessTokenProvider provider = refreshing("old-token-123456", "new-token-654321", refreshes);
        ApiInvoker invoker = ApiInvoker.create(options().tokenProvider(provider).build());
        call(invoker, batchUpdate().build(), JSON);
        assertEquals(1, refreshes.get());
        server.verify(2, postRequestedFor(anyUrl()));
    }

    /** A provider of {@code token} that counts its refreshes in {@code refreshes} and then hands out {@code fresh}. */
    static AccessTokenProvider refreshing(String token, String fresh, AtomicInteger refreshes) {
        return new AccessTokenProvider() {
            private volatile String current = token;

            @Override
            public String accessToken() {
                return current;
            }

            @Override
            public String refresh(String rejected) {
                refreshes.incrementAndGet();
                current = fresh;
                return fresh;
            }
        };
    }

    @Test
    void a401AfterRefreshFails() {
        server.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(401).withBody(error("INVALID_AUTHENTICATION", "expired", ""))));
        AtomicInteger n = new AtomicInteger();
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String accessToken() {
                return "token-" + n.get();
            }

            @Override
            public String refresh(String rejected) {
                return "token-" + n.incrementAndGet();
            }
        };
        assertThrows(
                UnauthorizedException.class,
                () -> call(
                        ApiInvoker.create(options().tokenProvider(provider).build()),
                        batchUpdate().build(),
                        JSON));
        assertEquals(1, n.get());
        server.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void staticToken401IsFinal() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
        assertThrows(
                UnauthorizedException.class,
                () -> call(ApiInvoker.create(options().build()), batchUpdate().build(), JSON));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void invokeAsyncCompletesAndFails() {
        server.stubFor(
                post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("{\"a\":1}")));
        server.stubFor(post(urlEqualTo("/no")).willReturn(aResponse().withStatus(404)));
        ApiInvoker invoker = ApiInvoker.create(options().build());
        assertEquals(
                JsonValue.of(Map.of("a", 1)),
                invoker.invokeAsync(ApiRequest.builder("POST", "/ok").build(), JSON)
                        .join());
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> invoker.invokeAsync(ApiRequest.builder("POST", "/no").build(), JSON)
                        .join());
        assertInstanceOf(NotFoundException.class, e.getCause());
    }
}
