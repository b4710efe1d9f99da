package dev.crmgen.it;

import dev.crmgen.runtime.ratelimit.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when the client waits: every backoff is recorded and returns at once. */
public final class VirtualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            sleeps.add(Duration.ofNanos(nanos));
            this.nanos.addAndGet(nanos);
        }
    }

    /** The waits the client asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
