package dev.crmgen.ratelimit.redis;

import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One member of a fleet sharing a limiter, as the invoker uses it: acquire, wait what it says, "send", report the
 * response. Run as a separate JVM by the fleet test: {@code FleetClient redisUrl name permits windowMillis count}
 * prints "ready", waits for a line on standard input, then prints the wall-clock microsecond of every send;
 * exits with 3 if it ended pacing itself alone (Redis unreachable).
 */
final class FleetClient {
    private FleetClient() {}

    /** Takes {@code count} slots one after another; returns each send time in wall-clock microseconds. */
    static List<Long> take(RateLimiter limiter, int count) {
        List<Long> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RateLimiter.Permit permit = limiter.acquire();
            long wait = permit.waitNanos();
            // The send time the invoker would have: now plus the wait it is told.
            sends.add(wallMicros() + TimeUnit.NANOSECONDS.toMicros(wait));
            long until = System.nanoTime() + wait;
            for (long left = wait; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            permit.completed(200, Headers.of());
        }
        return sends;
    }

    static long wallMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    public static void main(String[] args) throws Exception {
        try (RedisRateLimiter limiter = RedisRateLimiter.builder()
                .redisUrl(args[0])
                .name(args[1])
                .permits(Integer.parseInt(args[2]))
                .window(Duration.ofMillis(Long.parseLong(args[3])))
                .build()) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (long send : take(limiter, Integer.parseInt(args[4]))) {
                System.out.println(send);
            }
            System.out.println("done");
            System.out.flush();
            if (limiter.fallbackActive()) {
                System.exit(3);
            }
        }
    }
}
