package dev.crmgen.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link SandboxStats}. */
final class Counters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong serverErrorsInjected = new AtomicLong();
    final AtomicLong connectionsAborted = new AtomicLong();
    final AtomicLong responsesLost = new AtomicLong();
    final AtomicLong bodiesStalled = new AtomicLong();
    final AtomicLong bodiesTrickled = new AtomicLong();
    final AtomicLong rateLimitsInjected = new AtomicLong();
    final AtomicLong partialFailures = new AtomicLong();
    final AtomicLong updatesApplied = new AtomicLong();
    final AtomicLong notesCreated = new AtomicLong();
    final AtomicLong notesArchived = new AtomicLong();
    final AtomicLong notesRead = new AtomicLong();
    /** Requests of the competing tenant the rolling window accepted, and those it refused. */
    final AtomicLong competingAccepted = new AtomicLong();

    final AtomicLong competingRefused = new AtomicLong();
    /** Requests answered 429 because the token's daily budget was spent (also counted in rateLimited). */
    final AtomicLong dailyLimited = new AtomicLong();

    SandboxStats snapshot() {
        return new SandboxStats(
                requests.get(),
                unauthorized.get(),
                rateLimited.get(),
                rejected.get(),
                serverErrorsInjected.get(),
                connectionsAborted.get(),
                responsesLost.get(),
                bodiesStalled.get(),
                bodiesTrickled.get(),
                rateLimitsInjected.get(),
                partialFailures.get(),
                updatesApplied.get(),
                notesCreated.get(),
                notesArchived.get(),
                notesRead.get());
    }
}
