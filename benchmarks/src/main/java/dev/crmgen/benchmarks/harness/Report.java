package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes BENCHMARKS.md and its chart from one run's figures. */
final class Report {
    /** The heading of the section {@link JobScaleBench} results go under, kept across runs of this harness. */
    static final String JOB_SCALE_HEADING = "## The main job at scale";

    static final String COMMAND = "./mvnw -B -q install -DskipTests && ./mvnw -B -pl benchmarks -Pbench verify";

    /** How each side is run, and where the set-up leans toward the peer rather than toward crmgen. */
    private static final String METHOD = """
            ## Method, and where it favours the peer

            - **Same inputs, same run.** Both sides of every ratio ran in this harness run, minutes apart, on the same
              spec files, payloads and sandbox. Wall times are whole processes (`ProcessMeter`: fork to exit), peak
              memory is the highest `VmHWM` seen in the process tree.
            - **OpenAPI Generator 7.25.0**, generator `java`, library `native`, `useJakartaEe=true`,
              `hideGenerationTimestamp=true`, and API/model tests and docs switched off: main code only, which makes it
              faster than its defaults. The corpus runs through its CLI's `batch` command in one JVM, which uses a
              small thread pool (crmgen's corpus run is one thread).
            - **Lines** are non-blank lines of `.java` files: crmgen's whole output vs OpenAPI Generator's
              `src/main/java` (models, API and the supporting `ApiClient`, `JSON`, … it needs), over the specs both
              generated.
            - **Compile** times run javac (`--release 17 -proc:none`) over each side's output in a fresh JVM, against
              each side's own run-time jars.
            - **JSON**: OpenAPI Generator's side uses the `ObjectMapper` from its generated
              `ApiClient.createDefaultObjectMapper()` and reads from `byte[]` (its generated `BatchApi` first copies the
              body into a `String`, which would cost it more). The 207 body is read into its `…WithErrors` model; its
              generated `BatchApi` itself reads every 2xx as the 200 model and drops the errors. The hand-written
              baseline is plain jackson-core streaming into records with `OffsetDateTime.parse`, written the way a
              careful engineer would without code generation; crmgen's lead over it comes mostly from the runtime's
              RFC 3339 reader, which the baseline does not have. Encoding is measured up to the socket buffer, as each
              side's client sends a body: crmgen encodes into the runtime's pooled segments and publishes them without a
              copy (`RequestBody`, as `JdkHttpTransport` does), then gives them back; OpenAPI Generator's `BatchApi`
              calls `writeValueAsBytes` and `BodyPublishers.ofByteArray`, which copies the array into fresh buffers
              on each send, and the hand-written baseline does the same with its own array. One reused sink takes every
              side's buffers one at a time and copies them into a direct buffer, as the HTTP/1.1 writer does; building
              the `HttpRequest` and the exchange itself are left out on all sides. The harness checks that all three
              encode the same JSON and decode the same counts before it measures.
            - **End to end**: the sandbox runs in the harness's JVM on the same two cores as the client. The raw loop
              posts bodies serialized before the clock starts and checks only the status; BatchExecutor serializes,
              decodes every response and matches each result to its input.

            """;

    private final BenchConfig config;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, List<String>> sectionNotes = new LinkedHashMap<>();
    private final List<String> notRun = new ArrayList<>();
    private final Instant started = Instant.now();

    Report(BenchConfig config) {
        this.config = config;
    }

    void add(List<Figure> more) {
        figures.addAll(more);
    }

    void note(String section, String line) {
        sectionNotes.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
    }

    void notRun(String what) {
        notRun.add(what);
    }

    void write(Path markdown, Path chart) throws IOException {
        Chart.write(figures, "crmgen vs its peers, one harness run (" + modeText() + ")", chart);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark harness (`benchmarks/`); every figure below comes from one run and is shown"
                + " next to its peer from the same run, with crmgen's advantage as a ratio (above 1× means crmgen is"
                + " better: faster, smaller or higher throughput).\n\n");
        md.append("Reproduce (needs only JDK 17; downloads OpenAPI Generator 7.25.0 from Maven Central):\n\n");
        md.append("```bash\n").append(COMMAND);
        if (!config.args.isEmpty()) {
            md.append(" -Dbench.args=\"").append(String.join(" ", config.args)).append('"');
        }
        md.append("\n```\n\n");
        md.append("`-Dbench.args` picks the parts: `--quick` (shorter JMH, no corpus, no 60 s run), default (full JMH),"
                + " `--full` (adds the 106-spec corpus and the 60 s rate-limited run), or `--corpus` /"
                + " `--rate-limited` alone; `--only=json,generation,plugin,e2e,footprint,contention` restricts the"
                + " sections (`--only=contention` rewrites only the block under contention and keeps the rest of this"
                + " file).\n\n");
        md.append("**Machine.** ")
                .append(machine())
                .append(" This machine has **2 cores and is noisy**: other builds"
                        + " run on it, and the JSON benchmarks share it with nothing else only by luck. Absolute numbers move"
                        + " between runs by tens of percent; the ratios, taken minutes apart in the same run, are what to"
                        + " read. Run ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(", mode ")
                .append(modeText())
                .append(".\n\n");
        md.append("![crmgen's advantage over each peer](benchmarks/benchmarks-chart.png)\n\n");

        long targets = figures.stream().filter(f -> f.met() != null).count();
        long met = figures.stream().filter(f -> Boolean.TRUE.equals(f.met())).count();
        md.append("## Results\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d figures; %d have a target from the issue, %d of them met.%n%n",
                figures.size(),
                targets,
                met));
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                md.append("### ").append(section).append("\n\n");
                md.append(TABLE_HEAD);
            }
            md.append(row(f));
            if (isLastOfSection(f)) {
                md.append('\n');
                for (String line : sectionNotes.getOrDefault(section, List.of())) {
                    md.append(bullet(line)).append('\n');
                }
                md.append('\n');
            }
        }
        for (Map.Entry<String, List<String>> e : sectionNotes.entrySet()) {
            if (figures.stream().noneMatch(f -> f.section().equals(e.getKey()))) {
                md.append("### ").append(e.getKey()).append("\n\n");
                e.getValue().forEach(l -> md.append(bullet(l)).append('\n'));
                md.append('\n');
            }
        }
        md.append(METHOD);
        md.append("## Missed targets, and what we would change\n\n");
        List<Figure> missed =
                figures.stream().filter(f -> Boolean.FALSE.equals(f.met())).toList();
        if (missed.isEmpty()) {
            md.append("None in this run.\n\n");
        }
        // One paragraph of advice per cause, after the figures it explains.
        Map<String, List<Figure>> byAdvice = new LinkedHashMap<>();
        for (Figure f : missed) {
            byAdvice.computeIfAbsent(Advice.forFigure(f.id()), a -> new ArrayList<>())
                    .add(f);
        }
        for (Map.Entry<String, List<Figure>> e : byAdvice.entrySet()) {
            for (Figure f : e.getValue()) {
                md.append("- **")
                        .append(f.name())
                        .append("**: ")
                        .append(Chart.format(f.advantage()))
                        .append(" against a target of ")
                        .append(f.target())
                        .append(".\n");
            }
            if (!e.getKey().isEmpty()) {
                md.append('\n').append(e.getKey()).append('\n');
            }
            md.append('\n');
        }
        if (!notRun.isEmpty()) {
            md.append("\n## Not measured in this run\n\n");
            notRun.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append('\n');
        // JobScaleBench's section is measured by its own profile (job-scale); a run of this harness keeps it.
        String previous = Files.exists(markdown) ? Files.readString(markdown) : "";
        int jobScale = previous.indexOf(JOB_SCALE_HEADING);
        if (jobScale >= 0) {
            md.append(previous.substring(jobScale));
        }
        Files.writeString(markdown, md.toString());
    }

    private static final String BLOCK_START = "<!-- contention: begin -->";
    private static final String BLOCK_END = "<!-- contention: end -->";

    /**
     * The contention group as a block of its own: run time and command, its table, its notes and what its misses
     * would change, between markers so that {@link #splice} can replace it alone.
     */
    static String contentionBlock(BenchConfig config, List<Figure> figures, List<String> notes) {
        StringBuilder md = new StringBuilder(BLOCK_START)
                .append("\n## ")
                .append(ContentionBench.SECTION)
                .append(", and end to end\n\n");
        md.append("This block has its own run: ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", reproduced alone with\n\n```bash\n")
                .append(COMMAND)
                .append(" -Dbench.args=\"--only=contention\"\n```\n\n")
                .append("The sections above it keep the figures of the run named in the header; the unlimited run at"
                        + " the end of this table replaces the one under End to end, whose sandbox ran in the harness's"
                        + " JVM. Here every sandbox is a"
                        + " process of its own (`NotesSandbox` from the command line), so the client shares neither a"
                        + " JVM nor a clock with it; both still share the machine's two cores. **Allowed rate**: the"
                        + " 600 requests of 100 inputs at 190 per 10 s need 31.6 s (at"
                        + " what another tenant leaves, proportionally more); a perfect client gets a little more,"
                        + " because the first window's burst"
                        + " comes free. **Warm-up**: before each bulk run's clock starts, a second app (its own"
                        + " token and window) sends 100 requests through the same sandbox process and client JVM, so"
                        + " that neither is measured cold; the fleet's clock starts once every client process is up."
                        + " **Ledger**: the sandbox's record of the notes it wrote. Machine: ")
                .append(machine())
                .append("\n\n")
                .append(TABLE_HEAD);
        figures.forEach(f -> md.append(row(f)));
        md.append('\n');
        notes.forEach(n -> md.append(bullet(n)).append('\n'));
        List<Figure> missed =
                figures.stream().filter(f -> Boolean.FALSE.equals(f.met())).toList();
        md.append("\n**Missed here, and what we would change:** ")
                .append(missed.isEmpty() ? "none in this run." : "")
                .append('\n');
        for (Figure f : missed) {
            md.append("\n- **")
                    .append(f.name())
                    .append("**: ")
                    .append(Chart.format(f.advantage()))
                    .append(" against ")
                    .append(f.target())
                    .append(". ")
                    .append(Advice.forFigure(f.id()));
        }
        return md.append("\n").append(BLOCK_END).append('\n').toString();
    }

    /** Replaces the contention block in {@code markdown}, or puts it before the method section. */
    static void splice(Path markdown, String block) throws IOException {
        String text = Files.exists(markdown) ? Files.readString(markdown) : "# Benchmarks\n\n";
        int start = text.indexOf(BLOCK_START);
        int end = text.indexOf(BLOCK_END);
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + block + text.substring(end + BLOCK_END.length() + 1);
        } else {
            int method = text.indexOf("## Method");
            text = method < 0 ? text + "\n" + block : text.substring(0, method) + block + "\n" + text.substring(method);
        }
        Files.writeString(markdown, text);
    }

    static final String TABLE_HEAD =
            "| figure | crmgen | peer | crmgen's advantage | target | notes |\n" + "|---|---|---|---|---|---|\n";

    /** One figure as a row of the results table. */
    static String row(Figure f) {
        return "| " + f.name()
                + " | " + value(f.crmgen(), f.unit()) + " <br><sub>" + f.crmgenLabel() + "</sub>"
                + " | " + value(f.peer(), f.unit()) + " <br><sub>" + f.peerLabel() + "</sub>"
                + " | **" + Chart.format(f.advantage()) + "**"
                + " | " + (f.target().isEmpty() ? "—" : f.target() + (f.met() ? " ✅" : " ❌"))
                + " | " + f.note().replace("|", "\\|")
                + " |\n";
    }

    /** Notes render as a list; lines that already are sub-items stay as they are. */
    static String bullet(String line) {
        return line.startsWith("  - ") ? line : "- " + line;
    }

    private boolean isLastOfSection(Figure f) {
        int i = figures.indexOf(f);
        return i == figures.size() - 1 || !figures.get(i + 1).section().equals(f.section());
    }

    private String modeText() {
        return config.args.isEmpty() ? "default" : String.join(" ", config.args);
    }

    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String number = Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%,.2f", v);
        return number + " " + unit;
    }

    static String machine() {
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, ", %.0f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave the memory out.
        }
        return String.format(
                Locale.ROOT,
                "%d cores%s, %s %s, Java %s (%s).",
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getVmName());
    }
}
