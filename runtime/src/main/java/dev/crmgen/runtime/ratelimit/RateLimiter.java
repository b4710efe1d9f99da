package dev.crmgen.runtime.ratelimit;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Client-side request pacing, shared by everything that uses one token. Before each attempt the invoker
 * {@linkplain #acquire() acquires} a slot and waits the returned time; when the attempt is over it reports the
 * outcome and the rate-limit headers, so the limiter can count the request until its response and slow down when
 * the server says the budget is nearly spent.
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
    default void onResponse(int status, HttpHeaders headers) {}

    /**
     * What is left of the token's daily budget as the server's last {@code X-HubSpot-RateLimit-Daily-Remaining}
     * said; empty when no response carried it (or this limiter does not read it, the default).
     */
    default OptionalLong dailyRemaining() {
        return OptionalLong.empty();
    }

    /**
     * Reserves one slot for one attempt, as {@link #reserve()}, and returns a handle through which the attempt's
     * outcome is reported. The invoker uses this form so a limiter can account for a request until its response
     * has arrived (the server counts it on arrival, somewhere between send and response). The default wraps
     * {@link #reserve()} and {@link #onResponse}.
     */
    default Permit acquire() {
        long wait = reserve();
        return new Permit() {
            @Override
            public long waitNanos() {
                return wait;
            }

            @Override
            public void completed(int status, HttpHeaders headers) {
                if (status > 0) {
                    onResponse(status, headers);
                }
            }
        };
    }

    /** One reserved request slot. */
    interface Permit {
        /** Nanoseconds to wait before sending (0 means now). */
        long waitNanos();

        /**
         * The attempt is over: {@code status} and {@code headers} of its response, or status 0 and null headers
         * when no response came (I/O failure, timeout). Call once.
         */
        void completed(int status, HttpHeaders headers);
    }

    /**
     * A rolling window: at most {@code permits} requests within any {@code window}, each counted from its start
     * until its response arrived. Adapts to the server: leaves room for requests {@code X-HubSpot-RateLimit-Remaining}
     * shows this limiter did not send (another process using the same token); after a 429 of a spent window it holds
     * every caller until the {@code Retry-After} (seconds or HTTP date), or without one halves its rate and probes back
     * up with each successful response; remembers {@code X-HubSpot-RateLimit-Daily-Remaining}.
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
        return Unlimited.INSTANCE;
    }
}

/** No pacing, and nothing allocated per request. */
enum Unlimited implements RateLimiter, RateLimiter.Permit {
    INSTANCE;

    @Override
    public long reserve() {
        return 0L;
    }

    @Override
    public Permit acquire() {
        return this;
    }

    @Override
    public long waitNanos() {
        return 0L;
    }

    @Override
    public void completed(int status, HttpHeaders headers) {}

    @Override
    public String toString() {
        return "RateLimiter.unlimited()";
    }
}
