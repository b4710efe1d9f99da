package dev.crmgen.examples.notes;

import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import dev.crmgen.sandbox.SandboxStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The HubSpot sandbox the job starts without {@code --base-url}: seeded notes, and a bad day unless told not to. */
final class EmbeddedSandbox {
    private static final Duration SANDBOX_WINDOW = Duration.ofSeconds(10);

    private EmbeddedSandbox() {}

    /**
     * Starts a sandbox with {@code notes} seeded notes (at least one) and {@code rateLimit} requests per token per
     * 10 s; with {@code faults}, 5% 5xx, 2% dropped connections, 2% lost responses and 2-20 ms latency from
     * {@code faultSeed}. Says so on {@code out}.
     */
    static NotesSandbox start(int notes, boolean faults, long faultSeed, int rateLimit, PrintStream out) {
        Faults chosen = faults
                ? Faults.builder()
                        .serverErrorRate(0.05)
                        .connectionAbortRate(0.02)
                        .lostResponseRate(0.02)
                        .latency(Duration.ofMillis(2), Duration.ofMillis(20))
                        .seed(faultSeed)
                        .build()
                : Faults.none();
        NotesSandbox sandbox = NotesSandbox.builder()
                .seed(Math.max(1, notes))
                .rateLimit(rateLimit, SANDBOX_WINDOW)
                .faults(chosen)
                .start();
        out.printf(
                Locale.ROOT,
                "Embedded HubSpot sandbox at %s with %,d notes (ids %d..%d), rate limit %d per 10 s, %s%n",
                sandbox.baseUrl(),
                sandbox.noteCount(),
                NotesSandbox.DEFAULT_FIRST_ID,
                NotesSandbox.DEFAULT_FIRST_ID + sandbox.noteCount() - 1,
                rateLimit,
                faults
                        ? String.format(
                                Locale.ROOT,
                                "faults on (5%% 5xx, 2%% dropped connections, 2%% lost responses, "
                                        + "2-20 ms latency; seed %d)",
                                faultSeed)
                        : "faults off");
        return sandbox;
    }

    /** The summary's line about what the sandbox served, applied and injected. */
    static void printStats(SandboxStats stats, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "  sandbox      %,9d  requests served, %,d updates applied; injected %,d 5xx, "
                        + "%,d dropped connections, %,d lost responses; %,d answered 429%n",
                stats.requests(),
                stats.updatesApplied(),
                stats.serverErrorsInjected(),
                stats.connectionsAborted(),
                stats.responsesLost(),
                stats.rateLimited());
    }
}
