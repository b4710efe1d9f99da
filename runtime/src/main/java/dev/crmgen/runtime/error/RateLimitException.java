package dev.crmgen.runtime.error;

import java.time.Duration;

/** 429 Too Many Requests, after any retries: which HubSpot policy was hit and how long the server asked to wait. */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter the wait the server asked for ({@code Retry-After}), or null when it gave none
     * @see ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)
     */
    public RateLimitException(
            String message,
            int status,
            String correlationId,
            HubSpotError error,
            String rawBody,
            Duration retryAfter,
            Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
        this.retryAfter = retryAfter;
    }

    /** HubSpot's {@code policyName} (such as {@code SECONDLY}, {@code DAILY}), or null. */
    public String policyName() {
        return error().map(HubSpotError::policyName).orElse(null);
    }

    /** The wait the server asked for, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
