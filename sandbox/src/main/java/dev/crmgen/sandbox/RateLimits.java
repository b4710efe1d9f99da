package dev.crmgen.sandbox;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * HubSpot's limits on an authenticated request, in the order it applies them: the token's rolling window, its
 * daily budget, then the search endpoints' own limit. Sets the rate-limit headers of every such response and
 * chooses HubSpot's 429 for the limit that is spent.
 */
final class RateLimits {
    private final int rateLimitMax;
    private final long rateLimitWindowMillis;
    private final RollingWindowLimiter limiter;
    /** The search endpoints' own limit per token (HubSpot's SECONDLY policy). */
    private final RollingWindowLimiter searchLimiter;
    /** HubSpot's daily quota per token, or null for none. */
    private final DailyBudget dailyBudget;

    private final Counters counters;
    /** Where searches refused by their own limit are counted. */
    private final AtomicLong searchRateLimited;

    private final CorrelationIds correlationIds;

    /**
     * {@code rateLimitMax} requests per {@code rateLimitWindow}, {@code searchMax} searches per {@code searchWindow},
     * and {@code dailyLimit} requests per {@code dayLength} (0: no daily limit), all per token.
     */
    RateLimits(
            int rateLimitMax,
            Duration rateLimitWindow,
            int searchMax,
            Duration searchWindow,
            long dailyLimit,
            Duration dayLength,
            LongSupplier nanoTime,
            Counters counters,
            AtomicLong searchRateLimited,
            CorrelationIds correlationIds) {
        this.rateLimitMax = rateLimitMax;
        this.rateLimitWindowMillis = rateLimitWindow.toMillis();
        this.limiter = new RollingWindowLimiter(rateLimitMax, rateLimitWindowMillis, nanoTime);
        this.searchLimiter = new RollingWindowLimiter(searchMax, searchWindow.toMillis(), nanoTime);
        this.dailyBudget = dailyLimit == 0 ? null : new DailyBudget(dailyLimit, dayLength.toNanos(), nanoTime);
        this.counters = counters;
        this.searchRateLimited = searchRateLimited;
        this.correlationIds = correlationIds;
    }

    /**
     * Counts one request of {@code token} against its limits and sets the rate-limit headers; returns the 429 to
     * answer when a limit is spent, or null when the request may go on.
     */
    Response refusal(String token, boolean search, Headers headers, String correlationId) {
        RollingWindowLimiter.Decision decision = limiter.acquire(token);
        headers.set("X-HubSpot-RateLimit-Max", Integer.toString(rateLimitMax));
        headers.set("X-HubSpot-RateLimit-Remaining", Integer.toString(decision.remaining()));
        headers.set("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(rateLimitWindowMillis));
        if (!decision.allowed()) {
            counters.rateLimited.incrementAndGet();
            return Response.rateLimited(correlationId, correlationIds.next());
        }
        if (dailyBudget != null) {
            DailyBudget.Decision daily = dailyBudget.acquire(token);
            headers.set("X-HubSpot-RateLimit-Daily", Long.toString(dailyBudget.max()));
            headers.set("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(daily.remaining()));
            if (!daily.allowed()) {
                counters.rateLimited.incrementAndGet();
                counters.dailyLimited.incrementAndGet();
                // HubSpot itself sends no Retry-After for the daily limit (it resets at midnight in the account's
                // time zone), and neither does a sandbox with a whole day; a shorter test day says when it ends,
                // so that a client can wait for it.
                if (dailyBudget.dayNanos() < Duration.ofDays(1).toNanos()) {
                    headers.set(
                            "Retry-After",
                            Long.toString(Math.max(1, (daily.resetNanos() + 999_999_999L) / 1_000_000_000L)));
                }
                return Response.dailyLimit(correlationId);
            }
        }
        if (search && !searchLimiter.acquire(token).allowed()) {
            counters.rateLimited.incrementAndGet();
            searchRateLimited.incrementAndGet();
            return Response.secondlyLimit(correlationId, correlationIds.next());
        }
        return null;
    }

    /**
     * Another integration spending {@code share} of {@code token}'s rolling window (and daily budget) from inside
     * the sandbox, or null when the share is too small to make one request per window.
     */
    CompetingTenant competingTenant(String token, double share) {
        int competingPerWindow = (int) Math.round(share * rateLimitMax);
        return competingPerWindow > 0
                ? new CompetingTenant(
                        limiter, dailyBudget, token, competingPerWindow, rateLimitWindowMillis * 1_000_000L, counters)
                : null;
    }
}
