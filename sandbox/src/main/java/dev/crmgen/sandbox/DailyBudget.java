package dev.crmgen.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * HubSpot's daily request quota per token, over a "day" of configurable length so that tests can see it reset.
 * The day starts with the first request of a token and every following day starts where the last one ended.
 */
final class DailyBudget {
    /** One request's verdict: allowed or not, what is left, and how long until the quota resets. */
    record Decision(boolean allowed, long remaining, long resetNanos) {}

    private final long max;
    private final long dayNanos;
    private final LongSupplier nanoTime;
    private final Map<String, long[]> byToken = new HashMap<>();

    DailyBudget(long max, long dayNanos, LongSupplier nanoTime) {
        this.max = max;
        this.dayNanos = dayNanos;
        this.nanoTime = nanoTime;
    }

    long max() {
        return max;
    }

    long dayNanos() {
        return dayNanos;
    }

    /** Whether {@code token} has nothing left today. */
    synchronized boolean spent(String token) {
        long[] day = byToken.get(token);
        return day != null && nanoTime.getAsLong() - day[0] < dayNanos && day[1] >= max;
    }

    /** Counts one request of {@code token} (another tenant's, already let through) and returns what is left. */
    long take(String token) {
        return acquire(token).remaining();
    }

    /** Counts one request of {@code token} against today's quota, unless it is spent. */
    synchronized Decision acquire(String token) {
        long now = nanoTime.getAsLong();
        // {day start, requests used}
        long[] day = byToken.computeIfAbsent(token, t -> new long[] {now, 0});
        if (now - day[0] >= dayNanos) {
            day[0] += (now - day[0]) / dayNanos * dayNanos;
            day[1] = 0;
        }
        long reset = day[0] + dayNanos - now;
        if (day[1] >= max) {
            return new Decision(false, 0, reset);
        }
        day[1]++;
        return new Decision(true, max - day[1], reset);
    }
}
