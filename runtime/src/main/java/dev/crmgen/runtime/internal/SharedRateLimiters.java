package dev.crmgen.runtime.internal;

import dev.crmgen.runtime.auth.AccessTokenProvider;
import dev.crmgen.runtime.auth.StaticToken;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.SearchRateLimiter;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One rate limiter per token (HubSpot counts requests per app token), so separate clients built with the same
 * token share a budget; likewise one {@link DailyLimitGate} per token. Tokens are keyed by a SHA-256 digest, never
 * by the token itself, and both are per {@link Ticker} (in production, the one system ticker) so that clients on
 * separate simulated clocks never block one another.
 */
public final class SharedRateLimiters {
    private static final Map<String, RateLimiter> BY_TOKEN_DIGEST = new HashMap<>();
    private static final Map<AccessTokenProvider, Map<Integer, RateLimiter>> BY_PROVIDER = new WeakHashMap<>();
    private static final Map<Ticker, Map<String, DailyLimitGate>> DAILY_BY_TICKER = new WeakHashMap<>();
    private static final Map<String, RateLimiter> SEARCH_BY_TOKEN_DIGEST = new HashMap<>();

    private SharedRateLimiters() {}

    public static synchronized RateLimiter forProvider(AccessTokenProvider provider, int perTenSeconds, Ticker ticker) {
        if (provider instanceof StaticToken st) {
            String key = digest(st.accessToken()) + "/" + perTenSeconds + "/" + System.identityHashCode(ticker);
            return BY_TOKEN_DIGEST.computeIfAbsent(key, k -> create(perTenSeconds, ticker));
        }
        return BY_PROVIDER
                .computeIfAbsent(provider, p -> new HashMap<>())
                .computeIfAbsent(perTenSeconds, n -> create(n, ticker));
    }

    public static synchronized DailyLimitGate dailyLimitGate(String token, Ticker ticker) {
        return DAILY_BY_TICKER
                .computeIfAbsent(ticker, t -> new HashMap<>())
                .computeIfAbsent(digest(token), k -> new DailyLimitGate());
    }

    /** The CRM search limiter of {@code token} (HubSpot's documented rate), shared by its clients on {@code ticker}. */
    public static synchronized RateLimiter searchLimiter(String token, Ticker ticker) {
        return SEARCH_BY_TOKEN_DIGEST.computeIfAbsent(
                digest(token) + "/" + System.identityHashCode(ticker),
                k -> new SearchRateLimiter(SearchRateLimiter.DEFAULT_PER_SECOND, Duration.ofSeconds(1), ticker));
    }

    private static RateLimiter create(int perTenSeconds, Ticker ticker) {
        return RateLimiter.rollingWindow(perTenSeconds, Duration.ofSeconds(10), ticker);
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
