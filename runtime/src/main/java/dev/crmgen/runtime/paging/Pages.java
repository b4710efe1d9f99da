package dev.crmgen.runtime.paging;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy streams over HubSpot's cursor pages. A page is fetched only when the stream needs an item the pages
 * already fetched do not hold: {@code limit}, {@code findFirst} or {@code anyMatch} stop fetching as soon as they
 * have their answer, and so does {@link Stream#close()}. Each fetch is one call through the runtime, with its
 * retries and rate limits; a call that still fails ends the stream with that call's
 * {@link dev.crmgen.runtime.error.ApiException}.
 *
 * <p>Generated clients offer these streams as {@code …Stream} methods beside each paged operation
 * ({@code notesClient.getPageStream(params)}, {@code notesClient.doSearchStream(query)}); by hand, over any call:
 *
 * <pre>{@code
 * // GET /crm/v3/objects/notes: every note, 100 a page
 * GetPageParams params = GetPageParams.builder().limit(100).properties(List.of("hs_note_body")).build();
 * try (Stream<SimplePublicObjectWithAssociations> notes = Pages.stream(after -> {
 *     var page = notesClient.getPage(params.toBuilder().after(after).build());
 *     return Page.of(page.results(), page.paging() == null || page.paging().next() == null
 *             ? null : page.paging().next().after());
 * })) {
 *     notes.filter(n -> n.properties().get("hs_note_body") == null).forEach(this::fill);
 * }
 *
 * // POST /crm/v3/objects/notes/search: the query's results, 200 a page, with its total
 * Stream<SimplePublicObject> found = Pages.searchStream(after -> {
 *     var page = notesClient.doSearch(query(after == null ? "0" : after));
 *     return Page.of(page.total(), page.results(), page.paging() == null || page.paging().next() == null
 *             ? null : page.paging().next().after());
 * });
 * }</pre>
 *
 * <p>The stream is sequential (it does not split for {@code parallel()}), and a stream whose server names an
 * already fetched cursor again fails with {@link RepeatedCursorException} rather than loop.
 */
public final class Pages {
    /** HubSpot's CRM search pages through at most this many results of one query. */
    public static final int SEARCH_RESULT_CEILING = 10_000;
    /** The largest {@code limit} HubSpot's CRM search accepts. */
    public static final int MAX_SEARCH_PAGE_SIZE = 200;
    /** The largest {@code limit} HubSpot's CRM list operations accept. */
    public static final int MAX_LIST_PAGE_SIZE = 100;

    private Pages() {}

    /** Every item of every page, fetched lazily; close the stream (or use a terminal operation) when done. */
    public static <T> Stream<T> stream(PageFetcher<T> fetcher) {
        return streamOf(iterator(fetcher));
    }

    /** The same items as an iterator, for a loop that may stop early; close it when done. */
    public static <T> CursorIterator<T> iterator(PageFetcher<T> fetcher) {
        return new CursorIterator<>(fetcher, null);
    }

    /**
     * Every result of a CRM search, fetched lazily, failing fast with {@link SearchLimitException} when the first
     * page's {@code total} is past {@value #SEARCH_RESULT_CEILING}.
     */
    public static <T> Stream<T> searchStream(PageFetcher<T> fetcher) {
        return searchStream(fetcher, SearchLimitPolicy.FAIL_FAST);
    }

    /**
     * Every result of a CRM search, fetched lazily; {@code policy} says whether a query past the ceiling fails
     * before its first result or after the ones that can be read. Either way it ends with a
     * {@link SearchLimitException}, never quietly short.
     */
    public static <T> Stream<T> searchStream(PageFetcher<T> fetcher, SearchLimitPolicy policy) {
        return streamOf(searchIterator(fetcher, policy));
    }

    /** The results of a CRM search as an iterator; see {@link #searchStream(PageFetcher, SearchLimitPolicy)}. */
    public static <T> CursorIterator<T> searchIterator(PageFetcher<T> fetcher, SearchLimitPolicy policy) {
        return new CursorIterator<>(fetcher, Objects.requireNonNull(policy, "policy"));
    }

    private static <T> Stream<T> streamOf(CursorIterator<T> items) {
        return StreamSupport.stream(new OneAtATime<>(items), false).onClose(items::close);
    }

    /**
     * Hands out one item per {@code tryAdvance} and never splits: the JDK's iterator spliterator would take a batch
     * of items ahead in a parallel stream, fetching pages nobody asked for.
     */
    private static final class OneAtATime<T> implements Spliterator<T> {
        private final Iterator<T> items;

        OneAtATime(Iterator<T> items) {
            this.items = items;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (!items.hasNext()) {
                return false;
            }
            action.accept(items.next());
            return true;
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED;
        }
    }
}
