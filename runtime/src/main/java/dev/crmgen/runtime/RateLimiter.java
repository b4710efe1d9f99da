package dev.crmgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * Client-side request pacing, shared by everything that uses one token. Before each attempt the invoker
 * {@linkplain #reserve() reserves} a slot and waits the returned time; after each response it reports the
 * rate-limit headers so the limiter can slow down when the server says the budget is nearly spent.
 */
public interface RateLimiter {
    /** HubSpot's private-app tiers: requests per 10 seconds. */
    int TIER_FREE = 100;
    /** Professional/Enterprise private apps (the default). */
    int TIER_DEFAULT = 190;
    /** With the API limit increase. */
    int TIER_INCREASED = 250;

    /**
     * Reserves one request slot and returns how many nanoseconds the caller must wait before sending
     * (0 means now). The slot is taken whether or not the caller then waits.
     */
    long reserve();

    /** Feeds back one response; the default ignores it. */
    default void onResponse(int status, HttpHeaders headers) {
    }

    /**
     * A rolling window: at most {@code permits} requests start within any {@code window}; also honours
     * {@code X-HubSpot-RateLimit-Remaining} / {@code -Interval-Milliseconds}.
     */
    static RateLimiter rollingWindow(int permits, Duration window) {
        return new RollingWindowRateLimiter(permits, window, Ticker.system());
    }

    /** As {@link #rollingWindow(int, Duration)} with an explicit time source. */
    static RateLimiter rollingWindow(int permits, Duration window, Ticker ticker) {
        return new RollingWindowRateLimiter(permits, window, ticker);
    }

    /** {@code requestsPerTenSeconds} per rolling 10 s, such as {@link #TIER_DEFAULT}. */
    static RateLimiter perTenSeconds(int requestsPerTenSeconds) {
        return rollingWindow(requestsPerTenSeconds, Duration.ofSeconds(10));
    }

    /** No client-side pacing. */
    static RateLimiter unlimited() {
        return () -> 0L;
    }
}
