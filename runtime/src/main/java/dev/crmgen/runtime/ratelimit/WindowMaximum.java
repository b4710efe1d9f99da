package dev.crmgen.runtime.ratelimit;

import java.util.ArrayDeque;

/**
 * The largest reading of the last window: a reading counts until a window after it was taken. Keeps only readings
 * that a later, larger one has not overtaken, so memory stays small and each reading is handled a bounded number of
 * times. Not thread-safe: its owner locks.
 */
final class WindowMaximum {
    /** A reading and when it was taken, in nanoseconds. */
    private record Reading(long at, int value) {}

    private final long windowNanos;
    /** Readings in the order taken, their values decreasing. */
    private final ArrayDeque<Reading> readings = new ArrayDeque<>();

    WindowMaximum(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    void record(long at, int value) {
        while (!readings.isEmpty() && readings.peekLast().value() <= value) {
            readings.pollLast();
        }
        readings.addLast(new Reading(at, value));
    }

    /** The largest reading taken less than a window before {@code now}; 0 when there is none. */
    int at(long now) {
        while (!readings.isEmpty() && now - readings.peekFirst().at() >= windowNanos) {
            readings.pollFirst();
        }
        return readings.isEmpty() ? 0 : readings.peekFirst().value();
    }
}
