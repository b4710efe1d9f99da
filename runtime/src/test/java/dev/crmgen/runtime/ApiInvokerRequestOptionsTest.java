package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A call's {@link RequestOptions} against a transport that records every exchange, on a {@link FakeTicker}: the
 * timeout bounds that call alone, headers go with every attempt, and another token brings its own credentials,
 * limiters and daily-limit gate.
 */
class ApiInvokerRequestOptionsTest {
    private static final String CLIENT_TOKEN = "pat-na1-11111111-2222-4333-8444-CLIENT-TOKEN";
    private static final String OTHER_TOKEN = "pat-eu1-99999999-8888-4777-8666-OTHER-PORTAL";
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);
    private static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .build();

    /** Every ticker is new, so the limiters and gates shared per token and ticker start empty in every test. */
    private final FakeTicker ticker = new FakeTicker();

    private final List<HttpTransport.Request> sent = new ArrayList<>();

    /** A transport that records each request and answers what {@code answer} says. */
    private HttpTransport recording(HttpTransport answer) {
        return request -> {
            synchronized (sent) {
                sent.add(request);
            }
            return answer.send(request);
        };
    }

    private static HttpTransport.Response status(int status, String body) {
        return new HttpTransport.Response(status, NO_HEADERS, body.getBytes(StandardCharsets.UTF_8));
    }

    private ClientOptions.Builder options(HttpTransport transport) {
        return ClientOptions.builder()
                .accessToken(CLIENT_TOKEN)
                .transport(transport)
                .ticker(ticker)
                .executor(Runnable::run)
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    private static ApiRequest batchRead() {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/read")
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                .retrySafe(true)
                .build();
    }

    private static ApiRequest search() {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/search")
                .jsonBody(JsonValue.of(Map.of("limit", 1)), JsonCodecs.JSON_VALUE)
                .retrySafe(true)
                .build();
    }

    /** An exchange that takes {@code latency} of ticker time, or times out when the request allows less. */
    private HttpTransport answeringAfter(Duration latency) {
        return recording(request -> {
            if (request.timeout().compareTo(latency) < 0) {
                ticker.advance(request.timeout().toNanos());
                throw new HttpTimeoutException("request timed out");
            }
            ticker.advance(latency.toNanos());
            return status(200, "{}");
        });
    }

    @Test
    void aShorterTimeoutEndsTheCallBeforeTheClientWould() {
        ApiInvoker invoker = ApiInvoker.create(options(answeringAfter(Duration.ofSeconds(20)))
                .requestTimeout(Duration.ofSeconds(30))
                .build());
        long start = ticker.nanoTime();

        TransportException e = assertThrows(
                TransportException.class,
                () -> invoker.invoke(
                        batchRead(),
                        JSON,
                        RequestOptions.builder().timeout(Duration.ofSeconds(5)).build()));

        assertTrue(e.isTimeout(), e.getMessage());
        assertEquals(Duration.ofSeconds(5), sent.get(0).timeout(), "the first attempt may take the whole timeout");
        assertTrue(
                ticker.nanoTime() - start <= Duration.ofSeconds(5).toNanos(),
                "the call, retries included, ended within its 5 s");
        assertEquals(
                JsonValue.of(Map.of()),
                invoker.invoke(batchRead(), JSON),
                "the next call without options has the client's 30 s again");
        assertEquals(Duration.ofSeconds(30), sent.get(sent.size() - 1).timeout());
    }

    @Test
    void aLongerTimeoutLetsASlowCallFinishThatTheClientWouldEnd() {
        ApiInvoker invoker = ApiInvoker.create(options(answeringAfter(Duration.ofSeconds(45)))
                .requestTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder()
                        .jitter(0)
                        .deadline(Duration.ofSeconds(30))
                        .build())
                .build());

        TransportException e = assertThrows(TransportException.class, () -> invoker.invoke(batchRead(), JSON));
        assertTrue(e.isTimeout(), e.getMessage());

        long start = ticker.nanoTime();
        assertEquals(
                JsonValue.of(Map.of()),
                invoker.invoke(
                        batchRead(),
                        JSON,
                        RequestOptions.builder().timeout(Duration.ofSeconds(60)).build()));
        assertEquals(Duration.ofSeconds(60), sent.get(sent.size() - 1).timeout());
        assertEquals(Duration.ofSeconds(45).toNanos(), ticker.nanoTime() - start);
    }

    @Test
    void aRateLimitWaitPastTheCallsTimeoutFailsAtOnce() {
        ApiInvoker invoker = ApiInvoker.create(options(recording(request -> status(200, "{}")))
                .rateLimiter(() -> Duration.ofSeconds(8).toNanos())
                .build());

        TransportException e = assertThrows(
                TransportException.class,
                () -> invoker.invoke(
                        batchRead(),
                        JSON,
                        RequestOptions.builder().timeout(Duration.ofSeconds(3)).build()));

        assertTrue(e.getMessage().contains("past its deadline of 3000 ms"), e.getMessage());
        assertTrue(sent.isEmpty(), "nothing was sent");
    }

    @Test
    void extraHeadersGoWithEveryAttempt() {
        AtomicInteger answers = new AtomicInteger();
        ApiInvoker invoker = ApiInvoker.create(options(recording(
                        request -> answers.incrementAndGet() < 3 ? status(503, "unavailable") : status(200, "{}")))
                .build());
        ApiRequest withHeaderParameter = ApiRequest.builder("GET", "/crm/v3/objects/notes")
                .header("x-request-id", "from-the-operation")
                .build();

        invoker.invoke(
                withHeaderParameter,
                JSON,
                RequestOptions.builder()
                        .header("X-Request-Id", "trace-42")
                        .header("Idempotency-Key", "k-7")
                        .build());

        assertEquals(3, sent.size(), "two 503s retried");
        for (HttpTransport.Request request : sent) {
            assertEquals("trace-42", request.header("X-Request-Id"), "the per-call header replaces the operation's");
            assertEquals(
                    1,
                    request.headers().keySet().stream()
                            .filter(n -> n.equalsIgnoreCase("X-Request-Id"))
                            .count());
            assertEquals("k-7", request.header("Idempotency-Key"));
            assertEquals("Bearer " + CLIENT_TOKEN, request.header("Authorization"));
        }
    }

    @Test
    void extraHeadersGoWithEveryAsyncAttempt() {
        AtomicInteger answers = new AtomicInteger();
        ApiInvoker invoker = ApiInvoker.create(options(recording(
                        request -> answers.incrementAndGet() < 2 ? status(503, "unavailable") : status(200, "{}")))
                .build());

        invoker.invokeAsync(
                        batchRead(),
                        JSON,
                        RequestOptions.builder()
                                .header("X-Request-Id", "trace-43")
                                .build())
                .join();

        assertEquals(2, sent.size());
        sent.forEach(request -> assertEquals("trace-43", request.header("X-Request-Id")));
    }

    @Test
    void anotherTokenIsSentAndPacedByItsOwnLimiter() {
        HttpTransport transport = recording(request -> status(200, "{}"));
        ApiInvoker invoker =
                ApiInvoker.create(options(transport).requestsPerTenSeconds(2).build());
        RequestOptions otherPortal =
                RequestOptions.builder().accessToken(OTHER_TOKEN).build();

        invoker.invoke(batchRead(), JSON);
        invoker.invoke(batchRead(), JSON);
        invoker.invoke(batchRead(), JSON, otherPortal);
        invoker.invoke(batchRead(), JSON, otherPortal);
        assertEquals(List.of(), ticker.sleepsMillis(), "each token has its own window of 2");
        assertEquals(
                List.of(
                        "Bearer " + CLIENT_TOKEN,
                        "Bearer " + CLIENT_TOKEN,
                        "Bearer " + OTHER_TOKEN,
                        "Bearer " + OTHER_TOKEN),
                sent.stream().map(r -> r.header("Authorization")).toList());

        // The per-call use filled that token's window: a client of its own, on the same limiter, waits.
        ApiInvoker otherClient = ApiInvoker.create(options(transport)
                .accessToken(OTHER_TOKEN)
                .requestsPerTenSeconds(2)
                .build());
        otherClient.invoke(batchRead(), JSON);
        assertEquals(1, ticker.sleepsMillis().size(), "the other token's third call waits for its window");
        assertTrue(ticker.sleepsMillis().get(0) > 9_000, "waited " + ticker.sleepsMillis());
    }

    @Test
    void searchesWithAnotherTokenTakeThatTokensSearchLimiter() {
        AtomicInteger clientSearches = new AtomicInteger();
        ApiInvoker invoker = ApiInvoker.create(options(recording(request -> status(200, "{}")))
                .searchRateLimiter(() -> {
                    clientSearches.incrementAndGet();
                    return 0;
                })
                .build());
        RequestOptions otherPortal =
                RequestOptions.builder().accessToken(OTHER_TOKEN).build();

        invoker.invoke(search(), JSON);
        assertEquals(1, clientSearches.get());
        for (int i = 0; i < 6; i++) {
            invoker.invoke(search(), JSON, otherPortal);
        }

        assertEquals(1, clientSearches.get(), "the client's search limiter paces only its own token");
        assertEquals(1, ticker.sleepsMillis().size(), "the other token's sixth search in a second waits");
    }

    @Test
    void theDailyLimitOfAnotherTokenClosesOnlyThatToken() {
        String daily = "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
                + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"DAILY\"}";
        ApiInvoker invoker = ApiInvoker.create(options(recording(request ->
                        request.header("Authorization").contains(OTHER_TOKEN) ? status(429, daily) : status(200, "{}")))
                .build());
        RequestOptions otherPortal =
                RequestOptions.builder().accessToken(OTHER_TOKEN).build();

        assertThrows(DailyLimitException.class, () -> invoker.invoke(batchRead(), JSON, otherPortal));
        assertEquals(1, sent.size());
        assertThrows(DailyLimitException.class, () -> invoker.invoke(batchRead(), JSON, otherPortal));
        assertEquals(1, sent.size(), "the closed token's later call sent nothing");

        assertEquals(JsonValue.of(Map.of()), invoker.invoke(batchRead(), JSON));
        assertEquals(2, sent.size(), "the client's own token is still open");
    }

    @Test
    void a401RefreshesThroughTheCallsProvider() {
        AtomicInteger clientRefreshes = new AtomicInteger();
        AccessTokenProvider client = ApiInvokerTest.refreshing(CLIENT_TOKEN, CLIENT_TOKEN, clientRefreshes);
        String fresh = "pat-eu1-99999999-8888-4777-8666-REFRESHED-ONE";
        AtomicInteger callRefreshes = new AtomicInteger();
        AccessTokenProvider portal = ApiInvokerTest.refreshing(OTHER_TOKEN, fresh, callRefreshes);
        ApiInvoker invoker = ApiInvoker.create(options(
                        recording(request -> request.header("Authorization").equals("Bearer " + fresh)
                                ? status(200, "{}")
                                : status(401, "{\"category\":\"INVALID_AUTHENTICATION\"}")))
                .tokenProvider(client)
                .build());

        invoker.invoke(
                batchRead(), JSON, RequestOptions.builder().accessToken(portal).build());

        assertEquals(1, callRefreshes.get());
        assertEquals(0, clientRefreshes.get());
        assertEquals(
                List.of("Bearer " + OTHER_TOKEN, "Bearer " + fresh),
                sent.stream().map(r -> r.header("Authorization")).toList());
        assertThrows(UnauthorizedException.class, () -> invoker.invoke(batchRead(), JSON));
        assertEquals(1, clientRefreshes.get(), "the client's own 401 refreshes through its own provider");
    }

    @Test
    void anotherTokenEchoedByTheServerNeverReachesTheException() {
        ApiInvoker invoker = ApiInvoker.create(options(recording(request -> status(
                        400,
                        "{\"status\":\"error\",\"message\":\"bad token " + request.header("Authorization")
                                + "\",\"category\":\"VALIDATION_ERROR\"}")))
                .retryPolicy(RetryPolicy.none())
                .build());

        BadRequestException e = assertThrows(
                BadRequestException.class,
                () -> invoker.invoke(
                        batchRead(),
                        JSON,
                        RequestOptions.builder().accessToken(OTHER_TOKEN).build()));

        assertFalse(e.getMessage().contains(OTHER_TOKEN));
        assertFalse(e.rawBody().contains(OTHER_TOKEN));
        assertTrue(e.rawBody().contains("[REDACTED]"), e.rawBody());
    }

    @Test
    void aTokenThatCannotBeSentFailsWithoutQuotingIt() {
        ApiInvoker invoker = ApiInvoker.create(
                options(recording(request -> status(200, "{}"))).build());
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> invoker.invoke(
                        batchRead(),
                        JSON,
                        RequestOptions.builder()
                                .accessToken(OTHER_TOKEN + "\nX-Injected: 1")
                                .build()));
        assertFalse(e.getMessage().contains(OTHER_TOKEN));
        assertTrue(sent.isEmpty());
    }
}
