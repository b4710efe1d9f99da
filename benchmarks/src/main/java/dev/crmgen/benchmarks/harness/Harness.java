package dev.crmgen.benchmarks.harness;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one entry point: runs the selected sections, then rewrites BENCHMARKS.md and its chart. A section that fails
 * is reported as such in BENCHMARKS.md instead of aborting the others.
 */
public final class Harness {

    private Harness() {
    }

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
                report.note(JsonBench.SECTION, "Settings: " + json.settings() + ". Raw JMH results: "
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
            section(report, log, EndToEndBench.SECTION, () -> report.add(e2e.unlimited()));
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
        report.write(config.root.resolve("BENCHMARKS.md"), config.module.resolve("benchmarks-chart.png"));
        log.info("wrote " + config.root.resolve("BENCHMARKS.md"));
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
