package dev.crmgen.runtime;

import java.time.Instant;

/**
 * The runtime's source of time and its way of waiting. Replaceable so tests of backoff, deadlines and rate
 * limits run without real sleeps.
 */
public interface Ticker {
    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code nanos} nanoseconds (nothing when {@code nanos <= 0}). */
    void sleep(long nanos) throws InterruptedException;

    /** Wall-clock time, used to turn an HTTP-date {@code Retry-After} into a wait. */
    default Instant now() {
        return Instant.now();
    }

    /** Real time: {@link System#nanoTime()} and {@link Thread#sleep}. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}

enum SystemTicker implements Ticker {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }
}
