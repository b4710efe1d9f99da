package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that accepts the request and then misbehaves: every call, blocking or async, still ends by its request
 * timeout per attempt (or the overall deadline), and the client closes each connection it gave up on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MisbehavingServerTest {
    static final String TOKEN = "pat-na1-7a6b5c4d-3e2f-4a1b-9c8d-STALLED-TOKEN";
    /** Far above any attempt's timeout; only a client that never gives up would come near it. */
    static final Duration GENEROUS = Duration.ofSeconds(20);

    /** What the server does once it has read the request. */
    enum Behaviour {
        /** Status, headers and part of the body, then nothing. */
        STALLED_BODY,
        /** Status and headers, then one body byte every 200 ms. */
        TRICKLING_BODY,
        /** Never answers. */
        NO_RESPONSE
    }

    RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Behaviour.class)
    void blockingAndAsyncCallsEndByTheirTimeoutOnEveryAttempt(Behaviour behaviour) throws Exception {
        server = new RawServer(behaviour);
        ApiInvoker invoker = invoker(
                Duration.ofMillis(400),
                RetryPolicy.builder()
                        .maxRetries(2)
                        .initialBackoff(Duration.ofMillis(10))
                        .jitter(0)
                        .build());
        for (boolean async : new boolean[] {false, true}) {
            long start = System.nanoTime();
            TransportException e = expectTransportFailure(invoker, request(true), async);
            assertEndedWithin(start, Duration.ofMillis(3 * 400).plus(GENEROUS));
            assertTimedOutAfterSending(e, 3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Behaviour.class)
    void theOverallDeadlineCutsALongerRequestTimeout(Behaviour behaviour) throws Exception {
        server = new RawServer(behaviour);
        // A request timeout of a minute, but a deadline of 600 ms: the deadline ends the call.
        ApiInvoker invoker = invoker(
                Duration.ofMinutes(1),
                RetryPolicy.builder().deadline(Duration.ofMillis(600)).build());
        for (boolean async : new boolean[] {false, true}) {
            long start = System.nanoTime();
            TransportException e = expectTransportFailure(invoker, request(true), async);
            assertEndedWithin(start, Duration.ofMillis(600).plus(GENEROUS));
            assertTrue(e.isTimeout() && e.requestSent(), e.getMessage());
        }
        assertEquals(2, server.accepted.get(), "one attempt per call");
        assertTrue(server.clientClosed(2, GENEROUS), "connections left open");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Behaviour.class)
    void aTimeoutAfterSendingIsNotRetriedForANonIdempotentCall(Behaviour behaviour) throws Exception {
        server = new RawServer(behaviour);
        ApiInvoker invoker = invoker(
                Duration.ofMillis(300),
                RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build());
        TransportException e = expectTransportFailure(invoker, request(false), false);
        assertTimedOutAfterSending(e, 1);
    }

    /** The call made {@code attempts} connections since the last check, and the client closed each of them. */
    private void assertTimedOutAfterSending(TransportException e, int attempts) throws InterruptedException {
        assertTrue(e.isTimeout(), e.getMessage());
        assertTrue(e.requestSent(), e.getMessage());
        assertEquals(attempts, server.accepted.getAndSet(0), "attempts");
        // Every exchange the client gave up on was aborted: the server sees its connection closed.
        assertTrue(server.clientClosed(attempts, GENEROUS), "connections left open");
    }

    private static void assertEndedWithin(long startNanos, Duration bound) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(bound) < 0, "took " + took + ", bound " + bound);
    }

    private static TransportException expectTransportFailure(ApiInvoker invoker, ApiRequest request, boolean async) {
        try {
            if (async) {
                invoker.invokeAsync(request, JSON).join();
            } else {
                invoker.invoke(request, JSON);
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof TransportException t) {
                return t;
            }
            throw e;
        } catch (TransportException e) {
            return e;
        }
        throw new AssertionError("the call succeeded against a misbehaving server");
    }

    private ApiInvoker invoker(Duration requestTimeout, RetryPolicy retry) {
        return ApiInvoker.create(ClientOptions.builder()
                .accessToken(TOKEN)
                .baseUrl("http://127.0.0.1:" + server.port())
                .rateLimiter(RateLimiter.unlimited())
                .requestTimeout(requestTimeout)
                .retryPolicy(retry)
                .build());
    }

    private static ApiRequest request(boolean retrySafe) {
        return ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/read")
                .retrySafe(retrySafe)
                .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                .build();
    }

    static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .build();

    /** A loopback HTTP/1.1 server on a plain socket, one thread per connection, misbehaving as told. */
    static final class RawServer implements AutoCloseable {
        /** What the server writes once it has read a request whole. */
        @FunctionalInterface
        interface Responder {
            void respond(OutputStream out, InputStream in) throws IOException, InterruptedException;
        }

        final AtomicInteger accepted = new AtomicInteger();
        /** Requests read whole. */
        final AtomicInteger requests = new AtomicInteger();
        /** Response bytes written, over all connections. */
        final AtomicLong written = new AtomicLong();
        /** One permit per connection the client closed. */
        private final Semaphore closedByClient = new Semaphore(0);
        /** One permit per request read whole, before the server misbehaves. */
        private final Semaphore requestsRead = new Semaphore(0);

        private final ServerSocket socket;
        private final Responder responder;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        RawServer(Behaviour behaviour) throws IOException {
            this((out, in) -> misbehave(behaviour, out, in));
        }

        RawServer(Responder responder) throws IOException {
            this.responder = responder;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::acceptLoop, "raw-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Whether the client closed {@code n} connections within {@code timeout}. */
        boolean clientClosed(int n, Duration timeout) throws InterruptedException {
            return closedByClient.tryAcquire(n, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether {@code n} requests reached the server, read whole, within {@code timeout}. */
        boolean requestsRead(int n, Duration timeout) throws InterruptedException {
            return requestsRead.tryAcquire(n, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.add(s);
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "raw-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream socketOut = s.getOutputStream();
                OutputStream out = new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        socketOut.write(b);
                        written.incrementAndGet();
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        socketOut.write(b, off, len);
                        written.addAndGet(len);
                    }

                    @Override
                    public void flush() throws IOException {
                        socketOut.flush();
                    }
                };
                readRequest(in);
                requests.incrementAndGet();
                requestsRead.release();
                responder.respond(out, in);
            } catch (IOException | InterruptedException clientGone) {
                // The client closed the connection (or the test ended).
            } finally {
                if (!socket.isClosed()) {
                    closedByClient.release();
                }
            }
        }

        private static void misbehave(Behaviour behaviour, OutputStream out, InputStream in)
                throws IOException, InterruptedException {
            switch (behaviour) {
                case STALLED_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                                    + "{\"results\":[")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    awaitClientClose(in);
                }
                case TRICKLING_BODY -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // Writes fail once the client has closed the connection.
                    for (int i = 0; i < 100_000; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(200);
                    }
                }
                case NO_RESPONSE -> awaitClientClose(in);
                default -> throw new IllegalStateException(behaviour.name());
            }
        }

        /** Returns when the client closes the connection. */
        static void awaitClientClose(InputStream in) throws IOException {
            while (in.read() >= 0) {
                // discard
            }
        }

        /** Reads the request line, headers and a Content-Length body. */
        static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new SocketException("the client closed before sending a request");
                }
                head.append((char) b);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            line.substring("content-length:".length()).trim());
                }
            }
            in.readNBytes(length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : connections) {
                s.close();
            }
        }
    }
}
