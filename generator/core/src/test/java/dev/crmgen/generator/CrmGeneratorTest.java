package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door: what it returns for good and bad input, and what build tools rely on. */
class CrmGeneratorTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CrmGeneratorTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void localFilesReachedThroughRefsAreInputsAndResolve(@TempDir Path dir) throws Exception {
        Path main = resource("specs/multi/main.yaml");
        GenerationResult result =
                CrmGenerator.generate(SpecSource.file(main), new GeneratorOptions("com.acme.multi", null));
        assertEquals(List.of(), result.diagnostics());
        assertEquals(
                List.of(main, main.resolveSibling("schemas/note.yaml"), main.resolveSibling("schemas/person.yaml")),
                result.inputFiles());
        assertEquals(
                List.of("com.acme.multi.MultiFileClient", "com.acme.multi.Note", "com.acme.multi.Person"),
                result.files().stream().map(GeneratedFile::qualifiedName).toList());
        assertEquals("com/acme/multi/Note.java", result.files().get(1).relativePath());
        try (CompiledCode code = CompiledCode.compile(result.files(), "com.acme.multi", dir)) {
            assertEquals(Map.of("id", "String", "author", "Person"), code.components("Note"));
        }
    }

    @Test
    void missingFileIsADiagnosticNotAnException() {
        GenerationResult result = CrmGenerator.generate(
                SpecSource.file(Path.of("does-not-exist.yaml")), new GeneratorOptions("com.acme", null));
        assertTrue(result.hasErrors());
        assertTrue(result.files().isEmpty());
        assertEquals("CrmgenSpecNotFound", result.diagnostics().get(0).tag());
    }

    @Test
    void everyErrorIsReportedAndNothingIsGenerated() {
        String spec = """
                openapi: 3.0.3
                info: {title: Broken, version: '1'}
                paths:
                  /a/{id}:
                    get:
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        x: {$ref: '#/components/schemas/AlsoMissing'}
                """;
        GenerationResult result =
                CrmGenerator.generate(SpecSource.inline("broken.yaml", spec), new GeneratorOptions("com.acme", null));
        assertTrue(result.files().isEmpty());
        assertEquals(
                List.of(
                        "[CrmgenUnresolvedRef] broken.yaml#/components/schemas/Thing/properties/x: $ref '#/components/schemas/AlsoMissing' "
                                + "does not resolve; define it under components/schemas or correct the reference.",
                        "[CrmgenMissingPathParam] broken.yaml#/paths/~1a~1{id}/get: path '/a/{id}' names {id} but the operation declares "
                                + "no parameter 'id' with 'in: path'; declare it.",
                        "[CrmgenUnresolvedRef] broken.yaml#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema: "
                                + "$ref '#/components/schemas/Missing' does not resolve; define it under components/schemas or correct the reference."),
                result.diagnostics().stream()
                        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                        .map(Diagnostic::format)
                        .toList());
    }

    @Test
    void lenientRefsDegradeDanglingSchemaRefsAndNameEachPointer(@TempDir Path dir) throws IOException {
        String spec = """
                openapi: 3.0.3
                info: {title: Dangling, version: '1'}
                paths:
                  /things:
                    get:
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
                components:
                  schemas:
                    Page:
                      type: object
                      required: [results]
                      properties:
                        results: {type: array, items: {$ref: '#/components/schemas/Missing'}}
                    Thing:
                      allOf:
                        - {$ref: '#/components/schemas/AlsoMissing'}
                        - {type: object, properties: {id: {type: string}}}
                """;
        GenerationResult strict =
                CrmGenerator.generate(SpecSource.inline("dangling.yaml", spec), new GeneratorOptions("com.acme", null));
        assertEquals(
                List.of("CrmgenUnresolvedRef", "CrmgenUnresolvedRef"),
                strict.diagnostics().stream()
                        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                        .map(Diagnostic::tag)
                        .toList());
        assertTrue(strict.files().isEmpty());

        GenerationResult lenient = CrmGenerator.generate(
                SpecSource.inline("dangling.yaml", spec), new GeneratorOptions("com.acme", null, true));
        assertEquals(
                List.of(
                        "[CrmgenDegraded] dangling.yaml#/components/schemas/Page/properties/results/items: $ref '#/components/schemas/Missing' "
                                + "does not resolve, so it is generated as a JSON value (JsonValue); define it under components/schemas "
                                + "or correct the reference.",
                        "[CrmgenDegraded] dangling.yaml#/components/schemas/Thing/allOf/0: $ref '#/components/schemas/AlsoMissing' "
                                + "does not resolve, so it is left out of the properties; define it under components/schemas "
                                + "or correct the reference."),
                lenient.diagnostics().stream()
                        .filter(d -> d.tag().equals("CrmgenDegraded"))
                        .map(Diagnostic::format)
                        .toList());
        assertTrue(!lenient.hasErrors());
        try (CompiledCode code = CompiledCode.compile(lenient.files(), "com.acme", dir)) {
            assertEquals(Map.of("results", "List<JsonValue>"), code.components("Page"));
        }
    }

    @Test
    void lenientModeTurnsAnUndeclaredPathVariableIntoARequiredStringParameter(@TempDir Path dir) throws Exception {
        String spec = """
                openapi: 3.0.3
                info: {title: Pipelines, version: '1'}
                paths:
                  /crm/v3/pipelines/{objectType}/{pipelineId}:
                    get:
                      operationId: get-pipeline
                      parameters:
                        - {name: pipelineId, in: path, required: true, schema: {type: integer, format: int64}}
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
                """;
        GenerationResult strict = CrmGenerator.generate(
                SpecSource.inline("pipelines.yaml", spec), new GeneratorOptions("com.acme", null));
        assertEquals(
                List.of("CrmgenMissingPathParam"),
                strict.diagnostics().stream()
                        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                        .map(Diagnostic::tag)
                        .toList());

        GenerationResult lenient = CrmGenerator.generate(
                SpecSource.inline("pipelines.yaml", spec), new GeneratorOptions("com.acme", null, true));
        assertFalse(lenient.hasErrors(), () -> lenient.diagnostics().toString());
        assertEquals(
                List.of(
                        "[CrmgenDegraded] pipelines.yaml#/paths/~1crm~1v3~1pipelines~1{objectType}~1{pipelineId}/get: path "
                                + "'/crm/v3/pipelines/{objectType}/{pipelineId}' names {objectType} but the operation declares no such path "
                                + "parameter, so it is generated as a required String parameter; declare it with 'in: path' to give it a "
                                + "type and a description."),
                lenient.diagnostics().stream()
                        .filter(d -> d.tag().equals("CrmgenDegraded"))
                        .map(Diagnostic::format)
                        .toList());
        try (CompiledCode code = CompiledCode.compile(lenient.files(), "com.acme", dir)) {
            var server = new CompiledCode.RecordingTransport(200, "application/json", "{}");
            code.type("PipelinesClient")
                    .getMethod("getPipeline", String.class, Long.class)
                    .invoke(code.client("PipelinesClient", server), "deals", 42L);
            assertEquals(
                    "/crm/v3/pipelines/deals/42", server.only().uri().getPath(), "objectType first, as in the path");
        }
    }

    @Test
    void filesAreSortedByQualifiedName() {
        GenerationResult result = GoldenFilesTest.generateFragment();
        assertEquals(
                result.files().stream()
                        .sorted(Comparator.comparing(GeneratedFile::qualifiedName))
                        .toList(),
                result.files());
        assertTrue(result.files().stream()
                .allMatch(f -> f.source()
                        .contains("comments = \"crmgen " + CrmGenerator.VERSION + " from notes-batch-update.yaml\"")));
        assertTrue(!CrmGenerator.VERSION.contains("${"), "the version resource is filtered");
    }
}
