package dev.crmgen.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

class RedisRateLimiterTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    /** The property is the same at HubSpot's 10 s; one second keeps the test short. */
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private static final int PERMITS = 20;
    /**
     * Send times are read on this JVM's clock after each reply, so thread scheduling on a busy machine can bunch
     * them by a few milliseconds; a fleet that did not share the budget would put several times N in a window.
     */
    private static final long SPAN_MICROS = WINDOW.toNanos() / 1000 * 85 / 100;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<RedisRateLimiter> limiters = new ArrayList<>();

    @AfterEach
    void closeLimiters() {
        limiters.forEach(RedisRateLimiter::close);
    }

    private RedisRateLimiter limiter(String name, int permits, Duration window) {
        RedisRateLimiter limiter = RedisRateLimiter.builder()
                .redisUrl(REDIS.url())
                .name(name)
                .permits(permits)
                .window(window)
                .timeout(Duration.ofSeconds(2))
                .build();
        limiters.add(limiter);
        return limiter;
    }

    private static String freshName() {
        return "test-app-" + NAMES.incrementAndGet();
    }

    @Test
    @Timeout(60)
    void clientsOfOneFleetNeverExceedTheLimitInAnyWindow() throws Exception {
        String name = freshName();
        GrantLog log = new GrantLog();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> members = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                RedisRateLimiter limiter = limiter(name, PERMITS, WINDOW);
                for (int thread = 0; thread < 2; thread++) {
                    members.add(threads.submit(() -> log.addAll(FleetClient.take(limiter, 15))));
                }
            }
            for (Future<?> member : members) {
                member.get(50, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(120, log.size());
        assertTrue(log.busiestSpan(SPAN_MICROS) <= PERMITS, () -> "busiest span: " + log.busiestSpan(SPAN_MICROS));
        // 120 sends at 20 per second take about six windows; the fleet must use a fair share of the budget.
        double rate = log.ratePerSecond(WINDOW.toNanos() / 1000);
        assertTrue(rate >= PERMITS / 2.0, () -> "only " + rate + " sends per second");
    }

    @Test
    @Timeout(90)
    void separateProcessesShareOneBudget() throws Exception {
        String name = freshName();
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(
                                new File(System.getProperty("java.home"), "bin/java").getPath(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                FleetClient.class.getName(),
                                REDIS.url(),
                                name,
                                Integer.toString(PERMITS),
                                Long.toString(WINDOW.toMillis()),
                                "20")
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process process : processes) {
                BufferedReader output =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", output.readLine());
                outputs.add(output);
            }
            GrantLog log = new GrantLog();
            List<CompletableFuture<List<Long>>> children = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                OutputStream go = processes.get(i).getOutputStream();
                go.write("go\n".getBytes(StandardCharsets.US_ASCII));
                go.flush();
                BufferedReader output = outputs.get(i);
                children.add(CompletableFuture.supplyAsync(() -> readSends(output)));
            }
            log.addAll(FleetClient.take(limiter(name, PERMITS, WINDOW), 20));
            for (CompletableFuture<List<Long>> child : children) {
                List<Long> sends = child.get(60, TimeUnit.SECONDS);
                assertEquals(20, sends.size());
                log.addAll(sends);
            }
            for (Process process : processes) {
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, process.exitValue());
            }
            assertEquals(60, log.size());
            assertTrue(log.busiestSpan(SPAN_MICROS) <= PERMITS, () -> "busiest span: " + log.busiestSpan(SPAN_MICROS));
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static List<Long> readSends(BufferedReader output) {
        List<Long> sends = new ArrayList<>();
        try {
            for (String line = output.readLine(); line != null && !line.equals("done"); line = output.readLine()) {
                sends.add(Long.parseLong(line));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sends;
    }

    @Test
    void theSlotAfterTheLimitWaitsForTheWindowWhicheverClientTakesIt() {
        Duration window = Duration.ofSeconds(30);
        String name = freshName();
        RedisRateLimiter first = limiter(name, 5, window);
        RedisRateLimiter second = limiter(name, 5, window);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, (i % 2 == 0 ? first : second).reserve(), "slot " + i + " is free");
        }
        long wait = second.reserve();
        // Within the same 30 s window as the first five: about 30 s away, however slow this machine is.
        assertTrue(wait > TimeUnit.SECONDS.toNanos(15) && wait <= window.toNanos(), () -> "waits " + wait + " ns");
        assertEquals(0, limiter(freshName(), 5, window).reserve(), "another name has its own budget");
    }

    @Test
    @Timeout(30)
    void aTooManyRequestsAnswerHoldsOffEveryInstanceForRetryAfter() throws InterruptedException {
        String name = freshName();
        RedisRateLimiter first = limiter(name, 1000, WINDOW);
        RedisRateLimiter second = limiter(name, 1000, WINDOW);
        assertEquals(0, second.reserve());
        first.acquire()
                .completed(429, Headers.of("Retry-After", "20", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));
        // The 429 is recorded without blocking the response: reserve until the pause shows.
        long wait = second.reserve();
        while (wait == 0) {
            Thread.sleep(10);
            wait = second.reserve();
        }
        long shown = wait;
        assertTrue(
                shown > TimeUnit.SECONDS.toNanos(15) && shown <= TimeUnit.SECONDS.toNanos(20),
                () -> "Retry-After 20 s, waits " + shown + " ns");
    }

    @Test
    @Timeout(30)
    void aRetryAfterGivenAsAnHttpDateHoldsOffEveryInstanceUntilThatDate() throws InterruptedException {
        String name = freshName();
        RedisRateLimiter first = limiter(name, 1000, WINDOW);
        RedisRateLimiter second = limiter(name, 1000, WINDOW);
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        first.acquire().completed(429, Headers.of("Retry-After", inTwentySeconds));
        long wait = second.reserve();
        while (wait == 0) {
            Thread.sleep(10);
            wait = second.reserve();
        }
        long shown = wait;
        // The date has whole seconds, so the pause is 19 to 20 s, and more than the one-window fallback.
        assertTrue(
                shown > TimeUnit.SECONDS.toNanos(15) && shown <= TimeUnit.SECONDS.toNanos(20),
                () -> "Retry-After in 20 s as a date, waits " + shown + " ns");
    }

    @Test
    @Timeout(30)
    void aSlotIsCountedUntilItsResponseArrives() throws InterruptedException {
        String name = freshName();
        RedisRateLimiter limiter = limiter(name, 1, Duration.ofSeconds(30));
        RedissonClient reader = redisson();
        try {
            RMap<String, String> ring = reader.getMap("crmgen:ratelimit:{" + name + "}", StringCodec.INSTANCE);
            RateLimiter.Permit permit = limiter.acquire();
            long started = Long.parseLong(ring.get("t0"));
            Thread.sleep(5);
            permit.completed(200, Headers.of());
            // Re-timed without blocking the response: wait until it lands.
            while (Long.parseLong(ring.get("t0")) == started) {
                Thread.sleep(10);
            }
            assertTrue(Long.parseLong(ring.get("t0")) >= started + 5_000, "moved to the response's arrival");
        } finally {
            reader.shutdown();
        }
    }

    private static RedissonClient redisson() {
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS.url());
        return Redisson.create(config);
    }

    @Test
    void theDailyBudgetOneInstanceSeesEveryInstanceReads() {
        String name = freshName();
        RedisRateLimiter first = limiter(name, PERMITS, WINDOW);
        RedisRateLimiter second = limiter(name, PERMITS, WINDOW);
        assertFalse(second.dailyRemaining().isPresent(), "nothing reported yet");

        first.reportDaily(250_000, 1234).toCompletableFuture().join();
        assertEquals(1234, second.dailyRemaining().getAsLong());
        assertEquals(250_000, second.dailyLimit().getAsLong());

        second.reportDaily(250_000, 1200).toCompletableFuture().join();
        // A response that left HubSpot earlier but is reported later must not raise the count again.
        first.reportDaily(250_000, 1300).toCompletableFuture().join();
        assertEquals(1200, first.dailyRemaining().getAsLong());
    }

    @Test
    @Timeout(30)
    void dailyHeadersOfAResponseReachOtherInstances() throws InterruptedException {
        String name = freshName();
        RedisRateLimiter first = limiter(name, PERMITS, WINDOW);
        RedisRateLimiter second = limiter(name, PERMITS, WINDOW);
        first.acquire()
                .completed(
                        200,
                        Headers.of(
                                "X-HubSpot-RateLimit-Daily",
                                "500000",
                                "X-HubSpot-RateLimit-Daily-Remaining",
                                " 499870 "));
        // Written without blocking the response: wait until it lands.
        while (second.dailyRemaining().isEmpty()) {
            Thread.sleep(10);
        }
        assertEquals(499_870, second.dailyRemaining().getAsLong());
        // Wrong types and missing values are ignored, as HubSpot sometimes omits these headers.
        first.onResponse(200, Headers.of("X-HubSpot-RateLimit-Daily-Remaining", "n/a"));
        first.onResponse(200, Headers.of());
        first.acquire().completed(0, null);
        assertEquals(499_870, first.dailyRemaining().getAsLong());
    }

    @Test
    void aTokenIsRefusedAsNameWithoutBeingRepeated() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> RedisRateLimiter.builder().name("pat-na1-11112222-3333-4444-5555-666677778888"));
        assertFalse(refused.getMessage().contains("11112222"));
        assertThrows(
                IllegalArgumentException.class, () -> RedisRateLimiter.builder().name("has space"));
        RateLimiter limiter = limiter("my-app", PERMITS, WINDOW);
        assertFalse(limiter.toString().contains("127.0.0.1"), limiter::toString);
    }
}
