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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generation, whole process against whole process: crmgen's generator library in a fresh JVM vs OpenAPI Generator's
 * CLI, then javac over each side's output. Also the warm in-process cost of each generator, so JVM start-up and
 * class loading can be told apart from the work itself.
 */
final class GenerationBench extends Bench {

    static final String SECTION = "Generation";
    private static final Pattern WARM = Pattern.compile("WARM-MS ([0-9.]+)");
    private static final Pattern BATCH_START = Pattern.compile("\\[([^\\]]+)\\] Generating java \\(outputs to (.+)\\)");
    private static final Pattern BATCH_FAIL = Pattern.compile("\\[([^\\]]+)\\] Generation failed for java: (.*)");

    GenerationBench(BenchConfig config, Log log) {
        super(config, log);
    }

    List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(specSet("fragment", "notes fragment", List.of(config.fragment)));
        if (Files.isRegularFile(config.notesV3())) {
            figures.addAll(specSet("notesV3", "notes-v3.json", List.of(config.notesV3())));
        } else {
            log.info("notes-v3.json not found under " + config.shared + "; skipping that row");
        }
        if (config.corpus) {
            List<Path> corpus = config.corpusSpecs();
            if (corpus.isEmpty()) {
                log.info("no HubSpot corpus under " + config.shared + "; skipping the corpus rows");
            } else {
                figures.addAll(specSet("corpus", "HubSpot corpus (" + corpus.size() + " specs)", corpus));
            }
        }
        return figures;
    }

    private List<Figure> specSet(String id, String name, List<Path> specs) {
        Path base = SourceTrees.fresh(config.work.resolve("generation").resolve(id));
        boolean single = specs.size() == 1;
        log.info("generation: " + name + ": crmgen");
        List<String> crmgenCmd = new ArrayList<>(List.of(config.java(), "-cp", config.classPath(),
                GenerateMain.class.getName(), "crmgen", base.resolve("crmgen").toString(), "0"));
        specs.forEach(s -> crmgenCmd.add(s.toString()));
        ProcessMeter.Measured crmgen = ProcessMeter.run(crmgenCmd, base, base.resolve("crmgen.log"));
        Set<String> crmgenFailed = failures(crmgen.output(), "GEN-FAIL ");

        log.info("generation: " + name + ": OpenAPI Generator");
        Path cli = config.openApiGeneratorCli();
        ProcessMeter.Measured og;
        Set<String> ogFailed;
        if (single) {
            Path spec = specs.get(0);
            og = ProcessMeter.run(OpenApiGeneratorCli.generate(config.java(), cli, spec,
                    base.resolve("openapi").resolve(GenerateMain.stem(spec))), base, base.resolve("openapi.log"));
            ogFailed = og.ok() ? Set.of() : Set.of(spec.getFileName().toString());
        } else {
            List<String> cmd = new ArrayList<>(List.of(config.java(), "-jar", cli.toString(), "batch"));
            Path configs = SourceTrees.fresh(base.resolve("openapi-configs"));
            for (Path spec : specs) {
                Path file = configs.resolve(GenerateMain.stem(spec) + ".json");
                write(file, OpenApiGeneratorCli.batchConfig(spec, base.resolve("openapi").resolve(GenerateMain.stem(spec))));
                cmd.add(file.toString());
            }
            og = ProcessMeter.run(cmd, base, base.resolve("openapi.log"));
            ogFailed = batchFailures(og.output(), base.resolve("openapi"));
        }

        // Lines and compilation only over specs both sides generated, so the comparison is like for like.
        List<Path> crmgenTrees = new ArrayList<>();
        List<Path> ogTrees = new ArrayList<>();
        for (Path spec : specs) {
            String file = spec.getFileName().toString();
            if (!crmgenFailed.contains(file) && !ogFailed.contains(file)) {
                crmgenTrees.add(base.resolve("crmgen").resolve(GenerateMain.stem(spec)));
                ogTrees.add(base.resolve("openapi").resolve(GenerateMain.stem(spec)).resolve("src/main/java"));
            }
        }
        long crmgenLines = crmgenTrees.stream().mapToLong(SourceTrees::javaLines).sum();
        long ogLines = ogTrees.stream().mapToLong(SourceTrees::javaLines).sum();
        long crmgenFiles = crmgenTrees.stream().mapToLong(SourceTrees::javaFiles).sum();
        long ogFiles = ogTrees.stream().mapToLong(SourceTrees::javaFiles).sum();

        log.info("generation: " + name + ": compiling both outputs");
        ProcessMeter.Measured crmgenCompile = compile(base, "crmgen", crmgenTrees, Classpaths.crmgenRuntime(config));
        ProcessMeter.Measured ogCompile = compile(base, "openapi", ogTrees, Classpaths.openApiGeneratorRuntime(config));
        String crmgenCompiled = summary(crmgenCompile.output(), "COMPILE-SUMMARY ");
        String ogCompiled = summary(ogCompile.output(), "COMPILE-SUMMARY ");

        String generated = String.format(Locale.ROOT, "generated: crmgen %d/%d, OpenAPI Generator %d/%d",
                specs.size() - crmgenFailed.size(), specs.size(), specs.size() - ogFailed.size(), specs.size());
        String compiled = "compiled (specs both generated): crmgen " + crmgenCompiled + ", OpenAPI Generator " + ogCompiled;
        detail("**" + name + "** — " + generated + "; " + compiled + ".");
        if (!crmgenFailed.isEmpty()) {
            detail("  - crmgen failed on: " + String.join(", ", crmgenFailed));
        }
        if (!ogFailed.isEmpty()) {
            detail("  - OpenAPI Generator failed on: " + String.join(", ", ogFailed));
        }
        detail("  - exit codes: crmgen " + crmgen.exitCode() + ", OpenAPI Generator " + og.exitCode()
                + "; logs in `benchmarks/target/bench-work/generation/" + id + "/`");

        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("gen." + id + ".wall", SECTION, "Generate " + name + ": wall time, fresh JVM",
                        "crmgen library (java -cp … GenerateMain)", crmgen.wallMillis(),
                        single ? "OpenAPI Generator CLI `generate`" : "OpenAPI Generator CLI `batch`", og.wallMillis(),
                        "ms", true, generated)
                .targetAdvantage(10, "≥ 10× faster"));
        figures.add(Figure.of("gen." + id + ".rss", SECTION, "Generate " + name + ": peak RSS",
                "crmgen library", crmgen.peakRssMb(), "OpenAPI Generator CLI", og.peakRssMb(), "MB", true, ""));
        if (single) {
            double[] warm = warm(base, specs.get(0));
            figures.add(Figure.of("gen." + id + ".warm", SECTION, "Generate " + name + ": in-process, warm (median)",
                    "CrmGenerator.generate + write", warm[0], "DefaultGenerator.generate (CLI jar)", warm[1], "ms", true,
                    "10 runs in one JVM each, median of the last 5"));
        }
        figures.add(Figure.of("gen." + id + ".lines", SECTION, "Generate " + name + ": main-code lines",
                        "crmgen", crmgenLines, "OpenAPI Generator src/main/java", ogLines, "lines", true,
                        "non-blank lines; " + crmgenFiles + " vs " + ogFiles + " files")
                .targetAdvantage(3, "≤ 1/3 the lines"));
        figures.add(Figure.of("gen." + id + ".compile", SECTION, "Compile what " + name + " generated (javac, fresh JVM)",
                "crmgen output", crmgenCompile.wallMillis(), "OpenAPI Generator output", ogCompile.wallMillis(), "ms",
                true, compiled));
        if (!single) {
            figures.add(Figure.of("gen." + id + ".ok", SECTION, "Specs of the " + name + " generated",
                    "crmgen", specs.size() - crmgenFailed.size(), "OpenAPI Generator", specs.size() - ogFailed.size(),
                    "specs", false, "of " + specs.size()));
        }
        return figures;
    }

    /** Median warm in-process time for crmgen and OpenAPI Generator, each in its own JVM. */
    private double[] warm(Path base, Path spec) {
        log.info("generation: warm in-process runs for " + spec.getFileName());
        ProcessMeter.Measured crmgen = ProcessMeter.run(List.of(config.java(), "-cp", config.classPath(),
                GenerateMain.class.getName(), "crmgen", base.resolve("warm-crmgen").toString(), "10", spec.toString()),
                base, base.resolve("warm-crmgen.log"));
        String ogClassPath = BenchConfig.join(List.of(config.classes(), config.openApiGeneratorCli()));
        ProcessMeter.Measured og = ProcessMeter.run(List.of(config.java(), "-cp", ogClassPath,
                GenerateMain.class.getName(), "openapi", base.resolve("warm-openapi").toString(), "10", spec.toString()),
                base, base.resolve("warm-openapi.log"));
        return new double[] {warmMillis(crmgen), warmMillis(og)};
    }

    private static double warmMillis(ProcessMeter.Measured run) {
        Matcher m = WARM.matcher(run.output());
        if (!m.find()) {
            throw new IllegalStateException("no warm timing in " + run.log() + " (exit " + run.exitCode() + ")");
        }
        return Double.parseDouble(m.group(1));
    }

    private ProcessMeter.Measured compile(Path base, String side, List<Path> trees, String classpath) {
        List<String> cmd = new ArrayList<>(List.of(config.java(), "-cp", config.classPath(),
                CompileMain.class.getName(), classpath, SourceTrees.fresh(base.resolve(side + "-classes")).toString()));
        trees.forEach(t -> cmd.add(t.toString()));
        return ProcessMeter.run(cmd, base, base.resolve(side + "-compile.log"));
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
                running.put(start.group(1), Path.of(start.group(2).replace("…", "").trim()).getFileName().toString());
                continue;
            }
            Matcher fail = BATCH_FAIL.matcher(line);
            if (fail.find()) {
                failed.add(running.getOrDefault(fail.group(1), "?") + ".json");
            }
        }
        return failed;
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
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
