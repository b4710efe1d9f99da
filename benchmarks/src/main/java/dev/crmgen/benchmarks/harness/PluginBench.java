package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven plugins in a consumer build of their own: crmgen-maven-plugin vs openapi-generator-maven-plugin on the
 * notes fragment, a first build and then no-change rebuilds. "In the plugin" is read from Maven's own time-stamped
 * log: from the line that starts the goal to the next line Maven prints after it, so it includes loading the plugin.
 */
final class PluginBench extends Bench {

    static final String SECTION = "Maven plugin";
    private static final int REBUILDS = 5;
    private static final Pattern STAMPED = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) (.*)$");
    private static final Pattern OWN_CHECK = Pattern.compile("checked in (\\d+) ms");

    PluginBench(BenchConfig config, Log log) {
        super(config, log);
    }

    List<Figure> run() throws IOException {
        Path base = SourceTrees.fresh(config.work.resolve("plugin"));
        Path crmgenProject = consumer(base.resolve("crmgen-consumer"), crmgenPlugin());
        Path ogProject = consumer(base.resolve("openapi-consumer"), openApiGeneratorPlugin());

        log.info("plugin: first builds");
        Build crmgenFirst = build(crmgenProject, "crmgen:", "first");
        Build ogFirst = build(ogProject, "openapi-generator:", "first");
        List<Build> crmgenAgain = new ArrayList<>();
        List<Build> ogAgain = new ArrayList<>();
        log.info("plugin: " + REBUILDS + " no-change rebuilds each, alternating");
        for (int i = 0; i < REBUILDS; i++) {
            crmgenAgain.add(build(crmgenProject, "crmgen:", "again-" + i));
            ogAgain.add(build(ogProject, "openapi-generator:", "again-" + i));
        }
        Build crmgenNoChange = median(crmgenAgain);
        Build ogNoChange = median(ogAgain);
        Matcher own = OWN_CHECK.matcher(crmgenNoChange.output);
        String ownCheck = own.find() ? "the goal's own up-to-date check: " + own.group(1) + " ms" : "";

        detail("Consumer builds: `mvnw -o -B generate-sources` on a pom with only the generator plugin bound"
                + " (`benchmarks/target/bench-work/plugin/`). Time in the plugin is read from Maven's time-stamped log,"
                + " from the goal's `---` line to the next line Maven prints, so it includes creating the plugin's"
                + " class realm and loading its classes. openapi-generator-maven-plugin runs with"
                + " `skipIfSpecIsUnchanged=true`, its own fastest no-change setting. In-plugin times per rebuild:"
                + " crmgen " + crmgenAgain.stream().map(b -> b.pluginMillis).toList()
                + " ms, OpenAPI Generator "
                + ogAgain.stream().map(b -> b.pluginMillis).toList() + " ms.");
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
                "plugin.first",
                SECTION,
                "First build: time in the plugin (fragment)",
                "crmgen-maven-plugin",
                crmgenFirst.pluginMillis,
                "openapi-generator-maven-plugin",
                ogFirst.pluginMillis,
                "ms",
                true,
                "whole mvn process: " + Report.value(crmgenFirst.wallMillis, "ms") + " vs "
                        + Report.value(ogFirst.wallMillis, "ms")));
        figures.add(Figure.of(
                "plugin.first.rss",
                SECTION,
                "First build: peak RSS of the mvn process",
                "crmgen consumer",
                crmgenFirst.peakRssMb,
                "OpenAPI Generator consumer",
                ogFirst.peakRssMb,
                "MB",
                true,
                "the generator runs inside Maven's JVM on both sides"));
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

    private record Build(long wallMillis, long pluginMillis, double peakRssMb, String output) {}

    private Build build(Path project, String goalPrefix, String name) {
        ProcessMeter.Measured run = ProcessMeter.run(
                List.of(
                        config.root.resolve("mvnw").toString(),
                        "-o",
                        "-B",
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

    private String crmgenPlugin() {
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
                      </plugin>""".formatted(config.version, config.fragment);
    }

    private String openApiGeneratorPlugin() {
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
                      </plugin>""".formatted(config.openApiGeneratorVersion, config.fragment);
    }
}
