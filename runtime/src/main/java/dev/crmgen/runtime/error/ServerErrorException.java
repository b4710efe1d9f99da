package dev.crmgen.runtime.error;

/** A 5xx status, after any retries; the status is kept even when the body is an HTML error page. */
public class ServerErrorException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)}. */
    public ServerErrorException(
            String message, int status, String correlationId, HubSpotError error, String rawBody, Throwable cause) {
        super(message, status, correlationId, error, rawBody, cause);
    }
}
