package dev.crmgen.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis refusing, stalling or going away: the limiter paces the process alone, says so once, never hangs. */
@Timeout(60)
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final Duration WINDOW = Duration.ofSeconds(30);
    private final Logger logger = Logger.getLogger(RedisRateLimiter.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private static RedisRateLimiter.Builder fleetOfFour(String url, Duration recheckAfter) {
        return RedisRateLimiter.builder()
                .redisUrl(url)
                .name("outage-app")
                .permits(20)
                .window(WINDOW)
                .expectedInstances(4)
                .timeout(Duration.ofMillis(200))
                .connectTimeout(Duration.ofMillis(500))
                .recheckAfter(recheckAfter);
    }

    @Test
    void nothingListeningMeansLocalPacingAtTheInstancesShare() throws Exception {
        int port = RedisServer.freePort();
        try (RedisRateLimiter limiter =
                fleetOfFour("redis://127.0.0.1:" + port, Duration.ofMinutes(5)).build()) {
            assertPacesAloneAtFiveAndWarnsOnce(limiter);
        }
    }

    @Test
    void aRedisThatNeverAnswersMeansLocalPacingAfterTheTimeout() throws Exception {
        // Connections complete in the kernel's backlog, but nothing ever reads or answers them.
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RedisRateLimiter limiter = fleetOfFour(
                                "redis://127.0.0.1:" + stalled.getLocalPort(), Duration.ofMinutes(5))
                        .build()) {
            assertPacesAloneAtFiveAndWarnsOnce(limiter);
        }
    }

    private void assertPacesAloneAtFiveAndWarnsOnce(RedisRateLimiter limiter) {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.reserve(), "slot " + i + " of the local share");
        }
        long wait = limiter.reserve();
        assertTrue(wait > TimeUnit.SECONDS.toNanos(15), () -> "the sixth waits for the window, not " + wait + " ns");
        assertTrue(limiter.fallbackActive());
        assertEquals(1, warnings(), "one warning per outage");
        assertTrue(limiter.dailyRemaining().isEmpty());
    }

    @Test
    void pacingGoesBackToRedisWhenItReturns() throws Exception {
        try (RedisRateLimiter limiter =
                fleetOfFour(REDIS.url(), Duration.ofMillis(100)).build()) {
            assertEquals(0, limiter.reserve());
            assertFalse(limiter.fallbackActive());

            REDIS.stop();
            limiter.reserve();
            assertTrue(limiter.fallbackActive());
            assertEquals(1, warnings());

            REDIS.start();
            // Rechecked every 100 ms: it ends once a call gets through (the test's timeout bounds it).
            while (limiter.fallbackActive()) {
                limiter.reserve();
                Thread.sleep(50);
            }
            assertEquals(1, warnings(), "no more warnings after the first");
            assertTrue(records.stream()
                    .anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains("reachable again")));
        }
    }

    private long warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).count();
    }
}
