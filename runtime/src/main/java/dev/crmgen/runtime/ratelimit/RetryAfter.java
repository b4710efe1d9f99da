package dev.crmgen.runtime.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTP's {@code Retry-After} header in both of its forms, which HubSpot's edge uses: delta-seconds ({@code 10}) or an
 * HTTP date ({@code Sun, 29 Nov 2026 06:00:00 GMT}). One reading for the invoker, the limiter and limiters outside the
 * runtime (the Redis one).
 */
public final class RetryAfter {
    private RetryAfter() {}

    /**
     * The wait a {@code Retry-After} value asks for, counted from {@code now} for the date form (a date already past
     * is a wait of zero); empty when the value is absent, negative or unreadable.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
