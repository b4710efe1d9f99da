package dev.crmgen.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main job at scale: {@code notes-bulk-update} with its journal, as its own process with a 256 MB heap, against a
 * {@code NotesSandbox} process with faults on (5% 5xx, 2% dropped connections, 2% lost responses, 2-20 ms latency)
 * and a rate limit high enough not to be the bottleneck. For each row count: wall time (sample generation included),
 * peak resident set, and from the job's GC log the largest heap in use before a collection (bounded by the heap
 * limit: garbage waits for the collector) and after one (what the job really retains). Prints a Markdown table, one
 * line per round.
 *
 * <p>{@code java -cp <benchmarks class path> dev.crmgen.benchmarks.harness.JobScaleBench 100000 1000000}
 */
public final class JobScaleBench {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String CLASS_PATH = System.getProperty("java.class.path");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern READY = Pattern.compile("at (http://\\S+) with .*token: (\\S+)");
    private static final long TIMEOUT_SECONDS = 3600;

    private JobScaleBench() {}

    /** Runs one round per row count given (default 100,000 and 1,000,000). */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("bench.target", "target"), "job-scale")
                .toAbsolutePath();
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"100000", "1000000"} : args) {
            sizes.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
        }
        System.out.println("| rows | wall (s) | rows/s | heap before GC, max (MB) | heap after GC, max (MB) "
                + "| peak RSS (MB) | exit | summary |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int rows : sizes) {
            System.out.println(round(target.resolve(Integer.toString(rows)), rows));
        }
    }

    private static String round(Path dir, int rows) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("updates.csv.journal.db"));
        Process sandbox = new ProcessBuilder(
                        JAVA,
                        "-Xmx2g",
                        "-cp",
                        CLASS_PATH,
                        "dev.crmgen.sandbox.LedgerSandbox",
                        Integer.toString(rows),
                        "0",
                        "--faults",
                        "42",
                        "--rate-limit",
                        "1000000")
                .redirectError(dir.resolve("sandbox.log").toFile())
                .start();
        try {
            String ready = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Matcher m = READY.matcher(ready == null ? "" : ready);
            if (!m.find()) {
                throw new IllegalStateException("the sandbox did not start: " + ready);
            }
            Path gcLog = dir.resolve("gc.log");
            List<String> command = List.of(
                    JAVA,
                    "-Xmx256m",
                    "-Xlog:gc:file=" + gcLog,
                    "-cp",
                    CLASS_PATH,
                    "dev.crmgen.examples.notes.NotesBulkUpdate",
                    "--base-url",
                    m.group(1),
                    "--generate-sample",
                    Integer.toString(rows),
                    "--csv",
                    dir.resolve("updates.csv").toString(),
                    "--failures-out",
                    dir.resolve("failures.csv").toString(),
                    "--progress",
                    "none",
                    "--rate-limit",
                    "1000000",
                    "--concurrency",
                    "4");
            ProcessMeter.Measured run = ProcessMeter.run(
                    command, dir, dir.resolve("job.log"), Map.of("HUBSPOT_ACCESS_TOKEN", m.group(2)), TIMEOUT_SECONDS);
            String log = Files.readString(run.log());
            long[] heap = heapMb(gcLog);
            return String.format(
                    Locale.ROOT,
                    "| %,d | %.1f | %,.0f | %d | %d | %.0f | %d | %s |",
                    rows,
                    run.wallMillis() / 1000.0,
                    rows * 1000.0 / run.wallMillis(),
                    heap[0],
                    heap[1],
                    run.peakRssMb(),
                    run.exitCode(),
                    summary(log));
        } finally {
            sandbox.destroyForcibly();
            sandbox.waitFor();
        }
    }

    /** The largest heap in use before and after any collection the job's GC log shows, in MB. */
    static long[] heapMb(Path gcLog) throws IOException {
        long[] peak = new long[2];
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            while (m.find()) {
                peak[0] = Math.max(peak[0], Long.parseLong(m.group(1)));
                peak[1] = Math.max(peak[1], Long.parseLong(m.group(2)));
            }
        }
        return peak;
    }

    /** The job's updated / failed / unconfirmed counts, or why there are none. */
    private static String summary(String log) {
        StringBuilder b = new StringBuilder();
        for (String label : List.of("updated", "failed", "unconfirmed", "retried")) {
            Matcher m = Pattern.compile("(?m)^  " + label + " +([0-9,]+)").matcher(log);
            if (m.find()) {
                b.append(b.length() == 0 ? "" : ", ").append(label).append(' ').append(m.group(1));
            }
        }
        if (b.length() == 0) {
            String[] lines = log.strip().split("\n");
            return "no summary: " + lines[lines.length - 1].replace("|", "/");
        }
        return b.toString();
    }
}
