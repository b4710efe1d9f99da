package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec HubSpot publishes ({@code specs/hubspot/v3} and {@code notes}) generates, in lenient-reference mode, and
 * its output compiles with {@code -Xlint:all -Werror} against the runtime. Prints {@code generated N/N, compiled N/N}
 * and every degraded construct. {@code -Dcrmgen.corpus.compile=false} skips compiling.
 */
class HubSpotCorpusTest {
    @TempDir
    Path dir;

    /** What one spec gave: its diagnostics, and javac's complaints (null when not compiled). */
    private record Outcome(String spec, GenerationResult result, List<String> compileProblems) {}

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES) // 106 specs compiled on a loaded 2-core machine
    void everySpecGeneratesAndCompilesAndDegradedConstructsAreListed() throws Exception {
        List<Path> specs = new ArrayList<>();
        for (Path folder : List.of(Specs.shared("specs/hubspot/v3"), Specs.shared("specs/hubspot/notes"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(specs::add);
            }
        }
        boolean compile = !"false".equalsIgnoreCase(System.getProperty("crmgen.corpus.compile", "true"));
        List<Outcome> outcomes = run(specs, compile);

        int generated = 0;
        int compiled = 0;
        List<String> failures = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        Map<String, Integer> otherWarnings = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (Diagnostic d : o.result().diagnostics()) {
                if (d.severity() == Diagnostic.Severity.WARNING && d.tag().equals("CrmgenDegraded")) {
                    degraded.add(d.specName() + " " + (d.pointer() == null ? "" : d.pointer()) + ": " + d.message());
                } else if (d.severity() == Diagnostic.Severity.WARNING) {
                    otherWarnings.merge(d.tag(), 1, Integer::sum);
                }
            }
            if (o.result().hasErrors()) {
                failures.add(o.spec() + " does not generate: "
                        + o.result().diagnostics().stream()
                                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                                .limit(3)
                                .map(Diagnostic::format)
                                .toList());
                continue;
            }
            generated++;
            if (o.compileProblems() != null && o.compileProblems().isEmpty()) {
                compiled++;
            } else if (o.compileProblems() != null) {
                failures.add(o.spec() + " does not compile:\n"
                        + o.compileProblems().stream().limit(10).collect(Collectors.joining("\n")));
            }
        }
        int n = specs.size();
        System.out.println("generated " + generated + "/" + n + ", compiled " + compiled + "/" + n
                + (compile ? "" : " (compiling skipped: -Dcrmgen.corpus.compile=false)"));
        System.out.println("degraded constructs (" + degraded.size() + "):");
        degraded.forEach(d -> System.out.println("  " + d));
        System.out.println("other warnings by tag: " + otherWarnings);

        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
        assertEquals(n, generated);
        assertEquals(compile ? n : 0, compiled);
    }

    /** Generates and compiles on every core, one javac file manager per thread; outcomes in spec order. */
    private List<Outcome> run(List<Path> specs, boolean compile) throws InterruptedException, ExecutionException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ThreadLocal<JavaCompilation> compilers = ThreadLocal.withInitial(JavaCompilation::new);
        List<JavaCompilation> opened = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path spec : specs) {
                futures.add(pool.submit(() -> {
                    String name = spec.getFileName().toString();
                    String pkg = "com.acme.hubspot."
                            + name.replace(".json", "")
                                    .replaceAll("[^A-Za-z0-9]", "_")
                                    .toLowerCase(Locale.ROOT);
                    GenerationResult result =
                            CrmGenerator.generate(SpecSource.file(spec), new GeneratorOptions(pkg, null, true));
                    if (!compile || result.hasErrors()) {
                        return new Outcome(name, result, null);
                    }
                    JavaCompilation javac = compilers.get();
                    synchronized (opened) {
                        if (!opened.contains(javac)) {
                            opened.add(javac);
                        }
                    }
                    try {
                        return new Outcome(name, result, javac.problems(result.files(), dir.resolve(name)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
            for (JavaCompilation javac : opened) {
                try {
                    javac.close();
                } catch (IOException ignored) {
                    // the folder is deleted with the test's temporary directory anyway
                }
            }
        }
    }
}
