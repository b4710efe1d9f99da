package dev.crmgen.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LightDeserializerTest {

    @Test
    void extensionsBecomePlainValuesAsJacksonWouldConvertThem() throws Exception {
        ObjectNode node = (ObjectNode) SpecText.readTree("""
                {"title": "Notes", "x-tier": ["pro", "enterprise"], "x-limits": {"perSecond": 10, "burst": 1.5,
                 "big": 12345678901, "strict": true, "note": null}, "x-name": "notes"}
                """);

        Map<String, Object> extensions = new LightDeserializer().getExtensions(node);

        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("perSecond", 10);
        limits.put("burst", 1.5);
        limits.put("big", 12345678901L);
        limits.put("strict", true);
        limits.put("note", null);
        assertEquals(List.of("x-tier", "x-limits", "x-name"), List.copyOf(extensions.keySet()));
        assertEquals(List.of("pro", "enterprise"), extensions.get("x-tier"));
        assertEquals(limits, extensions.get("x-limits"));
        assertEquals("notes", extensions.get("x-name"));
    }

    @Test
    void anObjectWithoutItsOwnExtensionsTakesThoseOfItsExtensionsMember() throws Exception {
        JsonNode node = SpecText.readTree("{\"extensions\": {\"x-a\": 1, \"b\": 2}}");

        assertEquals(Map.of("x-a", 1), new LightDeserializer().getExtensions((ObjectNode) node));
    }

    @Test
    void aRepeatedKeyIsRejectedInJsonAndYaml() {
        for (String text : Arrays.asList("{\"a\": 1, \"a\": 2}", "a: 1\na: 2\n")) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> SpecText.readTree(text));
            assertTrue(e.getOriginalMessage().contains("Duplicate field 'a'"), e.getOriginalMessage());
        }
    }

    @Test
    void deserializingGivesSwaggerParsersModelAndMessagesWithoutItsMapOfTheDocument() throws Exception {
        String fragment;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("notes-batch-update.yaml")) {
            fragment = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String flawed = """
                {"openapi": "3.0.3", "info": {"version": 1}, "surprise": true,
                 "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}, "x-note": [1, 2.5]}}},
                 "components": {"schemas": {"A": {"type": "object", "required": "id", "maxLength": "ten"}}}}
                """;
        for (String text : List.of(fragment, flawed)) {
            JsonNode tree = SpecText.readTree(text);
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult expected = new OpenAPIDeserializer().deserialize(tree, "spec.yaml", options, false);
            SwaggerParseResult actual = new LightDeserializer().deserialize(tree, "spec.yaml", options, false);

            assertEquals(expected.getOpenAPI(), actual.getOpenAPI());
            assertEquals(expected.getMessages(), actual.getMessages());
            assertEquals(expected.isOpenapi31(), actual.isOpenapi31());
            assertEquals(text.equals(flawed), !actual.getMessages().isEmpty(), String.valueOf(actual.getMessages()));
        }
    }
}
