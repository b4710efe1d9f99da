package dev.crmgen.runtime.error;

/** 400 Bad Request: the request was invalid (HubSpot category such as {@code VALIDATION_ERROR}); never retried. */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public BadRequestException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }
}
