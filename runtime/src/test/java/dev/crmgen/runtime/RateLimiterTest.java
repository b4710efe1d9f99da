package dev.crmgen.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long MS = 1_000_000L;

    static HttpHeaders headers(String... kv) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], List.of(kv[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void burstUpToTheLimitThenOneWindowLater() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        for (int i = 0; i < 190; i++) {
            assertEquals(0, limiter.reserve());
        }
        assertEquals(10_000 * MS, limiter.reserve());
        assertEquals(10_000 * MS, limiter.reserve());
        t.advance(4_000 * MS);
        assertEquals(6_000 * MS, limiter.reserve());
    }

    @Test
    void noWindowEverHoldsMoreThanTheLimit() {
        FakeTicker t = new FakeTicker();
        int permits = 100;
        long window = 10_000 * MS;
        RateLimiter limiter = RateLimiter.rollingWindow(permits, Duration.ofNanos(window), t);
        Random random = new Random(42);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            t.advance((long) (random.nextDouble() * 80 * MS));
            starts.add(t.nanoTime() + limiter.reserve());
        }
        Collections.sort(starts);
        for (int i = permits; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - permits) >= window, "window overfull at " + i);
        }
    }

    @Test
    void slowsDownWhenHubSpotSaysTheBudgetIsSpent() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        limiter.onResponse(200, headers("X-HubSpot-RateLimit-Remaining", "150", "X-HubSpot-RateLimit-Max", "190",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));
        assertEquals(0, limiter.reserve(), "plenty left: no slowdown");
        limiter.onResponse(200, headers("X-HubSpot-RateLimit-Remaining", "3", "X-HubSpot-RateLimit-Max", "190",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));
        assertEquals(2_500 * MS, limiter.reserve(), "3 left of 190: spread over the interval");
        limiter.onResponse(200, headers("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));
        assertEquals(10_000 * MS, limiter.reserve(), "none left: wait a full interval");
        t.advance(10_000 * MS);
        assertEquals(0, limiter.reserve());
    }

    @Test
    void a429HoldsEveryoneForTheToldWaitOrTheInterval() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        limiter.onResponse(429, headers("Retry-After", "3", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));
        assertEquals(3_000 * MS, limiter.reserve());
        t.advance(3_000 * MS);
        assertEquals(0, limiter.reserve());
        limiter.onResponse(429, headers("X-HubSpot-RateLimit-Interval-Milliseconds", "1000"));
        assertEquals(1_000 * MS, limiter.reserve());
    }

    @Test
    void holdsTheRateUnderConcurrencyEndToEnd() throws Exception {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
            int permits = 20;
            long windowMs = 400;
            List<Long> sendTimes = Collections.synchronizedList(new ArrayList<>());
            HttpTransport jdk = HttpTransport.jdk(Duration.ofSeconds(2));
            HttpTransport recording = r -> {
                sendTimes.add(System.nanoTime());
                return jdk.send(r);
            };
            ClientOptions options = ClientOptions.builder().accessToken("limiter-test-token")
                    .baseUrl("http://127.0.0.1:" + server.port()).transport(recording)
                    .rateLimiter(RateLimiter.rollingWindow(permits, Duration.ofMillis(windowMs))).build();
            ApiInvoker invoker = ApiInvoker.create(options);
            ResponseMapper<JsonValue> mapper = ResponseMapper.<JsonValue>builder().json(200, JsonCodecs.JSON_VALUE, v -> v).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                futures.add(pool.submit(() -> invoker.invoke(ApiRequest.builder("POST", "/x").build(), mapper)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long elapsedMs = (System.nanoTime() - start) / MS;
            pool.shutdown();
            // 70 calls at 20 per 400 ms: calls 61..70 cannot start before 3 windows have passed.
            assertTrue(elapsedMs >= 3 * windowMs, "finished too fast: " + elapsedMs + " ms");
            List<Long> times = new ArrayList<>(sendTimes);
            Collections.sort(times);
            assertEquals(70, times.size());
            // Wake-up latency can only delay a start, so a slightly shorter window must never hold more than the limit.
            long checked = (windowMs - 80) * MS;
            for (int i = permits; i < times.size(); i++) {
                assertTrue(times.get(i) - times.get(i - permits) >= checked,
                        "more than " + permits + " starts within " + (windowMs - 80) + " ms at " + i);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void clientsWithTheSameTokenShareALimiter() {
        ClientOptions a = ClientOptions.builder().accessToken("shared-token-1").build();
        ClientOptions b = ClientOptions.builder().accessToken("shared-token-1").build();
        ClientOptions c = ClientOptions.builder().accessToken("other-token-2").build();
        ClientOptions d = ClientOptions.builder().accessToken("shared-token-1").requestsPerTenSeconds(RateLimiter.TIER_INCREASED).build();
        assertSame(a.rateLimiter(), b.rateLimiter());
        assertNotSame(a.rateLimiter(), c.rateLimiter());
        assertNotSame(a.rateLimiter(), d.rateLimiter());
        assertTrue(a.rateLimiter().toString().contains("190 per PT10S"), a.rateLimiter().toString());
        assertTrue(d.rateLimiter().toString().contains("250 per PT10S"), d.rateLimiter().toString());
    }
}
