package dev.crmgen.examples.notes;

import dev.crmgen.runtime.observe.CallListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the client tells its listener: every HTTP attempt, why attempts were retried, and how long the
 * client-side rate limiter held them. The runtime retries inside one batch call, so only the listener sees every
 * attempt.
 */
final class RetryTally implements CallListener {
    private final AtomicInteger attempts = new AtomicInteger();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder noResponse = new LongAdder();
    private final LongAdder otherRetries = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder waitedAttempts = new LongAdder();

    @Override
    public void onAttempt(AttemptEvent attempt) {
        attempts.incrementAndGet();
        if (!attempt.rateLimitWait().isZero()) {
            waitedAttempts.increment();
            waitNanos.add(attempt.rateLimitWait().toNanos());
        }
        if (attempt.retried()) {
            switch (attempt.retryReason()) {
                case RATE_LIMITED -> rateLimited.increment();
                case SERVER_ERROR -> serverErrors.increment();
                case TIMEOUT, IO_ERROR, NOT_SENT -> noResponse.increment();
                default -> otherRetries.increment();
            }
        }
    }

    /** HTTP requests sent, retries included. */
    int attempts() {
        return attempts.get();
    }

    /** Retries by what led to them: "429", "5xx", "no response" (connection closed, reset, timed out), "other". */
    Map<String, Long> retryReasons() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("429", rateLimited.sum());
        reasons.put("5xx", serverErrors.sum());
        reasons.put("no response", noResponse.sum());
        reasons.put("other", otherRetries.sum());
        return reasons;
    }

    /** Attempts the client-side rate limiter held before sending. */
    long waitedAttempts() {
        return waitedAttempts.sum();
    }

    /** Their waits together, in nanoseconds. */
    long waitNanos() {
        return waitNanos.sum();
    }
}
