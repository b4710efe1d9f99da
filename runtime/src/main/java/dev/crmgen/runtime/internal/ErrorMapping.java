package dev.crmgen.runtime.internal;

import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.ConflictException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ForbiddenException;
import dev.crmgen.runtime.error.HubSpotError;
import dev.crmgen.runtime.error.NotFoundException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ServerErrorException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.runtime.error.UnexpectedStatusException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.ratelimit.RetryAfter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns a non-2xx response into the matching {@link ApiException} subclass; a 429 of HubSpot's {@code DAILY} policy
 * becomes a {@link DailyLimitException}. Messages and raw bodies are scrubbed of the token.
 */
public final class ErrorMapping {
    private static final int MAX_MESSAGE_BODY = 200;
    /** HubSpot's {@code policyName} for the daily quota. */
    static final String DAILY = "DAILY";

    private ErrorMapping() {}

    public static ApiException toException(
            String describe, HttpTransport.Response response, Duration retryAfter, Instant now, Secrets secrets) {
        int status = response.status();
        String raw = secrets.scrub(new String(response.body(), StandardCharsets.UTF_8));
        // Parse the scrubbed text so that no field of the parsed error can carry an echoed token.
        HubSpotError error = parse(raw.getBytes(StandardCharsets.UTF_8));
        String correlationId = error != null && error.correlationId() != null
                ? error.correlationId()
                : response.header("X-HubSpot-Correlation-Id");
        String message =
                secrets.scrub(message(describe, status, error, correlationId, raw, response.header("Content-Type")));
        switch (status) {
            case 400:
                return new BadRequestException(message, status, correlationId, error, raw, null);
            case 401:
                return new UnauthorizedException(message, status, correlationId, error, raw, null);
            case 403:
                return new ForbiddenException(message, status, correlationId, error, raw, null);
            case 404:
                return new NotFoundException(message, status, correlationId, error, raw, null);
            case 409:
                return new ConflictException(message, status, correlationId, error, raw, null);
            case 429:
                if (error != null && DAILY.equalsIgnoreCase(error.policyName())) {
                    Instant resetsAt = retryAfter == null ? null : now.plus(retryAfter);
                    return new DailyLimitException(
                            message + "; it resets "
                                    + (resetsAt == null
                                            ? "at an unknown time (midnight in the account's time zone)"
                                            : "at " + resetsAt),
                            status,
                            correlationId,
                            error,
                            raw,
                            retryAfter,
                            resetsAt,
                            HttpTransport.Response.firstLong(response.headers(), "X-HubSpot-RateLimit-Daily"),
                            HttpTransport.Response.firstLong(response.headers(), "X-HubSpot-RateLimit-Daily-Remaining"),
                            null);
                }
                return new RateLimitException(message, status, correlationId, error, raw, retryAfter, null);
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerErrorException(message, status, correlationId, error, raw, null);
                }
                return new UnexpectedStatusException(message, status, correlationId, error, raw, null);
        }
    }

    /** The parsed HubSpot error, or null when the body is empty, not JSON or not an object. */
    static HubSpotError parse(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i == body.length || body[i] != '{') {
            return null;
        }
        try {
            return Json.decode(HubSpotError.jsonCodec(), body);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String message(
            String describe, int status, HubSpotError error, String correlationId, String raw, String contentType) {
        StringBuilder sb = new StringBuilder(160)
                .append(describe)
                .append(" failed with HTTP ")
                .append(status);
        if (error != null) {
            if (error.category() != null) {
                sb.append(' ').append(error.category());
            }
            if (error.message() != null) {
                sb.append(": ").append(error.message());
            }
            List<String> scopes = error.missingScopes();
            if (scopes != null && !scopes.isEmpty()) {
                sb.append(" (missing scopes: ")
                        .append(String.join(", ", scopes))
                        .append(')');
            }
            if (error.policyName() != null) {
                sb.append(" (policy ").append(error.policyName()).append(')');
            }
        } else if (!raw.isEmpty()) {
            String flat = raw.replaceAll("\\s+", " ").strip();
            sb.append(": non-JSON body");
            if (contentType != null) {
                sb.append(" (").append(contentType).append(')');
            }
            sb.append(": ")
                    .append(flat.length() <= MAX_MESSAGE_BODY ? flat : flat.substring(0, MAX_MESSAGE_BODY) + "...");
        }
        if (correlationId != null) {
            sb.append(" [correlationId ").append(correlationId).append(']');
        }
        return sb.toString();
    }

    /** {@code Retry-After} as a wait: delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(HttpTransport.Response response, Instant now) {
        return retryAfter(response.header("Retry-After"), now);
    }

    /** A {@code Retry-After} value as a wait from {@code now}, as {@link RetryAfter#parse}; null when unusable. */
    static Duration retryAfter(String value, Instant now) {
        return RetryAfter.parse(value, now).orElse(null);
    }
}
