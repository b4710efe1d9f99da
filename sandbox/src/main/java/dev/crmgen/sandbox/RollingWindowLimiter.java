package dev.crmgen.sandbox;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HubSpot's TEN_SECONDLY_ROLLING policy: per access token, at most {@code max} accepted requests in any window of
 * {@code windowMillis}. Rejected requests are not counted, so a client that backs off recovers as soon as the
 * oldest accepted request leaves the window.
 */
final class RollingWindowLimiter {
    /** The outcome for one request; {@code remaining} is what {@code X-HubSpot-RateLimit-Remaining} reports. */
    record Decision(boolean allowed, int remaining, long millisUntilSlot) {}

    private final int max;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    RollingWindowLimiter(int max, long windowMillis, LongSupplier nanoTime) {
        this.max = max;
        this.windowNanos = windowMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    Decision acquire(String token) {
        ArrayDeque<Long> window = windows.computeIfAbsent(token, t -> new ArrayDeque<>());
        synchronized (window) {
            long now = nanoTime.getAsLong();
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            if (window.size() >= max) {
                long wait = windowNanos - (now - window.peekFirst());
                return new Decision(false, 0, Math.max(1, (wait + 999_999) / 1_000_000));
            }
            window.addLast(now);
            return new Decision(true, max - window.size(), 0);
        }
    }
}
