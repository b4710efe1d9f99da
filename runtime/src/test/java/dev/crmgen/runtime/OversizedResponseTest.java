package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.MisbehavingServerTest.RawServer;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response bodies longer than the transport's limit, as a misbehaving server or proxy sends them: a declared length
 * over it, a chunked body that never ends, and a small gzip body that inflates to far more. Each must end the call
 * at the limit, long before its timeout, without a retry, and close the connection; bodies of exactly the limit
 * must still be read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OversizedResponseTest {
    private static final String TOKEN = "pat-na1-0b1c2d3e-4f5a-4b6c-8d7e-OVERSIZED-TOKEN";
    private static final int LIMIT = 1 << 20;
    /** Far below the call's 30 s timeout: a cut at the limit, not a timeout, must end the call. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);
    private static final String COMPLETE = "{\"status\":\"COMPLETE\",\"results\":[]}";

    private static ApiRequest batchUpdate() {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/update")
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                .retrySafe(true)
                .build();
    }

    private static ApiInvoker invoker(RawServer server, long limit) {
        return invoker(server, limit, 3);
    }

    private static ApiInvoker invoker(RawServer server, long limit, int maxRetries) {
        return ApiInvoker.create(ClientOptions.builder()
                .accessToken(TOKEN)
                .baseUrl("http://127.0.0.1:" + server.port())
                .rateLimiter(RateLimiter.unlimited())
                .requestTimeout(Duration.ofSeconds(30))
                .maxResponseBytes(limit)
                // Retries would be allowed for anything else: the batch update is retry-safe.
                .retryPolicy(RetryPolicy.builder()
                        .maxRetries(maxRetries)
                        .initialBackoff(Duration.ofMillis(10))
                        .jitter(0)
                        .build())
                .build());
    }

    @Test
    void aDeclaredLengthOverTheLimitEndsTheCallBeforeTheBodyIsRead() throws Exception {
        // Status and headers, then nothing: only the declared length can end this call before its timeout.
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head(200, "Content-Length: " + (10L * LIMIT)));
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            long start = System.nanoTime();
            TransportException e = tooLarge(invoker(server, LIMIT), false);

            assertEndedPromptly(start);
            HttpTransport.ResponseTooLargeException cause =
                    assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause(), e.toString());
            assertEquals(200, cause.status());
            assertEquals(LIMIT, cause.limit());
            assertFalse(e.getMessage().contains("gzip"), e.getMessage());
            assertTrue(e.isResponseTooLarge(), "batch calls read this to leave the inputs out of later rounds");
            assertEquals(1, server.requests.get(), "a body over the limit would be as long again: no retry");
            assertTrue(server.clientClosed(1, CLOSE_WAIT), "the connection was left open");
        }
    }

    @Test
    void aChunkedBodyThatNeverEndsIsCutAtTheLimit() throws Exception {
        byte[] chunk = chunk(new byte[64 * 1024]);
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head(200, "Transfer-Encoding: chunked"));
            out.write(chunk("{\"results\":[".getBytes(StandardCharsets.US_ASCII)));
            // Until the client closes the connection, when writing fails.
            for (; ; ) {
                out.write(chunk);
            }
        })) {
            for (boolean async : new boolean[] {false, true}) {
                long start = System.nanoTime();
                TransportException e = tooLarge(invoker(server, LIMIT), async);

                assertEndedPromptly(start);
                assertEquals(
                        200,
                        assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause())
                                .status());
                assertTrue(e.requestSent(), "the request reached the server: its outcome is unknown");
            }
            assertEquals(2, server.requests.get(), "one request per call, none retried");
            assertTrue(server.clientClosed(2, CLOSE_WAIT), "a cut body's connection was left open");
            // The client stopped reading at the limit, not at the end of the socket buffers' worth beyond it.
            assertTrue(
                    server.written.get() < 2L * (LIMIT + 16L * 1024 * 1024),
                    "the server wrote " + server.written.get() + " bytes before the client stopped reading");
        }
    }

    @Test
    void aSmallGzipBodyThatInflatesPastTheLimitFailsWhileDecoding() throws Exception {
        // 256 MiB of JSON whitespace in well under a megabyte of gzip: what a decompression bomb looks like.
        byte[] bomb = gzip(new byte[] {'{', '}'}, 256 << 20);
        assertTrue(bomb.length < LIMIT, "the bomb itself must fit under the limit: " + bomb.length);
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head(207, "Content-Encoding: gzip", "Content-Length: " + bomb.length));
            out.write(bomb);
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            // Asynchronous calls decode on the caller's executor: the limit holds there too.
            for (boolean async : new boolean[] {false, true}) {
                long start = System.nanoTime();
                TransportException e = tooLarge(invoker(server, 8 * LIMIT), async);

                assertEndedPromptly(start);
                HttpTransport.ResponseTooLargeException cause =
                        assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause());
                assertEquals(207, cause.status());
                assertEquals(8L * LIMIT, cause.limit());
                assertTrue(e.getMessage().contains("when gzip decoded"), e.getMessage());
                assertTrue(
                        e.getMessage().contains("maxResponseBytes"), "says how to raise the limit: " + e.getMessage());
                assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
                assertTrue(e.requestSent(), "the request reached the server: its outcome is unknown");
            }
            assertEquals(2, server.requests.get(), "one request per call, none retried");
        }
    }

    @Test
    void bodiesOfExactlyTheLimitAreRead() throws Exception {
        byte[] plain = padded(COMPLETE, LIMIT);
        byte[] gzipped = gzip(plain, 0);
        List<byte[]> responses = List.of(
                concat(head(200, "Content-Length: " + plain.length), plain),
                concat(head(200, "Transfer-Encoding: chunked"), chunk(plain), chunk(new byte[0])),
                concat(head(200, "Content-Encoding: gzip", "Content-Length: " + gzipped.length), gzipped));
        try (RawServer server = servingInTurn(responses)) {
            ApiInvoker invoker = invoker(server, LIMIT);
            for (int i = 0; i < responses.size(); i++) {
                JsonValue body = invoker.invoke(batchUpdate(), ApiInvokerTest.JSON);
                assertEquals(
                        new JsonValue.JsonString("COMPLETE"),
                        ((JsonValue.JsonObject) body).get("status"),
                        "response " + i);
            }
            assertEquals(3, server.requests.get());
        }
    }

    @Test
    void aTransportOnYourOwnClientKeepsItsLimit() throws Exception {
        byte[] body = padded("{}", 4096);
        try (RawServer server = new RawServer((out, request) -> {
            out.write(concat(head(200, "Content-Length: " + body.length), body));
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            HttpTransport transport = HttpTransport.jdk(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    4095);
            HttpTransport.Request request = plainRequest(server, "GET");

            HttpTransport.ResponseTooLargeException e =
                    assertThrows(HttpTransport.ResponseTooLargeException.class, () -> transport.send(request));
            assertEquals(4095, e.limit());
            ExecutionException async = assertThrows(
                    ExecutionException.class,
                    () -> transport.sendAsync(request, Runnable::run).get(30, TimeUnit.SECONDS));
            assertInstanceOf(HttpTransport.ResponseTooLargeException.class, async.getCause());

            HttpTransport roomy = HttpTransport.jdk(HttpClient.newHttpClient(), 4096);
            assertArrayEquals(body, roomy.send(request).body());
        }
    }

    @Test
    void theLimitIsAnOptionThatCopiesCarry() {
        ClientOptions defaults = ClientOptions.builder().accessToken(TOKEN).build();
        assertEquals(64L << 20, defaults.maxResponseBytes());
        assertThrows(
                IllegalArgumentException.class, () -> ClientOptions.builder().maxResponseBytes(0));
        assertThrows(
                IllegalArgumentException.class, () -> ClientOptions.builder().maxResponseBytes(Integer.MAX_VALUE));

        ClientOptions small = defaults.toBuilder().maxResponseBytes(LIMIT).build();
        assertEquals(LIMIT, small.maxResponseBytes());
        assertEquals(LIMIT, small.toBuilder().build().maxResponseBytes());
        assertNotSame(defaults.transport(), small.transport(), "the default transport did not take the new limit");
        assertSame(small.transport(), small.toBuilder().build().transport(), "same settings, same shared client");
        assertNotSame(
                defaults.transport(),
                defaults.toBuilder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .build()
                        .transport(),
                "the default transport did not take the new connect timeout");
        assertTrue(small.toString().contains("maxResponseBytes=" + LIMIT), small.toString());

        HttpTransport own = request -> new HttpTransport.Response(200, HttpHeaders.of(Map.of(), (a, b) -> true), null);
        ClientOptions given = defaults.toBuilder().transport(own).build();
        assertSame(own, given.toBuilder().maxResponseBytes(LIMIT).build().transport(), "a given transport is kept");
    }

    @Test
    void headAndNotModifiedResponsesDeclaringALongBodyAreReadEmpty() throws Exception {
        // Both carry no body, whatever length they declare: a HEAD response the length a GET would have.
        String declared = "Content-Length: " + (10L * LIMIT);
        AtomicInteger calls = new AtomicInteger();
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head(calls.getAndIncrement() == 0 ? 200 : 304, declared));
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            HttpTransport transport = HttpTransport.jdk(Duration.ofSeconds(5), LIMIT);

            HttpTransport.Response headResponse = transport.send(plainRequest(server, "HEAD"));
            assertEquals(200, headResponse.status());
            assertEquals(0, headResponse.body().length);
            HttpTransport.Response notModified = transport.send(plainRequest(server, "GET"));
            assertEquals(304, notModified.status());
            assertEquals(0, notModified.body().length);
        }
    }

    @Test
    void aNegativeContentLengthFailsTheCallAtOnceAndClosesTheConnection() throws Exception {
        // The client would read what follows without passing it on, for as long as the server sends.
        try (RawServer server = endlessAfter(head(200, "Content-Length: -5"))) {
            long start = System.nanoTime();
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> invoker(server, LIMIT, 0).invoke(batchUpdate(), ApiInvokerTest.JSON));

            assertEndedPromptly(start);
            assertInstanceOf(ProtocolException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().contains("negative Content-Length"), e.getMessage());
            assertTrue(e.requestSent(), "the request reached the server");
            assertTrue(server.clientClosed(1, CLOSE_WAIT), "the connection was left open");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "99999999999999999999"})
    void anUnreadableContentLengthIsATransportFailureNotAnUncheckedOne(String declared) throws Exception {
        byte[] okBody = COMPLETE.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger calls = new AtomicInteger();
        try (RawServer server = new RawServer((out, request) -> {
            if (calls.getAndIncrement() == 0) {
                out.write(keepAliveHead(200, "Content-Length: " + declared));
                out.write(okBody);
            } else {
                out.write(concat(head(200, "Content-Length: " + okBody.length), okBody));
            }
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            ApiInvoker invoker = invoker(server, LIMIT, 0);
            TransportException e =
                    assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(), ApiInvokerTest.JSON));

            assertInstanceOf(ProtocolException.class, e.getCause(), e.toString());
            assertTrue(e.getMessage().contains(declared), e.getMessage());
            assertTrue(e.requestSent(), "the request reached the server");
            // The client fails while reading the header, before the body is the transport's to cancel: the next
            // call must not be sent down the connection it leaves behind.
            assertComplete(invoker.invoke(batchUpdate(), ApiInvokerTest.JSON));
            assertEquals(2, calls.get());
        }
    }

    @Test
    void aCutConnectionIsClosedNotReusedAndTheNextCallOnTheClientWorks() throws Exception {
        byte[] okBody = COMPLETE.getBytes(StandardCharsets.US_ASCII);
        byte[] ok = concat(keepAliveHead(200, "Content-Length: " + okBody.length), okBody);
        byte[] endless = chunk(new byte[64 * 1024]);
        AtomicInteger calls = new AtomicInteger();
        // Keep-alive connections: a cut one handed back to the pool would take the next call (which would stall
        // behind the unread body, or read its bytes as a response).
        try (RawServer server = new RawServer((out, request) -> {
            for (; ; ) {
                switch (calls.getAndIncrement()) {
                    case 0 -> {
                        out.write(keepAliveHead(200, "Content-Length: " + (10L * LIMIT)));
                        out.flush();
                        RawServer.awaitClientClose(request);
                        return;
                    }
                    case 2 -> {
                        out.write(keepAliveHead(200, "Transfer-Encoding: chunked"));
                        for (; ; ) {
                            out.write(endless);
                        }
                    }
                    default -> {
                        out.write(ok);
                        out.flush();
                    }
                }
                RawServer.readRequest(request);
            }
        })) {
            // No retries: one would hide a call that failed on a reused connection.
            ApiInvoker invoker = invoker(server, LIMIT, 0);
            for (int call = 0; call < 4; call++) {
                long start = System.nanoTime();
                if (call % 2 == 0) {
                    assertInstanceOf(
                            HttpTransport.ResponseTooLargeException.class,
                            tooLarge(invoker, call == 2).getCause());
                } else {
                    JsonValue body = invoker.invoke(batchUpdate(), ApiInvokerTest.JSON);
                    assertComplete(body);
                }
                assertEndedPromptly(start);
            }
            assertEquals(4, calls.get(), "every call reached the server once");
            assertTrue(server.clientClosed(2, CLOSE_WAIT), "the cut connections were left open");
        }
    }

    @Test
    void aBodyThatEndsWhenTheServerClosesIsCappedToo() throws Exception {
        byte[] plain = padded(COMPLETE, LIMIT);
        byte[] blanks = new byte[64 * 1024];
        Arrays.fill(blanks, (byte) ' ');
        AtomicInteger calls = new AtomicInteger();
        // HTTP/1.0 without a length: the body is whatever comes until the server closes the connection.
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head("HTTP/1.0 200 OK"));
            if (calls.getAndIncrement() == 0) {
                out.write(plain);
                out.flush();
                return;
            }
            out.write("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
            for (; ; ) {
                out.write(blanks);
            }
        })) {
            ApiInvoker invoker = invoker(server, LIMIT);
            JsonValue body = invoker.invoke(batchUpdate(), ApiInvokerTest.JSON);
            assertComplete(body);

            long start = System.nanoTime();
            TransportException e = tooLarge(invoker, false);
            assertEndedPromptly(start);
            assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause());
            assertEquals(2, calls.get(), "no retry");
            assertTrue(server.clientClosed(2, CLOSE_WAIT), "the endless body's connection was left open");
        }
    }

    @Test
    void aBodyInManySmallChunksIsReadUpToExactlyTheLimit() throws Exception {
        byte[] plain = padded(COMPLETE, LIMIT);
        List<byte[]> responses = List.of(
                concat(head(200, "Transfer-Encoding: chunked"), smallChunks(plain), chunk(new byte[0])),
                concat(
                        head(200, "Transfer-Encoding: chunked"),
                        smallChunks(plain),
                        chunk(new byte[] {' '}),
                        chunk(new byte[0])));
        try (RawServer server = servingInTurn(responses)) {
            ApiInvoker invoker = invoker(server, LIMIT);
            JsonValue body = invoker.invoke(batchUpdate(), ApiInvokerTest.JSON);
            assertComplete(body);
            assertInstanceOf(
                    HttpTransport.ResponseTooLargeException.class,
                    tooLarge(invoker, true).getCause());
            assertEquals(2, server.requests.get(), "no retry");
        }
    }

    @Test
    void concatenatedGzipMembersCountTogetherAgainstTheLimit() throws Exception {
        // Each member is well under the limit; only their sum reaches or passes it.
        byte[] first = gzip(padded(COMPLETE, LIMIT / 2), 0);
        byte[] exact = concat(first, gzip(new byte[0], LIMIT / 2));
        byte[] over = concat(first, gzip(new byte[0], LIMIT / 2 + 1));
        List<byte[]> responses = List.of(
                concat(head(200, "Content-Encoding: gzip", "Content-Length: " + exact.length), exact),
                concat(head(200, "Content-Encoding: gzip", "Content-Length: " + over.length), over));
        try (RawServer server = servingInTurn(responses)) {
            HttpTransport transport = HttpTransport.jdk(Duration.ofSeconds(5), LIMIT);
            HttpTransport.Response whole = transport.send(plainRequest(server, "GET"));
            assertEquals(LIMIT, whole.body().length, "every member is inflated");

            HttpTransport.ResponseTooLargeException e = assertThrows(
                    HttpTransport.ResponseTooLargeException.class, () -> transport.send(plainRequest(server, "GET")));
            assertTrue(e.getMessage().contains("when gzip decoded"), e.getMessage());
        }
    }

    @Test
    void aConnectionClosedMidBodyIsAnIoFailureThatIsStillRetried() throws Exception {
        byte[] ok = padded(COMPLETE, 64);
        AtomicInteger calls = new AtomicInteger();
        try (RawServer server = new RawServer((out, request) -> {
            if (calls.getAndIncrement() % 2 == 0) {
                // Promises 1000 bytes and hangs up after ten.
                out.write(head(200, "Content-Length: 1000"));
                out.write("{\"status\":".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write(concat(head(200, "Content-Length: " + ok.length), ok));
            out.flush();
            RawServer.awaitClientClose(request);
        })) {
            ApiInvoker invoker = invoker(server, LIMIT);
            JsonValue body = invoker.invoke(batchUpdate(), ApiInvokerTest.JSON);
            assertComplete(body);
            body = invoker.invokeAsync(batchUpdate(), ApiInvokerTest.JSON).get(30, TimeUnit.SECONDS);
            assertComplete(body);
            assertEquals(4, calls.get(), "each cut body was retried once");
        }
    }

    @Test
    void anAsyncCallIsCutWhileTheCallersExecutorIsBusy() throws Exception {
        byte[] endless = chunk(new byte[64 * 1024]);
        try (RawServer server = new RawServer((out, request) -> {
            out.write(head(200, "Transfer-Encoding: chunked"));
            for (; ; ) {
                out.write(endless);
            }
        })) {
            BlockingQueue<Runnable> parked = new LinkedBlockingQueue<>();
            HttpTransport transport = HttpTransport.jdk(Duration.ofSeconds(5), LIMIT);

            CompletableFuture<HttpTransport.Response> call =
                    transport.sendAsync(plainRequest(server, "GET"), parked::add);

            // The cut happens on the client's own threads: the connection closes before the caller's executor runs.
            assertTrue(server.clientClosed(1, CLOSE_WAIT), "the body was read on while the caller's executor was busy");
            assertFalse(call.isDone(), "the outcome is handed over on the caller's executor");
            while (!call.isDone()) {
                Runnable task = parked.poll(30, TimeUnit.SECONDS);
                assertNotNull(task, "no outcome was handed to the caller's executor");
                task.run();
            }
            ExecutionException e = assertThrows(ExecutionException.class, call::get);
            assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause());
        }
    }

    @Test
    void concurrentCallsOnOneTransportEachKeepTheirOwnCount() throws Exception {
        byte[] endless = chunk(new byte[16 * 1024]);
        byte[] small = padded("{}", LIMIT - 1);
        try (RawServer oversized = new RawServer((out, request) -> {
                    out.write(keepAliveHead(200, "Transfer-Encoding: chunked"));
                    for (; ; ) {
                        out.write(endless);
                    }
                });
                RawServer fitting = new RawServer((out, request) -> {
                    for (; ; ) {
                        out.write(concat(keepAliveHead(200, "Content-Length: " + small.length), small));
                        out.flush();
                        RawServer.readRequest(request);
                    }
                })) {
            HttpTransport transport = HttpTransport.jdk(Duration.ofSeconds(5), LIMIT);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    boolean async = t % 2 == 1;
                    running.add(callers.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            if (i % 2 == 0) {
                                byte[] body = async
                                        ? transport
                                                .sendAsync(plainRequest(fitting, "GET"), Runnable::run)
                                                .get(30, TimeUnit.SECONDS)
                                                .body()
                                        : transport
                                                .send(plainRequest(fitting, "GET"))
                                                .body();
                                assertArrayEquals(small, body);
                            } else if (async) {
                                ExecutionException e = assertThrows(
                                        ExecutionException.class,
                                        () -> transport
                                                .sendAsync(plainRequest(oversized, "GET"), Runnable::run)
                                                .get(30, TimeUnit.SECONDS));
                                assertInstanceOf(HttpTransport.ResponseTooLargeException.class, e.getCause());
                            } else {
                                assertThrows(
                                        HttpTransport.ResponseTooLargeException.class,
                                        () -> transport.send(plainRequest(oversized, "GET")));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                callers.shutdownNow();
            }
            assertEquals(20, oversized.requests.get(), "every oversized body came on its own connection");
            assertTrue(oversized.clientClosed(20, CLOSE_WAIT), "a cut connection was left open");
        }
    }

    /** A server that sends this head, then spaces until the client closes the connection. */
    private static RawServer endlessAfter(byte[] head) throws IOException {
        byte[] blanks = new byte[64 * 1024];
        Arrays.fill(blanks, (byte) ' ');
        return new RawServer((out, request) -> {
            out.write(head);
            for (; ; ) {
                out.write(blanks);
            }
        });
    }

    /** A server that answers its requests with these responses in turn, one per connection. */
    private static RawServer servingInTurn(List<byte[]> responses) throws IOException {
        AtomicInteger next = new AtomicInteger();
        return new RawServer((out, request) -> {
            out.write(responses.get(next.getAndIncrement()));
            out.flush();
            RawServer.awaitClientClose(request);
        });
    }

    private static void assertComplete(JsonValue body) {
        assertEquals(new JsonValue.JsonString("COMPLETE"), ((JsonValue.JsonObject) body).get("status"));
    }

    private static TransportException tooLarge(ApiInvoker invoker, boolean async) throws Exception {
        if (!async) {
            return assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(), ApiInvokerTest.JSON));
        }
        CompletableFuture<JsonValue> call = invoker.invokeAsync(batchUpdate(), ApiInvokerTest.JSON);
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(TransportException.class, e.getCause(), String.valueOf(e.getCause()));
    }

    private static void assertEndedPromptly(long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(
                took.compareTo(PROMPTLY) < 0, "the call took " + took + ": it waited instead of stopping at the limit");
    }

    private static byte[] head(int status, String... headers) {
        // One response per connection, so that no call finds a connection the last one left closing.
        return keepAliveHead(
                status,
                Stream.concat(Stream.of("Connection: close"), Arrays.stream(headers))
                        .toArray(String[]::new));
    }

    private static byte[] keepAliveHead(int status, String... headers) {
        return head("HTTP/1.1 " + status + " Whatever", headers);
    }

    /** The status line, a JSON content type and these headers, up to the blank line. */
    private static byte[] head(String statusLine, String... headers) {
        StringBuilder head = new StringBuilder(statusLine + "\r\nContent-Type: application/json\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code data} as chunks of 1 to 13 bytes. */
    private static byte[] smallChunks(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0, size = 1; at < data.length; at += size, size = size % 13 + 1) {
            out.writeBytes(chunk(Arrays.copyOfRange(data, at, Math.min(data.length, at + size))));
        }
        return out.toByteArray();
    }

    private static HttpTransport.Request plainRequest(RawServer server, String method) {
        return new HttpTransport.Request(
                method,
                URI.create("http://127.0.0.1:" + server.port() + "/crm/v3/objects/notes"),
                Map.of(),
                (byte[]) null,
                Duration.ofSeconds(30));
    }

    private static byte[] chunk(byte[] data) {
        return concat(
                (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                data,
                "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code json} followed by spaces to exactly {@code length} bytes. */
    private static byte[] padded(String json, int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) ' ');
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, body, 0, text.length);
        return body;
    }

    /** The gzip of {@code json} followed by {@code spaces} spaces, compressed as it is written. */
    private static byte[] gzip(byte[] json, int spaces) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json);
            byte[] blanks = new byte[64 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            for (int left = spaces; left > 0; left -= blanks.length) {
                gz.write(blanks, 0, Math.min(left, blanks.length));
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
