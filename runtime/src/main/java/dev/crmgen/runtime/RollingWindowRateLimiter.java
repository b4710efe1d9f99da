package dev.crmgen.runtime;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the last {@code permits} slots in a ring: a new slot starts no earlier than one window after the slot it
 * replaces, so no window ever holds more than {@code permits} of them. A slot's time is its start until its
 * response arrives, then the arrival of that response: the server counts a request when it arrives, which is
 * somewhere in between, so measuring the window from the response keeps the client just under the server's
 * limit however much the latency varies.
 *
 * <p>The server's {@code X-HubSpot-RateLimit-*} headers only slow the limiter down when they count more requests
 * in the window than this limiter sent (someone else is using the token): then it spreads what is left over the
 * interval, or waits one interval when nothing is left; a lower {@code X-HubSpot-RateLimit-Max} than configured
 * lowers the limit for good. When the count is explained by this limiter's own slots
 * the ring already paces them exactly, and pausing on top would waste the budget.
 */
final class RollingWindowRateLimiter implements RateLimiter {
    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final long[] times;
    /** Which reservation (by number) holds each slot, so a late response cannot touch a reused slot. */
    private final long[] holders;
    private long issued;
    /** At most {@code permits}; lower when the server's {@code X-HubSpot-RateLimit-Max} says its limit is lower. */
    private int limit;
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
        this.times = new long[permits];
        this.holders = new long[permits];
        this.limit = permits;
    }

    @Override
    public long reserve() {
        return acquire().waitNanos();
    }

    @Override
    public synchronized Permit acquire() {
        long now = ticker.nanoTime();
        int slot = (int) (issued % permits);
        long start = now;
        if (issued >= limit) {
            // The slot `limit` reservations back: with the full limit that is the slot being replaced.
            start = Math.max(start, times[(int) ((issued - limit) % permits)] + windowNanos);
        }
        if (notBefore != Long.MIN_VALUE && notBefore - start > 0) {
            start = notBefore;
        }
        times[slot] = start;
        holders[slot] = issued;
        return new SlotPermit(slot, issued++, start, start - now);
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        adjust(status, headers, ticker.nanoTime() - windowNanos);
    }

    private final class SlotPermit implements Permit {
        private final int slot;
        private final long holder;
        private final long start;
        private final long wait;

        SlotPermit(int slot, long holder, long start, long wait) {
            this.slot = slot;
            this.holder = holder;
            this.start = start;
            this.wait = wait;
        }

        @Override
        public long waitNanos() {
            return wait;
        }

        @Override
        public void completed(int status, HttpHeaders headers) {
            long now = ticker.nanoTime();
            synchronized (RollingWindowRateLimiter.this) {
                if (holders[slot] == holder && now - times[slot] > 0) {
                    times[slot] = now;
                }
            }
            if (status > 0 && headers != null) {
                // The server counted this request at its arrival, no earlier than its start.
                adjust(status, headers, start - windowNanos);
            }
        }
    }

    /** Applies the server's view; {@code since} bounds the server's window from below. */
    private void adjust(int status, HttpHeaders headers, long since) {
        long remaining = headerLong(headers, "X-HubSpot-RateLimit-Remaining");
        long intervalMs = headerLong(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        long interval = intervalMs > 0 ? intervalMs * 1_000_000L : windowNanos;
        long retryAfterSeconds = headerLong(headers, "Retry-After");
        long pause;
        if (status == 429 && retryAfterSeconds >= 0) {
            // The server said exactly how long: hold everyone sharing this token for that long.
            pause = retryAfterSeconds * 1_000_000_000L;
        } else if (remaining >= 0) {
            long max = headerLong(headers, "X-HubSpot-RateLimit-Max");
            if (max > 0 && max < permits) {
                // The app's real tier is lower than configured: pace to the server's limit from now on.
                synchronized (this) {
                    limit = (int) Math.min(limit, max);
                }
            }
            long serverLimit = max > 0 ? max : permits;
            if (serverLimit - remaining <= slotsSince(since)) {
                // Every request the server counts is one of ours, which the ring already paces.
                return;
            }
            if (status == 429 || remaining == 0) {
                // Others spent the budget: nothing more until the server's window has turned over.
                pause = interval;
            } else if (remaining * 10 <= serverLimit) {
                // Others use the budget too and under 10% is left: spread it over the interval.
                pause = interval / (remaining + 1);
            } else {
                return;
            }
        } else if (status == 429) {
            pause = interval;
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

    /**
     * This limiter's slots counted at or after {@code since}. Reserved future starts count too: each replaced a
     * slot that may still be in the server's window.
     */
    private synchronized int slotsSince(long since) {
        int n = 0;
        int used = (int) Math.min(issued, permits);
        for (int i = 0; i < used; i++) {
            if (times[i] - since > 0) {
                n++;
            }
        }
        return n;
    }

    /** A numeric header, or -1 when absent or unreadable. */
    static long headerLong(HttpHeaders headers, String name) {
        String v = HttpTransport.Response.first(headers, name);
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
