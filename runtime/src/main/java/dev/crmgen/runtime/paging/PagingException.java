package dev.crmgen.runtime.paging;

/**
 * A paged read that cannot go on although every call succeeded: the server's cursors or its limits end it. Errors
 * of the calls themselves are the runtime's {@link dev.crmgen.runtime.error.ApiException}s and pass through unchanged.
 */
public class PagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long itemsDelivered;

    /**
     * @param message what happened and what to do about it
     * @param itemsDelivered how many items the stream had handed out before it ended
     * @param cause the call's failure that revealed it, or null
     */
    public PagingException(String message, long itemsDelivered, Throwable cause) {
        super(message, cause);
        this.itemsDelivered = itemsDelivered;
    }

    /** How many items the stream had handed out before it ended. */
    public long itemsDelivered() {
        return itemsDelivered;
    }
}
