package dev.crmgen.runtime.ratelimit;

import dev.crmgen.runtime.http.HttpTransport;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Keeps the last {@code permits} slots in a ring: a new slot starts no earlier than one window after the slot
 * {@code allowed} reservations back, so no window ever holds more than {@code allowed} of them. A slot's time is its
 * start until its response arrives, then the estimated arrival of its request at the server, which counts a request
 * when it arrives: the response's time less a learned share of the fastest round trip seen so far. A request whose
 * successor starts a window after that estimate cannot share a server window with it as long as the fastest round
 * trip seen took the shortest way both there and back, so late responses no longer delay the reuse of their slots by
 * their whole latency. The share starts at one half and grows to the whole with successful responses; a 429 of a
 * window full of our own requests (the estimates were too early) halves it. A slot whose attempt got no response
 * keeps the time its attempt ended.
 *
 * <p>{@code allowed} is the least of three figures, each from what the server says:
 * <ul>
 *   <li>the app's limit: the configured permits, or a lower {@code X-HubSpot-RateLimit-Max};</li>
 *   <li>what others leave: when {@code X-HubSpot-RateLimit-Remaining} counts more requests in the window than this
 *       limiter's own, the difference is someone else using the token, and only the rest is ours, less a margin of
 *       a twentieth of the limit, since the other user's requests show only on our responses. The most any response
 *       of the last window showed counts, so one quiet reading does not release a burst. A 429 while another user
 *       is seen cuts our share by another margin (once per round; successes win a margin back per window's worth)
 *       instead of holding everyone for its {@code Retry-After} or halving the ceiling;</li>
 *   <li>a congestion ceiling (AIMD): a 429 that gives no usable {@code Retry-After} and is not explained by a
 *       per-request refusal halves it, once per round of requests; every successful response raises it again, by a
 *       quarter of the limit per window's worth of successes, so the rate probes back up within a few windows
 *       instead of stalling everyone for a whole interval.</li>
 * </ul>
 * Without another user, a 429 with {@code Retry-After} (delta-seconds or an HTTP date) holds every caller until then
 * and leaves the rate alone. A 429 whose headers show budget left in the window and no requests but ours is a refusal
 * of that one request, which waits out its own {@code Retry-After} in the retry policy; holding or slowing everyone
 * for it would waste the window.
 */
final class RollingWindowRateLimiter implements RateLimiter {
    /** The congestion ceiling never falls below this share of the limit per window. */
    private static final int MIN_CEILING = 1;
    /** With another user on the token, a twentieth of the limit stays unused for that user's jitter. */
    private static final int SHARED_MARGIN_DIVISOR = 20;
    /** A new limiter credits half the fastest round trip until responses have shown how steady latency is. */
    private static final double INITIAL_FLOOR_SHARE = 0.5;

    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;
    private final long[] times;
    /** Which reservation (by number) holds each slot, so a late response cannot touch a reused slot. */
    private final long[] holders;

    private long issued;
    /** At most {@code permits}; lower when the server's {@code X-HubSpot-RateLimit-Max} says its limit is lower. */
    private int limit;
    /**
     * Requests of someone else in the server's window: the most any response of the last window showed, since the
     * other user's requests come and go between our responses.
     */
    private final WindowMaximum others;
    /** Requests per window given up after 429s that others' requests caused; successful responses win them back. */
    private double ownShareCut;
    /** Only requests started after the last cut may cut our share again (one cut per round). */
    private long lastCut = Long.MIN_VALUE;
    /** The AIMD ceiling, in requests per window. */
    private double ceiling;
    /** Only requests started after the last decrease may halve the ceiling again (one decrease per round). */
    private long lastDecrease = Long.MIN_VALUE;

    /** The fastest round trip seen (start to response), in nanoseconds: the part of every round trip not jitter. */
    private long roundTripFloor = Long.MAX_VALUE;
    /** How much of {@link #roundTripFloor} a response's time is moved back by to estimate the arrival. */
    private double floorShare = INITIAL_FLOOR_SHARE;

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
        this.others = new WindowMaximum(windowNanos);
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
        int allowed = allowed(now);
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

    /** Requests this limiter may start in any window at {@code now}. */
    private int allowed(long now) {
        int foreign = others.at(now);
        // Another user's requests are seen only on our responses, a moment late: leave a margin for its jitter, and
        // what 429s its requests caused took from our share.
        int left = foreign > 0 ? limit - foreign - sharedMargin() - (int) Math.ceil(ownShareCut) : limit;
        return Math.max(MIN_CEILING, Math.min(Math.min(left, (int) ceiling), permits));
    }

    private int sharedMargin() {
        return Math.max(1, limit / SHARED_MARGIN_DIVISOR);
    }

    @Override
    public OptionalLong dailyRemaining() {
        long remaining = dailyRemaining;
        return remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        long now = ticker.nanoTime();
        adjust(status, headers, now - windowNanos, now);
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
                long counted = status > 0 ? estimatedArrival(start, now) : now;
                if (holders[slot] == holder && counted - times[slot] > 0) {
                    times[slot] = counted;
                }
            }
            if (status > 0 && headers != null) {
                // The server counted this request at its arrival, no earlier than its start.
                adjust(status, headers, start - windowNanos, start);
            }
        }
    }

    /**
     * When the server counted a request started at {@code start} and answered at {@code answered}: the answer less the
     * learned share of the fastest round trip seen (which this one may lower), never before the start.
     */
    private long estimatedArrival(long start, long answered) {
        long roundTrip = answered - start;
        if (roundTrip < 0) {
            return start;
        }
        roundTripFloor = Math.min(roundTripFloor, roundTrip);
        return answered - (long) (floorShare * roundTripFloor);
    }

    /**
     * Applies the server's view of one response; {@code since} bounds the server's window from below and
     * {@code sentAt} is when the request started (for the one-decrease-per-round rule).
     */
    private void adjust(int status, HttpHeaders headers, long since, long sentAt) {
        long daily = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        if (daily >= 0) {
            dailyRemaining = daily;
        }
        long remaining = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Remaining");
        long max = HttpTransport.Response.firstLong(headers, "X-HubSpot-RateLimit-Max");
        long now = ticker.nanoTime();
        boolean explainedByUs = false;
        boolean shared;
        synchronized (this) {
            if (max > 0 && max < limit) {
                // The app's real tier is lower than configured: pace to the server's limit from now on.
                limit = (int) max;
            }
            if (remaining >= 0) {
                long serverLimit = max > 0 ? max : limit;
                long foreign = serverLimit - remaining - slotsSince(since);
                others.record(now, (int) Math.max(0, Math.min(foreign, limit - MIN_CEILING)));
                explainedByUs = foreign <= 0;
            }
            shared = others.at(now) > 0;
        }
        if (status != 429) {
            if (status < 400) {
                recover();
            }
            return;
        }
        if (explainedByUs && remaining == 0) {
            // The window is full of our own requests: arrivals were estimated too early, not the rate too high.
            distrustArrivalEstimates();
            return;
        }
        if (explainedByUs && remaining > 0) {
            // The token's window has room and holds only our requests: a refusal of this request, which waits out
            // its own Retry-After or backoff in the retry policy. Holding everyone would waste the window.
            return;
        }
        if (shared) {
            // Someone else spent the room our headers showed: give up a margin of our own share, not everyone's
            // time for a whole interval; what the retry policy waits for this request is its own.
            cutOwnShare(sentAt);
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

    /** Lowers our share by a margin, at most once per round, as {@link #decrease} does the ceiling. */
    private synchronized void cutOwnShare(long sentAt) {
        if (lastCut != Long.MIN_VALUE && sentAt - lastCut <= 0) {
            return;
        }
        ownShareCut = Math.min(limit, ownShareCut + sharedMargin());
        lastCut = ticker.nanoTime();
    }

    private synchronized void distrustArrivalEstimates() {
        floorShare /= 2;
    }

    /**
     * Additive increase: a quarter of the limit per window's worth of successful responses; the share of the fastest
     * round trip credited to arrival estimates grows by half per window's worth, up to the whole; a cut of our share
     * heals by a margin per window's worth.
     */
    private synchronized void recover() {
        ownShareCut = Math.max(0, ownShareCut - sharedMargin() / (double) limit);
        floorShare = Math.min(1, floorShare + 1 / (2.0 * limit));
        if (ceiling < limit) {
            ceiling = Math.min(limit, ceiling + limit / (4.0 * Math.max(ceiling, MIN_CEILING)));
        }
    }

    private synchronized void holdUntil(long until) {
        if (notBefore == Long.MIN_VALUE || until - notBefore > 0) {
            notBefore = until;
        }
    }

    /**
     * This limiter's slots counted at or after {@code since}. Reserved future starts count too: each replaced a
     * slot that may still be in the server's window.
     */
    private int slotsSince(long since) {
        int n = 0;
        int used = (int) Math.min(issued, permits);
        for (int i = 0; i < used; i++) {
            if (times[i] - since > 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "RollingWindowRateLimiter[" + permits + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
