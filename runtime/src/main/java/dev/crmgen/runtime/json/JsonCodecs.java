package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry points generated code calls for JSON: built-in codecs for scalar types, lists and maps, and the helpers
 * generated codecs use to report errors with a JSON path. The mechanics live beside it: RFC 3339 text in
 * {@code Rfc3339}, JSON paths in {@code JsonPaths}, lenient scalar reading in {@code Coercions}, lists in
 * {@code ListCodec}; what stays here is one short codec or delegating helper per name generated code uses.
 *
 * <p>Readers are strict unless a {@link Json#decodeTolerant tolerant decode} runs on the thread. Then a value of
 * another JSON type than declared is recorded as a {@link JsonDeviation} with its raw value and read as absent
 * ({@code null}), except where the conversion loses nothing, which is recorded too and the converted value kept: a
 * number or boolean where a string is declared gives its JSON text ({@code 12} → {@code "12"}); a string holding
 * exactly a number in range where a number is declared gives that number ({@code "12"} → {@code 12}); {@code "true"}
 * or {@code "false"} where a boolean is declared gives the boolean.
 */
public final class JsonCodecs {
    private JsonCodecs() {}

    /** JSON string ⇄ {@link String}. */
    public static final JsonCodec<String> STRING = new JsonCodec<>() {
        @Override
        public String read(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (t == JsonToken.VALUE_NUMBER_INT
                    || t == JsonToken.VALUE_NUMBER_FLOAT
                    || t == JsonToken.VALUE_TRUE
                    || t == JsonToken.VALUE_FALSE) {
                return Coercions.converted(p, "a string", p.getText());
            }
            return Coercions.tolerate(p, "a string");
        }

        @Override
        public void write(JsonGenerator g, String value) throws IOException {
            g.writeString(value);
        }
    };

    /** JSON integer within 32 bits ⇄ {@link Integer}. */
    public static final JsonCodec<Integer> INT32 = new JsonCodec<>() {
        @Override
        public Integer read(JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return Coercions.readIntegral(p, "a 32-bit integer", BigDecimal::intValueExact);
        }

        @Override
        public void write(JsonGenerator g, Integer value) throws IOException {
            g.writeNumber(value.intValue());
        }
    };

    /** JSON integer within 64 bits ⇄ {@link Long}. */
    public static final JsonCodec<Long> INT64 = new JsonCodec<>() {
        @Override
        public Long read(JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = p.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    return p.getLongValue();
                }
            }
            return Coercions.readIntegral(p, "a 64-bit integer", BigDecimal::longValueExact);
        }

        @Override
        public void write(JsonGenerator g, Long value) throws IOException {
            g.writeNumber(value.longValue());
        }
    };

    /** JSON number ⇄ {@link Float}. */
    public static final JsonCodec<Float> FLOAT = new JsonCodec<>() {
        @Override
        public Float read(JsonParser p) throws IOException {
            if (Coercions.isNumber(p)) {
                return p.getFloatValue();
            }
            BigDecimal number = Coercions.numberInString(p);
            return number == null
                    ? Coercions.tolerate(p, "a number")
                    : Coercions.converted(p, "a number", number.floatValue());
        }

        @Override
        public void write(JsonGenerator g, Float value) throws IOException {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("JSON cannot represent the number " + value);
            }
            g.writeNumber(value.floatValue());
        }
    };

    /** JSON number ⇄ {@link Double}. */
    public static final JsonCodec<Double> DOUBLE = new JsonCodec<>() {
        @Override
        public Double read(JsonParser p) throws IOException {
            if (Coercions.isNumber(p)) {
                return p.getDoubleValue();
            }
            BigDecimal number = Coercions.numberInString(p);
            return number == null
                    ? Coercions.tolerate(p, "a number")
                    : Coercions.converted(p, "a number", number.doubleValue());
        }

        @Override
        public void write(JsonGenerator g, Double value) throws IOException {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON cannot represent the number " + value);
            }
            g.writeNumber(value.doubleValue());
        }
    };

    /** JSON number ⇄ {@link BigDecimal}, exactly. */
    public static final JsonCodec<BigDecimal> DECIMAL = new JsonCodec<>() {
        @Override
        public BigDecimal read(JsonParser p) throws IOException {
            if (Coercions.isNumber(p)) {
                return p.getDecimalValue();
            }
            BigDecimal number = Coercions.numberInString(p);
            return number == null ? Coercions.tolerate(p, "a number") : Coercions.converted(p, "a number", number);
        }

        @Override
        public void write(JsonGenerator g, BigDecimal value) throws IOException {
            g.writeNumber(value);
        }
    };

    /** JSON {@code true}/{@code false} ⇄ {@link Boolean}. */
    public static final JsonCodec<Boolean> BOOLEAN = new JsonCodec<>() {
        @Override
        public Boolean read(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) {
                return Boolean.TRUE;
            }
            if (t == JsonToken.VALUE_FALSE) {
                return Boolean.FALSE;
            }
            if (t == JsonToken.VALUE_STRING && ("true".equals(p.getText()) || "false".equals(p.getText()))) {
                return Coercions.converted(p, "a boolean", Boolean.valueOf(p.getText()));
            }
            return Coercions.tolerate(p, "a boolean");
        }

        @Override
        public void write(JsonGenerator g, Boolean value) throws IOException {
            g.writeBoolean(value);
        }
    };

    /**
     * RFC 3339 date-time string ⇄ {@link OffsetDateTime}. Written as {@link #formatDateTime} does (always with
     * seconds: {@code 2024-05-02T09:30:00Z}, {@code 2019-10-30T03:30:17.883Z}); read leniently as ISO-8601 with an
     * offset, so {@code 2024-05-02T09:30Z} and any number of fraction digits are accepted too.
     */
    public static final JsonCodec<OffsetDateTime> DATE_TIME = new JsonCodec<>() {
        @Override
        public OffsetDateTime read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return Coercions.tolerate(p, "an ISO-8601 date-time string with offset");
            }
            // Straight from the parser's buffer: no String for the common RFC 3339 form.
            OffsetDateTime fast = Rfc3339.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (fast != null) {
                return fast;
            }
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return Coercions.tolerate(
                        p, "an ISO-8601 date-time string with offset (like 2019-10-30T03:30:17.883Z)", e);
            }
        }

        @Override
        public void write(JsonGenerator g, OffsetDateTime value) throws IOException {
            char[] buf = new char[Rfc3339.MAX_CHARS];
            g.writeString(buf, 0, Rfc3339.format(value, buf));
        }
    };

    /**
     * The RFC 3339 text {@link #DATE_TIME} writes: {@code yyyy-MM-dd'T'HH:mm:ss}, then a fraction only when the
     * nanoseconds are not zero (3, 6 or 9 digits, as few as keep the value), then {@code Z} or {@code ±hh:mm}.
     * Unlike {@link OffsetDateTime#toString()} it never drops zero seconds, which RFC 3339's {@code partial-time}
     * requires. Values RFC 3339 cannot express keep ISO-8601's form: a year outside 0000–9999 is written
     * {@code +10000}/{@code -0001}, an offset with seconds {@code +01:02:03}.
     */
    public static String formatDateTime(OffsetDateTime value) {
        return Rfc3339.format(value);
    }

    /** ISO-8601 date string ({@code 2024-02-29}) ⇄ {@link LocalDate}. */
    public static final JsonCodec<LocalDate> DATE = new JsonCodec<>() {
        @Override
        public LocalDate read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return Coercions.tolerate(p, "an ISO-8601 date string");
            }
            try {
                return LocalDate.parse(p.getText());
            } catch (DateTimeParseException e) {
                return Coercions.tolerate(p, "an ISO-8601 date string (like 2024-02-29)", e);
            }
        }

        @Override
        public void write(JsonGenerator g, LocalDate value) throws IOException {
            g.writeString(value.toString());
        }
    };

    /** Canonical UUID string ({@code 8-4-4-4-12} hex digits) ⇄ {@link java.util.UUID}. */
    public static final JsonCodec<java.util.UUID> UUID = new JsonCodec<>() {
        @Override
        public java.util.UUID read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING || !Coercions.isCanonicalUuid(p.getText())) {
                return Coercions.tolerate(p, "a UUID string (8-4-4-4-12 hex digits)");
            }
            return java.util.UUID.fromString(p.getText());
        }

        @Override
        public void write(JsonGenerator g, java.util.UUID value) throws IOException {
            g.writeString(value.toString());
        }
    };

    /** Any JSON ⇄ {@link JsonValue}. */
    public static final JsonCodec<JsonValue> JSON_VALUE = JsonValueCodec.INSTANCE;

    /**
     * A JSON array ⇄ an unmodifiable {@link List} that keeps JSON {@code null} elements as {@code null} and writes
     * {@code null} elements as JSON {@code null}: for bodies a client sends or receives as a bare list.
     */
    public static <E> JsonCodec<List<E>> listAllowingNulls(JsonCodec<E> elementCodec) {
        return new ListCodec<>(elementCodec, ListCodec.NullElements.ALLOWED);
    }

    /**
     * A JSON array ⇄ an unmodifiable {@link List} without nulls, as records hold them: a JSON {@code null} element is
     * an error, or during a tolerant decode is left out and recorded as a deviation, as is an unreadable element.
     * Writing a list that holds {@code null} fails.
     */
    public static <E> JsonCodec<List<E>> listRejectingNulls(JsonCodec<E> elementCodec) {
        return new ListCodec<>(elementCodec, ListCodec.NullElements.REJECTED);
    }

    /**
     * A JSON object ⇄ an unmodifiable, insertion-ordered {@link Map} with string keys. JSON {@code null} values
     * become {@code null} values and {@code null} values are written as JSON {@code null}.
     */
    public static <V> JsonCodec<Map<String, V>> mapOf(JsonCodec<V> valueCodec) {
        Objects.requireNonNull(valueCodec, "valueCodec");
        return new JsonCodec<>() {
            @Override
            public Map<String, V> read(JsonParser p) throws IOException {
                if (!expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                    return null;
                }
                Map<String, V> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    map.put(name, t == JsonToken.VALUE_NULL ? null : valueCodec.read(p));
                }
                return Collections.unmodifiableMap(map);
            }

            @Override
            public void write(JsonGenerator g, Map<String, V> value) throws IOException {
                g.writeStartObject();
                for (Map.Entry<String, V> e : value.entrySet()) {
                    g.writeFieldName(e.getKey());
                    V v = e.getValue();
                    if (v == null) {
                        g.writeNull();
                    } else {
                        valueCodec.write(g, v);
                    }
                }
                g.writeEndObject();
            }
        };
    }

    /**
     * Reads a value that may be JSON {@code null}: returns null for it, otherwise delegates to the codec.
     * The parser must be positioned on the value's first token.
     */
    public static <T> T readNullable(JsonParser p, JsonCodec<T> codec) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : codec.read(p);
    }

    /**
     * Checks that the current token is {@code token}.
     *
     * @param expected what the caller expected, in words ("an object", "a string")
     * @throws JsonDecodingException naming the JSON path when the token differs
     */
    public static void expect(JsonParser p, JsonToken token, String expected) throws JsonDecodingException {
        if (p.currentToken() != token) {
            throw mismatch(p, expected);
        }
    }

    /** An error saying that the value at the parser's position is not what was expected. */
    public static JsonDecodingException mismatch(JsonParser p, String expected) {
        return new JsonDecodingException(
                JsonPaths.path(p), "expected " + expected + " but found " + JsonPaths.describe(p));
    }

    /**
     * An error saying that the object the parser is in (or has just closed) lacks the required property
     * {@code jsonName}, or, during a tolerant decode, that its value was unreadable. The path names the property.
     * Generated codecs throw it for a property nothing can stand in for: an id, a response's results, a number or
     * boolean held in a primitive component.
     */
    public static JsonDecodingException missingRequired(JsonParser p, String jsonName) {
        String path = JsonPaths.appendName(JsonPaths.path(p), jsonName);
        TolerantDecode decode = TolerantDecode.current();
        JsonDeviation unreadable = decode == null ? null : decode.recordedAt(path);
        if (unreadable != null) {
            return new JsonDecodingException(
                    path,
                    "required property \"" + jsonName + "\" is unreadable: expected " + unreadable.expected()
                            + " but found " + unreadable.found());
        }
        return new JsonDecodingException(path, "missing required property \"" + jsonName + "\"");
    }

    /**
     * For a required property that the object the parser has just closed lacks (or whose value was unreadable):
     * during a tolerant decode, records the absence, unless the unreadable value was already recorded, and returns
     * {@code substitute} (an empty list or map for collections, null otherwise); in a strict decode, throws.
     *
     * @throws JsonDecodingException naming the property's JSON path, in a strict decode
     */
    public static <T> T missing(JsonParser p, String jsonName, T substitute) throws JsonDecodingException {
        TolerantDecode decode = TolerantDecode.current();
        if (decode == null) {
            throw missingRequired(p, jsonName);
        }
        String path = JsonPaths.appendName(JsonPaths.path(p), jsonName);
        if (decode.recordedAt(path) == null) {
            decode.record(
                    new JsonDeviation(path, "the required property \"" + jsonName + "\"", "nothing", JsonValue.NULL));
        }
        return substitute;
    }

    /**
     * {@link #missing(JsonParser, String, Object)} for a required object, string or enum, which stands in as null.
     *
     * @throws JsonDecodingException naming the property's JSON path, in a strict decode
     */
    public static void missing(JsonParser p, String jsonName) throws JsonDecodingException {
        missing(p, jsonName, null);
    }

    /**
     * Whether the current token is {@code token}. When it is not: during a tolerant decode, records a deviation,
     * skips the value and returns false; in a strict decode, throws.
     *
     * @param expected what the caller expected, in words ("an object", "an array")
     * @throws JsonDecodingException naming the JSON path, in a strict decode
     */
    public static boolean expectOrSkip(JsonParser p, JsonToken token, String expected) throws IOException {
        if (p.currentToken() == token) {
            return true;
        }
        Coercions.tolerate(p, expected);
        return false;
    }

    /**
     * The value at the parser's position is not {@code expected}: during a tolerant decode, records a deviation
     * with the raw value, leaves the parser on the value's last token and returns null (absent); in a strict decode,
     * throws.
     *
     * @throws JsonDecodingException naming the JSON path, in a strict decode
     */
    public static <T> T tolerate(JsonParser p, String expected) throws IOException {
        return Coercions.tolerate(p, expected);
    }

    /**
     * The JSON path of the value at the parser's position: {@code $}, {@code $.results[3].createdAt},
     * {@code $.properties['hs_note body']}. On a {@code START_*} or {@code END_*} token it is the container's path.
     */
    public static String path(JsonParser p) {
        return JsonPaths.path(p);
    }
}
