package dev.crmgen.runtime.error;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HubSpot's error body ({@code Error} in its specs). Reading is lenient: unknown members are skipped, a
 * context value that is a single string becomes a one-element list, and a context sent as one string in Java's
 * map notation ({@code "{missingScopes=[a, b]}"}) is read as that map, so an unusual error never hides the status.
 *
 * @param category such as {@code VALIDATION_ERROR}, {@code MISSING_SCOPES}, {@code OBJECT_NOT_FOUND}; may be null
 * @param correlationId for HubSpot support; may be null
 * @param message the human-readable message; may be null
 * @param subCategory a finer category; may be null
 * @param context extra facts such as {@code ids} or {@code missingScopes}; never null
 * @param links related documentation links; never null
 * @param errors per-field details; never null
 * @param policyName the rate-limit policy of a 429 (such as {@code SECONDLY}); may be null
 * @param errorType such as {@code RATE_LIMIT}; may be null
 */
public record HubSpotError(
        String category,
        String correlationId,
        String message,
        String subCategory,
        Map<String, List<String>> context,
        Map<String, String> links,
        List<ErrorDetail> errors,
        String policyName,
        String errorType) {

    /** Copies the collections, unmodifiable. */
    public HubSpotError {
        context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        links = links == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(links));
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * The scopes the call lacked. HubSpot names them in several shapes, all read here: {@code context.missingScopes}
     * as a list, as one string {@code "[a, b]"}, or inside a context sent as the string
     * {@code "{missingScopes=[a, b]}"};
     * when it names only the scopes the call requires ({@code errors[].context.requiredGranularScopes} or
     * {@code requiredScopes}, HubSpot's documented 403 body), those. Empty when the body names none.
     */
    public List<String> missingScopes() {
        List<String> scopes = listValue(context.get("missingScopes"));
        if (!scopes.isEmpty()) {
            return scopes;
        }
        for (ErrorDetail detail : errors) {
            for (String key : List.of("missingScopes", "requiredGranularScopes", "requiredScopes")) {
                scopes = listValue(detail.context().get(key));
                if (!scopes.isEmpty()) {
                    return scopes;
                }
            }
        }
        return List.of();
    }

    /** A list value; a single element written as {@code "[a, b]"} is that list. */
    private static List<String> listValue(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() == 1) {
            String only = values.get(0).strip();
            if (only.startsWith("[") && only.endsWith("]")) {
                return splitList(only.substring(1, only.length() - 1));
            }
        }
        return values;
    }

    private static List<String> splitList(String items) {
        List<String> out = new ArrayList<>();
        for (String item : items.split(",")) {
            String v = item.strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A context HubSpot sent as one string in Java's map notation, {@code {key=[a, b], other=value}}; null when the
     * string is not in that notation.
     */
    static Map<String, List<String>> contextFromString(String text) {
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return null;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        int depth = 0;
        int start = 1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if ((c == ',' && depth == 0) || i == s.length() - 1) {
                String entry = s.substring(start, i).strip();
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    String value = entry.substring(eq + 1).strip();
                    map.put(
                            entry.substring(0, eq).strip(),
                            value.startsWith("[") && value.endsWith("]")
                                    ? splitList(value.substring(1, value.length() - 1))
                                    : List.of(value));
                }
                start = i + 1;
            }
        }
        return map;
    }

    /**
     * One entry of {@code errors}.
     *
     * @param message the detail message; may be null
     * @param code an error code; may be null
     * @param subCategory a finer category; may be null
     * @param in the field or parameter at fault; may be null
     * @param context extra facts; never null
     */
    public record ErrorDetail(
            String message, String code, String subCategory, String in, Map<String, List<String>> context) {
        /** Copies the context, unmodifiable. */
        public ErrorDetail {
            context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /** The lenient codec for HubSpot error bodies. */
    public static JsonCodec<HubSpotError> jsonCodec() {
        return CODEC;
    }

    private static final JsonCodec<Map<String, List<String>>> CONTEXT = new JsonCodec<>() {
        @Override
        public Map<String, List<String>> read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Map<String, List<String>> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    List<String> values = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                            values.add(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                    map.put(name, Collections.unmodifiableList(values));
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    map.put(name, List.of(p.getText()));
                } else {
                    p.skipChildren();
                }
            }
            return map;
        }

        @Override
        public void write(JsonGenerator g, Map<String, List<String>> value) throws IOException {
            JsonCodecs.mapOf(JsonCodecs.listAllowingNulls(JsonCodecs.STRING)).write(g, value);
        }
    };

    private static final JsonCodec<ErrorDetail> DETAIL = new JsonCodec<>() {
        @Override
        public ErrorDetail read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            String message = null;
            String code = null;
            String subCategory = null;
            String in = null;
            Map<String, List<String>> context = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "message" -> message = text(p, t);
                    case "code" -> code = text(p, t);
                    case "subCategory" -> subCategory = text(p, t);
                    case "in" -> in = text(p, t);
                    case "context" ->
                        context = t == JsonToken.START_OBJECT
                                ? CONTEXT.read(p)
                                : t == JsonToken.VALUE_STRING ? contextFromString(p.getText()) : skip(p);
                    default -> p.skipChildren();
                }
            }
            return new ErrorDetail(message, code, subCategory, in, context);
        }

        @Override
        public void write(JsonGenerator g, ErrorDetail d) throws IOException {
            g.writeStartObject();
            writeText(g, "message", d.message());
            writeText(g, "code", d.code());
            writeText(g, "subCategory", d.subCategory());
            writeText(g, "in", d.in());
            if (!d.context().isEmpty()) {
                g.writeFieldName("context");
                CONTEXT.write(g, d.context());
            }
            g.writeEndObject();
        }
    };

    private static final JsonCodec<HubSpotError> CODEC = new JsonCodec<>() {
        @Override
        public HubSpotError read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an error object");
            String category = null;
            String correlationId = null;
            String message = null;
            String subCategory = null;
            String policyName = null;
            String errorType = null;
            Map<String, List<String>> context = null;
            Map<String, String> links = null;
            List<ErrorDetail> errors = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "category" -> category = text(p, t);
                    case "correlationId" -> correlationId = text(p, t);
                    case "message" -> message = text(p, t);
                    case "subCategory" -> subCategory = text(p, t);
                    case "policyName" -> policyName = text(p, t);
                    case "errorType" -> errorType = text(p, t);
                    case "context" ->
                        context = t == JsonToken.START_OBJECT
                                ? CONTEXT.read(p)
                                : t == JsonToken.VALUE_STRING ? contextFromString(p.getText()) : skip(p);
                    case "links" -> {
                        if (t == JsonToken.START_OBJECT) {
                            links = new LinkedHashMap<>();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                String v = text(p, p.nextToken());
                                if (v != null) {
                                    links.put(key, v);
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "errors" -> {
                        if (t == JsonToken.START_ARRAY) {
                            errors = new ArrayList<>();
                            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (t == JsonToken.START_OBJECT) {
                                    errors.add(DETAIL.read(p));
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new HubSpotError(
                    category, correlationId, message, subCategory, context, links, errors, policyName, errorType);
        }

        @Override
        public void write(JsonGenerator g, HubSpotError e) throws IOException {
            g.writeStartObject();
            writeText(g, "status", "error");
            writeText(g, "message", e.message());
            writeText(g, "correlationId", e.correlationId());
            writeText(g, "category", e.category());
            writeText(g, "subCategory", e.subCategory());
            writeText(g, "policyName", e.policyName());
            writeText(g, "errorType", e.errorType());
            if (!e.context().isEmpty()) {
                g.writeFieldName("context");
                CONTEXT.write(g, e.context());
            }
            if (!e.links().isEmpty()) {
                g.writeFieldName("links");
                JsonCodecs.mapOf(JsonCodecs.STRING).write(g, e.links());
            }
            if (!e.errors().isEmpty()) {
                g.writeFieldName("errors");
                JsonCodecs.listAllowingNulls(DETAIL).write(g, e.errors());
            }
            g.writeEndObject();
        }
    };

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void writeText(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
