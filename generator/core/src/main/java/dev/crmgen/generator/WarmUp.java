package dev.crmgen.generator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task once per class loader on a thread of its own, beside the caller's first generation, and is awaited
 * before that generation returns. In a build's cold JVM most of a generation is loading classes and running code the
 * JIT has not compiled yet; reading the spec keeps one core busy, so generating a small built-in spec on another core
 * meanwhile loads and warms the converters and writers before the caller's generation reaches them.
 *
 * <p>The task's outcome is never used: it cannot change what the caller's generation produces, and whatever fails
 * there fails again in the caller's generation, which reports it.
 */
final class WarmUp {
    /** Far beyond a warm-up's few hundred milliseconds; a generation never waits longer for it. */
    static final long AWAIT_SECONDS = 60;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Thread thread;

    private WarmUp(Runnable task) {
        thread = new Thread(() -> runQuietly(task), "crmgen-warm-up");
        // A daemon, so that even a warm-up outliving its deadline never keeps a JVM from exiting.
        thread.setDaemon(true);
    }

    /** Starts {@code task} unless a warm-up already started in this class loader; then returns null. */
    static WarmUp startOnce(Runnable task) {
        return STARTED.compareAndSet(false, true) ? start(task) : null;
    }

    /** Starts {@code task} now. */
    static WarmUp start(Runnable task) {
        WarmUp warmUp = new WarmUp(task);
        warmUp.thread.start();
        return warmUp;
    }

    /**
     * Waits until the task ended or {@link #AWAIT_SECONDS} passed, so that no thread of the generator outlives the call
     * that started it; keeps the caller's interrupt status.
     */
    void await() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (thread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the task's thread is still running. */
    boolean running() {
        return thread.isAlive();
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // Deliberately dropped: see the class comment; the caller's own generation reports any real failure.
        }
    }
}
