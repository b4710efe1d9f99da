package dev.crmgen.runtime.error;

/** A non-2xx status without a more specific type (such as 405, 415 or a 423 whose retries ran out). */
public class UnexpectedStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public UnexpectedStatusException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }
}
