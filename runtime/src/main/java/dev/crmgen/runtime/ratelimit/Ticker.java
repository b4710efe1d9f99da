package dev.crmgen.runtime.ratelimit;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's source of time and its way of waiting. Replaceable so tests of backoff, deadlines and rate
 * limits run without real sleeps.
 */
public interface Ticker {
    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code nanos} nanoseconds (nothing when {@code nanos <= 0}). */
    void sleep(long nanos) throws InterruptedException;

    /**
     * Completes after {@code nanos} nanoseconds (at once when {@code nanos <= 0}), continuing on {@code executor};
     * asynchronous calls wait this way. The default sleeps on one of {@code executor}'s threads, which suits tickers
     * whose sleep returns at once; the system ticker holds no thread while it waits.
     */
    default CompletableFuture<Void> delay(long nanos, Executor executor) {
        if (nanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        sleep(nanos);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(e);
                    }
                },
                executor);
    }

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

    @Override
    public CompletableFuture<Void> delay(long nanos, Executor executor) {
        if (nanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor));
    }
}
