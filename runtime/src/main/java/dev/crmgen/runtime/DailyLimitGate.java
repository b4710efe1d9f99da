package dev.crmgen.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Closes a token's calls after HubSpot's daily limit was met, shared by every client using that token. While closed,
 * calls fail at once with a {@link DailyLimitException} and send nothing; other rate-limit policies never close it,
 * so per-second and per-10-second pacing stay with the {@link RateLimiter}. Closed until the {@code Retry-After} the
 * server gave; without one, for {@link #UNKNOWN_RESET_RECHECK}, after which one call finds out whether the quota has
 * reset (a further daily 429 closes it again).
 */
final class DailyLimitGate {
    /** How long calls stay closed when the server did not say when the quota resets. */
    static final Duration UNKNOWN_RESET_RECHECK = Duration.ofMinutes(1);

    private record Closed(DailyLimitException cause, Instant until) {}

    private volatile Closed closed;

    /** Fails at once while the daily limit is in force. */
    void check(String describe, Instant now) {
        Closed c = closed;
        if (c != null && now.isBefore(c.until())) {
            throw c.cause().forLaterCall(describe);
        }
    }

    /** The daily limit was met: close until its reset, or for {@link #UNKNOWN_RESET_RECHECK} when unknown. */
    void close(DailyLimitException cause, Instant now) {
        closed = new Closed(cause, cause.resetsAt().orElse(now.plus(UNKNOWN_RESET_RECHECK)));
    }
}
