package dev.crmgen.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** HubSpot's DAILY policy: per access token, at most {@code limit} accepted requests (the day never ends here). */
final class DailyBudget {
    private final long limit;
    private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();

    DailyBudget(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Whether the token has nothing left today. */
    boolean spent(String token) {
        return counter(token).get() >= limit;
    }

    /** Counts one accepted request and returns what is left ({@code X-HubSpot-RateLimit-Daily-Remaining}). */
    long take(String token) {
        return Math.max(0, limit - counter(token).incrementAndGet());
    }

    private AtomicLong counter(String token) {
        return used.computeIfAbsent(token, t -> new AtomicLong());
    }
}
