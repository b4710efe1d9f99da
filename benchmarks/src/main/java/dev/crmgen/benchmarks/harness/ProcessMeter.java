package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as its own process and measures wall time and peak resident memory. Peak memory is the largest
 * {@code VmHWM} (high-water RSS) seen in the process or any descendant, sampled every few milliseconds from /proc,
 * so it needs Linux; elsewhere it is reported as 0.
 */
final class ProcessMeter {

    record Measured(List<String> command, long wallMillis, long peakRssKb, int exitCode, Path log) {
        boolean ok() {
            return exitCode == 0;
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    private ProcessMeter() {}

    static Measured run(List<String> command, Path workDir, Path log, Map<String, String> env, long timeoutSeconds) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process process = pb.start();
            long peak = 0;
            while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, treeHighWater(process.toHandle()));
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    Files.writeString(
                            log,
                            "\n[harness] killed after " + timeoutSeconds + " s\n",
                            java.nio.file.StandardOpenOption.APPEND);
                    break;
                }
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new Measured(command, wall, peak, process.exitValue(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    static Measured run(List<String> command, Path workDir, Path log) {
        return run(command, workDir, log, Map.of(), 3600);
    }

    private static long treeHighWater(ProcessHandle root) {
        long peak = highWater(root.pid());
        for (ProcessHandle child : (Iterable<ProcessHandle>) root.descendants()::iterator) {
            peak = Math.max(peak, highWater(child.pid()));
        }
        return peak;
    }

    private static long highWater(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two samples, or this is not Linux: keep the last reading.
        }
        return 0;
    }
}
