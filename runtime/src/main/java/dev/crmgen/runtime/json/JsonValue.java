package dev.crmgen.runtime.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Free-form JSON, used where a spec declares {@code type: object} without properties or an empty schema.
 * Objects keep insertion order; all collections are unmodifiable.
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject,
                JsonValue.JsonArray,
                JsonValue.JsonString,
                JsonValue.JsonNumber,
                JsonValue.JsonBoolean,
                JsonValue.JsonNull {

    /** The JSON {@code null}. */
    JsonNull NULL = JsonNull.INSTANCE;

    /** A JSON object; member values are never Java {@code null} (JSON null is {@link #NULL}). */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Copies the members, keeping their order; Java {@code null} values become {@link #NULL}. */
        public JsonObject {
            Objects.requireNonNull(members, "members");
            Map<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
            members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "member name"), v == null ? NULL : v));
            members = Collections.unmodifiableMap(copy);
        }

        /** The member with that name, or null when absent. */
        public JsonValue get(String name) {
            return members.get(name);
        }
    }

    /** A JSON array; elements are never Java {@code null} (JSON null is {@link #NULL}). */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        /** Copies the elements; Java {@code null} elements become {@link #NULL}. */
        public JsonArray {
            Objects.requireNonNull(elements, "elements");
            List<JsonValue> copy = new ArrayList<>(elements.size());
            for (JsonValue e : elements) {
                copy.add(e == null ? NULL : e);
            }
            elements = Collections.unmodifiableList(copy);
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        /** Rejects a Java {@code null}. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON number, kept exactly. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        /** Rejects a Java {@code null}. */
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON boolean. */
    record JsonBoolean(boolean value) implements JsonValue {}

    /** The JSON {@code null}; its only instance is {@link JsonValue#NULL}. */
    enum JsonNull implements JsonValue {
        /** The single instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }

    /**
     * Converts plain Java values: {@code null}, {@link JsonValue}, {@link String}, {@link Boolean}, {@link Number}
     * (finite), {@link Map} with string keys, {@link Iterable} and arrays of those.
     *
     * @throws IllegalArgumentException for anything else, or a non-finite floating-point number
     */
    static JsonValue of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof CharSequence s) {
            return new JsonString(s.toString());
        }
        if (value instanceof Boolean b) {
            return new JsonBoolean(b);
        }
        if (value instanceof BigDecimal d) {
            return new JsonNumber(d);
        }
        if (value instanceof BigInteger i) {
            return new JsonNumber(new BigDecimal(i));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot represent the number " + d);
            }
            return new JsonNumber(new BigDecimal(value.toString()));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new JsonNumber(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonValue> members = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                members.put(key, of(e.getValue()));
            }
            return new JsonObject(members);
        }
        if (value instanceof Iterable<?> it) {
            List<JsonValue> elements = new ArrayList<>();
            for (Object o : it) {
                elements.add(of(o));
            }
            return new JsonArray(elements);
        }
        if (value instanceof Object[] arr) {
            List<JsonValue> elements = new ArrayList<>(arr.length);
            for (Object o : arr) {
                elements.add(of(o));
            }
            return new JsonArray(elements);
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON");
    }
}
