package dev.crmgen.runtime.ratelimit;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Paces HubSpot's CRM search calls ({@code POST /crm/v3/objects/{type}/search}), which have their own limit per
 * token besides the general one: HubSpot documents five requests per second ({@link #DEFAULT_PER_SECOND}). The
 * invoker takes a slot here as well as from the general limiter for every search call.
 *
 * <p>A {@linkplain RateLimiter#rollingWindow rolling window} that hears only the status and {@code Retry-After} of
 * each search response: a request counts from its start until its response arrives, then from the response; a 429
 * with {@code Retry-After} holds every search until then, one without halves the rate and successes win it back. The
 * {@code X-HubSpot-RateLimit-*} headers describe the general window, not this one, so they are not passed on.
 */
public final class SearchRateLimiter implements RateLimiter {
    /** HubSpot's documented search limit: requests per second per token. */
    public static final int DEFAULT_PER_SECOND = 5;

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    private final RateLimiter window;
    private final String description;

    /**
     * At most {@code permits} search requests in any {@code window}, on {@code ticker}'s time.
     *
     * @throws IllegalArgumentException when {@code permits < 1} or the window is not positive
     */
    public SearchRateLimiter(int permits, Duration window, Ticker ticker) {
        this.window = RateLimiter.rollingWindow(permits, window, Objects.requireNonNull(ticker, "ticker"));
        this.description = "SearchRateLimiter[" + permits + " per " + window + "]";
    }

    /** {@code perSecond} search requests per second on the system clock. */
    public static SearchRateLimiter perSecond(int perSecond) {
        return new SearchRateLimiter(perSecond, Duration.ofSeconds(1), Ticker.system());
    }

    /** Whether a request is one of HubSpot's CRM searches, which this limiter paces: a POST to {@code …/search}. */
    public static boolean paces(String method, String pathTemplate) {
        return "POST".equals(method.toUpperCase(Locale.ROOT))
                && pathTemplate.startsWith("/crm/")
                && pathTemplate.endsWith("/search");
    }

    /**
     * One permit made of two: the caller waits for the later of them and reports its outcome to both. The invoker
     * combines the general limiter's permit with this limiter's for a search.
     */
    public static Permit both(Permit general, Permit search) {
        return new Permit() {
            @Override
            public long waitNanos() {
                return Math.max(general.waitNanos(), search.waitNanos());
            }

            @Override
            public void completed(int status, HttpHeaders headers) {
                general.completed(status, headers);
                search.completed(status, headers);
            }
        };
    }

    @Override
    public long reserve() {
        return acquire().waitNanos();
    }

    @Override
    public Permit acquire() {
        Permit slot = window.acquire();
        return new Permit() {
            @Override
            public long waitNanos() {
                return slot.waitNanos();
            }

            @Override
            public void completed(int status, HttpHeaders headers) {
                slot.completed(status, status > 0 ? retryAfterOnly(headers) : null);
            }
        };
    }

    private static HttpHeaders retryAfterOnly(HttpHeaders headers) {
        List<String> retryAfter = headers == null ? List.of() : headers.allValues("Retry-After");
        return retryAfter.isEmpty() ? NONE : HttpHeaders.of(Map.of("Retry-After", retryAfter), (name, value) -> true);
    }

    @Override
    public String toString() {
        return description;
    }
}
