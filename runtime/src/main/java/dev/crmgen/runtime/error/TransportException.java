package dev.crmgen.runtime.error;

/** No usable response: I/O failure, timeout, interruption or an exhausted deadline. {@link #status()} is 0. */
public class TransportException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final boolean requestSent;
    private final boolean timeout;
    private final boolean responseTooLarge;

    /**
     * @param message what failed, free of secrets
     * @param requestSent whether the request may have reached the server
     * @param timeout whether a timeout or the deadline ended the call
     * @param cause the underlying failure, or null
     */
    public TransportException(String message, boolean requestSent, boolean timeout, Throwable cause) {
        this(message, requestSent, timeout, false, cause);
    }

    /**
     * @param message what failed, free of secrets
     * @param requestSent whether the request may have reached the server
     * @param timeout whether a timeout or the deadline ended the call
     * @param responseTooLarge whether the response was longer than the transport reads
     * @param cause the underlying failure, or null
     */
    public TransportException(
            String message, boolean requestSent, boolean timeout, boolean responseTooLarge, Throwable cause) {
        super(message, 0, null, null, "", cause);
        this.requestSent = requestSent;
        this.timeout = timeout;
        this.responseTooLarge = responseTooLarge;
    }

    /**
     * Whether the request may have reached the server. When true the outcome is unknown: a non-idempotent call
     * may or may not have taken effect.
     */
    public boolean requestSent() {
        return requestSent;
    }

    /** Whether a timeout or the overall deadline ended the call. */
    public boolean isTimeout() {
        return timeout;
    }

    /**
     * Whether the response was longer than the transport reads ({@code HttpTransport.ResponseTooLargeException}): the
     * same request would draw an answer as long, so it is not sent again.
     */
    public boolean isResponseTooLarge() {
        return responseTooLarge;
    }
}
