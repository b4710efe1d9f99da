package dev.crmgen.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code NotesSandbox} in a JVM of its own, so that the client under test shares neither a heap, a JIT nor a clock
 * with the server. Speaks the sandbox's command-line protocol: {@code port N} when it is up, a {@code stats} line
 * on request and once more when its stdin ends.
 */
final class SandboxProcess implements AutoCloseable {
    private static final long ANSWER_SECONDS = 60;

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final int port;

    /** Starts {@code java dev.crmgen.sandbox.NotesSandbox options…} with its log in {@code log}. */
    SandboxProcess(BenchConfig config, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                config.java(),
                "-Xmx1g",
                "-cp",
                BenchConfig.join(List.of(config.jar("crmgen-sandbox"), config.jar("jackson-core"))),
                "dev.crmgen.sandbox.NotesSandbox"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = process.getOutputStream();
        String first = line();
        if (!first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the sandbox process did not start: " + first + " (log: " + log + ")");
        }
        port = Integer.parseInt(first.substring(5).strip());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The sandbox's counters and ledger check now, by name. */
    Map<String, Long> stats() throws IOException {
        in.write("stats\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        return parse(line());
    }

    /** Ends the process through its stdin and returns its final stats. */
    Map<String, Long> finish() throws IOException {
        in.close();
        Map<String, Long> stats = parse(line());
        try {
            if (!process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stats;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The next line of output, waiting at most a minute for it. */
    private String line() throws IOException {
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("the sandbox process ended");
            }
            return line;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("no answer from the sandbox process", e);
        }
    }

    private static Map<String, Long> parse(String line) throws IOException {
        if (!line.startsWith("stats ")) {
            throw new IOException("expected a stats line, got: " + line);
        }
        Map<String, Long> stats = new HashMap<>();
        for (String pair : line.substring(6).strip().split(" ")) {
            int eq = pair.indexOf('=');
            stats.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return stats;
    }
}
