package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Maven plugins in consumer builds of their own: crmgen-maven-plugin vs openapi-generator-maven-plugin. First
 * builds (no earlier output) of the notes fragment and of notes-v3.json, no-change rebuilds, and rebuilds after one
 * schema's description was edited in a copy of the fragment. "In the plugin" is read from Maven's own time-stamped
 * log: from the line that starts the goal to the next line Maven prints after it, so it includes loading the plugin.
 */
final class PluginBench extends Bench {

    static final String SECTION = "Maven plugin";
    private static final int REBUILDS = 5;
    /** Timed first builds per spec and side, after one untimed warm-up round that fills the file caches. */
    private static final int FIRST_BUILDS = 3;
    /** Timed rebuilds after an edit, each with a different description. */
    private static final int EDITS = 3;

    private static final String CRMGEN_GOAL = "crmgen:";
    private static final String OG_GOAL = "openapi-generator:";
    private static final Path CRMGEN_OUTPUT = Path.of("target/generated-sources/crmgen");
    private static final Path OG_OUTPUT = Path.of("target/generated-sources/openapi");
    /** The property description the edit rounds change, in schema SimplePublicObjectBatchInput of the fragment. */
    private static final String EDITED_DESCRIPTION = "description: A unique identifier for tracing the request.";

    private static final Pattern STAMPED = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) (.*)$");
    private static final Pattern OWN_CHECK = Pattern.compile("checked in (\\d+) ms");

    PluginBench(BenchConfig config, Log log) {
        super(config, log);
    }

    List<Figure> run() throws IOException {
        Path base = SourceTrees.fresh(config.work.resolve("plugin"));
        List<Figure> figures = new ArrayList<>();

        Consumers fragment = consumers(base, "fragment", config.fragment);
        figures.addAll(firstBuilds(fragment, "plugin.first", "fragment"));
        if (Files.isRegularFile(config.notesV3())) {
            Consumers v3 = consumers(base, "notes-v3", config.notesV3());
            figures.addAll(firstBuilds(v3, "plugin.first.v3", "notes-v3.json"));
        } else {
            log.info("plugin: notes-v3.json not found under " + config.shared + "; skipping its first build");
        }
        figures.addAll(noChangeRebuilds(fragment));

        Path copied = Files.createDirectories(base.resolve("edited-spec")).resolve("notes.yaml");
        Files.copy(config.fragment, copied);
        figures.add(editedRebuilds(consumers(base, "edited", copied), copied));
        return figures;
    }

    /** A crmgen consumer and an OpenAPI Generator consumer of the same spec. */
    private record Consumers(String name, Path crmgen, Path og) {}

    private Consumers consumers(Path base, String name, Path spec) throws IOException {
        return new Consumers(
                name,
                consumer(base.resolve(name + "-crmgen"), crmgenPlugin(spec)),
                consumer(base.resolve(name + "-openapi"), openApiGeneratorPlugin(spec)));
    }

    /** Builds with no earlier output (target/ deleted), alternating sides; the warm-up round is not counted. */
    private List<Figure> firstBuilds(Consumers consumers, String id, String specName) {
        log.info("plugin: first builds of " + specName + ", 1 warm-up + " + FIRST_BUILDS + " rounds, alternating");
        List<Build> crmgen = new ArrayList<>();
        List<Build> og = new ArrayList<>();
        for (int round = 0; round <= FIRST_BUILDS; round++) {
            SourceTrees.delete(consumers.crmgen().resolve("target"));
            Build c = build(consumers.crmgen(), CRMGEN_GOAL, "first-" + round);
            SourceTrees.delete(consumers.og().resolve("target"));
            Build o = build(consumers.og(), OG_GOAL, "first-" + round);
            if (round > 0) {
                crmgen.add(c);
                og.add(o);
            }
        }
        Build crmgenFirst = median(crmgen);
        Build ogFirst = median(og);
        detail("First builds of " + specName + " (target/ deleted before each; warm-up round excluded), in-plugin"
                + " times per round: crmgen " + millis(crmgen) + " ms, OpenAPI Generator " + millis(og) + " ms.");
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                        id,
                        SECTION,
                        "First build: time in the plugin (" + specName + ")",
                        "crmgen-maven-plugin",
                        crmgenFirst.pluginMillis,
                        "openapi-generator-maven-plugin",
                        ogFirst.pluginMillis,
                        "ms",
                        true,
                        "median of " + FIRST_BUILDS + "; whole mvn process: "
                                + Report.value(crmgenFirst.wallMillis, "ms") + " vs "
                                + Report.value(ogFirst.wallMillis, "ms"))
                .targetAdvantage(6, "≥ 6× less"));
        figures.add(Figure.of(
                id + ".rss",
                SECTION,
                "First build: peak RSS of the mvn process (" + specName + ")",
                "crmgen consumer",
                crmgenFirst.peakRssMb,
                "OpenAPI Generator consumer",
                ogFirst.peakRssMb,
                "MB",
                true,
                "the generator runs inside Maven's JVM on both sides"));
        return figures;
    }

    private List<Figure> noChangeRebuilds(Consumers consumers) {
        List<Build> crmgenAgain = new ArrayList<>();
        List<Build> ogAgain = new ArrayList<>();
        log.info("plugin: " + REBUILDS + " no-change rebuilds each, alternating");
        for (int i = 0; i < REBUILDS; i++) {
            crmgenAgain.add(build(consumers.crmgen(), CRMGEN_GOAL, "again-" + i));
            ogAgain.add(build(consumers.og(), OG_GOAL, "again-" + i));
        }
        Build crmgenNoChange = median(crmgenAgain);
        Build ogNoChange = median(ogAgain);
        Matcher own = OWN_CHECK.matcher(crmgenNoChange.output);
        String ownCheck = own.find() ? "the goal's own up-to-date check: " + own.group(1) + " ms" : "";

        detail("Consumer builds: `mvnw -o -B generate-sources` on a pom with only the generator plugin bound"
                + " (`benchmarks/target/bench-work/plugin/`), with the harness's own local repository. Time in the plugin is read from Maven's time-stamped log,"
                + " from the goal's `---` line to the next line Maven prints, so it includes creating the plugin's"
                + " class realm and loading its classes. openapi-generator-maven-plugin runs with"
                + " `skipIfSpecIsUnchanged=true`, its own fastest no-change setting. In-plugin times per no-change"
                + " rebuild (fragment): crmgen " + millis(crmgenAgain) + " ms, OpenAPI Generator "
                + millis(ogAgain) + " ms.");
        String up = crmgenNoChange
                .output
                .lines()
                .filter(l -> l.contains("up to date"))
                .findFirst()
                .map(l -> l.replaceFirst("^\\S+ ", ""))
                .orElse("(no up-to-date line found)");
        detail("crmgen's no-change log line: `" + up + "`");

        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                        "plugin.nochange",
                        SECTION,
                        "No-change rebuild: time in the plugin",
                        "crmgen-maven-plugin",
                        crmgenNoChange.pluginMillis,
                        "openapi-generator-maven-plugin",
                        ogNoChange.pluginMillis,
                        "ms",
                        true,
                        "median of " + REBUILDS + (ownCheck.isEmpty() ? "" : "; " + ownCheck))
                .targetAbsolute(crmgenNoChange.pluginMillis < 300, "< 300 ms in the plugin"));
        figures.add(Figure.of(
                "plugin.nochange.wall",
                SECTION,
                "No-change rebuild: whole mvn process",
                "crmgen consumer",
                crmgenNoChange.wallMillis,
                "OpenAPI Generator consumer",
                ogNoChange.wallMillis,
                "ms",
                true,
                "median of " + REBUILDS + "; Maven's own start-up dominates both"));
        return figures;
    }

    /**
     * Both consumers read the same copy of the fragment. After an untimed first build, each round changes one
     * property description of one schema and rebuilds both; crmgen must rewrite exactly the files whose content
     * changed and leave every other file untouched (same modification time).
     */
    private Figure editedRebuilds(Consumers consumers, Path spec) throws IOException {
        log.info("plugin: spec edited: first build, then " + EDITS + " edits, each rebuilt by both");
        build(consumers.crmgen(), CRMGEN_GOAL, "edited-first");
        build(consumers.og(), OG_GOAL, "edited-first");
        String original = Files.readString(spec);
        if (!original.contains(EDITED_DESCRIPTION)) {
            throw new IllegalStateException(
                    spec + " no longer holds the description the edit changes: " + EDITED_DESCRIPTION);
        }
        List<Build> crmgen = new ArrayList<>();
        List<Build> og = new ArrayList<>();
        List<String> crmgenFiles = new ArrayList<>();
        List<String> ogFiles = new ArrayList<>();
        try {
            for (int i = 0; i < EDITS; i++) {
                Files.writeString(
                        spec,
                        original.replaceFirst(
                                Pattern.quote(EDITED_DESCRIPTION),
                                EDITED_DESCRIPTION.replace(".", " (edit " + (i + 1) + ").")));
                Map<Path, Snapshot> crmgenBefore = snapshot(consumers.crmgen().resolve(CRMGEN_OUTPUT));
                crmgen.add(build(consumers.crmgen(), CRMGEN_GOAL, "edited-" + i));
                Rewrites crmgenRewrites =
                        rewrites(crmgenBefore, consumers.crmgen().resolve(CRMGEN_OUTPUT));
                if (crmgenRewrites.changed() == 0 || crmgenRewrites.rewritten() != crmgenRewrites.changed()) {
                    throw new IllegalStateException("after editing one description crmgen rewrote " + crmgenRewrites
                            + "; only the files whose content changed may be rewritten");
                }
                crmgenFiles.add(crmgenRewrites.toString());
                Map<Path, Snapshot> ogBefore = snapshot(consumers.og().resolve(OG_OUTPUT));
                og.add(build(consumers.og(), OG_GOAL, "edited-" + i));
                ogFiles.add(
                        rewrites(ogBefore, consumers.og().resolve(OG_OUTPUT)).toString());
            }
        } finally {
            Files.writeString(spec, original);
        }
        Build crmgenEdited = median(crmgen);
        Build ogEdited = median(og);
        detail("Spec edited: both consumers read one copy of the fragment (`plugin/edited-spec/notes.yaml`); each"
                + " round appends \"(edit n)\" to the description of property objectWriteTraceId in schema"
                + " SimplePublicObjectBatchInput, then rebuilds both. In-plugin times per round: crmgen "
                + millis(crmgen) + " ms, OpenAPI Generator " + millis(og) + " ms. Files per round, crmgen: "
                + String.join("; ", crmgenFiles) + ". OpenAPI Generator: " + String.join("; ", ogFiles) + ".");
        return Figure.of(
                        "plugin.edited",
                        SECTION,
                        "Spec edited (one description): time in the plugin",
                        "crmgen-maven-plugin",
                        crmgenEdited.pluginMillis,
                        "openapi-generator-maven-plugin",
                        ogEdited.pluginMillis,
                        "ms",
                        true,
                        "median of " + EDITS + "; crmgen rewrote only changed files (" + crmgenFiles.get(0) + ")")
                .targetAdvantage(8, "≥ 8× less, only changed files rewritten");
    }

    /** A generated file's content and modification time before a rebuild. */
    private record Snapshot(byte[] content, FileTime modified) {}

    /** How many files a rebuild rewrote (new modification time or new file), changed in content, and left alone. */
    private record Rewrites(int rewritten, int changed, int untouched) {
        @Override
        public String toString() {
            return "rewrote " + rewritten + " (" + changed + " changed in content), left " + untouched + " untouched";
        }
    }

    private static Map<Path, Snapshot> snapshot(Path dir) throws IOException {
        Map<Path, Snapshot> files = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(
                        dir.relativize(file), new Snapshot(Files.readAllBytes(file), Files.getLastModifiedTime(file)));
            }
        }
        return files;
    }

    private static Rewrites rewrites(Map<Path, Snapshot> before, Path dir) throws IOException {
        int rewritten = 0;
        int changed = 0;
        int untouched = 0;
        for (Map.Entry<Path, Snapshot> now : snapshot(dir).entrySet()) {
            Snapshot was = before.get(now.getKey());
            if (was == null) {
                rewritten++;
                changed++;
                continue;
            }
            if (!was.modified().equals(now.getValue().modified())) {
                rewritten++;
            } else {
                untouched++;
            }
            if (!Arrays.equals(was.content(), now.getValue().content())) {
                changed++;
            }
        }
        return new Rewrites(rewritten, changed, untouched);
    }

    private static List<Long> millis(List<Build> builds) {
        return builds.stream().map(b -> b.pluginMillis).toList();
    }

    private record Build(long wallMillis, long pluginMillis, double peakRssMb, String output) {}

    private Build build(Path project, String goalPrefix, String name) {
        ProcessMeter.Measured run = ProcessMeter.run(
                List.of(
                        config.root.resolve("mvnw").toString(),
                        "-o",
                        "-B",
                        // The plugins under test come from this run's repository, never from another user's.
                        "-Dmaven.repo.local=" + config.m2,
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                        "generate-sources"),
                project,
                project.resolve("build-" + name + ".log"));
        if (!run.ok()) {
            throw new IllegalStateException("consumer build failed, see " + run.log());
        }
        String output = run.output();
        return new Build(run.wallMillis(), pluginMillis(output, goalPrefix), run.peakRssMb(), output);
    }

    /** Milliseconds from Maven's "--- prefix…" goal header to the next line Maven itself prints. */
    static long pluginMillis(String output, String goalPrefix) {
        LocalTime start = null;
        for (String line : output.split("\n")) {
            Matcher m = STAMPED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(2);
            LocalTime time;
            try {
                time = LocalTime.parse(m.group(1));
            } catch (DateTimeParseException e) {
                continue;
            }
            if (start == null) {
                if (text.startsWith("[INFO] --- " + goalPrefix)) {
                    start = time;
                }
            } else if (text.startsWith("[INFO] ---") || text.startsWith("[INFO] BUILD")) {
                return java.time.Duration.between(start, time).toMillis();
            }
        }
        throw new IllegalStateException("no '" + goalPrefix + "' goal found in the Maven log");
    }

    private static Build median(List<Build> builds) {
        List<Build> sorted = builds.stream()
                .sorted((a, b) -> Long.compare(a.pluginMillis, b.pluginMillis))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    private Path consumer(Path dir, String plugin) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                %s
                    </plugins>
                  </build>
                </project>
                """.formatted(dir.getFileName(), plugin));
        return dir;
    }

    private String crmgenPlugin(Path spec) {
        return """
                      <plugin>
                        <groupId>dev.crmgen</groupId>
                        <artifactId>crmgen-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals><goal>generate</goal></goals>
                            <configuration>
                              <spec>%s</spec>
                              <packageName>bench.notes</packageName>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>""".formatted(config.version, spec);
    }

    private String openApiGeneratorPlugin(Path spec) {
        return """
                      <plugin>
                        <groupId>org.openapitools</groupId>
                        <artifactId>openapi-generator-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals><goal>generate</goal></goals>
                            <configuration>
                              <inputSpec>%s</inputSpec>
                              <generatorName>java</generatorName>
                              <library>native</library>
                              <apiPackage>bench.notes.api</apiPackage>
                              <modelPackage>bench.notes.model</modelPackage>
                              <invokerPackage>bench.notes.client</invokerPackage>
                              <generateApiTests>false</generateApiTests>
                              <generateModelTests>false</generateModelTests>
                              <generateApiDocumentation>false</generateApiDocumentation>
                              <generateModelDocumentation>false</generateModelDocumentation>
                              <skipIfSpecIsUnchanged>true</skipIfSpecIsUnchanged>
                              <configOptions>
                                <useJakartaEe>true</useJakartaEe>
                                <hideGenerationTimestamp>true</hideGenerationTimestamp>
                              </configOptions>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>""".formatted(config.openApiGeneratorVersion, spec);
    }
}
