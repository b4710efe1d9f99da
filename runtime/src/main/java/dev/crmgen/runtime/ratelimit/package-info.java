/**
 * Resilience: pacing and retrying. {@link dev.crmgen.runtime.ratelimit.RateLimiter} paces calls to HubSpot's
 * per-token limits (rolling window, adaptive to the server's rate-limit headers),
 * {@link dev.crmgen.runtime.ratelimit.RetryPolicy} decides which failures are retried and how long to back off,
 * {@link dev.crmgen.runtime.ratelimit.RetryAfter} reads the server's {@code Retry-After}, and every wait is measured
 * on a {@link dev.crmgen.runtime.ratelimit.Ticker} that tests can control.
 */
package dev.crmgen.runtime.ratelimit;
