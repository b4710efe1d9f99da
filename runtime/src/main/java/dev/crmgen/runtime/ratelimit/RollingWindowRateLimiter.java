package dev.crmgen.runtime.ratelimit;

import dev.crmgen.runtime.http.HttpTransport;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Keeps the last {@code permits} slots in a ring: a new slot starts no earlier than one window after the slot
 * {@code allowed} reservations back, so no window ever holds more than {@code allowed} of them. A slot's time is its
 * start until its response arrives, then the arrival of that response: the server counts a request when it
 * arrives, which is somewhere in between, so measuring the window from the response keeps the client just under
 * the server's limit however much the latency varies.
 *
 * <p>{@code allowed} is the least of three figures, each from what the server says:
 * <ul>
 *   <li>the app's limit: the configured permits, or a lower {@code X-HubSpot-RateLimit-Max};</li>
 *   <li>what others leave: when {@code X-HubSpot-RateLimit-Remaining} counts more requests in the window than this
 *       limiter's own sent up to that request (by more than its later ones that could have overtaken it), the
 *       difference is someone else using the token, and only the rest is ours, less a margin of a twentieth of the
 *       limit, since the other user's requests show only on our responses;</li>
 *   <li>a congestion ceiling (AIMD): a 429 that gives no usable {@code Retry-After} and is not explained by a
 *       per-request refusal halves it, once per round of requests; every successful response raises it again, by a
 *       quarter of the limit per window's worth of successes, so the rate probes back up within a few windows
 *       instead of stalling everyone for a whole interval.</li>
 * </ul>
 * A 429 with {@code Retry-After} (delta-seconds or an HTTP date) holds every caller until then and leaves the rate
 * alone. A 429 whose headers show budget left in the window and no requests but ours is a refusal of that one
 * request, which waits out its own {@code Retry-After} in the retry policy; holding or slowing everyone for it would
 * waste the window.
 */
final class RollingWindowRateLimiter implements RateLimiter {
    /** The congestion ceiling never falls below this share of the limit per window. */
    private static final int MIN_CEILING = 1;
    /** With another user on the token, a twentieth of the limit stays unused for that user's jitter. */
    private static final int SHARED_MARGIN_DIVISOR = 20;

    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final long[] times;
    /** Which reservation (by number) holds each slot, so a late response cannot touch a reused slot. */
    private final long[] holders;

    private long issued;
    /** At most {@code permits}; lower when the server's {@code X-HubSpot-RateLimit-Max} says its limit is lower. */
    private int limit;
    /** Requests of someone else in the server's window, as its last response showed; they leave it a window later. */
    private int others;

    private long othersSeenAt;
    /** The AIMD ceiling, in requests per window. */
    private double ceiling;
    /** Only requests started after the last decrease may halve the ceiling again (one decrease per round). */
    private long lastDecrease = Long.MIN_VALUE;

    private long notBefore = Long.MIN_VALUE;
    private volatile long dailyRemaining = -1;

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
        this.ceiling = permits;
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
        if (others > 0 && now - othersSeenAt >= windowNanos) {
            others = 0;
        }
        int allowed = allowed();
        if (issued >= allowed) {
            start = Math.max(start, times[(int) ((issued - allowed) % permits)] + windowNanos);
        }
        if (notBefore != Long.MIN_VALUE && notBefore - start > 0) {
            start = notBefore;
        }
        times[slot] = start;
        holders[slot] = issued;
        return new SlotPermit(slot, issued++, start, start - now);
    }

    /** Requests this limiter may start in any window now. */
    synchronized int allowed() {
        // Another user's requests are seen only on our responses, a moment late: leave a margin for its jitter.
        int left = others > 0 ? limit - others - Math.max(1, limit / SHARED_MARGIN_DIVISOR) : limit;
        return Math.max(MIN_CEILING, Math.min(Math.min(left, (int) ceiling), permits));
    }

    @Override
    public OptionalLong dailyRemaining() {
        long remaining = dailyRemaining;
        return remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        long now = ticker.nanoTime();
        adjust(status, headers, now - windowNanos, now, Long.MAX_VALUE);
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
                adjust(status, headers, start - windowNanos, start, holder);
            }
        }
    }

    /**
     * Applies the server's view of one response; {@code since} bounds the server's window from below,
     * {@code sentAt} is when the request started (for the one-decrease-per-round rule) and {@code reservation} its
     * number ({@code Long.MAX_VALUE} when unknown).
     */
    private void adjust(int status, HttpHeaders headers, long since, long sentAt, long reservation) {
        long daily = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (daily >= 0) {
            dailyRemaining = daily;
        }
        long remaining = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Remaining");
        long max = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Max");
        long now = ticker.nanoTime();
        boolean explainedByUs = false;
        synchronized (this) {
            if (max > 0 && max < limit) {
                // The app's real tier is lower than configured: pace to the server's limit from now on.
                limit = (int) max;
            }
            if (remaining >= 0) {
                long counted = (max > 0 ? max : limit) - remaining;
                // Our requests reserved after this one mostly reached the server after it, so its count left them
                // out; counting them as ours would hide that many of someone else's. Only when the count exceeds
                // ours by more than those later requests could (had they overtaken this one) is it someone else's.
                OursInWindow ours = slotsSince(since, reservation);
                long beyondOurs = counted - ours.upTo();
                long foreign = beyondOurs > ours.later() ? beyondOurs : beyondOurs - ours.later();
                others = (int) Math.max(0, Math.min(foreign, limit - MIN_CEILING));
                othersSeenAt = now;
                explainedByUs = foreign <= 0;
            }
        }
        if (status != 429) {
            if (status < 400) {
                recover();
            }
            return;
        }
        if (explainedByUs && remaining > 0) {
            // The token's window has room and holds only our requests: a refusal of this request, which waits out
            // its own Retry-After or backoff in the retry policy. Holding everyone would waste the window.
            return;
        }
        Duration retryAfter = RetryAfter.parse(HttpTransport.Response.first(headers, "Retry-After"), ticker.now())
                .orElse(null);
        if (retryAfter != null) {
            // The server said how long: hold everyone sharing this token until then, at the same rate after.
            holdUntil(now + retryAfter.toNanos());
        } else {
            decrease(sentAt);
        }
    }

    /** Multiplicative decrease, at most once per round: a request sent before the last decrease cannot repeat it. */
    private synchronized void decrease(long sentAt) {
        if (lastDecrease != Long.MIN_VALUE && sentAt - lastDecrease <= 0) {
            return;
        }
        ceiling = Math.max(MIN_CEILING, ceiling / 2);
        lastDecrease = ticker.nanoTime();
    }

    /** Additive increase: a quarter of the limit per window's worth of successful responses. */
    private synchronized void recover() {
        if (ceiling < limit) {
            ceiling = Math.min(limit, ceiling + limit / (4.0 * Math.max(ceiling, MIN_CEILING)));
        }
    }

    private synchronized void holdUntil(long until) {
        if (notBefore == Long.MIN_VALUE || until - notBefore > 0) {
            notBefore = until;
        }
    }

    /** Our slots in a window: of reservations up to a given one, and of later ones. */
    private record OursInWindow(int upTo, int later) {}

    /**
     * This limiter's slots counted at or after {@code since}, split at {@code lastReservation}. Reserved future
     * starts count too: each replaced a slot that may still be in the server's window.
     */
    private OursInWindow slotsSince(long since, long lastReservation) {
        int before = 0;
        int after = 0;
        int used = (int) Math.min(issued, permits);
        for (int i = 0; i < used; i++) {
            if (times[i] - since > 0) {
                if (holders[i] <= lastReservation) {
                    before++;
                } else {
                    after++;
                }
            }
        }
        return new OursInWindow(before, after);
    }

    @Override
    public String toString() {
        return "RollingWindowRateLimiter[" + permits + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
