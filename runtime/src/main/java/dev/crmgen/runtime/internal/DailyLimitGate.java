package dev.crmgen.runtime.internal;

import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.HubSpotError;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes a token's calls after HubSpot's daily limit was met, shared by every client using that token. While closed,
 * calls fail at once with a {@link DailyLimitException} and send nothing; other rate-limit policies never close it,
 * so per-second and per-10-second pacing stay with the {@link RateLimiter}. Two signals close it: a daily 429, and
 * any other response whose {@code X-HubSpot-RateLimit-Daily-Remaining} is 0 (that request was the day's last, so the
 * next one would only earn the 429). Closed until the {@code Retry-After} the server gave; without one, for a
 * recheck interval ({@link #UNKNOWN_RESET_RECHECK} by default), after which one call finds out whether the quota has reset (a further daily 429 or
 * spent budget closes it again).
 */
public final class DailyLimitGate {
    /** How long calls stay closed by default when the server did not say when the quota resets. */
    public static final Duration UNKNOWN_RESET_RECHECK = Duration.ofMinutes(1);

    private record Closed(DailyLimitException cause, Instant until) {}

    private volatile Closed closed;

    /** Fails at once while the daily limit is in force. */
    public void check(String describe, Instant now) {
        DailyLimitException met = inForce(now);
        if (met != null) {
            throw forLaterCall(met, describe);
        }
    }

    /** The daily limit was met: close until its reset or, when that is unknown, for {@code recheck}. */
    public void close(DailyLimitException cause, Instant now, Duration recheck) {
        closed = new Closed(cause, cause.resetsAt().orElse(now.plus(recheck)));
    }

    /**
     * A response other than the daily 429 said no daily requests are left ({@code X-HubSpot-RateLimit-Daily-Remaining:
     * 0}): close for {@code recheck}, since HubSpot gives no reset time with it. Later calls fail as if
     * they had met the daily 429 (status 429, policy {@code DAILY}) without sending anything.
     *
     * @param dailyLimit {@code X-HubSpot-RateLimit-Daily}, or -1 when absent
     * @param correlationId the correlation id of the response that spent the budget, or null
     * @return the limit now in force, or null when the gate was already closed
     */
    public DailyLimitException closeSpent(
            String describe, int status, long dailyLimit, String correlationId, Instant now, Duration recheck) {
        if (inForce(now) != null) {
            return null;
        }
        String message = describe + " (HTTP " + status + ") spent the token's daily request budget"
                + " (X-HubSpot-RateLimit-Daily-Remaining: 0)";
        DailyLimitException spent = new DailyLimitException(
                message,
                429,
                correlationId,
                // No body came with it: the policy is named so that callers keying on DAILY see the same limit.
                new HubSpotError(null, correlationId, message, null, null, null, null, "DAILY", "RATE_LIMIT"),
                "",
                null,
                null,
                dailyLimit,
                0,
                null);
        closed = new Closed(spent, now.plus(recheck));
        return spent;
    }

    private DailyLimitException inForce(Instant now) {
        Closed c = closed;
        return c != null && now.isBefore(c.until()) ? c.cause() : null;
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
