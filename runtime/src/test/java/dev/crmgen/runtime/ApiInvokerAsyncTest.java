package dev.crmgen.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link ApiInvokerTest} again through {@link ApiInvoker#invokeAsync}: retries, deadlines, token
 * refresh and error mapping must be the same whichever way a call is made. Plus what only the async path promises.
 */
class ApiInvokerAsyncTest extends ApiInvokerTest {

    @Override
    <T> T call(ApiInvoker invoker, ApiRequest request, ResponseMapper<T> mapper) {
        try {
            return invoker.invokeAsync(request, mapper).join();
        } catch (CompletionException e) {
            // The future carries exactly the exception the blocking call throws.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Time for the async path: delays stay pending until the test releases them; sleeping is a failure. */
    static final class HeldDelays implements Ticker {
        final FakeTicker time = new FakeTicker();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();

        @Override
        public long nanoTime() {
            return time.nanoTime();
        }

        @Override
        public void sleep(long nanos) {
            throw new AssertionError("an async call slept on a thread for " + nanos + " ns");
        }

        @Override
        public CompletableFuture<Void> delay(long nanos, Executor executor) {
            if (nanos <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> delay = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(delay);
                pending.notifyAll();
            }
            return delay;
        }

        void awaitPending(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (pending) {
                while (pending.size() < n && System.nanoTime() < end) {
                    pending.wait(100);
                }
                assertEquals(n, pending.size(), "calls waiting");
            }
        }

        void release(Executor executor) {
            synchronized (pending) {
                pending.forEach(d -> d.completeAsync(() -> null, executor));
            }
        }
    }

    @Test
    void waitingCallsHoldNoThread() throws Exception {
        // Twenty calls on one thread, each answered 429 with Retry-After first: all twenty can be waiting at once,
        // with the thread still free, only if neither the exchange nor the wait holds it.
        for (int i = 0; i < 20; i++) {
            String url = "/slow/" + i;
            server.stubFor(post(urlEqualTo(url))
                    .inScenario(url)
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "1")
                            .withBody("{\"status\":\"error\",\"message\":\"busy\",\"category\":\"RATE_LIMITS\"}"))
                    .willSetStateTo("free"));
            server.stubFor(post(urlEqualTo(url))
                    .inScenario(url)
                    .whenScenarioStateIs("free")
                    .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        }
        ExecutorService one = Executors.newSingleThreadExecutor();
        HeldDelays delays = new HeldDelays();
        try {
            ApiInvoker invoker =
                    ApiInvoker.create(options().ticker(delays).executor(one).build());
            List<CompletableFuture<JsonValue>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(invoker.invokeAsync(
                        ApiRequest.builder("POST", "/slow/" + i).build(), JSON));
            }
            delays.awaitPending(20);
            assertEquals(
                    "free", CompletableFuture.supplyAsync(() -> "free", one).get(30, TimeUnit.SECONDS));
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone));

            delays.release(one);
            for (CompletableFuture<JsonValue> c : calls) {
                assertEquals(JsonValue.of(Map.of("ok", true)), c.get(30, TimeUnit.SECONDS));
            }
            for (int i = 0; i < 20; i++) {
                server.verify(2, postRequestedFor(urlEqualTo("/slow/" + i)));
            }
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aConnectionFailureFailsTheFutureWithTheBlockingCallsException() throws Exception {
        ApiInvoker invoker = ApiInvoker.create(options()
                .baseUrl("http://127.0.0.1:" + closedPort())
                .retryPolicy(RetryPolicy.none())
                .build());
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> invoker.invokeAsync(batchUpdate().build(), JSON).join());
        TransportException failure = assertInstanceOf(TransportException.class, e.getCause());
        assertTrue(!failure.requestSent(), failure.getMessage());
    }
}
