package dev.crmgen.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every example in the fragment, HubSpot's and our own, is a valid instance of the schema it illustrates. */
class ExamplesTest {
    private final OpenAPI api = SpecFiles.fragment();
    private final Map<String, Schema> components = api.getComponents().getSchemas();
    private final List<String> problems = new ArrayList<>();
    private int checked;

    @Test
    void everyExampleConformsToItsSchema() {
        components.forEach((name, schema) -> schemaExamples(SpecFiles.SCHEMA_PREFIX + name, schema));
        Operation operation = SpecFiles.batchUpdate(api);
        String base = "#/paths/" + SpecFiles.PATH.replace("/", "~1") + "/post";
        contentExamples(base + "/requestBody", operation.getRequestBody().getContent());
        operation
                .getResponses()
                .forEach((status, response) -> contentExamples(
                        base + "/responses/" + status,
                        SpecFiles.response(api, response).getContent()));

        assertEquals(List.of(), problems, "examples that do not match their schema");
        // HubSpot's object 512, the Error example, five field examples, and the request/200/207 examples.
        assertEquals(10, checked, "number of examples checked");
    }

    @Test
    void ourOwnExamplesAreMarkedAsExamples() {
        Operation operation = SpecFiles.batchUpdate(api);
        List<Example> ours = new ArrayList<>(operation
                .getRequestBody()
                .getContent()
                .get("application/json")
                .getExamples()
                .values());
        for (String status : List.of("200", "207")) {
            ours.addAll(operation
                    .getResponses()
                    .get(status)
                    .getContent()
                    .get("application/json")
                    .getExamples()
                    .values());
        }
        assertEquals(3, ours.size());
        for (Example example : ours) {
            assertTrue(example.getSummary().startsWith("Example: "), "summary must mark it: " + example.getSummary());
        }
    }

    @Test
    void the207ExampleCarriesAnObjectNotFoundErrorWithItsIds() {
        Example example = SpecFiles.batchUpdate(api)
                .getResponses()
                .get("207")
                .getContent()
                .get("application/json")
                .getExamples()
                .get("oneNotFound");
        Map<String, Object> body = Examples.asMap(example.getValue());
        List<?> errors = (List<?>) body.get("errors");
        assertEquals(1, errors.size());
        Map<?, ?> error = (Map<?, ?>) errors.get(0);
        assertEquals("OBJECT_NOT_FOUND", error.get("category"));
        assertEquals(Map.of("ids", List.of("999999999")), error.get("context"));
        assertEquals(1, body.get("numErrors"));
    }

    @Test
    void theValidatorRejectsAWrongExample() {
        Schema<?> batchInput = components.get("SimplePublicObjectBatchInput");
        List<String> found = Examples.problems("$", Map.of("id", 512, "propertys", Map.of()), batchInput, components);
        assertEquals(
                Set.of(
                        "$: lacks required field \"properties\"",
                        "$/id: expected a string, found number 512",
                        "$/propertys: field not declared by the schema"),
                Set.copyOf(found));
        assertEquals(3, found.size(), "one problem each: " + found);
    }

    private void schemaExamples(String pointer, Schema<?> schema) {
        if (schema.getExample() != null) {
            check(pointer + "/example", schema.getExample(), schema);
        }
        if (schema.getProperties() != null) {
            schema.getProperties()
                    .forEach((name, property) -> schemaExamples(pointer + "/properties/" + name, property));
        }
    }

    private void contentExamples(String pointer, Content content) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> mediaExamples(pointer + "/content/" + type.replace("/", "~1"), media));
    }

    private void mediaExamples(String pointer, MediaType media) {
        if (media.getExample() != null) {
            check(pointer + "/example", media.getExample(), media.getSchema());
        }
        if (media.getExamples() != null) {
            media.getExamples()
                    .forEach((name, example) ->
                            check(pointer + "/examples/" + name + "/value", example.getValue(), media.getSchema()));
        }
    }

    private void check(String pointer, Object value, Schema<?> schema) {
        checked++;
        problems.addAll(Examples.problems(pointer, value, schema, components));
    }
}
