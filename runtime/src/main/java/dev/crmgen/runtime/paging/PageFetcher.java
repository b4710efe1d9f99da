package dev.crmgen.runtime.paging;

/**
 * Fetches one page of a cursor-paged operation. Generated code implements it with one call of the operation, so
 * each fetch has the runtime's retries, rate limits, deadlines and typed exceptions.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
    /**
     * The page that starts at {@code after}.
     *
     * @param after HubSpot's {@code paging.next.after} of the previous page, or null for the first page
     * @return the page; never null
     * @throws dev.crmgen.runtime.error.ApiException when the call fails; the stream passes it on unchanged
     */
    Page<T> fetch(String after);
}
