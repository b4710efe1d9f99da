package dev.crmgen.sandbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Another integration using the same token: {@code perWindow} requests per rolling window, evenly spaced, counted
 * in the token's window (and daily budget) like any request. It keeps its pace whatever it is answered, as a
 * careless neighbour does; refused requests are not counted by the window, as HubSpot's 429s are not.
 */
final class CompetingTenant implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notes-sandbox-competing-tenant");
        t.setDaemon(true);
        return t;
    });

    CompetingTenant(RollingWindowLimiter limiter, DailyBudget daily, String token, int perWindow, long windowNanos,
                    Counters counters) {
        long period = windowNanos / perWindow;
        timer.scheduleAtFixedRate(() -> {
            if (daily != null && daily.spent(token)) {
                counters.competingRefused.incrementAndGet();
            } else if (limiter.acquire(token).allowed()) {
                counters.competingAccepted.incrementAndGet();
                if (daily != null) {
                    daily.take(token);
                }
            } else {
                counters.competingRefused.incrementAndGet();
            }
        }, period / 2, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
