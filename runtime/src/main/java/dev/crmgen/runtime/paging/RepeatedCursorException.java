package dev.crmgen.runtime.paging;

/**
 * The server named a cursor as the next page that was already fetched in this stream: following it would read the
 * same pages again forever, so the stream ends, after handing out the items of the page that named it, when the
 * next page is needed.
 */
public final class RepeatedCursorException extends PagingException {
    private static final long serialVersionUID = 1L;

    private final String cursor;

    /**
     * @param cursor the repeated {@code paging.next.after}
     * @param page the number (from 1) of the page that named it
     * @param itemsDelivered items handed out before the stream ended
     */
    public RepeatedCursorException(String cursor, int page, long itemsDelivered) {
        super(
                "page " + page + " names the cursor after=\"" + cursor + "\" as its next page, which this stream has "
                        + "already fetched; the server is repeating itself, so the stream ends after " + itemsDelivered
                        + " items instead of reading the same pages forever",
                itemsDelivered,
                null);
        this.cursor = cursor;
    }

    /** The repeated cursor. */
    public String cursor() {
        return cursor;
    }
}
