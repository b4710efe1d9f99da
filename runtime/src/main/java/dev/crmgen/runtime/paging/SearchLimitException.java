package dev.crmgen.runtime.paging;

import java.util.OptionalLong;

/**
 * A search matched more results than HubSpot lets one query page through ({@value Pages#SEARCH_RESULT_CEILING}):
 * its {@code total} said so, or HubSpot answered 400 to a page past the ceiling. The results beyond it can only be
 * read by narrowing the query, for example by a range of {@code hs_object_id} (sort ascending by it and start the
 * next query with {@code GT} the last id read) or of a date property such as {@code hs_lastmodifieddate}.
 */
public final class SearchLimitException extends PagingException {
    private static final long serialVersionUID = 1L;

    private final transient OptionalLong total;

    /**
     * @param total the query's {@code total} as HubSpot reported it, or empty when it was not seen
     * @param itemsDelivered items handed out before the stream ended
     * @param cause HubSpot's 400 past the ceiling, or null when {@code total} told
     */
    public SearchLimitException(OptionalLong total, long itemsDelivered, Throwable cause) {
        super(
                "the search matched " + (total.isPresent() ? total.getAsLong() + " results" : "more results")
                        + ", more than the " + Pages.SEARCH_RESULT_CEILING + " HubSpot lets one query page through; "
                        + itemsDelivered
                        + " were delivered. Narrow the query so that each part stays under the ceiling, "
                        + "for example by a range of hs_object_id (sort by it ascending and continue with a GT filter on the "
                        + "last id read) or of hs_lastmodifieddate",
                itemsDelivered,
                cause);
        this.total = total;
    }

    /** The query's {@code total} as HubSpot reported it, or empty when the stream had not seen it. */
    public OptionalLong total() {
        return total == null ? OptionalLong.empty() : total;
    }
}
