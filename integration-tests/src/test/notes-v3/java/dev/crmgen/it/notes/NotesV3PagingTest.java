package dev.crmgen.it.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.it.TestClients;
import dev.crmgen.it.VirtualTicker;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.paging.RepeatedCursorException;
import dev.crmgen.runtime.paging.SearchLimitException;
import dev.crmgen.runtime.paging.SearchLimitPolicy;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.sandbox.NotesSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lazy paging through the {@code getPageStream} and {@code doSearchStream} methods generated from HubSpot's whole
 * notes API, against the sandbox's list and search endpoints. The sandbox runs on the client's virtual clock, so rate limits and backoffs are exact and instant; every
 * claim is checked on the sandbox's own counters.
 */
@Timeout(60)
class NotesV3PagingTest {
    private final VirtualTicker ticker = new VirtualTicker();

    private NotesSandbox.Builder sandbox(int notes) {
        return NotesSandbox.builder().seed(notes).nanoTime(ticker::nanoTime);
    }

    private NotesClient client(NotesSandbox sandbox, UnaryOperator<ClientOptions.Builder> settings) {
        return new NotesClient(settings.apply(ClientOptions.builder()
                        .accessToken(sandbox.accessToken())
                        .baseUrl(sandbox.baseUrl())
                        .retryPolicy(TestClients.FAST_RETRIES)
                        .rateLimiter(RateLimiter.unlimited())
                        .ticker(ticker)
                        .connectTimeout(Duration.ofSeconds(5))
                        .requestTimeout(Duration.ofSeconds(10)))
                .build());
    }

    private NotesClient client(NotesSandbox sandbox) {
        return client(sandbox, UnaryOperator.identity());
    }

    /** Every note with its body, {@code limit} a page. */
    private static GetPageParams everyNote(int limit) {
        return GetPageParams.builder()
                .limit(limit)
                .properties(List.of("hs_note_body"))
                .build();
    }

    private static PublicObjectSearchRequest everything(int limit) {
        return PublicObjectSearchRequest.builder()
                .after("0")
                .filterGroups(List.of())
                .limit(limit)
                .properties(List.of("hs_note_body"))
                .sorts(List.of("hs_object_id"))
                .build();
    }

    private static List<String> ids(Stream<?> notes) {
        return notes.map(
                        n -> n instanceof SimplePublicObject o ? o.id() : ((SimplePublicObjectWithAssociations) n).id())
                .toList();
    }

    @Test
    void threePagesArriveInOrderEachFetchedOnce() {
        try (NotesSandbox sandbox = sandbox(25).start()) {
            List<SimplePublicObjectWithAssociations> notes =
                    client(sandbox).getPageStream(everyNote(10)).toList();

            assertEquals(
                    sandbox.seededIds(),
                    notes.stream().map(SimplePublicObjectWithAssociations::id).toList());
            assertEquals(
                    "Seeded note " + sandbox.seededIds().get(24),
                    notes.get(24).properties().get("hs_note_body"));
            assertEquals(3, sandbox.listPagesServed());
            assertEquals(3, sandbox.stats().requests());
        }
    }

    @Test
    void anEarlyEndFetchesNoFurtherPage() {
        try (NotesSandbox sandbox = sandbox(25).start()) {
            NotesClient notes = client(sandbox);

            List<String> firstFifteen;
            try (Stream<SimplePublicObjectWithAssociations> all = notes.getPageStream(everyNote(10))) {
                firstFifteen = ids(all.limit(15));
            }
            assertEquals(sandbox.seededIds().subList(0, 15), firstFifteen);
            assertEquals(2, sandbox.stats().requests(), "15 items need two pages of 10, not the third");

            try (Stream<SimplePublicObjectWithAssociations> all = notes.getPageStream(everyNote(10))) {
                Iterator<SimplePublicObjectWithAssociations> each = all.iterator();
                for (int i = 0; i < 10; i++) {
                    each.next();
                }
            }
            assertEquals(3, sandbox.stats().requests(), "closed after the first page's ten: nothing fetched ahead");
        }
    }

    @Test
    void aRateLimitMidStreamIsRetriedAndTheStreamGoesOn() {
        // Two requests per 250 ms: the third page meets HubSpot's ten-secondly 429 until the window has moved on.
        try (NotesSandbox sandbox =
                sandbox(25).rateLimit(2, Duration.ofMillis(250)).start()) {
            List<String> ids = ids(client(sandbox).getPageStream(everyNote(10)));

            assertEquals(sandbox.seededIds(), ids);
            assertEquals(2, sandbox.stats().rateLimited(), "the third page was refused at 0 and 100 ms");
            assertEquals(3, sandbox.listPagesServed());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), ticker.sleeps());
        }
    }

    @Test
    void aServerRepeatingItsCursorEndsTheStreamClearly() {
        try (NotesSandbox sandbox = sandbox(25).repeatingListCursor().start()) {
            List<String> seen = new ArrayList<>();

            RepeatedCursorException e = assertThrows(
                    RepeatedCursorException.class,
                    () -> client(sandbox).getPageStream(everyNote(10)).forEach(n -> seen.add(n.id())));

            assertEquals(sandbox.seededIds().get(10), e.cursor());
            assertEquals(sandbox.seededIds().subList(0, 20), seen, "the second page is new; its next cursor is not");
            assertEquals(2, sandbox.listPagesServed(), "the repeated cursor is never fetched again");
        }
    }

    @Test
    void aSearchPastTenThousandResultsFailsBeforeItsFirstResult() {
        try (NotesSandbox sandbox = sandbox(10_050).start()) {
            SearchLimitException e = assertThrows(
                    SearchLimitException.class,
                    () -> client(sandbox).doSearchStream(everything(200)).forEach(n -> {}));

            assertEquals(10_050, e.total().orElseThrow());
            assertEquals(0, e.itemsDelivered());
            assertTrue(e.getMessage().contains("Narrow the query"), e.getMessage());
            assertEquals(1, sandbox.searchPagesServed());
        }
    }

    @Test
    void aSearchPastTenThousandResultsCanDeliverTheReachableOnesThenFail() {
        try (NotesSandbox sandbox = sandbox(10_050).start()) {
            long[] delivered = new long[1];

            SearchLimitException e = assertThrows(
                    SearchLimitException.class,
                    () -> client(sandbox)
                            .doSearchStream(everything(200), SearchLimitPolicy.FAIL_AFTER_REACHABLE)
                            .forEach(n -> delivered[0]++));

            assertEquals(10_000, delivered[0]);
            assertEquals(10_000, e.itemsDelivered());
            assertEquals(50, sandbox.searchPagesServed());
            assertEquals(0, sandbox.stats().rejected(), "the page HubSpot would refuse was not asked for");
        }
    }

    @Test
    void hubSpotsBadRequestPastTheCeilingIsReportedAsTheSearchLimit() {
        try (NotesSandbox sandbox = sandbox(10_050).start()) {
            // Resuming a search at offset 9,900: the next cursor, 10000, is one HubSpot names and then refuses.
            PublicObjectSearchRequest resumed = PublicObjectSearchRequest.builder()
                    .after("9900")
                    .filterGroups(List.of())
                    .limit(200)
                    .properties(List.of())
                    .sorts(List.of())
                    .build();
            long[] delivered = new long[1];

            SearchLimitException e = assertThrows(
                    SearchLimitException.class,
                    () -> client(sandbox)
                            .doSearchStream(resumed, SearchLimitPolicy.FAIL_AFTER_REACHABLE)
                            .forEach(n -> delivered[0]++));

            assertEquals(100, delivered[0]);
            BadRequestException refusal = assertInstanceOf(BadRequestException.class, e.getCause());
            assertEquals("VALIDATION_ERROR", refusal.category());
            assertEquals(1, sandbox.stats().rejected());
        }
    }

    @Test
    void searchPacingKeepsUnderHubSpotsSecondlyLimit() {
        try (NotesSandbox sandbox = sandbox(30).start()) {
            List<String> ids = ids(client(sandbox).doSearchStream(everything(2)));

            assertEquals(sandbox.seededIds(), ids);
            assertEquals(15, sandbox.searchPagesServed());
            assertEquals(0, sandbox.searchRateLimited(), "five searches a second, as HubSpot allows");
            assertEquals(0, sandbox.stats().rateLimited());
            assertTrue(ticker.sleeps().size() >= 2, "15 searches at five a second wait at least twice");
        }
    }

    @Test
    void withoutSearchPacingTheSameStreamMeetsTheSecondlyLimit() {
        try (NotesSandbox sandbox = sandbox(30).start()) {
            NotesClient unpaced = client(sandbox, options -> options.searchRateLimiter(RateLimiter.unlimited()));

            RateLimitException e = assertThrows(
                    RateLimitException.class,
                    () -> unpaced.doSearchStream(everything(2)).forEach(n -> {}));

            assertEquals("SECONDLY", e.policyName());
            assertEquals(5, sandbox.searchPagesServed(), "the sixth search in the same second is refused");
            assertEquals(4, sandbox.searchRateLimited(), "refused at 0, 100, 300 and 700 ms: still within the second");
        }
    }
}
