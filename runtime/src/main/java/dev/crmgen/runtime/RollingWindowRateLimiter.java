package dev.crmgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the start times of the last {@code permits} slots in a ring: a new slot starts no earlier than one window
 * after the slot it replaces, so no window ever holds more than {@code permits} starts. Server headers can push
 * the next start later.
 */
final class RollingWindowRateLimiter implements RateLimiter {
    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final long[] starts;
    private int next;
    private int used;
    private long notBefore = Long.MIN_VALUE;

    RollingWindowRateLimiter(int permits, Duration window, Ticker ticker) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1, got " + permits);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.starts = new long[permits];
    }

    @Override
    public synchronized long reserve() {
        long now = ticker.nanoTime();
        long start = now;
        if (used == permits) {
            start = Math.max(start, starts[next] + windowNanos);
        } else {
            used++;
        }
        if (notBefore != Long.MIN_VALUE && notBefore - start > 0) {
            start = notBefore;
        }
        starts[next] = start;
        next = (next + 1) % permits;
        return start - now;
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        long remaining = headerLong(headers, "X-HubSpot-RateLimit-Remaining");
        long intervalMs = headerLong(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        long interval = intervalMs > 0 ? intervalMs * 1_000_000L : windowNanos;
        long max = headerLong(headers, "X-HubSpot-RateLimit-Max");
        long pause;
        long retryAfterSeconds = headerLong(headers, "Retry-After");
        if (status == 429 && retryAfterSeconds >= 0) {
            // The server said exactly how long: hold everyone sharing this token for that long.
            pause = retryAfterSeconds * 1_000_000_000L;
        } else if (status == 429 || remaining == 0) {
            // The server's budget is spent: nothing more until its window has turned over.
            pause = interval;
        } else if (remaining > 0 && remaining * 10 <= (max > 0 ? max : permits)) {
            // Under 10% left: spread what is left over the server's interval instead of bursting into a 429.
            pause = interval / (remaining + 1);
        } else {
            return;
        }
        long until = ticker.nanoTime() + pause;
        synchronized (this) {
            if (notBefore == Long.MIN_VALUE || until - notBefore > 0) {
                notBefore = until;
            }
        }
    }

    private static long headerLong(HttpHeaders headers, String name) {
        String v = headers.firstValue(name).orElse(null);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "RollingWindowRateLimiter[" + permits + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
