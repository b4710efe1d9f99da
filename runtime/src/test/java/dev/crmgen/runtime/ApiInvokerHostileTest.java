package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.internal.Secrets;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a caller can do to a call that ordinary tests never do: cancel it, give it a deadline shorter than its
 * timeouts, hand it a token with unusual characters that a server echoes back encoded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiInvokerHostileTest {
    private static final String TOKEN = "pat-na1-0b1c2d3e-4f5a-4b6c-8d7e-HOSTILE-TOKEN";
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);
    private static final HttpHeaders RETRY_AFTER_ONE =
            HttpHeaders.of(Map.of("Retry-After", List.of("1")), (a, b) -> true);
    private static final byte[] TEN_SECONDLY = ("{\"status\":\"error\",\"message\":\"You have reached your "
                    + "ten_secondly_rolling limit.\",\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static ApiRequest batchCreate() {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/create")
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                .build();
    }

    private static ClientOptions.Builder options(String token, HttpTransport transport, Ticker ticker) {
        return ClientOptions.builder()
                .accessToken(token)
                .transport(transport)
                .ticker(ticker)
                .rateLimiter(RateLimiter.unlimited())
                .executor(Runnable::run)
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    @Test
    void aCancelledAsyncCallIsNotSentAgain() {
        // A non-idempotent create answered 429: the call waits for Retry-After, and the caller cancels it meanwhile.
        AtomicInteger sends = new AtomicInteger();
        HttpTransport transport = request -> {
            sends.incrementAndGet();
            return new HttpTransport.Response(429, RETRY_AFTER_ONE, TEN_SECONDLY);
        };
        ApiInvokerAsyncTest.HeldDelays delays = new ApiInvokerAsyncTest.HeldDelays();
        ApiInvoker invoker = ApiInvoker.create(options(TOKEN, transport, delays).build());

        CompletableFuture<JsonValue> call = invoker.invokeAsync(batchCreate(), ApiInvokerTest.JSON);
        assertEquals(1, sends.get());
        assertEquals(1, delays.pending.size(), "waiting for Retry-After");
        assertTrue(call.cancel(true));

        delays.pending.get(0).complete(null);

        assertEquals(1, sends.get(), "the cancelled create was sent again after its Retry-After");
    }

    @Test
    void aCancelledAsyncCallClosesItsConnection() throws Exception {
        try (MisbehavingServerTest.RawServer server =
                new MisbehavingServerTest.RawServer(MisbehavingServerTest.Behaviour.NO_RESPONSE)) {
            ApiInvoker invoker = ApiInvoker.create(ClientOptions.builder()
                    .accessToken(TOKEN)
                    .baseUrl("http://127.0.0.1:" + server.port())
                    .rateLimiter(RateLimiter.unlimited())
                    .requestTimeout(Duration.ofSeconds(55))
                    .retryPolicy(RetryPolicy.none())
                    .build());

            CompletableFuture<JsonValue> call = invoker.invokeAsync(batchCreate(), ApiInvokerTest.JSON);
            assertTrue(server.requestsRead(1, MisbehavingServerTest.GENEROUS), "the request reached the server");
            assertEquals(1, server.accepted.get(), "one connection");
            assertTrue(call.cancel(true));

            assertTrue(
                    server.clientClosed(1, MisbehavingServerTest.GENEROUS),
                    "the connection of a cancelled call stays open until its 55 s timeout");
        }
    }

    @Test
    void retrySafeCallsTimingOutOnEveryAttemptEndWithinTheirDeadline() {
        FakeTicker time = new FakeTicker();
        List<Duration> timeouts = new ArrayList<>();
        HttpTransport stalls = request -> {
            timeouts.add(request.timeout());
            time.advance(request.timeout().toNanos());
            throw new HttpTimeoutException("no complete response");
        };
        ApiInvoker invoker = ApiInvoker.create(options(TOKEN, stalls, time)
                .requestTimeout(Duration.ofSeconds(4))
                .retryPolicy(RetryPolicy.builder()
                        .jitter(0)
                        .maxRetries(50)
                        .initialBackoff(Duration.ofMillis(300))
                        .deadline(Duration.ofSeconds(10))
                        .build())
                .build());
        long start = time.nanoTime();

        TransportException e = assertThrows(
                TransportException.class,
                () -> invoker.invoke(
                        ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/read")
                                .retrySafe(true)
                                .build(),
                        ApiInvokerTest.JSON));

        assertTrue(e.isTimeout() && e.requestSent(), e.getMessage());
        assertTrue(timeouts.size() >= 3, "a later attempt gets what is left of the deadline: " + timeouts);
        assertTrue(
                time.nanoTime() - start <= Duration.ofSeconds(10).toNanos(),
                "ran " + Duration.ofNanos(time.nanoTime() - start) + " past a 10 s deadline; timeouts " + timeouts);
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineEndsTheCallWithoutWaiting() {
        FakeTicker time = new FakeTicker();
        AtomicInteger sends = new AtomicInteger();
        HttpHeaders thirtySeconds = HttpHeaders.of(Map.of("Retry-After", List.of("30")), (a, b) -> true);
        HttpTransport transport = request -> {
            sends.incrementAndGet();
            return new HttpTransport.Response(429, thirtySeconds, TEN_SECONDLY);
        };
        ApiInvoker invoker = ApiInvoker.create(options(TOKEN, transport, time)
                .retryPolicy(RetryPolicy.builder()
                        .maxRetryAfter(Duration.ofMinutes(1))
                        .deadline(Duration.ofSeconds(10))
                        .build())
                .build());

        ApiException e = assertThrows(ApiException.class, () -> invoker.invoke(batchCreate(), ApiInvokerTest.JSON));

        assertEquals(429, e.status());
        assertEquals(1, sends.get());
        assertEquals(0, time.totalSleptMillis(), "slept although the wait could not fit the deadline");
    }

    @Test
    void aTokenWithRegexMetacharactersEchoedVerbatimIsRedacted() {
        String token = "pat-na1-a.b*c+d?e(f)g[h]$i^j|k";
        ApiException e = echoing(token, token);
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(e.rawBody().contains(token), e.rawBody());
        assertTrue(e.rawBody().contains(Secrets.MASK), e.rawBody());
    }

    @Test
    void aTokenEchoedUrlEncodedOrJsonEscapedIsRedacted() {
        // OAuth access tokens may hold '/', '+' and '='; servers echo what they were sent, often encoded.
        String token = "CJT1/x+Yq9=Zr";
        String urlEncoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        String jsonEscaped = token.replace("/", "\\/");
        ApiException e = echoing(token, "url " + urlEncoded + " json " + jsonEscaped);
        for (String form : List.of(urlEncoded, jsonEscaped)) {
            assertFalse(e.getMessage().contains(form), "message: " + e.getMessage());
            assertFalse(e.rawBody().contains(form), "raw body: " + e.rawBody());
        }
    }

    /** The exception of a call whose 401 answer's message holds {@code echoed}, already JSON text. */
    private static ApiException echoing(String token, String echoed) {
        String body = "{\"status\":\"error\",\"message\":\"Authentication credentials not found: " + echoed
                + "\",\"category\":\"INVALID_AUTHENTICATION\"}";
        HttpTransport transport =
                request -> new HttpTransport.Response(401, NO_HEADERS, body.getBytes(StandardCharsets.UTF_8));
        ApiInvoker invoker =
                ApiInvoker.create(options(token, transport, new FakeTicker()).build());
        ApiException e = assertThrows(ApiException.class, () -> invoker.invoke(batchCreate(), ApiInvokerTest.JSON));
        assertInstanceOf(UnauthorizedException.class, e);
        return e;
    }

    @Test
    void noAttemptIsSentOnceTheDeadlineHasPassed() {
        // Sleeps overrun a little, as Thread.sleep does; a 429's Retry-After of 1 s just fits a 1 s deadline.
        FakeTicker time = new FakeTicker();
        Ticker overruns = new Ticker() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public void sleep(long nanos) {
                time.sleep(nanos > 0 ? nanos + TimeUnit.MILLISECONDS.toNanos(5) : 0);
            }
        };
        long deadline = time.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        List<Long> sentAt = new ArrayList<>();
        HttpTransport transport = request -> {
            sentAt.add(time.nanoTime());
            return new HttpTransport.Response(429, RETRY_AFTER_ONE, TEN_SECONDLY);
        };
        ApiInvoker invoker = ApiInvoker.create(options(TOKEN, transport, overruns)
                .retryPolicy(RetryPolicy.builder()
                        .maxRetryAfter(Duration.ofMinutes(1))
                        .deadline(Duration.ofSeconds(1))
                        .build())
                .build());

        TransportException e =
                assertThrows(TransportException.class, () -> invoker.invoke(batchCreate(), ApiInvokerTest.JSON));

        // The Retry-After fits the deadline, so a retry is planned; the wait overran it, so the retry is not sent.
        assertEquals(1, sentAt.size(), "sent: " + sentAt);
        assertFalse(e.requestSent(), e.getMessage());
        assertTrue(e.getMessage().contains("passed before this attempt could be sent"), e.getMessage());
        for (long at : sentAt) {
            assertTrue(
                    at - deadline < 0,
                    "a create was sent " + Duration.ofNanos(at - deadline)
                            + " after the call's deadline, with no time left to read its answer");
        }
    }

    @Test
    void aRejectionWhoseBodyIsNotTheGzipItClaimsKeepsItsStatus() throws Exception {
        // A proxy or error page labels a plain body gzip. The 400 says nothing was applied; that must survive.
        byte[] body = "{\"status\":\"error\",\"message\":\"Property values were not valid\",\"category\":"
                .concat("\"VALIDATION_ERROR\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(
                    () -> {
                        try (Socket s = socket.accept()) {
                            InputStream in = s.getInputStream();
                            StringBuilder request = new StringBuilder();
                            while (!request.toString().endsWith("\r\n\r\n")) {
                                int b = in.read();
                                if (b < 0) {
                                    return;
                                }
                                request.append((char) b);
                            }
                            in.readNBytes(contentLength(request.toString()));
                            s.getOutputStream().write(head);
                            s.getOutputStream().write(body);
                            s.getOutputStream().flush();
                        } catch (IOException ignored) {
                            // the test ends either way
                        }
                    },
                    "plain-body-labelled-gzip");
            server.setDaemon(true);
            server.start();
            ApiInvoker invoker = ApiInvoker.create(ClientOptions.builder()
                    .accessToken(TOKEN)
                    .baseUrl("http://127.0.0.1:" + socket.getLocalPort())
                    .rateLimiter(RateLimiter.unlimited())
                    .requestTimeout(Duration.ofSeconds(20))
                    .retryPolicy(RetryPolicy.none())
                    .build());

            ApiException e = assertThrows(ApiException.class, () -> invoker.invoke(batchCreate(), ApiInvokerTest.JSON));

            assertEquals(400, e.status(), "the status was lost: " + e);
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
