package dev.crmgen.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal itself, in process, with the real generator on the integration tests' spec. */
class GenerateMojoTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);
    private static final Path SPEC = Path.of("src/it/specs/notes.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    private MavenProject project;
    private final List<String> infos = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        project = new MavenProject(new Model());
        project.setFile(dir.resolve("pom.xml").toFile());
        Files.createDirectories(dir.resolve("src/main/openapi"));
        Files.copy(SPEC, dir.resolve("src/main/openapi/notes.yaml"));
    }

    private GenerateMojo mojo(String spec, String packageName) throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "spec", spec);
        set(mojo, "packageName", packageName);
        set(
                mojo,
                "outputDirectory",
                dir.resolve("target/generated-sources/crmgen").toFile());
        set(mojo, "addCompileSourceRoot", true);
        set(mojo, "project", project);
        set(mojo, "mojoExecution", new MojoExecution(null, "default"));
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = GenerateMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void generatesThenSkipsAndAddsTheSourceRootBothTimes() throws Exception {
        mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute();

        Path client = dir.resolve("target/generated-sources/crmgen/com/acme/notes/NotesClient.java");
        assertTrue(Files.isRegularFile(client));
        assertTrue(
                infos.get(0)
                        .startsWith("crmgen: generated src/main/openapi/notes.yaml into"
                                + " target/generated-sources/crmgen because no earlier generation is recorded; wrote "),
                infos.get(0));
        String root = dir.resolve("target/generated-sources/crmgen").toString();
        assertEquals(List.of(root), project.getCompileSourceRoots());

        project.getCompileSourceRoots().clear();
        mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute();

        assertTrue(
                infos.get(1).startsWith("crmgen: generation skipped, sources up to date: spec (1 input)"),
                infos.get(1));
        assertEquals(List.of(root), project.getCompileSourceRoots());
    }

    @Test
    void editingOneSchemasDescriptionRewritesOnlyThatSchemasFile() throws Exception {
        Path spec = dir.resolve("src/main/openapi/notes.yaml");
        String original = Files.readString(spec);
        String schema = "    NoteInput:\n      type: object\n";
        assertTrue(original.contains(schema), "the spec still declares NoteInput as expected");
        Files.writeString(spec, original.replace(schema, schema + "      description: One note to update.\n"));
        mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute();
        Path output = dir.resolve("target/generated-sources/crmgen");
        Map<Path, byte[]> before = new TreeMap<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                before.put(file, Files.readAllBytes(file));
                Files.setLastModifiedTime(file, LONG_AGO);
            }
        }
        assertTrue(before.size() > 2, "several files were generated: " + before.keySet());

        Files.writeString(
                spec, original.replace(schema, schema + "      description: One note to update, found by its id.\n"));
        mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute();

        Path edited = output.resolve("com/acme/notes/NoteInput.java");
        assertTrue(Files.readString(edited).contains("One note to update, found by its id."));
        assertNotEquals(LONG_AGO, Files.getLastModifiedTime(edited), "the edited schema's file is rewritten");
        for (Map.Entry<Path, byte[]> file : before.entrySet()) {
            if (!file.getKey().equals(edited)) {
                assertEquals(LONG_AGO, Files.getLastModifiedTime(file.getKey()), file.getKey() + " was rewritten");
                assertArrayEquals(file.getValue(), Files.readAllBytes(file.getKey()), file.getKey() + " changed");
            }
        }
        Matcher counts = Pattern.compile(
                        "; wrote 1, kept (\\d+) unchanged \\((\\d+) not emitted again\\), deleted 0 \\(")
                .matcher(infos.get(1));
        assertTrue(counts.find(), infos.get(1));
        assertEquals(before.size() - 1, Integer.parseInt(counts.group(1)));
        // Only the edited record, the records reaching it and the client are emitted again.
        int notEmitted = Integer.parseInt(counts.group(2));
        assertTrue(notEmitted > 0 && notEmitted < before.size() - 1, infos.get(1));
    }

    @Test
    void skipDoesNothing() throws Exception {
        GenerateMojo mojo = mojo("src/main/openapi/notes.yaml", "com.acme.notes");
        set(mojo, "skip", true);

        mojo.execute();

        assertEquals(List.of("crmgen: skipped (crmgen.skip=true)"), infos);
        assertFalse(Files.exists(dir.resolve("target")));
        assertTrue(project.getCompileSourceRoots().isEmpty());
    }

    @Test
    void badConfigurationFailsWithAHint() throws Exception {
        MojoFailureException badPackage = assertThrows(
                MojoFailureException.class,
                () -> mojo("src/main/openapi/notes.yaml", "com.acme.1notes").execute());
        assertTrue(badPackage.getMessage().contains("'com.acme.1notes' is not a valid Java package name"));

        MojoFailureException missingSpec = assertThrows(
                MojoFailureException.class,
                () -> mojo("src/main/openapi/missing.yaml", "com.acme.notes").execute());
        assertTrue(
                missingSpec.getMessage().contains("looked for " + dir.resolve("src/main/openapi/missing.yaml")),
                missingSpec.getMessage());
    }

    @Test
    void aSpecUnderSrcMainResourcesIsFoundByTheNameTheProcessorWouldUse() throws Exception {
        Files.createDirectories(dir.resolve("src/main/resources/specs"));
        Files.move(dir.resolve("src/main/openapi/notes.yaml"), dir.resolve("src/main/resources/specs/notes.yaml"));

        mojo("specs/notes.yaml", "com.acme.notes").execute();

        assertTrue(Files.isRegularFile(dir.resolve("target/generated-sources/crmgen/com/acme/notes/NotesClient.java")));
        assertTrue(infos.get(0).startsWith("crmgen: generated src/main/resources/specs/notes.yaml into"), infos.get(0));
    }

    @Test
    void aDanglingReferenceIsAnErrorUnlessLenientRefsIsOn() throws Exception {
        Path spec = dir.resolve("src/main/openapi/notes.yaml");
        Files.writeString(
                spec, Files.readString(spec).replace("'#/components/schemas/Note'", "'#/components/schemas/Nope'"));
        assertThrows(
                MojoFailureException.class,
                () -> mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute());

        List<String> warnings = new ArrayList<>();
        GenerateMojo lenient = mojo("src/main/openapi/notes.yaml", "com.acme.notes");
        set(lenient, "lenientRefs", true);
        lenient.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        lenient.execute();

        assertTrue(Files.isRegularFile(dir.resolve("target/generated-sources/crmgen/com/acme/notes/NotesClient.java")));
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("[CrmgenDegraded]") && w.contains("Nope")),
                warnings.toString());
    }

    @Test
    void aBrokenSpecFailsListingEveryDiagnostic() throws Exception {
        Path broken = dir.resolve("src/main/openapi/notes.yaml");
        Files.writeString(
                broken, Files.readString(broken).replace("'#/components/schemas/Note'", "'#/components/schemas/Nope'"));

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute());

        assertTrue(
                e.getMessage().startsWith("crmgen: src/main/openapi/notes.yaml has 1 error; nothing was generated:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("notes.yaml#/components/schemas/"), e.getMessage());
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
        assertFalse(new File(dir.toFile(), "target/generated-sources/crmgen/com").exists());
    }

    @Test
    void aSpecThatIsNotUtf8FailsNamingTheFileAndTheFirstBadByte() throws Exception {
        Path spec = dir.resolve("src/main/openapi/notes.yaml");
        String text = Files.readString(spec) + "# Notiz über Kontakte\n";
        Files.write(spec, text.getBytes(StandardCharsets.ISO_8859_1));
        int offset = text.indexOf('ü');

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> mojo("src/main/openapi/notes.yaml", "com.acme.notes").execute());

        assertTrue(
                e.getMessage().startsWith("crmgen: src/main/openapi/notes.yaml has 1 error; nothing was generated:"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("[CrmgenSpecEncoding] notes.yaml: " + spec
                                + " is not UTF-8 text: byte 0xFC at offset " + offset + " "),
                e.getMessage());
        assertFalse(e.getMessage().contains("CrmgenSpecNotFound"), e.getMessage());
        assertFalse(new File(dir.toFile(), "target/generated-sources/crmgen/com").exists());
    }
}
