package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
                yaml.append("  /crm/v3/objects/t")
                        .append(i)
                        .append("/batch/update:\n")
                        .append("    post:\n")
                        .append("      operationId: batchUpdateThings")
                        .append(i)
                        .append('\n')
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
                yaml.append("  /crm/v3/objects/t")
                        .append(i)
                        .append("/{thingId}:\n")
                        .append("    get:\n")
                        .append("      operationId: getThing")
                        .append(i)
                        .append('\n')
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
    void fiveThousandOperationsGenerateAndCompileWithLintCleanAndCallTheirHolders() throws Exception {
        GenerationResult result = CrmGenerator.generate(
                SpecSource.inline("many.yaml", spec(OPERATIONS)), new GeneratorOptions("com.acme.many", null));
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());

        try (CompiledCode code = CompiledCode.compile(result.files(), "com.acme.many", dir)) {
            Class<?> client = code.type("ManyObjectsClient");
            assertEquals(
                    code.type("BatchUpdateThings4995Response"),
                    client.getMethod("batchUpdateThings4995", code.type("BatchInputThing"))
                            .getReturnType(),
                    "last batch operation");
            // 250 operations per holder: twenty of them, the last holding the last operation's members.
            List<String> holders = Arrays.stream(client.getDeclaredClasses())
                    .map(Class::getSimpleName)
                    .toList();
            assertEquals(20, holders.size(), holders::toString);
            Class<?> last = code.type("ManyObjectsClient$Operations20");
            assertEquals(
                    Set.of(
                            "getThing4999Request",
                            "batchUpdateThings4995Request",
                            "batchUpdateThings4995Call",
                            "batchUpdateThings4995BatchResponse"),
                    Arrays.stream(last.getDeclaredMethods())
                            .filter(m -> !m.isSynthetic())
                            .map(Method::getName)
                            .filter(n -> n.contains("4999") || n.contains("4995"))
                            .collect(Collectors.toSet()));

            var server = new CompiledCode.RecordingTransport(
                    200, "application/json", "{\"id\":\"t-1\",\"properties\":{\"name\":\"last\"}}");
            Object thing = client.getMethod("getThing4999", String.class)
                    .invoke(code.client("ManyObjectsClient", server), "t-1");
            assertEquals(
                    Map.of("name", "last"),
                    thing.getClass().getMethod("properties").invoke(thing));
            assertEquals("/crm/v3/objects/t4999/t-1", server.only().uri().getPath());
        }
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
