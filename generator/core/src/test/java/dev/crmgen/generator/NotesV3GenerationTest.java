package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HubSpot's full notes-v3.json generates, compiles warning-free and deterministically. */
class NotesV3GenerationTest {
    @TempDir
    Path dir;

    private static GenerationResult generate() {
        Path spec = Specs.shared("specs/hubspot/notes/notes-v3.json");
        return CrmGenerator.generate(SpecSource.file(spec), new GeneratorOptions("com.acme.hubspot.notes", null));
    }

    @Test
    void generatesAndCompilesWithLintAsErrors() {
        GenerationResult result = generate();
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        List<String> names =
                result.files().stream().map(GeneratedFile::qualifiedName).toList();
        assertTrue(names.contains("com.acme.hubspot.notes.NotesClient"), names::toString);
        assertTrue(names.contains("com.acme.hubspot.notes.SimplePublicObject"), names::toString);
        assertTrue(names.contains("com.acme.hubspot.notes.BatchUpdateResponse"), names::toString);
        JavaCompilation.compile(result.files(), dir);
    }

    @Test
    void twoRunsGiveIdenticalBytes() {
        assertEquals(generate().files(), generate().files());
    }
}
