package dev.crmgen.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.benchmarks.json.BodySink;
import dev.crmgen.benchmarks.json.CrmgenSide;
import dev.crmgen.benchmarks.json.HandWritten;
import dev.crmgen.benchmarks.json.HandWrittenSide;
import dev.crmgen.benchmarks.json.NotesJsonBenchmark;
import dev.crmgen.benchmarks.json.OpenApiGeneratorSide;
import dev.crmgen.benchmarks.json.Payloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link NotesJsonBenchmark} through JMH with the GC profiler and turns the scores into ratios. */
final class JsonBench {

    static final String SECTION = "JSON";
    private static final List<String> OPERATIONS = List.of("encode", "decode200", "decode207");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "encode", "Encode a 100-input batch-update request into the body sent",
            "decode200", "Decode a 200 with 100 results",
            "decode207", "Decode a 207 with 50 results and 50 errors");

    private final BenchConfig config;
    private final Log log;
    final int forks;
    final int warmupIterations;
    final int warmupSeconds;
    final int measurementIterations;
    final int measurementSeconds;

    JsonBench(BenchConfig config, Log log) {
        this.config = config;
        this.log = log;
        forks = config.quick ? 1 : 2;
        warmupIterations = 3;
        warmupSeconds = config.quick ? 1 : 2;
        measurementIterations = config.quick ? 4 : 5;
        measurementSeconds = config.quick ? 1 : 2;
    }

    String settings() {
        return String.format(
                Locale.ROOT,
                "JMH 1.37, throughput mode, 1 thread, %d fork%s × (%d × %d s warm-up + %d × %d s"
                        + " measurement), -Xms1g -Xmx1g, -prof gc; ± is JMH's 99.9%% confidence half-interval",
                forks,
                forks == 1 ? "" : "s",
                warmupIterations,
                warmupSeconds,
                measurementIterations,
                measurementSeconds);
    }

    List<Figure> run() throws RunnerException, IOException {
        checkEquivalence();
        Options options = new OptionsBuilder()
                .include(NotesJsonBenchmark.class.getName() + ".*")
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.seconds(measurementSeconds))
                .threads(1)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .result(config.target.resolve("jmh-result.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        log.info("json: " + settings());
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Score> scores = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            scores.put(
                    method,
                    new Score(
                            primary.getScore(),
                            primary.getScoreError(),
                            alloc == null ? Double.NaN : alloc.getScore()));
        }
        List<Figure> figures = new ArrayList<>();
        for (String op : OPERATIONS) {
            Score crmgen = scores.get(op + "_crmgen");
            Score og = scores.get(op + "_openApiGenerator");
            Score hand = scores.get(op + "_handWritten");
            String what = DESCRIPTIONS.get(op);
            Figure throughput = Figure.of(
                    "json." + op + ".og",
                    SECTION,
                    what + ": throughput vs OpenAPI Generator",
                    "crmgen codecs",
                    crmgen.opsPerSecond,
                    "OpenAPI Generator + databind",
                    og.opsPerSecond,
                    "ops/s",
                    false,
                    "± " + crmgen.errorText() + " vs ± " + og.errorText());
            // Encoding ends in the same jackson-core generator on both sides, so its throughput is reported only;
            // what the runtime can cut there is allocation, and that row keeps the ≤ ½ target.
            figures.add(op.equals("encode") ? throughput : throughput.targetAdvantage(2, "≥ 2×"));
            figures.add(Figure.of(
                            "json." + op + ".hand",
                            SECTION,
                            what + ": throughput vs hand-written",
                            "crmgen codecs",
                            crmgen.opsPerSecond,
                            "hand-written jackson-core",
                            hand.opsPerSecond,
                            "ops/s",
                            false,
                            "± " + crmgen.errorText() + " vs ± " + hand.errorText())
                    .targetAdvantage(0.8, "within 1.25× (≥ 0.8×)"));
            figures.add(Figure.of(
                            "json." + op + ".alloc",
                            SECTION,
                            what + ": allocation per op vs OpenAPI Generator",
                            "crmgen codecs",
                            crmgen.bytesPerOp,
                            "OpenAPI Generator + databind",
                            og.bytesPerOp,
                            "B/op",
                            true,
                            String.format(Locale.ROOT, "hand-written: %,.0f B/op", hand.bytesPerOp))
                    .targetAdvantage(2, "≤ ½ (≥ 2×)"));
        }
        return figures;
    }

    /** The three contenders must agree on what they read and write, or the timings compare different work. */
    static void checkEquivalence() throws IOException {
        ObjectMapper tree = new ObjectMapper();
        List<Payloads.NoteUpdate> updates = Payloads.updates();
        byte[] crmgenBytes = CrmgenSide.encode(CrmgenSide.request(updates));
        if (CrmgenSide.send(CrmgenSide.request(updates), new BodySink()) != crmgenBytes.length) {
            throw new IllegalStateException("crmgen's pooled body differs in length from Json.encode's bytes");
        }
        JsonNode crmgen = tree.readTree(crmgenBytes);
        JsonNode og = tree.readTree(OpenApiGeneratorSide.encode(OpenApiGeneratorSide.request(updates)));
        JsonNode hand = tree.readTree(HandWritten.encode(HandWrittenSide.request(updates)));
        if (!crmgen.equals(hand) || !og.equals(hand)) {
            throw new IllegalStateException("the encoders disagree on the request body:\ncrmgen " + crmgen
                    + "\nOpenAPI Generator " + og + "\nhand-written " + hand);
        }
        for (boolean multiStatus : new boolean[] {false, true}) {
            byte[] body = multiStatus ? Payloads.response207() : Payloads.response200();
            HandWritten.BatchResult expected = HandWritten.decode(body);
            int errors = expected.errors() == null ? 0 : expected.errors().size();
            CrmgenSide.Summary c = CrmgenSide.summarize(body, multiStatus);
            if (c.results() != expected.results().size()
                    || c.errors() != errors
                    || !c.lastUpdatedAt()
                            .equals(expected.results()
                                    .get(expected.results().size() - 1)
                                    .updatedAt())) {
                throw new IllegalStateException("crmgen decoded " + c + " but the body holds "
                        + expected.results().size() + " results and " + errors + " errors");
            }
        }
        if (OpenApiGeneratorSide.decode200(Payloads.response200()).getResults().size() != Payloads.BATCH_SIZE
                || OpenApiGeneratorSide.decode207(Payloads.response207())
                                .getErrors()
                                .size()
                        != Payloads.ERRORS_IN_207) {
            throw new IllegalStateException("OpenAPI Generator's models decoded a different number of items");
        }
    }

    private record Score(double opsPerSecond, double error, double bytesPerOp) {
        String errorText() {
            return String.format(Locale.ROOT, "%.1f%%", 100 * error / opsPerSecond);
        }
    }

    static Path resultFile(BenchConfig config) {
        return config.target.resolve("jmh-result.json");
    }
}
