package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Spec bytes as they arrive from disk or a jar: strict UTF-8 with an optional mark, and YAML beyond 3 MiB. */
class SpecLoadingTest {
    private static final String JSON_SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Notes", "version": "v3"},
             "paths": {"/notes/{noteId}": {"get": {"operationId": "getNote",
               "parameters": [{"name": "noteId", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "ok", "content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Note"}}}}}}}},
             "components": {"schemas": {"Note": {"type": "object", "description": "Notiz über einen Kontakt",
               "required": ["id"], "properties": {"id": {"type": "string"}}}}}}
            """;
    private static final GeneratorOptions OPTIONS = new GeneratorOptions("com.acme.notes", null);

    @TempDir
    Path dir;

    private static String source(GenerationResult result, String qualifiedName) {
        return result.files().stream()
                .filter(f -> f.qualifiedName().equals(qualifiedName))
                .findFirst()
                .orElseThrow()
                .source();
    }

    @Test
    void aJsonSpecWithAUtf8ByteOrderMarkGenerates() throws IOException {
        Path spec = Files.write(dir.resolve("notes.json"), ("\uFEFF" + JSON_SPEC).getBytes(StandardCharsets.UTF_8));
        GenerationResult result = CrmGenerator.generate(SpecSource.file(spec), OPTIONS);
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        assertTrue(source(result, "com.acme.notes.Note").contains("Notiz über einen Kontakt"));
    }

    @Test
    void aClassPathSpecThatIsNotUtf8IsAnEncodingErrorNotMangledText() throws IOException {
        Files.write(dir.resolve("latin1.json"), JSON_SPEC.getBytes(StandardCharsets.ISO_8859_1));
        try (URLClassLoader jar = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            GenerationResult result = CrmGenerator.generate(SpecSource.classpath("latin1.json", jar), OPTIONS);
            assertTrue(result.files().isEmpty());
            Diagnostic error = result.diagnostics().get(0);
            assertEquals("CrmgenSpecEncoding", error.tag());
            assertEquals("latin1.json", error.specName());
            assertTrue(
                    error.message()
                            .startsWith(dir.resolve("latin1.json") + " is not UTF-8 text: byte 0xFC at " + "offset "
                                    + JSON_SPEC.indexOf('ü') + " (line 6)"),
                    error.message());
        }
    }

    @Test
    void aReferencedFileThatIsNotUtf8IsAnEncodingErrorNamingIt() throws IOException {
        String note = "{\"type\": \"object\", \"description\": \"Notiz über\"}";
        Files.write(dir.resolve("note.json"), note.getBytes(StandardCharsets.ISO_8859_1));
        Path spec = Files.writeString(
                dir.resolve("main.json"), JSON_SPEC.replace("\"#/components/schemas/Note\"", "\"note.json\""));
        GenerationResult result = CrmGenerator.generate(SpecSource.file(spec), OPTIONS);
        assertTrue(
                result.diagnostics().stream()
                        .anyMatch(d -> d.tag().equals("CrmgenSpecEncoding")
                                && d.message()
                                        .startsWith(dir.resolve("note.json")
                                                + " is not UTF-8 text: byte 0xFC at offset " + note.indexOf('ü'))),
                () -> result.diagnostics().toString());
        assertTrue(result.files().isEmpty());
    }

    /** ~5 MiB of YAML: 200 schemas of 10 properties, each with a 2.5 KiB description, as large vendor specs have. */
    private static String largeYamlSpec() {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.0.3
                info: {title: Large, version: v3}
                paths:
                  /things/{id}:
                    get:
                      operationId: getThing
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing0'}
                components:
                  schemas:
                """);
        String words = "The property holds a value that HubSpot documents at length. ".repeat(40);
        for (int s = 0; s < 200; s++) {
            yaml.append("    Thing").append(s).append(":\n      type: object\n      properties:\n");
            for (int p = 0; p < 10; p++) {
                yaml.append("        p")
                        .append(p)
                        .append(":\n          type: string\n          description: ")
                        .append(words)
                        .append("End of Thing")
                        .append(s)
                        .append(".p")
                        .append(p)
                        .append('\n');
            }
        }
        return yaml.toString();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aYamlSpecOverSnakeYamlsDefaultLimitGenerates() throws IOException {
        String text = largeYamlSpec();
        assertTrue(
                text.length() > 5 * 1024 * 1024 - 300_000 && text.codePointCount(0, text.length()) > 3 * 1024 * 1024,
                "the spec must exceed SnakeYAML's default 3 MiB code-point limit: " + text.length());
        Path spec = Files.writeString(dir.resolve("large.yaml"), text);
        GenerationResult result = CrmGenerator.generate(SpecSource.file(spec), OPTIONS);
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        assertEquals(
                List.of(),
                result.diagnostics().stream()
                        .filter(d -> d.tag().equals("CrmgenSpecWarning"))
                        .toList());
        // Javadoc is wrapped at any space: compare the text with its line breaks taken out.
        assertTrue(source(result, "com.acme.notes.Thing199")
                .replaceAll("\n\\s*\\*\\s*", " ")
                .contains("End of Thing199.p9"));
        assertTrue(source(result, "com.acme.notes.LargeClient").contains("public Thing0 getThing(String id)"));
    }
}
