package dev.crmgen.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that an example value is an instance of its schema: JSON types, formats (date-time, uuid, int32), enums,
 * required and unknown fields. Examples end up in generated javadoc and in simulator fixtures, so a wrong one
 * would mislead both.
 */
final class Examples {
    private final Map<String, Schema> components;
    private final List<String> problems = new ArrayList<>();

    private Examples(Map<String, Schema> components) {
        this.components = components;
    }

    /** The example as plain Java values (maps, lists, strings, numbers, booleans). */
    static Map<String, Object> asMap(Object example) {
        return Json.mapper().convertValue(example, new TypeReference<Map<String, Object>>() {});
    }

    /** Why {@code example} is not an instance of {@code schema}; empty when it is. */
    static List<String> problems(String pointer, Object example, Schema<?> schema, Map<String, Schema> components) {
        Examples examples = new Examples(components);
        examples.check(pointer, Json.mapper().valueToTree(example), schema);
        return examples.problems;
    }

    private void check(String pointer, JsonNode value, Schema<?> schema) {
        if (schema.get$ref() != null) {
            check(pointer, value, components.get(SpecFiles.schemaName(schema.get$ref())));
            return;
        }
        if (value.isNull()) {
            problems.add(pointer + ": null, but the schema is not nullable");
            return;
        }
        String type = schema.getType();
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> object(pointer, value, schema);
            case "array" -> array(pointer, value, schema);
            case "string" -> string(pointer, value, schema);
            case "integer" -> integer(pointer, value, schema);
            case "number" -> expect(pointer, value.isNumber(), "a number", value);
            case "boolean" -> expect(pointer, value.isBoolean(), "a boolean", value);
            default -> problems.add(pointer + ": unsupported schema type " + type);
        }
    }

    private void object(String pointer, JsonNode value, Schema<?> schema) {
        if (!expect(pointer, value.isObject(), "an object", value)) {
            return;
        }
        if (schema.getRequired() != null) {
            for (String name : schema.getRequired()) {
                if (!value.has(name)) {
                    problems.add(pointer + ": lacks required field \"" + name + "\"");
                }
            }
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        Object additional = schema.getAdditionalProperties();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String path = pointer + "/" + field.getKey();
            Schema<?> declared = properties.get(field.getKey());
            if (declared != null) {
                check(path, field.getValue(), declared);
            } else if (additional instanceof Schema<?> valueSchema) {
                check(path, field.getValue(), valueSchema);
            } else if (!properties.isEmpty()) {
                // HubSpot's schemas don't forbid extra fields, but in our own examples one is always a typo.
                problems.add(path + ": field not declared by the schema");
            }
        }
    }

    private void array(String pointer, JsonNode value, Schema<?> schema) {
        if (!expect(pointer, value.isArray(), "an array", value)) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(pointer + "/" + i, value.get(i), schema.getItems());
        }
    }

    private void string(String pointer, JsonNode value, Schema<?> schema) {
        if (!expect(pointer, value.isTextual(), "a string", value)) {
            return;
        }
        String text = value.textValue();
        if (schema.getEnum() != null && !schema.getEnum().contains(text)) {
            problems.add(pointer + ": \"" + text + "\" is not one of " + schema.getEnum());
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        switch (format) {
            case "date-time" -> {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    problems.add(pointer + ": \"" + text + "\" is not an RFC 3339 date-time");
                }
            }
            case "uuid" -> {
                boolean valid;
                try {
                    valid = UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    valid = false;
                }
                if (!valid) {
                    problems.add(pointer + ": \"" + text + "\" is not a UUID");
                }
            }
            default -> {}
        }
    }

    private void integer(String pointer, JsonNode value, Schema<?> schema) {
        if (expect(pointer, value.isIntegralNumber(), "an integer", value)
                && "int32".equals(schema.getFormat())
                && !value.canConvertToInt()) {
            problems.add(pointer + ": " + value + " does not fit int32");
        }
    }

    private boolean expect(String pointer, boolean ok, String what, JsonNode value) {
        if (!ok) {
            problems.add(pointer + ": expected " + what + ", found "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value);
        }
        return ok;
    }
}
