package dev.crmgen.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.ResponseMapper;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private static final ResponseMapper<JsonValue> JSON = ResponseMapper.<JsonValue>builder()
            .json(200, JsonCodecs.JSON_VALUE, v -> v)
            .build();
    private static final ApiRequest SEARCH = ApiRequest.builder("POST", "/crm/v3/objects/notes/search")
            .jsonBody(JsonValue.of(Map.of("limit", 200)), JsonCodecs.JSON_VALUE)
            .retrySafe(true)
            .build();

    private final FakeTicker ticker = new FakeTicker();
    private final List<Long> sentAt = new ArrayList<>();

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void aWindowHoldsAtMostThePermitsCountedFromEachResponse() {
        SearchRateLimiter limiter = new SearchRateLimiter(5, Duration.ofSeconds(1), ticker);
        List<RateLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RateLimiter.Permit permit = limiter.acquire();
            assertEquals(0, permit.waitNanos(), "request " + (i + 1) + " of 5 goes at once");
            permits.add(permit);
        }
        ticker.advance(300 * MILLI);
        permits.get(0).completed(200, headers(Map.of()));

        RateLimiter.Permit sixth = limiter.acquire();

        // The first request's slot counts from its response, 300 ms in: free one second after that.
        assertEquals(SECOND, sixth.waitNanos());
    }

    @Test
    void aSlotWhoseResponseHasNotArrivedCountsFromItsStart() {
        SearchRateLimiter limiter = new SearchRateLimiter(2, Duration.ofSeconds(1), ticker);
        limiter.acquire();
        limiter.acquire();
        ticker.advance(400 * MILLI);

        assertEquals(600 * MILLI, limiter.acquire().waitNanos());
    }

    @Test
    void aSequentialPagingLoopIsPacedToThePermitsPerWindow() {
        SearchRateLimiter limiter = new SearchRateLimiter(4, Duration.ofSeconds(1), ticker);
        List<Long> startedAt = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RateLimiter.Permit permit = limiter.acquire();
            ticker.sleep(permit.waitNanos());
            startedAt.add(ticker.nanoTime());
            ticker.advance(50 * MILLI);
            permit.completed(200, headers(Map.of()));
        }
        for (int i = 4; i < startedAt.size(); i++) {
            long sinceFourBack = startedAt.get(i) - startedAt.get(i - 4);
            assertTrue(
                    sinceFourBack >= SECOND + 50 * MILLI,
                    "request " + (i + 1) + " started " + sinceFourBack / MILLI + " ms after the one four back");
        }
    }

    @Test
    void aRateLimitedSearchHoldsEverySearchForItsRetryAfter() {
        SearchRateLimiter limiter = new SearchRateLimiter(5, Duration.ofSeconds(1), ticker);
        limiter.acquire().completed(429, headers(Map.of("Retry-After", List.of("3"))));

        assertEquals(3 * SECOND, limiter.acquire().waitNanos());
    }

    @Test
    void aRateLimitedSearchWithoutRetryAfterHalvesTheRate() {
        SearchRateLimiter limiter = new SearchRateLimiter(4, Duration.ofSeconds(1), ticker);
        limiter.acquire().completed(429, headers(Map.of()));

        assertEquals(0, limiter.acquire().waitNanos(), "two per window now: the second goes at once");
        assertEquals(SECOND, limiter.acquire().waitNanos(), "the third waits for the first to leave the window");
    }

    @Test
    void theGeneralWindowsHeadersDoNotSteerTheSearchLimit() {
        SearchRateLimiter limiter = new SearchRateLimiter(5, Duration.ofSeconds(1), ticker);
        // HubSpot's general headers on a search response: a 10-second window of 190, nearly spent.
        limiter.acquire()
                .completed(
                        200,
                        headers(Map.of(
                                "X-HubSpot-RateLimit-Max",
                                List.of("190"),
                                "X-HubSpot-RateLimit-Remaining",
                                List.of("1"))));

        for (int i = 0; i < 4; i++) {
            assertEquals(0, limiter.acquire().waitNanos(), "the search window still has room for request " + (i + 2));
        }
    }

    @Test
    void pacesOnlyCrmSearchCalls() {
        assertTrue(SearchRateLimiter.paces("POST", "/crm/v3/objects/notes/search"));
        assertTrue(SearchRateLimiter.paces("post", "/crm/v3/objects/{objectType}/search"));
        assertFalse(SearchRateLimiter.paces("GET", "/crm/v3/objects/notes/search"));
        assertFalse(SearchRateLimiter.paces("POST", "/crm/v3/objects/notes/batch/read"));
        assertFalse(SearchRateLimiter.paces("GET", "/crm/v3/objects/notes"));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SearchRateLimiter(0, Duration.ofSeconds(1), ticker));
        assertThrows(IllegalArgumentException.class, () -> new SearchRateLimiter(5, Duration.ZERO, ticker));
    }

    @Test
    void theInvokerPacesSearchCallsBesidesTheGeneralLimitAndNothingElse() {
        ApiInvoker invoker = ApiInvoker.create(options("pat-na1-00000000-0000-4000-8000-search-pacing")
                .searchRateLimiter(new SearchRateLimiter(2, Duration.ofSeconds(1), ticker))
                .build());
        ApiRequest read = ApiRequest.builder("GET", "/crm/v3/objects/notes").build();

        for (int i = 0; i < 4; i++) {
            invoker.invoke(read, JSON);
        }
        assertEquals(List.of(), ticker.sleepsMillis(), "list calls are not paced by the search limiter");
        for (int i = 0; i < 5; i++) {
            invoker.invoke(SEARCH, JSON);
        }

        assertEquals(List.of(1000L, 1000L), ticker.sleepsMillis(), "two searches per second: the 3rd and 5th wait");
        assertEquals(9, sentAt.size());
    }

    @Test
    void byDefaultClientsOfOneTokenShareHubSpotsDocumentedSearchLimit() {
        ApiInvoker first = ApiInvoker.create(
                options("pat-na1-00000000-0000-4000-8000-shared-token").build());
        ApiInvoker second = ApiInvoker.create(
                options("pat-na1-00000000-0000-4000-8000-shared-token").build());
        ApiInvoker otherToken = ApiInvoker.create(
                options("pat-na1-00000000-0000-4000-8000-other-token").build());

        for (int i = 0; i < SearchRateLimiter.DEFAULT_PER_SECOND; i++) {
            first.invoke(SEARCH, JSON);
        }
        otherToken.invoke(SEARCH, JSON);
        assertEquals(List.of(), ticker.sleepsMillis(), "five a second per token; another token has its own five");
        second.invoke(SEARCH, JSON);

        assertEquals(List.of(1000L), ticker.sleepsMillis(), "the sixth search of the token waits, from any client");
        assertNull(first.options().searchRateLimiter());
    }

    /** Options whose transport answers every request 200 at once, noting when it was sent. */
    private ClientOptions.Builder options(String token) {
        HttpTransport transport = request -> {
            sentAt.add(ticker.nanoTime());
            return new HttpTransport.Response(200, headers(Map.of()), "{}".getBytes(StandardCharsets.UTF_8));
        };
        return ClientOptions.builder()
                .accessToken(token)
                .baseUrl("http://127.0.0.1:9")
                .transport(transport)
                .ticker(ticker)
                .rateLimiter(RateLimiter.unlimited())
                .retryPolicy(RetryPolicy.builder().jitter(0).build());
    }
}
