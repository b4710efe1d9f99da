package dev.crmgen.generator.spec;

import dev.crmgen.generator.model.TypeRef.Scalar;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Set;

/**
 * What a Swagger Parser schema is, read from the schema alone: its JSON type, its scalar and whether it declares a
 * type.
 */
@SuppressWarnings("rawtypes") // Swagger Parser's Schema is used raw throughout its own API
final class SchemaShapes {
    private SchemaShapes() {}

    /** The JSON type: declared (3.0's {@code type}, or 3.1's {@code types} less {@code null}), else implied. */
    static String typeName(Schema s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            Set<String> types = s.getTypes();
            return types.stream()
                    .filter(t -> !"null".equals(t))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        }
        if (s.getProperties() != null && !s.getProperties().isEmpty()) {
            return "object";
        }
        if (s.getItems() != null) {
            return "array";
        }
        return null;
    }

    /** The scalar for a type and format; {@link Scalar#JSON_VALUE} for anything that is not a scalar. */
    static Scalar scalarOf(Schema s) {
        String type = typeName(s);
        String format = s.getFormat() == null ? "" : s.getFormat();
        if (type == null) {
            return Scalar.JSON_VALUE;
        }
        return switch (type) {
            case "string" ->
                switch (format) {
                    case "date-time" -> Scalar.DATE_TIME;
                    case "date" -> Scalar.DATE;
                    case "uuid" -> Scalar.UUID;
                    default -> Scalar.STRING;
                };
            case "integer" -> "int32".equals(format) ? Scalar.INT32 : Scalar.INT64;
            case "number" ->
                switch (format) {
                    case "float" -> Scalar.FLOAT;
                    case "double" -> Scalar.DOUBLE;
                    case "int32" -> Scalar.INT32;
                    case "int64" -> Scalar.INT64;
                    default -> Scalar.DECIMAL;
                };
            case "boolean" -> Scalar.BOOLEAN;
            default -> Scalar.JSON_VALUE;
        };
    }

    /** Whether a schema becomes a generated type (record or enum) rather than a scalar, list, map or JSON value. */
    static boolean declaresType(Schema s) {
        if (s == null || s.get$ref() != null) {
            return false;
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            Scalar scalar = scalarOf(s);
            return scalar == Scalar.STRING || scalar == Scalar.INT32 || scalar == Scalar.INT64;
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return s.getAllOf().size() > 1
                    || (s.getProperties() != null && !s.getProperties().isEmpty());
        }
        return (s.getOneOf() == null && s.getAnyOf() == null)
                && s.getProperties() != null
                && !s.getProperties().isEmpty();
    }

    /**
     * The fixed string a oneOf member's property holds: its enum's one value or, failing that, the member's
     * {@code title}, which HubSpot sets to the same value; null when the property is not a fixed string.
     */
    static String fixedValue(Schema member, Schema property) {
        if (!"string".equals(typeName(property))) {
            return null;
        }
        if (property.getEnum() != null) {
            return property.getEnum().size() == 1
                    ? String.valueOf(property.getEnum().get(0))
                    : null;
        }
        return member.getTitle();
    }

    static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
