package dev.crmgen.runtime.paging;

import dev.crmgen.runtime.error.BadRequestException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Items of a cursor-paged operation, one page fetched at a time and only when the items already fetched are used
 * up: {@link #hasNext()} is what fetches. Not thread-safe; close it to make sure nothing more is fetched.
 *
 * <pre>{@code
 * try (CursorIterator<SimplePublicObjectWithAssociations> notes = Pages.iterator(after -> {
 *     var page = notesClient.getPage(GetPageParams.builder().after(after).limit(100).build());
 *     return Page.of(page.results(), page.paging() == null || page.paging().next() == null
 *             ? null : page.paging().next().after());
 * })) {
 *     while (notes.hasNext() && stillWanted()) {
 *         handle(notes.next());
 *     }
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class CursorIterator<T> implements Iterator<T>, AutoCloseable {
    private final PageFetcher<T> fetcher;
    /** Null for a list operation; the policy for a search. */
    private final SearchLimitPolicy searchPolicy;
    /** Every cursor asked for so far, to catch a server that names one again (its page is still handed out). */
    private final Set<String> requested = new HashSet<>();

    private Iterator<T> current = List.<T>of().iterator();
    private String nextAfter;
    private boolean started;
    private boolean closed;
    private int pages;
    private long delivered;
    private OptionalLong total = OptionalLong.empty();

    CursorIterator(PageFetcher<T> fetcher, SearchLimitPolicy searchPolicy) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.searchPolicy = searchPolicy;
    }

    /**
     * Whether another item follows, fetching pages (and skipping empty ones) until one has items or the last page
     * was read.
     *
     * @throws dev.crmgen.runtime.error.ApiException when a fetch fails, unchanged
     * @throws RepeatedCursorException when the server names a cursor already fetched
     * @throws SearchLimitException when a search reaches HubSpot's result ceiling
     */
    @Override
    public boolean hasNext() {
        while (!closed && !current.hasNext()) {
            if (started && nextAfter == null) {
                checkCeilingAtEnd();
                return false;
            }
            fetchNextPage();
        }
        return !closed;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the paged stream was closed" : "no more items");
        }
        delivered++;
        return current.next();
    }

    /** Fetches nothing more; {@link #hasNext()} is false from now on. */
    @Override
    public void close() {
        closed = true;
        current = List.<T>of().iterator();
    }

    /** Pages fetched so far. */
    public int pagesFetched() {
        return pages;
    }

    /** Items handed out so far. */
    public long itemsDelivered() {
        return delivered;
    }

    private void fetchNextPage() {
        String after = nextAfter;
        if (started && requested.contains(after)) {
            // Following it would read the same pages again, forever.
            throw new RepeatedCursorException(after, pages, delivered);
        }
        if (searchPolicy != null && delivered >= Pages.SEARCH_RESULT_CEILING) {
            // HubSpot would answer this page with a 400: say why instead of asking.
            throw new SearchLimitException(total, delivered, null);
        }
        Page<T> page;
        try {
            page = Objects.requireNonNull(fetcher.fetch(after), "the PageFetcher returned no page");
        } catch (BadRequestException e) {
            if (searchPolicy != null && pastCeiling(after)) {
                throw new SearchLimitException(total, delivered, e);
            }
            throw e;
        }
        started = true;
        pages++;
        requested.add(after);
        if (page.total().isPresent()) {
            total = page.total();
        }
        if (searchPolicy == SearchLimitPolicy.FAIL_FAST && exceedsCeiling()) {
            throw new SearchLimitException(total, delivered, null);
        }
        nextAfter = page.nextAfter();
        current = page.items().iterator();
    }

    /** A search whose total is past the ceiling never ends quietly, even when the server stops sending cursors. */
    private void checkCeilingAtEnd() {
        if (searchPolicy != null && exceedsCeiling()) {
            throw new SearchLimitException(total, delivered, null);
        }
    }

    private boolean exceedsCeiling() {
        return total.isPresent() && total.getAsLong() > Pages.SEARCH_RESULT_CEILING;
    }

    /**
     * Whether a 400 came for a page at the ceiling: search cursors are result offsets, and the largest page is
     * {@value Pages#MAX_SEARCH_PAGE_SIZE}, so a page starting within that distance of the ceiling would cross it.
     */
    private boolean pastCeiling(String after) {
        long offset = delivered;
        if (after != null) {
            try {
                offset = Math.max(offset, Long.parseLong(after.trim()));
            } catch (NumberFormatException e) {
                // Not an offset: what was delivered is all there is to go by.
            }
        }
        return exceedsCeiling() || offset > Pages.SEARCH_RESULT_CEILING - Pages.MAX_SEARCH_PAGE_SIZE;
    }

    @Override
    public String toString() {
        return "CursorIterator[pages=" + pages + ", delivered=" + delivered + (closed ? ", closed" : "") + "]";
    }
}
