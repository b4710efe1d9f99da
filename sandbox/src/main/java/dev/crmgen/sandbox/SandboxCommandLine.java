package dev.crmgen.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link NotesSandbox#main}: a sandbox in its own process, so that a benchmark's client shares neither a JVM nor a
 * clock with it. Talks in lines: {@code port N} once started; on a {@code stats} line from stdin, and once more when
 * stdin ends or the time limit passes, a line {@code stats key=value ...} with the counters and the ledger's check of
 * the seeded notes ({@code notesWritten}: seeded notes written at least once; {@code notesWrittenMoreThanOnce}).
 *
 * <p>{@code --warm-up-token=T --warm-up-notes=N} let a benchmark warm both JVMs before its clock starts without
 * touching what it measures: {@code T} is a second app's token, with a rate-limit window of its own, and the
 * {@code N} notes seeded after the others (ids following theirs) are left out of the ledger's check.
 */
final class SandboxCommandLine {
    private static final List<String> OPTIONS = List.of(
            "port",
            "seed",
            "rate-limit",
            "window-ms",
            "faults",
            "fault-seed",
            "competing",
            "daily-limit",
            "time-limit",
            "warm-up-token",
            "warm-up-notes");

    private SandboxCommandLine() {}

    static void run(String[] args, InputStream in, PrintStream out) throws IOException {
        Map<String, String> options = parse(args);
        NotesSandbox.Builder builder = NotesSandbox.builder()
                .port(Integer.parseInt(options.getOrDefault("port", "0")))
                .seed(Integer.parseInt(options.getOrDefault("seed", "1000")))
                .rateLimit(
                        Integer.parseInt(options.getOrDefault("rate-limit", "190")),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("window-ms", "10000"))))
                .competingShare(Double.parseDouble(options.getOrDefault("competing", "0")))
                .dailyLimit(Long.parseLong(options.getOrDefault("daily-limit", "0")));
        String warmUpToken = options.get("warm-up-token");
        if (warmUpToken != null) {
            builder.accessToken(NotesSandbox.DEFAULT_ACCESS_TOKEN).accessToken(warmUpToken);
        }
        double faultShare = Double.parseDouble(options.getOrDefault("faults", "0"));
        if (faultShare > 0) {
            builder.faults(Faults.mixed(faultShare, Long.parseLong(options.getOrDefault("fault-seed", "1"))));
        }
        long timeLimitSeconds = Long.parseLong(options.getOrDefault("time-limit", "0"));
        long started = System.nanoTime();
        try (NotesSandbox sandbox = builder.start()) {
            sandbox.seed(Integer.parseInt(options.getOrDefault("warm-up-notes", "0")));
            out.println("port " + sandbox.port());
            out.flush();
            CountDownLatch inputEnded = new CountDownLatch(1);
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader lines =
                                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                                if (line.strip().equals("stats")) {
                                    print(out, sandbox, started);
                                }
                            }
                        } catch (IOException e) {
                            // A broken stdin ends the run like EOF.
                        } finally {
                            inputEnded.countDown();
                        }
                    },
                    "notes-sandbox-stdin");
            reader.setDaemon(true);
            reader.start();
            try {
                if (timeLimitSeconds > 0) {
                    inputEnded.await(timeLimitSeconds, TimeUnit.SECONDS);
                } else {
                    inputEnded.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            print(out, sandbox, started);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One {@code stats} line: what the benchmarks read back. */
    static String statsLine(NotesSandbox sandbox, long elapsedNanos) {
        SandboxStats stats = sandbox.stats();
        int written = 0;
        int writtenMoreThanOnce = 0;
        for (String id : sandbox.seededIds()) {
            int writes = sandbox.ledger().writes(id).size();
            written += writes > 0 ? 1 : 0;
            writtenMoreThanOnce += writes > 1 ? 1 : 0;
        }
        return String.format(
                Locale.ROOT,
                "stats elapsedMs=%d requests=%d rateLimited=%d dailyLimited=%d"
                        + " rateLimitsInjected=%d faultsInjected=%d updatesApplied=%d seeded=%d notesWritten=%d"
                        + " notesWrittenMoreThanOnce=%d competingAccepted=%d competingRefused=%d",
                elapsedNanos / 1_000_000,
                stats.requests(),
                stats.rateLimited(),
                sandbox.dailyLimited(),
                stats.rateLimitsInjected(),
                stats.faultsInjected(),
                stats.updatesApplied(),
                sandbox.seededIds().size(),
                written,
                writtenMoreThanOnce,
                sandbox.competingAccepted(),
                sandbox.competingRefused());
    }

    private static synchronized void print(PrintStream out, NotesSandbox sandbox, long started) {
        out.println(statsLine(sandbox, System.nanoTime() - started));
        out.flush();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + "; options: --" + String.join("=…, --", OPTIONS) + "=…");
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }
}
