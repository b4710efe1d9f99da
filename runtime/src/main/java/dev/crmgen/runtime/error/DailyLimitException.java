package dev.crmgen.runtime.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 429 with HubSpot's {@code DAILY} policy: the token's daily request quota is spent. HubSpot resets it at midnight
 * in the account's time zone, which the client cannot know, so {@link #resetsAt()} is known only when the server sent
 * {@code Retry-After}. Thrown for the call that met the limit and, without sending anything, for every later call on
 * any client sharing the token until the limit is expected to have reset; never retried.
 */
public class DailyLimitException extends RateLimitException {
    private static final long serialVersionUID = 1L;

    private final Instant resetsAt;
    private final long dailyLimit;
    private final long dailyRemaining;

    /**
     * @param resetsAt when the quota resets (from {@code Retry-After}), or null when unknown
     * @param dailyLimit {@code X-HubSpot-RateLimit-Daily}, or -1 when absent
     * @param dailyRemaining {@code X-HubSpot-RateLimit-Daily-Remaining}, or -1 when absent
     * @see RateLimitException#RateLimitException(String, int, String, HubSpotError, String, Duration, Throwable)
     */
    public DailyLimitException(
            String message,
            int status,
            String correlationId,
            HubSpotError error,
            String rawBody,
            Duration retryAfter,
            Instant resetsAt,
            long dailyLimit,
            long dailyRemaining,
            Throwable cause) {
        super(message, status, correlationId, error, rawBody, retryAfter, cause);
        this.resetsAt = resetsAt;
        this.dailyLimit = dailyLimit;
        this.dailyRemaining = dailyRemaining;
    }

    /** When the quota resets, when the server said so ({@code Retry-After}); empty when unknown. */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }

    /** The daily quota ({@code X-HubSpot-RateLimit-Daily}), when the response carried it. */
    public OptionalLong dailyLimit() {
        return dailyLimit < 0 ? OptionalLong.empty() : OptionalLong.of(dailyLimit);
    }

    /** Requests left today ({@code X-HubSpot-RateLimit-Daily-Remaining}), when the response carried it. */
    public OptionalLong dailyRemaining() {
        return dailyRemaining < 0 ? OptionalLong.empty() : OptionalLong.of(dailyRemaining);
    }
}
