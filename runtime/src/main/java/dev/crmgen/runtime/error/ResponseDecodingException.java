package dev.crmgen.runtime.error;

/**
 * A 2xx response that could not be turned into a result: an undeclared status or a body that does not decode.
 * The server has processed the request.
 */
public class ResponseDecodingException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the JSON path of the offending value, or null when the problem is not in the body
     * @see ApiException#ApiException(String, int, String, HubSpotError, String, Throwable)
     */
    public ResponseDecodingException(
            String message, int status, String correlationId, String rawBody, String path, Throwable cause) {
        super(message, status, correlationId, null, rawBody, cause);
        this.path = path;
    }

    /** The JSON path of the value that did not decode (such as {@code $.results[3].createdAt}), or null. */
    public String path() {
        return path;
    }
}
