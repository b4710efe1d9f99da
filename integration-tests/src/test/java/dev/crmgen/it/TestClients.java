package dev.crmgen.it;

import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.time.Duration;

/** Client options for replaying recordings: the fake token, loopback, quick deterministic retries, virtual time. */
public final class TestClients {
    /** Three retries, 100 ms doubling, no jitter, so the expected waits are exact: 100, 200, 400 ms. */
    public static final RetryPolicy FAST_RETRIES = RetryPolicy.builder()
            .maxRetries(3)
            .initialBackoff(Duration.ofMillis(100))
            .multiplier(2.0)
            .jitter(0.0)
            .maxRetryAfter(Duration.ofSeconds(30))
            .deadline(Duration.ofMinutes(5))
            .build();

    private TestClients() {}

    /** Options pointing at the recording, waiting on {@code ticker} instead of the clock. */
    public static ClientOptions options(RecordedHubSpot hubSpot, VirtualTicker ticker) {
        return ClientOptions.builder()
                .accessToken(RecordedHubSpot.FAKE_TOKEN)
                .baseUrl(hubSpot.baseUrl())
                .retryPolicy(FAST_RETRIES)
                // HubSpot's rolling window is not under test here; the recordings decide every status.
                .rateLimiter(RateLimiter.unlimited())
                .ticker(ticker)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }
}
