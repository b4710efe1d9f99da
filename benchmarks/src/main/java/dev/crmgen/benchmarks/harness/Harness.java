package dev.crmgen.benchmarks.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point: runs the selected sections, then rewrites BENCHMARKS.md and its chart. A section that fails
 * is reported as such in BENCHMARKS.md instead of aborting the others.
 */
public final class Harness {

    private Harness() {}

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromArgs(args);
        Log log = new Log();
        Report report = new Report(config);
        log.info("harness: " + String.join(" ", args) + "; work in " + config.work);

        if (config.runs("generation")) {
            section(report, log, GenerationBench.SECTION, () -> {
                GenerationBench generation = new GenerationBench(config, log);
                report.add(generation.run());
                notes(report, GenerationBench.SECTION, generation);
                if (!config.corpus) {
                    report.notRun("The 106-spec HubSpot corpus (add `--corpus` or `--full`).");
                }
            });
        } else {
            report.notRun("Generation (not in `--only`).");
        }
        if (config.runs("json")) {
            section(report, log, JsonBench.SECTION, () -> {
                JsonBench json = new JsonBench(config, log);
                report.add(json.run());
                report.note(
                        JsonBench.SECTION,
                        "Settings: " + json.settings() + ". Raw JMH results: "
                                + "`benchmarks/target/jmh-result.json`.");
            });
        } else {
            report.notRun("JSON benchmarks (not in `--only`).");
        }
        if (config.runs("plugin")) {
            section(report, log, PluginBench.SECTION, () -> {
                PluginBench plugin = new PluginBench(config, log);
                report.add(plugin.run());
                notes(report, PluginBench.SECTION, plugin);
            });
        } else {
            report.notRun("Maven plugin (not in `--only`).");
        }
        if (config.runs("e2e")) {
            EndToEndBench e2e = new EndToEndBench(config, log);
            if (config.rateLimited) {
                section(report, log, EndToEndBench.SECTION, () -> report.add(e2e.rateLimited()));
            } else {
                report.notRun("The 60 s rate-limited run (add `--rate-limited` or `--full`).");
            }
            notes(report, EndToEndBench.SECTION, e2e);
        } else {
            report.notRun("End to end (not in `--only`).");
        }
        if (config.runs("footprint")) {
            section(report, log, FootprintBench.SECTION, () -> {
                FootprintBench footprint = new FootprintBench(config, log);
                report.add(footprint.run());
                notes(report, FootprintBench.SECTION, footprint);
            });
        } else {
            report.notRun("Footprint (not in `--only`).");
        }
        String contention = config.runs("contention") ? contention(config, log) : null;
        Path markdown = config.root.resolve("BENCHMARKS.md");
        if (config.parts.stream().anyMatch(part -> !part.equals("contention"))) {
            report.write(markdown, config.module.resolve("benchmarks-chart.png"));
        }
        if (contention != null) {
            // Its own block, so that this group can be rerun alone while the other sections keep their run's figures.
            Report.splice(markdown, contention);
        }
        log.info("wrote " + markdown);
    }

    /** The contention group and the unlimited end-to-end run, each sandbox in its own process: a markdown block. */
    private static String contention(BenchConfig config, Log log) {
        ContentionBench bench = new ContentionBench(config, log);
        EndToEndBench e2e = new EndToEndBench(config, log);
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Section> runs = List.of(
                () -> figures.addAll(bench.noFaults()),
                () -> figures.addAll(bench.faultMix()),
                () -> figures.addAll(bench.competing()),
                () -> figures.addAll(bench.fleet(true)),
                () -> figures.addAll(bench.fleet(false)),
                () -> figures.addAll(e2e.unlimited()));
        for (Section run : runs) {
            try {
                run.run();
            } catch (Exception | AssertionError e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                log.info(ContentionBench.SECTION + " failed: " + trace);
                failures.add("**A run failed:** `" + e + "` (stack trace in the harness output).");
            }
        }
        List<String> notes = new ArrayList<>(bench.details());
        notes.addAll(e2e.details());
        notes.addAll(failures);
        return Report.contentionBlock(config, figures, notes);
    }

    private static void notes(Report report, String section, Bench bench) {
        bench.details().forEach(line -> report.note(section, line));
    }

    @FunctionalInterface
    private interface Section {
        void run() throws Exception;
    }

    private static void section(Report report, Log log, String name, Section section) {
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.info(name + " failed: " + trace);
            report.note(name, "**This section failed in this run:** `" + e + "` (stack trace in the harness output).");
        }
    }
}
