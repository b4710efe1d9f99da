package dev.crmgen.runtime.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when someone sleeps: backoff tests run instantly and see exactly the waits requested. */
public final class FakeTicker implements Ticker {
    private final Instant epoch;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    public FakeTicker() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public FakeTicker(Instant epoch) {
        this.epoch = epoch;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(long n) {
        if (n > 0) {
            synchronized (sleeps) {
                sleeps.add(n);
            }
            nanos.addAndGet(n);
        }
    }

    @Override
    public Instant now() {
        return epoch.plusNanos(nanos.get() - 1_000_000_000L);
    }

    public void advance(long n) {
        nanos.addAndGet(n);
    }

    /** Every sleep so far, in milliseconds. */
    public List<Long> sleepsMillis() {
        synchronized (sleeps) {
            return sleeps.stream().map(n -> n / 1_000_000L).toList();
        }
    }

    public long totalSleptMillis() {
        return sleepsMillis().stream().mapToLong(Long::longValue).sum();
    }
}
