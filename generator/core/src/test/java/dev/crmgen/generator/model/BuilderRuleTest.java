package dev.crmgen.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Builders go to the records a request can carry that have an optional component, nested ones and oneOf members
 * included; records only received, and records of required components only, are built with their constructor.
 */
class BuilderRuleTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Things, version: v3}
            paths:
              /things/search:
                post:
                  operationId: search
                  requestBody:
                    required: true
                    content: {application/json: {schema: {$ref: '#/components/schemas/SearchRequest'}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
              /things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            components:
              schemas:
                SearchRequest:
                  type: object
                  required: [filterGroups]
                  properties:
                    filterGroups: {type: array, items: {$ref: '#/components/schemas/FilterGroup'}}
                    after: {type: string}
                FilterGroup:
                  type: object
                  required: [filters]
                  properties:
                    filters: {type: array, items: {$ref: '#/components/schemas/Filter'}}
                Filter:
                  type: object
                  required: [propertyName]
                  properties:
                    propertyName: {type: string}
                    value: {type: string}
                    extra: {type: object, additionalProperties: {$ref: '#/components/schemas/FilterDetail'}}
                FilterDetail:
                  type: object
                  properties:
                    note: {type: string}
                Page:
                  type: object
                  required: [results]
                  properties:
                    results: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    total: {type: integer}
                Thing:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    label: {type: string}
            """;

    @Test
    void requestRecordsWithOptionalComponentsHaveBuildersAndReceivedOnesDoNot() {
        GenerationResult result = CrmGenerator.generate(
                SpecSource.inline("things.yaml", SPEC), new GeneratorOptions("com.acme.things", null));
        Map<String, Boolean> hasBuilder = new TreeMap<>();
        for (GeneratedFile file : result.files()) {
            if (file.source().contains("public record ")) {
                String simpleName = file.qualifiedName().substring("com.acme.things.".length());
                hasBuilder.put(simpleName, file.source().contains("public static Builder builder()"));
            }
        }
        assertEquals(
                Map.of(
                        "Filter", true, // carried inside a request, through a list
                        "FilterDetail", true, // through a map inside that
                        "FilterGroup", false, // carried, but its one component is required
                        "Page", false, // only received
                        "SearchRequest", true, // the body
                        "Thing", false), // only received
                hasBuilder);
    }
}
