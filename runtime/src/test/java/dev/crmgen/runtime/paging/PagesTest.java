package dev.crmgen.runtime.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.ServerErrorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PagesTest {
    /** Pages by cursor, as a server holds them; records every cursor asked for. */
    private static final class ServerPages implements PageFetcher<String> {
        private final Map<String, Page<String>> byCursor;
        final List<String> asked = new ArrayList<>();

        ServerPages(Map<String, Page<String>> byCursor) {
            this.byCursor = byCursor;
        }

        @Override
        public Page<String> fetch(String after) {
            asked.add(after);
            Page<String> page = byCursor.get(after == null ? "" : after);
            if (page == null) {
                throw new AssertionError("no page for cursor " + after);
            }
            return page;
        }
    }

    private static ServerPages threePages() {
        return new ServerPages(Map.of(
                "", Page.of(List.of("n1", "n2"), "c2"),
                "c2", Page.of(List.of("n3", "n4"), "c3"),
                "c3", Page.of(List.of("n5"), null)));
    }

    @Test
    void readsEveryPageInOrderFollowingTheCursors() {
        ServerPages pages = threePages();

        assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), Pages.stream(pages).toList());
        assertEquals(Arrays.asList(null, "c2", "c3"), pages.asked);
    }

    @Test
    void fetchesNothingUntilAnItemIsNeeded() {
        ServerPages pages = threePages();

        try (Stream<String> notes = Pages.stream(pages)) {
            assertEquals(List.of(), pages.asked);
            assertEquals(List.of("n1", "n2"), notes.limit(2).toList());
        }
        assertEquals(Arrays.asList((String) null), pages.asked, "the first page held both items: no second fetch");
    }

    @Test
    void shortCircuitingOperationsStopFetching() {
        ServerPages first = threePages();
        assertEquals("n1", Pages.stream(first).findFirst().orElseThrow());
        assertEquals(1, first.asked.size());

        ServerPages third = threePages();
        assertTrue(Pages.stream(third).anyMatch("n3"::equals));
        assertEquals(Arrays.asList(null, "c2"), third.asked);

        ServerPages parallel = threePages();
        assertEquals("n1", Pages.stream(parallel).parallel().findFirst().orElseThrow());
        assertEquals(1, parallel.asked.size(), "a parallel stream does not split off pages ahead of need");
    }

    @Test
    void closingEarlyFetchesNothingMore() {
        ServerPages pages = threePages();
        CursorIterator<String> notes = Pages.iterator(pages);

        assertEquals("n1", notes.next());
        assertEquals("n2", notes.next());
        notes.close();

        assertFalse(notes.hasNext());
        assertEquals(1, pages.asked.size());
        assertEquals(1, notes.pagesFetched());
        assertEquals(2, notes.itemsDelivered());
    }

    @Test
    void closingTheStreamFetchesNothingMore() {
        ServerPages pages = threePages();
        Stream<String> notes = Pages.stream(pages);
        var iterator = notes.iterator();
        assertEquals("n1", iterator.next());

        notes.close();

        assertFalse(iterator.hasNext());
        assertEquals(1, pages.asked.size());
    }

    @Test
    void aFailedFetchEndsTheStreamWithTheCallsOwnException() {
        ServerErrorException failure =
                new ServerErrorException("POST /crm/v3/objects/notes/search: HTTP 502", 502, "corr-1", null, "", null);
        List<String> seen = new ArrayList<>();
        PageFetcher<String> fetcher = after -> {
            if (after == null) {
                return Page.of(List.of("n1"), "c2");
            }
            throw failure;
        };

        ServerErrorException thrown = assertThrows(
                ServerErrorException.class, () -> Pages.stream(fetcher).forEach(seen::add));

        assertSame(failure, thrown);
        assertEquals(List.of("n1"), seen);
    }

    @Test
    void aCursorTheServerRepeatsEndsTheStreamInsteadOfLoopingForever() {
        ServerPages pages = new ServerPages(Map.of(
                "", Page.of(List.of("n1"), "c2"),
                "c2", Page.of(List.of("n2"), "c3"),
                "c3", Page.of(List.of("n3"), "c2")));
        List<String> seen = new ArrayList<>();

        RepeatedCursorException e = assertThrows(
                RepeatedCursorException.class, () -> Pages.stream(pages).forEach(seen::add));

        assertEquals("c2", e.cursor());
        assertEquals(List.of("n1", "n2", "n3"), seen, "the page that repeats a cursor is itself new");
        assertEquals(3, e.itemsDelivered());
        assertEquals(3, pages.asked.size());
        assertTrue(e.getMessage().contains("after=\"c2\""), e.getMessage());
    }

    @Test
    void aRepeatedCursorFailsOnlyWhenItsPageIsNeeded() {
        ServerPages pages = new ServerPages(Map.of(
                "", Page.of(List.of("n1"), "c2"),
                "c2", Page.of(List.of("n2"), "c2")));

        assertEquals(List.of("n1", "n2"), Pages.stream(pages).limit(2).toList());
        assertEquals(2, pages.asked.size());
    }

    @Test
    void aPageNamingItsOwnCursorAsNextIsARepeat() {
        ServerPages pages = new ServerPages(Map.of("", Page.of(List.of("n1"), "c2"), "c2", Page.of(List.of(), "c2")));

        assertThrows(RepeatedCursorException.class, () -> Pages.stream(pages).toList());
        assertEquals(2, pages.asked.size());
    }

    @Test
    void missingResultsAreAnEmptyPageAndABlankCursorIsTheLastPage() {
        ServerPages pages =
                new ServerPages(Map.of("", new Page<>(null, "c2", null), "c2", Page.of(List.of("n1"), " ")));

        assertEquals(List.of("n1"), Pages.stream(pages).toList());
        assertEquals(Arrays.asList(null, "c2"), pages.asked);
    }

    // ---- search -------------------------------------------------------------------------------------------------

    /** HubSpot's search: numeric offsets as cursors, {@code total}, and a 400 for a page at the ceiling. */
    private static final class Search implements PageFetcher<Integer> {
        private final long total;
        private final int pageSize;
        private final boolean reportsTotal;
        /** The first offset answered with a 400. */
        private final int refusedFrom;

        int fetches;

        Search(long total, int pageSize, boolean reportsTotal) {
            this(total, pageSize, reportsTotal, Pages.SEARCH_RESULT_CEILING);
        }

        Search(long total, int pageSize, boolean reportsTotal, int refusedFrom) {
            this.total = total;
            this.pageSize = pageSize;
            this.reportsTotal = reportsTotal;
            this.refusedFrom = refusedFrom;
        }

        @Override
        public Page<Integer> fetch(String after) {
            fetches++;
            int offset = after == null ? 0 : Integer.parseInt(after);
            if (offset >= refusedFrom) {
                throw new BadRequestException(
                        "POST /crm/v3/objects/notes/search: HTTP 400",
                        400,
                        "corr-400",
                        null,
                        "{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\"}",
                        null);
            }
            List<Integer> items = new ArrayList<>();
            for (int i = offset; i < Math.min(total, offset + pageSize); i++) {
                items.add(i);
            }
            String next = offset + pageSize < total ? Integer.toString(offset + pageSize) : null;
            return reportsTotal ? Page.of(total, items, next) : Page.of(items, next);
        }
    }

    @Test
    void aSearchPastTheCeilingFailsBeforeItsFirstResultByDefault() {
        Search search = new Search(12_345, 200, true);

        SearchLimitException e = assertThrows(
                SearchLimitException.class, () -> Pages.searchStream(search).findFirst());

        assertEquals(12_345, e.total().orElseThrow());
        assertEquals(0, e.itemsDelivered());
        assertEquals(1, search.fetches);
        assertTrue(e.getMessage().contains("12345 results") && e.getMessage().contains("hs_object_id"), e.getMessage());
    }

    @Test
    void aSearchPastTheCeilingCanDeliverTheReachableResultsThenFail() {
        Search search = new Search(10_500, 200, true);
        long[] seen = new long[1];

        SearchLimitException e = assertThrows(
                SearchLimitException.class,
                () -> Pages.searchStream(search, SearchLimitPolicy.FAIL_AFTER_REACHABLE)
                        .forEach(i -> seen[0]++));

        assertEquals(10_000, seen[0]);
        assertEquals(10_000, e.itemsDelivered());
        assertEquals(50, search.fetches, "the page HubSpot would refuse is not asked for");
    }

    @Test
    void hubSpotsBadRequestAtTheCeilingBecomesTheSearchLimit() {
        // A page whose end would pass the ceiling is refused as well: after=9900 with limit=100.
        Search search = new Search(20_000, 100, false, 9_900);
        long[] seen = new long[1];

        SearchLimitException e = assertThrows(
                SearchLimitException.class,
                () -> Pages.searchStream(search, SearchLimitPolicy.FAIL_AFTER_REACHABLE)
                        .forEach(i -> seen[0]++));

        assertEquals(9_900, seen[0]);
        assertTrue(e.total().isEmpty());
        assertEquals(
                BadRequestException.class,
                e.getCause() == null ? null : e.getCause().getClass());
    }

    @Test
    void aBadRequestOnTheFirstPageIsTheCallsOwnError() {
        BadRequestException invalid = new BadRequestException(
                "POST /crm/v3/objects/notes/search: HTTP 400", 400, "corr-400", null, "{}", null);

        assertSame(
                invalid,
                assertThrows(
                        BadRequestException.class,
                        () -> Pages.searchStream(after -> {
                                    throw invalid;
                                })
                                .toList()));
    }

    @Test
    void aSearchWithinTheCeilingEndsNormally() {
        Search search = new Search(10_000, 200, true);

        assertEquals(10_000, Pages.searchStream(search).count());
        assertEquals(50, search.fetches);
    }

    @Test
    void aSearchWhoseTotalIsPastTheCeilingNeverEndsQuietlyEvenWithoutACursor() {
        PageFetcher<String> fetcher = after -> Page.of(15_000, List.of("n1"), null);

        assertThrows(
                SearchLimitException.class,
                () -> Pages.searchStream(fetcher, SearchLimitPolicy.FAIL_AFTER_REACHABLE)
                        .toList());
    }
}
