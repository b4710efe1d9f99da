package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generation, whole process against whole process: crmgen's generator library in a fresh JVM vs OpenAPI Generator's
 * CLI, then javac over each side's output. Also the warm in-process cost of each generator, so JVM start-up and
 * class loading can be told apart from the work itself.
 */
final class GenerationBench extends Bench {

    static final String SECTION = "Generation";
    /** Runs per side for single-spec timings; the median is reported. */
    private static final int RUNS = 3;

    private static final Pattern WARM = Pattern.compile("WARM-MS ([0-9.]+)");
    private static final Pattern BATCH_START = Pattern.compile("\\[([^\\]]+)\\] Generating java \\(outputs to (.+)\\)");
    private static final Pattern BATCH_FAIL = Pattern.compile("\\[([^\\]]+)\\] Generation failed for [^:]*: (.*)");

    private long fragmentOpenApiGenerate;
    private long fragmentOpenApiCompile;

    GenerationBench(BenchConfig config, Log log) {
        super(config, log);
    }

    List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        attempt(figures, "the notes fragment", () -> specSet("fragment", "notes fragment", List.of(config.fragment)));
        attempt(figures, "the annotation processor", this::processor);
        if (Files.isRegularFile(config.notesV3())) {
            attempt(figures, "notes-v3.json", () -> specSet("notesV3", "notes-v3.json", List.of(config.notesV3())));
        } else {
            log.info("notes-v3.json not found under " + config.shared + "; skipping that row");
        }
        if (config.corpus) {
            List<Path> corpus = config.corpusSpecs();
            if (corpus.isEmpty()) {
                log.info("no HubSpot corpus under " + config.shared + "; skipping the corpus rows");
            } else {
                attempt(
                        figures,
                        "the corpus",
                        () -> specSet("corpus", "HubSpot corpus (" + corpus.size() + " specs)", corpus));
            }
        }
        return figures;
    }

    /** One failing measurement is reported under the table; the others still run. */
    private void attempt(List<Figure> figures, String what, Supplier<List<Figure>> measurement) {
        try {
            figures.addAll(measurement.get());
        } catch (RuntimeException e) {
            log.info("generation: " + what + " failed: " + e);
            detail("**Not measured in this run: " + what + "** — `" + e.getMessage() + "`");
        }
    }

    private List<Figure> specSet(String id, String name, List<Path> specs) {
        Path base = SourceTrees.fresh(config.work.resolve("generation").resolve(id));
        boolean single = specs.size() == 1;
        // Single specs take seconds, so each side runs RUNS times, alternating, and the median counts.
        int runs = single ? RUNS : 1;
        List<String> crmgenCmd = new ArrayList<>(List.of(
                config.java(),
                "-cp",
                config.classPath(),
                GenerateMain.class.getName(),
                "crmgen",
                base.resolve("crmgen").toString(),
                "0"));
        specs.forEach(s -> crmgenCmd.add(s.toString()));
        List<String> ogCmd;
        if (single) {
            Path spec = specs.get(0);
            ogCmd = OpenApiGeneratorCli.generate(
                    config.java(),
                    config.openApiGeneratorCli(),
                    spec,
                    base.resolve("openapi").resolve(GenerateMain.stem(spec)));
        } else {
            ogCmd = new ArrayList<>(
                    List.of(config.java(), "-jar", config.openApiGeneratorCli().toString(), "batch"));
            Path configs = SourceTrees.fresh(base.resolve("openapi-configs"));
            for (Path spec : specs) {
                Path file = configs.resolve(GenerateMain.stem(spec) + ".json");
                write(
                        file,
                        OpenApiGeneratorCli.batchConfig(
                                spec, base.resolve("openapi").resolve(GenerateMain.stem(spec))));
                ogCmd.add(file.toString());
            }
        }
        List<ProcessMeter.Measured> crmgenRuns = new ArrayList<>();
        List<ProcessMeter.Measured> ogRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            log.info("generation: " + name + ": crmgen, then OpenAPI Generator (" + (i + 1) + "/" + runs + ")");
            SourceTrees.delete(base.resolve("crmgen"));
            crmgenRuns.add(ProcessMeter.run(crmgenCmd, base, base.resolve("crmgen-" + i + ".log")));
            SourceTrees.delete(base.resolve("openapi"));
            ogRuns.add(ProcessMeter.run(ogCmd, base, base.resolve("openapi-" + i + ".log")));
        }
        ProcessMeter.Measured crmgen = median(crmgenRuns);
        ProcessMeter.Measured og = median(ogRuns);
        // Generation is deterministic, so the last run's output and log stand for all of them.
        Set<String> crmgenFailed = failures(crmgenRuns.get(runs - 1).output(), "GEN-FAIL ");
        ProcessMeter.Measured lastOg = ogRuns.get(runs - 1);
        Set<String> ogFailed = single
                ? (lastOg.ok() ? Set.of() : Set.of(specs.get(0).getFileName().toString()))
                : batchFailures(lastOg.output(), base.resolve("openapi"));

        // Lines and compilation only over specs both sides generated, so the comparison is like for like.
        List<Path> crmgenTrees = new ArrayList<>();
        List<Path> ogTrees = new ArrayList<>();
        for (Path spec : specs) {
            String file = spec.getFileName().toString();
            if (!crmgenFailed.contains(file) && !ogFailed.contains(file)) {
                crmgenTrees.add(base.resolve("crmgen").resolve(GenerateMain.stem(spec)));
                ogTrees.add(
                        base.resolve("openapi").resolve(GenerateMain.stem(spec)).resolve("src/main/java"));
            }
        }
        long crmgenLines =
                crmgenTrees.stream().mapToLong(SourceTrees::javaLines).sum();
        long ogLines = ogTrees.stream().mapToLong(SourceTrees::javaLines).sum();
        long crmgenFiles =
                crmgenTrees.stream().mapToLong(SourceTrees::javaFiles).sum();
        long ogFiles = ogTrees.stream().mapToLong(SourceTrees::javaFiles).sum();

        log.info("generation: " + name + ": compiling both outputs");
        List<ProcessMeter.Measured> crmgenCompiles = new ArrayList<>();
        List<ProcessMeter.Measured> ogCompiles = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            crmgenCompiles.add(compile(base, "crmgen", crmgenTrees, Classpaths.crmgenRuntime(config), i));
            ogCompiles.add(compile(base, "openapi", ogTrees, Classpaths.openApiGeneratorRuntime(config), i));
        }
        ProcessMeter.Measured crmgenCompile = median(crmgenCompiles);
        ProcessMeter.Measured ogCompile = median(ogCompiles);
        if (id.equals("fragment")) {
            fragmentOpenApiGenerate = og.wallMillis();
            fragmentOpenApiCompile = ogCompile.wallMillis();
        }
        String crmgenCompiled = summary(crmgenCompile.output(), "COMPILE-SUMMARY ");
        String ogCompiled = summary(ogCompile.output(), "COMPILE-SUMMARY ");
        Set<String> crmgenNotCompiled = failures(crmgenCompile.output(), "COMPILE-FAIL ");
        Set<String> ogNotCompiled = failures(ogCompile.output(), "COMPILE-FAIL ");

        String generated = String.format(
                Locale.ROOT,
                "generated: crmgen %d/%d, OpenAPI Generator %d/%d",
                specs.size() - crmgenFailed.size(),
                specs.size(),
                specs.size() - ogFailed.size(),
                specs.size());
        String compiled =
                "compiled (specs both generated): crmgen " + crmgenCompiled + ", OpenAPI Generator " + ogCompiled;
        detail("**" + name + "** — " + generated + "; " + compiled + ".");
        if (!single) {
            detail("  - Both generators run with their defaults: crmgen without `lenientRefs` (which turns a dangling"
                    + " `$ref` into a JSON value with a warning), OpenAPI Generator without `--skip-validate-spec`.");
        }
        if (!crmgenFailed.isEmpty()) {
            detail("  - crmgen failed on: " + String.join(", ", crmgenFailed));
        }
        if (!ogFailed.isEmpty()) {
            detail("  - OpenAPI Generator failed on: " + String.join(", ", ogFailed));
        }
        if (!crmgenNotCompiled.isEmpty()) {
            detail("  - crmgen's output did not compile for: " + specNames(crmgenNotCompiled));
        }
        if (!ogNotCompiled.isEmpty()) {
            detail("  - OpenAPI Generator's output did not compile for: " + specNames(ogNotCompiled));
        }
        detail("  - exit codes: crmgen " + crmgen.exitCode() + ", OpenAPI Generator " + og.exitCode()
                + "; logs in `benchmarks/target/bench-work/generation/" + id + "/`");

        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                        "gen." + id + ".wall",
                        SECTION,
                        "Generate " + name + ": wall time, fresh JVM",
                        "crmgen library (java -cp … GenerateMain)",
                        crmgen.wallMillis(),
                        single ? "OpenAPI Generator CLI `generate`" : "OpenAPI Generator CLI `batch`",
                        og.wallMillis(),
                        "ms",
                        true,
                        (single ? "median of " + RUNS + "; " : "one run; ") + generated)
                .targetAdvantage(10, "≥ 10× faster"));
        figures.add(Figure.of(
                "gen." + id + ".rss",
                SECTION,
                "Generate " + name + ": peak RSS",
                "crmgen library",
                crmgen.peakRssMb(),
                "OpenAPI Generator CLI",
                og.peakRssMb(),
                "MB",
                true,
                ""));
        if (single) {
            double[] warm = warm(base, specs.get(0));
            figures.add(Figure.of(
                    "gen." + id + ".warm",
                    SECTION,
                    "Generate " + name + ": in-process, warm (median)",
                    "CrmGenerator.generate + write",
                    warm[0],
                    "DefaultGenerator.generate (CLI jar)",
                    warm[1],
                    "ms",
                    true,
                    "10 runs in one JVM each, median of the last 5"));
        }
        figures.add(Figure.of(
                        "gen." + id + ".lines",
                        SECTION,
                        "Generate " + name + ": main-code lines",
                        "crmgen",
                        crmgenLines,
                        "OpenAPI Generator src/main/java",
                        ogLines,
                        "lines",
                        true,
                        "non-blank lines; " + crmgenFiles + " vs " + ogFiles + " files")
                .targetAdvantage(3, "≤ 1/3 the lines"));
        figures.add(Figure.of(
                        "gen." + id + ".compile",
                        SECTION,
                        "Compile what " + name + " generated (javac, fresh JVM)",
                        "crmgen output",
                        crmgenCompile.wallMillis(),
                        "OpenAPI Generator output",
                        ogCompile.wallMillis(),
                        "ms",
                        true,
                        (single ? "median of " + RUNS + "; " : "one run; ") + compiled)
                .targetAdvantage(2, "≥ 2× faster"));
        if (!single) {
            figures.add(Figure.of(
                    "gen." + id + ".ok",
                    SECTION,
                    "Specs of the " + name + " generated",
                    "crmgen",
                    specs.size() - crmgenFailed.size(),
                    "OpenAPI Generator",
                    specs.size() - ogFailed.size(),
                    "specs",
                    false,
                    "of " + specs.size()));
            figures.add(Figure.of(
                    "gen." + id + ".compiled",
                    SECTION,
                    "Specs of the " + name + " that generate and compile",
                    "crmgen",
                    specs.size() - crmgenFailed.size() - crmgenNotCompiled.size(),
                    "OpenAPI Generator",
                    specs.size() - ogFailed.size() - ogNotCompiled.size(),
                    "specs",
                    false,
                    "of " + specs.size()));
        }
        return figures;
    }

    /**
     * The annotation processor inside javac, compiling a small consumer of the fragment's client: one javac process
     * that generates and compiles, against OpenAPI Generator's CLI plus javac on its output (both measured above in
     * this run). Then the time the processor adds to that javac run: the same consumer compiled with the
     * pre-generated sources and no processor, subtracted from the run with it, against OpenAPI Generator's generate
     * step alone.
     */
    private List<Figure> processor() {
        Path base = SourceTrees.fresh(config.work.resolve("generation/processor"));
        Path packageInfo = base.resolve("src/bench/client/package-info.java");
        write(
                packageInfo,
                "@dev.crmgen.runtime.GenerateClient(spec = \"notes-batch-update.yaml\", packageName = \"bench.notes\","
                        + " clientName = \"NotesClient\")\n"
                        + "package bench.client;\n");
        Path consumer = base.resolve("src/bench/client/NotesUser.java");
        write(consumer, """
                package bench.client;

                /** A small consumer: it names the generated client and one of its records. */
                final class NotesUser {
                    private final bench.notes.NotesClient client;

                    NotesUser(bench.notes.NotesClient client) {
                        this.client = client;
                    }

                    bench.notes.NotesClient client() {
                        return client;
                    }

                    static String describe(bench.notes.SimplePublicObjectBatchInput input) {
                        return input.toString();
                    }
                }
                """);
        List<Path> processorPath = new ArrayList<>(Classpaths.processorPath(config));
        processorPath.add(Classpaths.crmgenJar(config, "crmgen-spec"));
        Path generatedDir = base.resolve("generated");
        List<String> withProcessor = List.of(
                "-processorpath",
                BenchConfig.join(processorPath),
                "-processor",
                "dev.crmgen.processor.CrmgenProcessor",
                "-s",
                generatedDir.toString());
        log.info("generation: javac on a small consumer, with the annotation processor and with its output"
                + " pre-generated, 1 warm-up + " + RUNS + " rounds, alternating");
        List<ProcessMeter.Measured> with = new ArrayList<>();
        List<ProcessMeter.Measured> without = new ArrayList<>();
        // The peer's generate step runs in the same rounds, so that load on the machine falls on both sides alike.
        List<ProcessMeter.Measured> ogGenerate = new ArrayList<>();
        List<String> ogCommand = OpenApiGeneratorCli.generate(
                config.java(), config.openApiGeneratorCli(), config.fragment, base.resolve("openapi"));
        long generated = 0;
        for (int round = 0; round <= RUNS; round++) {
            SourceTrees.fresh(generatedDir);
            ProcessMeter.Measured w = javac(base, "with-" + round, withProcessor, List.of(packageInfo, consumer));
            generated = SourceTrees.javaFiles(generatedDir);
            if (!w.ok() || generated == 0) {
                throw new IllegalStateException("javac with the processor failed (exit " + w.exitCode() + ", "
                        + generated + " files generated), see " + w.log());
            }
            List<Path> sources = new ArrayList<>(List.of(packageInfo, consumer));
            sources.addAll(javaFiles(generatedDir));
            ProcessMeter.Measured wo = javac(base, "without-" + round, List.of("-proc:none"), sources);
            if (!wo.ok()) {
                throw new IllegalStateException("javac on the pre-generated sources failed, see " + wo.log());
            }
            SourceTrees.delete(base.resolve("openapi"));
            ProcessMeter.Measured og = ProcessMeter.run(ogCommand, base, base.resolve("openapi-" + round + ".log"));
            if (!og.ok()) {
                throw new IllegalStateException("OpenAPI Generator's generate failed, see " + og.log());
            }
            if (round > 0) {
                with.add(w);
                without.add(wo);
                ogGenerate.add(og);
            }
        }
        ProcessMeter.Measured javac = median(with);
        ProcessMeter.Measured plain = median(without);
        long ogGenerateMillis = median(ogGenerate).wallMillis();
        long added = javac.wallMillis() - plain.wallMillis();
        detail("Processor: javac compiles `bench.client` (package-info with `@GenerateClient` on the fragment and a"
                + " class that uses the client) with crmgen-processor on the processor path; then the same sources"
                + " plus the generated ones with `-proc:none`. Wall times per round (warm-up excluded): with the"
                + " processor " + walls(with) + " ms, pre-generated without it " + walls(without)
                + " ms; OpenAPI Generator CLI `generate` on the fragment in the same rounds " + walls(ogGenerate)
                + " ms.");
        long peer = fragmentOpenApiGenerate + fragmentOpenApiCompile;
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                        "gen.processor",
                        SECTION,
                        "Notes fragment: generate and compile",
                        "javac + crmgen processor, one process",
                        javac.wallMillis(),
                        "OpenAPI Generator CLI, then javac",
                        peer,
                        "ms",
                        true,
                        "median of " + RUNS + "; peak RSS " + Math.round(javac.peakRssMb()) + " MB; " + generated
                                + " files generated; peer = " + fragmentOpenApiGenerate + " + " + fragmentOpenApiCompile
                                + " ms (medians)")
                .targetAdvantage(10, "≥ 10× faster"));
        if (added <= 0) {
            // Noise larger than the processor's cost: say so rather than report a made-up figure.
            detail("**Processor: time it adds to javac not measurable in this run**: the median with the processor"
                    + " (" + javac.wallMillis() + " ms) was not above the median without it (" + plain.wallMillis()
                    + " ms).");
            return figures;
        }
        figures.add(Figure.of(
                        "gen.processor.added",
                        SECTION,
                        "Processor: time it adds to javac (notes fragment)",
                        "javac with crmgen processor − javac of pre-generated sources",
                        added,
                        "OpenAPI Generator CLI `generate`",
                        ogGenerateMillis,
                        "ms",
                        true,
                        "medians of " + RUNS + " rounds that ran all three: " + javac.wallMillis() + " − "
                                + plain.wallMillis() + " ms")
                .targetAdvantage(5, "≥ 5× less"));
        return figures;
    }

    private ProcessMeter.Measured javac(Path base, String name, List<String> options, List<Path> sources) {
        List<String> cmd = new ArrayList<>(List.of(
                config.javac(),
                "--release",
                "17",
                "-nowarn",
                "-encoding",
                "UTF-8",
                "-cp",
                Classpaths.crmgenRuntime(config),
                "-d",
                SourceTrees.fresh(base.resolve("classes")).toString()));
        cmd.addAll(options);
        sources.forEach(s -> cmd.add(s.toString()));
        return ProcessMeter.run(cmd, base, base.resolve("javac-" + name + ".log"));
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> walls(List<ProcessMeter.Measured> runs) {
        return runs.stream().map(ProcessMeter.Measured::wallMillis).toList();
    }

    /** Median warm in-process time for crmgen and OpenAPI Generator, each in its own JVM. */
    private double[] warm(Path base, Path spec) {
        log.info("generation: warm in-process runs for " + spec.getFileName());
        ProcessMeter.Measured crmgen = ProcessMeter.run(
                List.of(
                        config.java(),
                        "-cp",
                        config.classPath(),
                        GenerateMain.class.getName(),
                        "crmgen",
                        base.resolve("warm-crmgen").toString(),
                        "10",
                        spec.toString()),
                base,
                base.resolve("warm-crmgen.log"));
        String ogClassPath = BenchConfig.join(List.of(config.classes(), config.openApiGeneratorCli()));
        ProcessMeter.Measured og = ProcessMeter.run(
                List.of(
                        config.java(),
                        "-cp",
                        ogClassPath,
                        GenerateMain.class.getName(),
                        "openapi",
                        base.resolve("warm-openapi").toString(),
                        "10",
                        spec.toString()),
                base,
                base.resolve("warm-openapi.log"));
        return new double[] {warmMillis(crmgen), warmMillis(og)};
    }

    private static double warmMillis(ProcessMeter.Measured run) {
        Matcher m = WARM.matcher(run.output());
        if (!m.find()) {
            throw new IllegalStateException("no warm timing in " + run.log() + " (exit " + run.exitCode() + ")");
        }
        return Double.parseDouble(m.group(1));
    }

    private ProcessMeter.Measured compile(Path base, String side, List<Path> trees, String classpath, int run) {
        List<String> cmd = new ArrayList<>(List.of(
                config.java(),
                "-cp",
                config.classPath(),
                CompileMain.class.getName(),
                classpath,
                SourceTrees.fresh(base.resolve(side + "-classes")).toString()));
        trees.forEach(t -> cmd.add(t.toString()));
        return ProcessMeter.run(cmd, base, base.resolve(side + "-compile-" + run + ".log"));
    }

    /** The run with the median wall time (for an even count, the upper middle). */
    static ProcessMeter.Measured median(List<ProcessMeter.Measured> runs) {
        List<ProcessMeter.Measured> sorted = runs.stream()
                .sorted((a, b) -> Long.compare(a.wallMillis(), b.wallMillis()))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Set<String> failures(String output, String prefix) {
        Set<String> failed = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                failed.add(line.substring(prefix.length()).split(" ")[0]);
            }
        }
        return failed;
    }

    /** Spec file names whose batch job failed, matched through the worker thread that ran them. */
    private static Set<String> batchFailures(String output, Path outRoot) {
        Map<String, String> running = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            Matcher start = BATCH_START.matcher(line);
            if (start.find()) {
                running.put(
                        start.group(1),
                        Path.of(start.group(2).replace("…", "").trim())
                                .getFileName()
                                .toString());
                continue;
            }
            Matcher fail = BATCH_FAIL.matcher(line);
            if (fail.find()) {
                failed.add(running.getOrDefault(fail.group(1), "?") + ".json");
            }
        }
        return failed;
    }

    /** Spec names from the source-tree paths CompileMain prints ({@code …/<spec>/src/main/java} or {@code …/<spec>}). */
    private static String specNames(Set<String> trees) {
        return String.join(
                ", ",
                trees.stream()
                        .map(t -> {
                            Path p = Path.of(t);
                            return (p.endsWith("src/main/java")
                                            ? p.getParent().getParent().getParent()
                                            : p)
                                    .getFileName()
                                    .toString();
                        })
                        .toList());
    }

    private static String summary(String output, String prefix) {
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return "?";
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
