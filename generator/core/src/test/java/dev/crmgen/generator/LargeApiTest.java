package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API far larger than any HubSpot publishes still compiles: the client's per-operation constants must not all land
 * in one static initialiser, which the JVM limits to 64 KiB of bytecode.
 */
class LargeApiTest {
    private static final int OPERATIONS = 5_000;
    /** Every fifth operation is a HubSpot-style batch update, which also has batch keys. */
    private static final int BATCH_EVERY = 5;

    @TempDir
    Path dir;

    /** A spec with {@code operations} operations over a handful of shared schemas, in the shape HubSpot uses. */
    static String spec(int operations) {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.0.3
                info: {title: Many Objects, version: v3}
                paths:
                """);
        for (int i = 0; i < operations; i++) {
            if (i % BATCH_EVERY == 0) {
                yaml.append("  /crm/v3/objects/t").append(i).append("/batch/update:\n")
                        .append("    post:\n")
                        .append("      operationId: batchUpdateThings").append(i).append('\n')
                        .append("      requestBody:\n")
                        .append("        required: true\n")
                        .append("        content:\n")
                        .append("          application/json:\n")
                        .append("            schema: {$ref: '#/components/schemas/BatchInputThing'}\n")
                        .append("      responses:\n")
                        .append("        '200': {description: ok, content: {application/json: {schema: ")
                        .append("{$ref: '#/components/schemas/BatchResponseThing'}}}}\n")
                        .append("        '207': {description: partial, content: {application/json: {schema: ")
                        .append("{$ref: '#/components/schemas/BatchResponseThingWithErrors'}}}}\n");
            } else {
                yaml.append("  /crm/v3/objects/t").append(i).append("/{thingId}:\n")
                        .append("    get:\n")
                        .append("      operationId: getThing").append(i).append('\n')
                        .append("      parameters:\n")
                        .append("        - {name: thingId, in: path, required: true, schema: {type: string}}\n")
                        .append("      responses:\n")
                        .append("        '200': {description: ok, content: {application/json: {schema: ")
                        .append("{$ref: '#/components/schemas/Thing'}}}}\n")
                        .append("        '204': {description: gone}\n");
            }
        }
        yaml.append("""
                components:
                  schemas:
                    Thing:
                      type: object
                      required: [id, properties]
                      properties:
                        id: {type: string}
                        properties: {type: object, additionalProperties: {type: string}}
                    ThingInput:
                      type: object
                      required: [id, properties]
                      properties:
                        id: {type: string}
                        objectWriteTraceId: {type: string}
                        properties: {type: object, additionalProperties: {type: string}}
                    BatchInputThing:
                      type: object
                      required: [inputs]
                      properties:
                        inputs: {type: array, items: {$ref: '#/components/schemas/ThingInput'}}
                    BatchResponseThing:
                      type: object
                      required: [results]
                      properties:
                        results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    BatchResponseThingWithErrors:
                      type: object
                      required: [results]
                      properties:
                        results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                        numErrors: {type: integer}
                """);
        return yaml.toString();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fiveThousandOperationsGenerateAndCompileWithLintClean() {
        GenerationResult result = CrmGenerator.generate(SpecSource.inline("many.yaml", spec(OPERATIONS)),
                new GeneratorOptions("com.acme.many", null));
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        String client = result.files().stream().filter(f -> f.qualifiedName().equals("com.acme.many.ManyObjectsClient"))
                .findFirst().orElseThrow().source();
        assertTrue(client.contains("public BatchUpdateThings4995Response batchUpdateThings4995("), "last batch operation");
        assertTrue(client.contains("public Thing getThing4999(String thingId)"), "last operation");
        // 250 operations per holder: the 20th holds the last of them, request builder and constants alike.
        assertTrue(client.contains("return invoker.invoke(Operations20.getThing4999Request(thingId), "
                + "Operations20.GET_THING4999_RESPONSE);"), "calls into the holder");
        assertFalse(client.contains("class Operations21"), "no more holders than needed");

        JavaCompilation.compile(result.files(), dir);
    }

    @Test
    void theOutputIsTheSameOnEveryRun() {
        String spec = spec(600);
        GeneratorOptions options = new GeneratorOptions("com.acme.many", null);
        GenerationResult first = CrmGenerator.generate(SpecSource.inline("many.yaml", spec), options);
        GenerationResult second = CrmGenerator.generate(SpecSource.inline("many.yaml", spec), options);
        assertEquals(first.files(), second.files());
    }
}
