package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a user ships and how fast a fresh JVM gets its first request out: crmgen vs OpenAPI Generator native. */
final class FootprintBench extends Bench {

    static final String SECTION = "Footprint";
    private static final int RUNS = 7;

    FootprintBench(BenchConfig config, Log log) {
        super(config, log);
    }

    List<Figure> run() throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<Path> crmgenJars = Classpaths.crmgenRuntimeJars(config);
        List<Path> ogJars = Classpaths.openApiGeneratorRuntimeJars(config);
        figures.add(Figure.of(
                "footprint.jars",
                SECTION,
                "Run-time dependency jars",
                crmgenJars.size() + " jars",
                bytes(crmgenJars),
                ogJars.size() + " jars",
                bytes(ogJars),
                "bytes",
                true,
                "crmgen: " + names(crmgenJars) + "; OpenAPI Generator: " + names(ogJars)));

        Path fragment = config.work.resolve("generation/fragment");
        long crmgenClasses = classBytes(fragment.resolve("crmgen-classes"));
        long ogClasses = classBytes(fragment.resolve("openapi-classes"));
        // Only this run's compilation counts; an older run's output may be for other code.
        if (config.runs("generation") && crmgenClasses > 0 && ogClasses > 0) {
            figures.add(Figure.of(
                    "footprint.classes",
                    SECTION,
                    "Compiled generated code for the notes fragment",
                    "crmgen",
                    crmgenClasses,
                    "OpenAPI Generator",
                    ogClasses,
                    "bytes",
                    true,
                    ".class bytes"));
        }

        log.info("footprint: JVM start → first request, " + RUNS + " runs each, alternating");
        List<Long> crmgen = new ArrayList<>();
        List<Long> og = new ArrayList<>();
        List<Long> crmgenWall = new ArrayList<>();
        List<Long> ogWall = new ArrayList<>();
        String crmgenCp = BenchConfig.join(concat(config.classes(), crmgenJars));
        String ogCp = BenchConfig.join(concat(config.classes(), ogJars));
        try (FirstRequestServer server = new FirstRequestServer()) {
            for (int i = 0; i < RUNS; i++) {
                firstRequest(server, crmgenCp, FirstRequestCrmgen.class.getName(), "crmgen-" + i, crmgen, crmgenWall);
                firstRequest(server, ogCp, FirstRequestOpenApiGenerator.class.getName(), "openapi-" + i, og, ogWall);
            }
        }
        figures.add(Figure.of(
                "footprint.first",
                SECTION,
                "JVM start → first request at the server",
                "crmgen client",
                median(crmgen),
                "OpenAPI Generator native client",
                median(og),
                "ms",
                true,
                "median of " + RUNS + "; whole process (to exit): " + median(crmgenWall) + " vs " + median(ogWall)
                        + " ms"));
        detail("Start-up runs (ms to first request): crmgen " + crmgen + ", OpenAPI Generator " + og
                + ". Each client runs in a fresh `java -cp <this module's classes>:<its run-time jars>` and sends one"
                + " batch update of one note to a loopback endpoint; the time is taken from just before the process"
                + " starts to the request's arrival.");
        return figures;
    }

    private void firstRequest(
            FirstRequestServer server, String cp, String main, String name, List<Long> firsts, List<Long> walls) {
        server.reset();
        Path dir = config.work.resolve("footprint");
        long start = System.nanoTime();
        ProcessMeter.Measured run = ProcessMeter.run(
                List.of(config.java(), "-cp", cp, main, server.baseUrl(), FirstRequestServer.TOKEN),
                config.target,
                dir.resolve(name + ".log"));
        long arrival = server.firstArrival();
        if (!run.ok() || arrival == 0) {
            throw new IllegalStateException(main + " failed (exit " + run.exitCode() + "): " + run.output());
        }
        firsts.add((arrival - start) / 1_000_000);
        walls.add(run.wallMillis());
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long bytes(List<Path> jars) throws IOException {
        long total = 0;
        for (Path jar : jars) {
            total += Files.size(jar);
        }
        return total;
    }

    private static String names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }

    private static long classBytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
