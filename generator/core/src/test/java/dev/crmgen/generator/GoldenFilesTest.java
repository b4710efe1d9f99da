package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code generated from the notes fragment (crmgen-spec's {@code notes-batch-update.yaml}) equals the golden files
 * in {@code src/test/golden}, and the golden files compile with {@code -Xlint:all -Werror}. After an intended change,
 * refresh them with {@code -Dcrmgen.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final String CASE = "notes-batch-update";

    @TempDir
    Path dir;

    static GenerationResult generateFragment() {
        SpecSource spec = SpecSource.classpath("notes-batch-update.yaml", GoldenFilesTest.class.getClassLoader());
        GenerationResult result = CrmGenerator.generate(spec, new GeneratorOptions("com.acme.hubspot.notes", null));
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        return result;
    }

    private static Path goldenDir() {
        return Path.of(System.getProperty("crmgen.goldenDir", "src/test/golden"))
                .resolve(CASE);
    }

    @Test
    void generatedCodeMatchesGoldenFiles() throws IOException {
        List<GeneratedFile> files = generateFragment().files();
        Path golden = goldenDir();
        if (Boolean.getBoolean("crmgen.updateGolden")) {
            if (Files.exists(golden)) {
                try (Stream<Path> old = Files.walk(golden)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (GeneratedFile f : files) {
                Path p = golden.resolve(f.relativePath());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.source());
            }
            System.out.println("updated " + files.size() + " golden files in " + golden);
        }
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(golden)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> expected.add(golden.relativize(p).toString().replace('\\', '/')));
        }
        TreeSet<String> actual =
                files.stream().map(GeneratedFile::relativePath).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                expected,
                actual,
                "generated file set differs from " + golden + "; rerun with -Dcrmgen.updateGolden=true if intended");
        List<String> diffs = new ArrayList<>();
        for (GeneratedFile f : files) {
            String want = Files.readString(golden.resolve(f.relativePath()));
            if (!want.equals(f.source())) {
                diffs.add(firstDifference(f.relativePath(), want, f.source()));
            }
        }
        if (!diffs.isEmpty()) {
            fail("generated code differs from the golden files (rerun with -Dcrmgen.updateGolden=true if intended):\n"
                    + String.join("\n", diffs));
        }
    }

    @Test
    void goldenFilesCompileWithLintAsErrors() throws IOException {
        List<GeneratedFile> golden = new ArrayList<>();
        Path root = goldenDir();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                golden.add(new GeneratedFile(
                        relative.substring(0, relative.length() - ".java".length())
                                .replace('/', '.'),
                        Files.readString(p)));
            }
        }
        assertFalse(golden.isEmpty(), "no golden files in " + root);
        JavaCompilation.compile(golden, dir);
    }

    /** What a reviewer checks first: lines within 120 columns, and types named as imported, not fully qualified. */
    @Test
    void generatedLinesFitAndNameImportedTypesBySimpleName() {
        Pattern qualifiedName = Pattern.compile("\\b(?:java|javax|dev|com)\\.[a-z]+\\.");
        List<String> problems = new ArrayList<>();
        for (GeneratedFile f : generateFragment().files()) {
            String[] lines = f.source().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
                if (lines[i].length() > 120) {
                    problems.add(f.relativePath() + ":" + (i + 1) + " has " + lines[i].length() + " columns");
                }
                if (!code.startsWith("import ")
                        && !code.startsWith("package ")
                        && qualifiedName.matcher(code).find()) {
                    problems.add(f.relativePath() + ":" + (i + 1) + " names a type by its qualified name: " + lines[i]);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void twoRunsGiveIdenticalBytes() {
        assertEquals(generateFragment().files(), generateFragment().files());
    }

    private static String firstDifference(String name, String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return name + ":" + (i + 1) + "\n  golden:    " + x + "\n  generated: " + y;
            }
        }
        return name;
    }
}
