package dev.crmgen.runtime.internal;

import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes a token's calls after HubSpot's daily limit was met, shared by every client using that token. While closed,
 * calls fail at once with a {@link DailyLimitException} and send nothing; other rate-limit policies never close it,
 * so per-second and per-10-second pacing stay with the {@link RateLimiter}. Closed until the {@code Retry-After} the
 * server gave; without one, for {@link #UNKNOWN_RESET_RECHECK}, after which one call finds out whether the quota has
 * reset (a further daily 429 closes it again).
 */
public final class DailyLimitGate {
    /** How long calls stay closed when the server did not say when the quota resets. */
    public static final Duration UNKNOWN_RESET_RECHECK = Duration.ofMinutes(1);

    private record Closed(DailyLimitException cause, Instant until) {}

    private volatile Closed closed;

    /** Fails at once while the daily limit is in force. */
    public void check(String describe, Instant now) {
        Closed c = closed;
        if (c != null && now.isBefore(c.until())) {
            throw forLaterCall(c.cause(), describe);
        }
    }

    /** The daily limit was met: close until its reset, or for {@link #UNKNOWN_RESET_RECHECK} when unknown. */
    public void close(DailyLimitException cause, Instant now) {
        closed = new Closed(cause, cause.resetsAt().orElse(now.plus(UNKNOWN_RESET_RECHECK)));
    }

    /** The same limit met again by a later call ({@code describe}), which was not sent. */
    private static DailyLimitException forLaterCall(DailyLimitException met, String describe) {
        Instant resetsAt = met.resetsAt().orElse(null);
        String when = resetsAt == null ? "at an unknown time (midnight in the account's time zone)" : "at " + resetsAt;
        return new DailyLimitException(
                describe + " not sent: the daily rate limit of this token (policy " + met.policyName()
                        + ") was reached; it resets " + when,
                met.status(),
                met.correlationId(),
                met.error().orElse(null),
                met.rawBody(),
                met.retryAfter(),
                resetsAt,
                met.dailyLimit().orElse(-1),
                met.dailyRemaining().orElse(-1),
                null);
    }
}
