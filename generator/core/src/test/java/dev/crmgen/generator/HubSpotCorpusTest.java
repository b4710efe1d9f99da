package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec HubSpot publishes ({@code specs/hubspot/v3} and {@code notes}) goes through the generator without an
 * internal error; those that generate are compiled with {@code -Xlint:all -Werror} when
 * {@code -Dcrmgen.corpus.compile=true} (about four minutes on two cores).
 */
class HubSpotCorpusTest {
    /** Specs whose own errors stop generation, with the tag that reports them. */
    private static final Map<String, String> BROKEN_SPECS = Map.of(
            // References components/schemas/HubDbTableRowV3Wrapper, which the spec does not define.
            "cms-hubdb-2.json", "CrmgenUnresolvedRef");

    @TempDir
    Path dir;

    @Test
    void everySpecGeneratesAndReportsWhatItDegrades() throws IOException {
        Path v3 = Specs.shared("specs/hubspot/v3");
        Path notes = Specs.shared("specs/hubspot/notes");
        List<Path> specs = new ArrayList<>();
        for (Path folder : List.of(v3, notes)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(specs::add);
            }
        }
        boolean compile = Boolean.getBoolean("crmgen.corpus.compile");
        int generated = 0;
        int compiled = 0;
        Map<String, Integer> degraded = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path spec : specs) {
            String name = spec.getFileName().toString();
            String pkg = "com.acme.hubspot." + name.replace(".json", "").replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
            GenerationResult result = CrmGenerator.generate(SpecSource.file(spec), new GeneratorOptions(pkg, null));
            result.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                    .forEach(d -> degraded.merge(d.tag(), 1, Integer::sum));
            List<String> errorTags = result.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(Diagnostic::tag).distinct().toList();
            if (!result.hasErrors()) {
                generated++;
            } else if (!errorTags.equals(List.of(BROKEN_SPECS.getOrDefault(name, "-")))) {
                failures.add(name + ": " + result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                        .limit(3).map(Diagnostic::format).toList());
            }
            if (compile && !result.hasErrors()) {
                try {
                    JavaCompilation.compile(result.files(), dir.resolve(name));
                    compiled++;
                } catch (AssertionError e) {
                    failures.add(name + " does not compile: " + e.getMessage());
                }
            }
        }
        System.out.println("generated " + generated + "/" + specs.size()
                + (compile ? ", compiled " + compiled + "/" + specs.size() : " (compile with -Dcrmgen.corpus.compile=true)"));
        System.out.println("degraded constructs (warnings by tag): " + degraded);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(specs.size() - BROKEN_SPECS.size(), generated);
    }
}
