package dev.crmgen.sandbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Another integration using the same token: {@code perWindow} requests per rolling window, evenly spaced, counted
 * in the token's window (and daily budget) like any request. Like a client with retries it keeps what it was refused
 * as a backlog and resends it at its next turn while the window has room, so it spends its share whoever else uses
 * the token; refused requests are not counted by the window, as HubSpot's 429s are not.
 */
final class CompetingTenant implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notes-sandbox-competing-tenant");
        t.setDaemon(true);
        return t;
    });
    /** Requests due and not yet accepted; touched only by the timer thread. */
    private long owed;

    CompetingTenant(
            RollingWindowLimiter limiter,
            DailyBudget daily,
            String token,
            int perWindow,
            long windowNanos,
            Counters counters) {
        long period = windowNanos / perWindow;
        timer.scheduleAtFixedRate(
                () -> {
                    owed++;
                    while (owed > 0) {
                        if (daily != null && daily.spent(token)
                                || !limiter.acquire(token).allowed()) {
                            counters.competingRefused.incrementAndGet();
                            return;
                        }
                        owed--;
                        counters.competingAccepted.incrementAndGet();
                        if (daily != null) {
                            daily.take(token);
                        }
                    }
                },
                period / 2,
                period,
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
