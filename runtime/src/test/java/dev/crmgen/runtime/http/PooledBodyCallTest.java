package dev.crmgen.runtime.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.ResponseMapper;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.json.FailingCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.observe.CallListener;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A call's JSON body is encoded once into pooled segments, sent as they are on every attempt, and given back to the
 * pool when the call is over, however it ends; calls in flight at once never share a segment.
 */
class PooledBodyCallTest {
    private static final String PATH = "/crm/v3/objects/notes/batch/update";
    private static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .build();
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static ApiRequest batchUpdate(JsonValue body) {
        return ApiRequest.builder("POST", PATH)
                .operationId("post-/crm/v3/objects/notes/batch/update_update")
                .jsonBody(body, JsonCodecs.JSON_VALUE)
                .retrySafe(true)
                .build();
    }

    static ClientOptions.Builder options(HttpTransport transport) {
        return ClientOptions.builder()
                .accessToken("pat-na1-00000000-0000-0000-0000-000000000000")
                .baseUrl("http://127.0.0.1:" + server.getPort())
                .transport(transport)
                .ticker(new FakeTicker())
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }

    /** One attempt as the transport saw it: the body it was lent, and the bytes it read through the publisher. */
    record Sent(RequestBody body, byte[] bytes, Set<byte[]> segments) {}

    /**
     * A transport that reads bodies only while sending, as the JDK one does: it reads the publisher like the client
     * and answers what {@code answer} says for the attempt's number (0 for the first).
     */
    static final class LendingTransport implements HttpTransport {
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final Function<Integer, Response> answer;

        LendingTransport(Function<Integer, Response> answer) {
            this.answer = answer;
        }

        @Override
        public boolean readsBodyOnlyWhileSending() {
            return true;
        }

        @Override
        public Response send(Request request) throws IOException {
            RequestBody body = request.content();
            NotesBodies.Reader reader = NotesBodies.read(body.publisher());
            assertTrue(reader.completed);
            int attempt;
            synchronized (sent) {
                attempt = sent.size();
                sent.add(new Sent(body, reader.bytes.toByteArray(), NotesBodies.segments(body)));
            }
            Response response = answer.apply(attempt);
            if (response == null) {
                throw new IOException("connection reset by peer");
            }
            return response;
        }
    }

    static HttpTransport.Response status(int status) {
        return new HttpTransport.Response(status, NO_HEADERS, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theBodySentIsWhatJsonEncodeGivesAndARetryResendsTheSameSegments() {
        JsonValue value = NotesBodies.batchUpdate(100, "retry");
        LendingTransport transport = new LendingTransport(attempt -> attempt == 0 ? status(503) : status(200));
        ApiInvoker.create(options(transport).build()).invoke(batchUpdate(value), JSON);

        assertEquals(2, transport.sent.size());
        Sent first = transport.sent.get(0);
        Sent retry = transport.sent.get(1);
        assertArrayEquals(NotesBodies.encoded(value), first.bytes());
        assertArrayEquals(first.bytes(), retry.bytes());
        assertTrue(first.body() == retry.body(), "encoded once for the call");
        assertTrue(first.segments().size() >= 2);
        assertEquals(first.segments(), retry.segments());
        assertTrue(first.body().returned());
    }

    @Test
    void aRequestSentTwiceEncodesItsBodyForEachCall() {
        JsonValue value = NotesBodies.batchUpdate(100, "twice");
        LendingTransport transport = new LendingTransport(attempt -> status(200));
        ApiInvoker invoker = ApiInvoker.create(options(transport).build());
        ApiRequest request = batchUpdate(value);
        invoker.invoke(request, JSON);
        invoker.invoke(request, JSON);

        assertEquals(2, transport.sent.size());
        assertTrue(transport.sent.get(0).body() != transport.sent.get(1).body());
        for (Sent s : transport.sent) {
            assertArrayEquals(NotesBodies.encoded(value), s.bytes());
            assertTrue(s.body().returned());
        }
        assertArrayEquals(NotesBodies.encoded(value), request.body(), "the request itself still shows its body");
    }

    /** How a call ends. */
    enum Ending {
        SUCCESS,
        ERROR_STATUS,
        IO_FAILURE,
        TIMEOUT
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ending.class)
    void theSegmentsGoBackWhenTheCallEnds(Ending ending) throws Exception {
        for (boolean async : new boolean[] {false, true}) {
            LendingTransport transport = new LendingTransport(attempt -> switch (ending) {
                case SUCCESS -> status(200);
                case ERROR_STATUS -> status(400);
                case IO_FAILURE -> null;
                case TIMEOUT -> throw new java.io.UncheckedIOException(new HttpTimeoutException("no response"));
            });
            HttpTransport timingOut = ending != Ending.TIMEOUT
                    ? transport
                    : new HttpTransport() {
                        @Override
                        public boolean readsBodyOnlyWhileSending() {
                            return true;
                        }

                        @Override
                        public Response send(Request request) throws IOException {
                            try {
                                return transport.send(request);
                            } catch (java.io.UncheckedIOException e) {
                                throw e.getCause();
                            }
                        }
                    };
            ApiInvoker invoker = ApiInvoker.create(
                    options(timingOut).retryPolicy(RetryPolicy.none()).build());
            ApiRequest request = batchUpdate(NotesBodies.batchUpdate(100, ending.name()));
            Throwable failure = null;
            try {
                if (async) {
                    invoker.invokeAsync(request, JSON).get(30, TimeUnit.SECONDS);
                } else {
                    invoker.invoke(request, JSON);
                }
            } catch (Exception e) {
                failure = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            }
            switch (ending) {
                case SUCCESS -> assertEquals(null, failure);
                case ERROR_STATUS -> assertInstanceOf(ApiException.class, failure);
                case IO_FAILURE -> assertInstanceOf(TransportException.class, failure);
                case TIMEOUT -> assertTrue(((TransportException) failure).isTimeout());
            }
            assertEquals(1, transport.sent.size());
            RequestBody body = transport.sent.get(0).body();
            assertTrue(body.returned(), ending + (async ? " async" : " blocking"));
            assertThrows(IllegalStateException.class, body::toByteArray);
        }
    }

    @Test
    void aCancelledCallGivesItsSegmentsBack() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch callOver = new CountDownLatch(1);
        List<RequestBody> lent = Collections.synchronizedList(new ArrayList<>());
        HttpTransport neverAnswers = new HttpTransport() {
            @Override
            public boolean readsBodyOnlyWhileSending() {
                return true;
            }

            @Override
            public Response send(Request request) {
                throw new AssertionError("the async path sends through sendAsync");
            }

            @Override
            public CompletableFuture<Response> sendAsync(Request request, java.util.concurrent.Executor executor) {
                lent.add(request.content());
                sending.countDown();
                return new CompletableFuture<>();
            }
        };
        CallListener listener = new CallListener() {
            @Override
            public void onCall(CallEvent call) {
                callOver.countDown();
            }
        };
        ApiInvoker invoker =
                ApiInvoker.create(options(neverAnswers).listener(listener).build());
        CompletableFuture<JsonValue> call =
                invoker.invokeAsync(batchUpdate(NotesBodies.batchUpdate(100, "cancel")), JSON);
        assertTrue(sending.await(30, TimeUnit.SECONDS));
        assertFalse(lent.get(0).returned(), "lent while the exchange is in flight");
        call.cancel(true);
        assertThrows(CancellationException.class, call::join);
        assertTrue(callOver.await(30, TimeUnit.SECONDS));
        assertTrue(lent.get(0).returned());
    }

    @Test
    void callsInFlightAtOnceNeverShareASegment() throws Exception {
        int calls = 8;
        CountDownLatch allSending = new CountDownLatch(calls);
        LendingTransport transport = new LendingTransport(attempt -> {
            allSending.countDown();
            try {
                // Every call holds its body until all of them hold theirs.
                assertTrue(allSending.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return status(200);
        });
        ApiInvoker invoker = ApiInvoker.create(options(transport).build());
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                JsonValue value = NotesBodies.batchUpdate(100, "call " + i);
                done.add(threads.submit(() -> invoker.invoke(batchUpdate(value), JSON)));
            }
            for (Future<?> f : done) {
                assertNotNull(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(calls, transport.sent.size());
        Set<byte[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sent s : transport.sent) {
            for (byte[] segment : s.segments()) {
                assertTrue(seen.add(segment), "a segment lent to two calls in flight");
            }
            String text = new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8);
            int tag = text.indexOf("(call ");
            String name = text.substring(tag + 1, text.indexOf(')', tag));
            assertArrayEquals(NotesBodies.encoded(NotesBodies.batchUpdate(100, name)), s.bytes());
            assertTrue(s.body().returned());
        }
    }

    @Test
    void aBodyThatCannotBeEncodedFailsTheCallBeforeAnythingIsSent() {
        // Fails after several segments' worth of JSON, which go back to the pool with the exception.
        FailingCodec failing =
                new FailingCodec(5_000, "a note body that fills several segments before the codec gives up");
        LendingTransport transport = new LendingTransport(attempt -> status(200));
        ApiInvoker invoker = ApiInvoker.create(options(transport).build());
        ApiRequest request =
                ApiRequest.builder("POST", PATH).jsonBody("x", failing).build();
        UncheckedIOException blocking = assertThrows(UncheckedIOException.class, () -> invoker.invoke(request, JSON));
        assertEquals("could not encode JSON: cannot write x", blocking.getMessage());
        assertThrows(UncheckedIOException.class, () -> invoker.invokeAsync(request, JSON));
        assertThrows(UncheckedIOException.class, request::body);
        assertTrue(transport.sent.isEmpty());
    }

    /** Records what the invoker lends the JDK transport, which still does all the sending. */
    static final class Recording implements HttpTransport {
        final HttpTransport jdk;
        final List<RequestBody> lent = Collections.synchronizedList(new ArrayList<>());

        Recording() {
            this(HttpTransport.jdk(Duration.ofSeconds(5)));
        }

        Recording(HttpTransport jdk) {
            this.jdk = jdk;
        }

        @Override
        public boolean readsBodyOnlyWhileSending() {
            return jdk.readsBodyOnlyWhileSending();
        }

        @Override
        public Response send(Request request) throws IOException, InterruptedException {
            lent.add(request.content());
            return jdk.send(request);
        }

        @Override
        public CompletableFuture<Response> sendAsync(Request request, java.util.concurrent.Executor executor) {
            lent.add(request.content());
            return jdk.sendAsync(request, executor);
        }
    }

    @Test
    void theJdkClientSendsTheBytesJsonEncodeGivesOnEveryAttempt() {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("retry")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        Recording transport = new Recording();
        assertTrue(transport.readsBodyOnlyWhileSending());
        JsonValue large = NotesBodies.batchUpdate(2000, "large");
        ApiInvoker.create(options(transport).build()).invoke(batchUpdate(large), JSON);

        List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertEquals(2, received.size());
        byte[] expected = NotesBodies.encoded(large);
        assertTrue(expected.length > 30 * SegmentPool.SEGMENT_BYTES, expected.length + " bytes");
        assertArrayEquals(expected, received.get(0).getBody());
        assertArrayEquals(expected, received.get(1).getBody());
        assertEquals(String.valueOf(expected.length), received.get(1).getHeader("Content-Length"));
        assertEquals(2, transport.lent.size());
        assertTrue(transport.lent.get(0).returned());
    }

    @Test
    void overHttp2AndTlsTheJdkClientSendsTheSameBytes() throws Exception {
        // HubSpot answers over TLS with HTTP/2, where the client frames and encrypts the body's read-only views.
        WireMockServer tls = new WireMockServer(
                WireMockConfiguration.options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(post(urlEqualTo(PATH))
                    .willReturn(aResponse().withStatus(200).withBody("{}")));
            SSLContext trustingWireMock = SSLContext.getInstance("TLS");
            trustingWireMock.init(null, new TrustManager[] {new TrustingManager()}, null);
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trustingWireMock)
                    .version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            JsonValue value = NotesBodies.batchUpdate(2000, "h2");
            Recording recording = new Recording(HttpTransport.jdk(client));
            ApiInvoker.create(options(recording)
                            .baseUrl("https://localhost:" + tls.httpsPort())
                            .build())
                    .invoke(batchUpdate(value), JSON);
            List<LoggedRequest> received = tls.findAll(postRequestedFor(urlEqualTo(PATH)));
            assertEquals(1, received.size());
            assertEquals("HTTP/2.0", received.get(0).getProtocol());
            assertArrayEquals(NotesBodies.encoded(value), received.get(0).getBody());
            assertTrue(recording.lent.get(0).returned());
        } finally {
            tls.stop();
        }
    }

    /** Trusts WireMock's self-signed certificate, whatever name it bears: a test server on loopback. */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Test
    void aJdkExchangeAbortedMidBodyGivesTheSegmentsBackOnceTheClientLetsGo() throws Exception {
        // A peer that accepts and never reads: the client stalls partway through a 16 MB body until the timeout.
        try (ServerSocket deaf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            deaf.setReceiveBufferSize(4096);
            List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(deaf.accept());
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Recording transport = new Recording();
            ApiInvoker invoker = ApiInvoker.create(options(transport)
                    .baseUrl("http://127.0.0.1:" + deaf.getLocalPort())
                    .retryPolicy(RetryPolicy.none())
                    .requestTimeout(Duration.ofMillis(500))
                    .build());
            JsonValue huge = JsonValue.of(Collections.nCopies(2048, "x".repeat(8192)));
            TransportException stalled =
                    assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(huge), JSON));
            assertTrue(stalled.isTimeout());
            RequestBody body = transport.lent.get(0);
            // The client cancels its read of the body as it closes the connection; then, and not before, the
            // segments go back. Generous deadline: the claim is that it happens, not how fast.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!body.returned() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(body.returned());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aJdkExchangeThatTimesOutStillGivesTheSegmentsBack() throws Exception {
        server.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        Recording transport = new Recording();
        ApiInvoker invoker = ApiInvoker.create(options(transport)
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofMillis(300))
                .build());
        JsonValue value = NotesBodies.batchUpdate(100, "stall");
        TransportException blocking =
                assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(value), JSON));
        assertTrue(blocking.isTimeout());
        java.util.concurrent.ExecutionException async = assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> invoker.invokeAsync(batchUpdate(value), JSON).get(30, TimeUnit.SECONDS));
        assertTrue(((TransportException) async.getCause()).isTimeout());
        assertEquals(2, transport.lent.size());
        for (RequestBody body : transport.lent) {
            assertTrue(body.returned());
        }
        assertArrayEquals(
                NotesBodies.encoded(value),
                server.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBody());
    }
}
