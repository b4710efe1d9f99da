package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmgen.runtime.observe.CallListener.AttemptEvent;
import dev.crmgen.runtime.observe.CallListener.RetryReason;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTallyTest {
    private static AttemptEvent attempt(int status, String failure, Duration wait, RetryReason reason) {
        return new AttemptEvent(
                "post-/crm/v3/objects/notes/batch/update_update",
                "POST",
                "/crm/v3/objects/notes/batch/update",
                1,
                status,
                failure,
                Duration.ofMillis(30),
                wait,
                reason,
                reason == null ? Duration.ZERO : Duration.ofSeconds(1),
                null,
                512,
                status == 0 ? 0 : 128);
    }

    @Test
    void countsAttemptsRetriesByWhatLedToThemAndRateLimitWaits() {
        RetryTally tally = new RetryTally();
        tally.onAttempt(attempt(429, null, Duration.ZERO, RetryReason.RATE_LIMITED));
        tally.onAttempt(attempt(502, null, Duration.ofMillis(300), RetryReason.SERVER_ERROR));
        tally.onAttempt(attempt(0, "HttpTimeoutException", Duration.ZERO, RetryReason.TIMEOUT));
        tally.onAttempt(attempt(0, "IOException", Duration.ofMillis(200), RetryReason.IO_ERROR));
        tally.onAttempt(attempt(423, null, Duration.ZERO, RetryReason.LOCKED));
        tally.onAttempt(attempt(503, null, Duration.ZERO, null)); // the last attempt: nothing followed it
        tally.onAttempt(attempt(200, null, Duration.ofMillis(500), null));

        assertEquals(7, tally.attempts());
        assertEquals(Map.of("429", 1L, "5xx", 1L, "no response", 2L, "other", 1L), tally.retryReasons());
        assertEquals(3, tally.waitedAttempts());
        assertEquals(Duration.ofMillis(1000).toNanos(), tally.waitNanos());
    }
}
