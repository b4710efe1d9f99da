package dev.crmgen.ratelimit.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Send times (microseconds) from every member of a fleet, and the claims the fleet test makes about them. */
final class GrantLog {
    private final List<Long> sends = new ArrayList<>();

    synchronized void addAll(Collection<Long> more) {
        sends.addAll(more);
    }

    synchronized int size() {
        return sends.size();
    }

    /** The largest number of sends within any span shorter than {@code spanMicros}. */
    synchronized int busiestSpan(long spanMicros) {
        List<Long> sorted = new ArrayList<>(sends);
        sorted.sort(null);
        int busiest = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= spanMicros) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    /** Sends per second over the whole run, counting the last window as used. */
    synchronized double ratePerSecond(long windowMicros) {
        long first = sends.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = sends.stream().mapToLong(Long::longValue).max().orElseThrow();
        return sends.size() * 1_000_000.0 / (last - first + windowMicros);
    }
}
