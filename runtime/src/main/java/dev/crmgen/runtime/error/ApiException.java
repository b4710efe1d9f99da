package dev.crmgen.runtime.error;

import java.util.Optional;

/**
 * A call that did not produce a result: the root of the runtime's unchecked exceptions. Subclasses exist per
 * HTTP status; {@link TransportException} (status 0) covers I/O failures and timeouts, and
 * {@link ResponseDecodingException} a success response that could not be read. Messages and bodies never
 * contain the access token.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String correlationId;
    private final transient HubSpotError error;
    private final String rawBody;

    /**
     * @param message the description, already free of secrets
     * @param status the HTTP status, or 0 when there was no response
     * @param correlationId HubSpot's correlation id (from the body or the {@code X-HubSpot-Correlation-Id} header), or null
     * @param error the parsed error body, or null when the body was not a HubSpot error
     * @param rawBody the response body as text, empty when there was none
     * @param cause the underlying failure, or null
     */
    public ApiException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.correlationId = correlationId;
        this.error = error;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** HubSpot's correlation id for support requests, or null. */
    public String correlationId() {
        return correlationId;
    }

    /** HubSpot's error category (such as {@code VALIDATION_ERROR}), or null when the body did not say. */
    public String category() {
        return error == null ? null : error.category();
    }

    /** The error body, when it parsed as a HubSpot error. */
    public Optional<HubSpotError> error() {
        return Optional.ofNullable(error);
    }

    /** The response body as text (UTF-8), empty when there was none; present even when it is not JSON. */
    public String rawBody() {
        return rawBody;
    }
}
