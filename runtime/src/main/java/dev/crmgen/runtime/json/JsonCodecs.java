package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Built-in codecs for scalar types, lists and maps, plus helpers generated codecs use to report errors with
 * a JSON path.
 *
 * <p>Readers are strict unless a {@link Json#decodeTolerant tolerant decode} runs on the thread. Then a value of
 * another JSON type than declared is recorded as a {@link JsonDeviation} with its raw value and read as absent
 * ({@code null}), except where the conversion loses nothing, which is recorded too and the converted value kept: a
 * number or boolean where a string is declared gives its JSON text ({@code 12} → {@code "12"}); a string holding
 * exactly a number in range where a number is declared gives that number ({@code "12"} → {@code 12}); {@code "true"}
 * or {@code "false"} where a boolean is declared gives the boolean.
 */
public final class JsonCodecs {
    private JsonCodecs() {
    }

    /** JSON string ⇄ {@link String}. */
    public static final JsonCodec<String> STRING = new JsonCodec<>() {
        @Override
        public String read(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                    || t == JsonToken.VALUE_FALSE) {
                return converted(p, "a string", p.getText());
            }
            return tolerate(p, "a string");
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
            return readIntegral(p, "a 32-bit integer", BigDecimal::intValueExact);
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
            return readIntegral(p, "a 64-bit integer", BigDecimal::longValueExact);
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
            if (isNumber(p)) {
                return p.getFloatValue();
            }
            BigDecimal number = numberInString(p);
            return number == null ? tolerate(p, "a number") : converted(p, "a number", number.floatValue());
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
            if (isNumber(p)) {
                return p.getDoubleValue();
            }
            BigDecimal number = numberInString(p);
            return number == null ? tolerate(p, "a number") : converted(p, "a number", number.doubleValue());
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
            if (isNumber(p)) {
                return p.getDecimalValue();
            }
            BigDecimal number = numberInString(p);
            return number == null ? tolerate(p, "a number") : converted(p, "a number", number);
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
                return converted(p, "a boolean", Boolean.valueOf(p.getText()));
            }
            return tolerate(p, "a boolean");
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
                return tolerate(p, "an ISO-8601 date-time string with offset");
            }
            // Straight from the parser's buffer: no String for the common RFC 3339 form.
            OffsetDateTime fast = parseDateTimeFast(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (fast != null) {
                return fast;
            }
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return tolerate(p, "an ISO-8601 date-time string with offset (like 2019-10-30T03:30:17.883Z)", e);
            }
        }

        @Override
        public void write(JsonGenerator g, OffsetDateTime value) throws IOException {
            char[] buf = new char[MAX_DATE_TIME_CHARS];
            g.writeString(buf, 0, formatDateTime(value, buf));
        }
    };

    /**
     * Parses {@code yyyy-MM-dd'T'HH:mm[:ss[.fraction]]} then {@code Z} or {@code ±hh:mm} (T and Z in either case,
     * 1 to 9 fraction digits) by hand, giving exactly what {@link OffsetDateTime#parse} gives for such text.
     * Returns null for anything else, valid or not (other offset forms, expanded years, out-of-range fields), so
     * the caller can leave those to {@link OffsetDateTime#parse} and keep its acceptance and its errors.
     */
    static OffsetDateTime parseDateTimeFast(char[] c, int off, int len) {
        // Why by hand: OffsetDateTime.parse goes through DateTimeFormatter's general machinery, which allocates a
        // field map per value and dominated decoding of HubSpot responses (three date-times per object).
        if (len < 17 || len > 35) {
            return null;
        }
        int end = off + len;
        int year = num4(c, off);
        int month = num2(c, off + 5);
        int day = num2(c, off + 8);
        int hour = num2(c, off + 11);
        int minute = num2(c, off + 14);
        if ((year | month | day | hour | minute) < 0 || c[off + 4] != '-' || c[off + 7] != '-'
                || (c[off + 10] != 'T' && c[off + 10] != 't') || c[off + 13] != ':') {
            return null;
        }
        int pos = off + 16;
        int second = 0;
        int nano = 0;
        if (c[pos] == ':') {
            if (pos + 3 > end || (second = num2(c, pos + 1)) < 0) {
                return null;
            }
            pos += 3;
            if (pos < end && c[pos] == '.') {
                int digits = 0;
                pos++;
                while (pos < end && digits < 10 && c[pos] >= '0' && c[pos] <= '9') {
                    nano = nano * 10 + (c[pos++] - '0');
                    digits++;
                }
                if (digits == 0 || digits > 9) {
                    return null;
                }
                for (int d = digits; d < 9; d++) {
                    nano *= 10;
                }
            }
        }
        int offsetSeconds;
        if (pos == end - 1 && (c[pos] == 'Z' || c[pos] == 'z')) {
            offsetSeconds = 0;
        } else if (pos == end - 6 && (c[pos] == '+' || c[pos] == '-') && c[pos + 3] == ':') {
            int oh = num2(c, pos + 1);
            int om = num2(c, pos + 4);
            if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (c[pos] == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, nano, java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Two ASCII digits at {@code i} as a number, or -1. */
    private static int num2(char[] c, int i) {
        int a = c[i] - '0';
        int b = c[i + 1] - '0';
        return (a | b) >= 0 && a <= 9 && b <= 9 ? a * 10 + b : -1;
    }

    /** Four ASCII digits at {@code i} as a number, or -1. */
    private static int num4(char[] c, int i) {
        int hi = num2(c, i);
        int lo = num2(c, i + 2);
        return (hi | lo) >= 0 ? hi * 100 + lo : -1;
    }

    /** The longest {@link #formatDateTime} result: {@code +999999999-12-31T23:59:59.999999999+18:00:00}. */
    private static final int MAX_DATE_TIME_CHARS = 44;

    /**
     * The RFC 3339 text {@link #DATE_TIME} writes: {@code yyyy-MM-dd'T'HH:mm:ss}, then a fraction only when the
     * nanoseconds are not zero (3, 6 or 9 digits, as few as keep the value), then {@code Z} or {@code ±hh:mm}.
     * Unlike {@link OffsetDateTime#toString()} it never drops zero seconds, which RFC 3339's {@code partial-time}
     * requires. Values RFC 3339 cannot express keep ISO-8601's form: a year outside 0000–9999 is written
     * {@code +10000}/{@code -0001}, an offset with seconds {@code +01:02:03}.
     */
    public static String formatDateTime(OffsetDateTime value) {
        char[] buf = new char[MAX_DATE_TIME_CHARS];
        return new String(buf, 0, formatDateTime(value, buf));
    }

    /** Writes {@link #formatDateTime(OffsetDateTime)}'s text into {@code buf}; returns its length. */
    private static int formatDateTime(OffsetDateTime value, char[] buf) {
        // By hand rather than with a DateTimeFormatter: this runs for every date-time written, and the formatter's
        // field-by-field printing costs several times more than these few digit writes.
        int year = value.getYear();
        int pos;
        if (year >= 0 && year <= 9999) {
            pos = digits(buf, 0, year, 4);
        } else {
            // Beyond RFC 3339: ISO-8601's expanded year as LocalDate writes it, without its "-MM-dd".
            String date = value.toLocalDate().toString();
            pos = date.length() - 6;
            date.getChars(0, pos, buf, 0);
        }
        buf[pos++] = '-';
        pos = digits(buf, pos, value.getMonthValue(), 2);
        buf[pos++] = '-';
        pos = digits(buf, pos, value.getDayOfMonth(), 2);
        buf[pos++] = 'T';
        pos = digits(buf, pos, value.getHour(), 2);
        buf[pos++] = ':';
        pos = digits(buf, pos, value.getMinute(), 2);
        buf[pos++] = ':';
        pos = digits(buf, pos, value.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            buf[pos++] = '.';
            if (nano % 1_000_000 == 0) {
                pos = digits(buf, pos, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pos = digits(buf, pos, nano / 1_000, 6);
            } else {
                pos = digits(buf, pos, nano, 9);
            }
        }
        String offset = value.getOffset().getId();
        offset.getChars(0, offset.length(), buf, pos);
        return pos + offset.length();
    }

    /** Writes {@code value} (non-negative) as exactly {@code count} decimal digits, zero-padded; returns the end. */
    private static int digits(char[] buf, int pos, int value, int count) {
        for (int i = pos + count - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + count;
    }

    /** ISO-8601 date string ({@code 2024-02-29}) ⇄ {@link LocalDate}. */
    public static final JsonCodec<LocalDate> DATE = new JsonCodec<>() {
        @Override
        public LocalDate read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return tolerate(p, "an ISO-8601 date string");
            }
            try {
                return LocalDate.parse(p.getText());
            } catch (DateTimeParseException e) {
                return tolerate(p, "an ISO-8601 date string (like 2024-02-29)", e);
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
            if (p.currentToken() != JsonToken.VALUE_STRING || !isCanonicalUuid(p.getText())) {
                return tolerate(p, "a UUID string (8-4-4-4-12 hex digits)");
            }
            return java.util.UUID.fromString(p.getText());
        }

        @Override
        public void write(JsonGenerator g, java.util.UUID value) throws IOException {
            g.writeString(value.toString());
        }
    };

    /** Any JSON ⇄ {@link JsonValue}. */
    public static final JsonCodec<JsonValue> JSON_VALUE = new JsonCodec<>() {
        @Override
        public JsonValue read(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == null) {
                throw mismatch(p, "a JSON value");
            }
            switch (t) {
                case START_OBJECT: {
                    Map<String, JsonValue> members = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        members.put(name, read(p));
                    }
                    return new JsonValue.JsonObject(members);
                }
                case START_ARRAY: {
                    List<JsonValue> elements = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        elements.add(read(p));
                    }
                    return new JsonValue.JsonArray(elements);
                }
                case VALUE_STRING:
                    return new JsonValue.JsonString(p.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new JsonValue.JsonNumber(p.getDecimalValue());
                case VALUE_TRUE:
                    return new JsonValue.JsonBoolean(true);
                case VALUE_FALSE:
                    return new JsonValue.JsonBoolean(false);
                case VALUE_NULL:
                    return JsonValue.NULL;
                default:
                    throw mismatch(p, "a JSON value");
            }
        }

        @Override
        public void write(JsonGenerator g, JsonValue value) throws IOException {
            if (value instanceof JsonValue.JsonObject o) {
                g.writeStartObject();
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            } else if (value instanceof JsonValue.JsonArray a) {
                g.writeStartArray();
                for (JsonValue e : a.elements()) {
                    write(g, e);
                }
                g.writeEndArray();
            } else if (value instanceof JsonValue.JsonString s) {
                g.writeString(s.value());
            } else if (value instanceof JsonValue.JsonNumber n) {
                g.writeNumber(n.value());
            } else if (value instanceof JsonValue.JsonBoolean b) {
                g.writeBoolean(b.value());
            } else {
                g.writeNull();
            }
        }
    };

    /**
     * A JSON array ⇄ an unmodifiable {@link List}. JSON {@code null} elements become {@code null} elements and
     * {@code null} elements are written as JSON {@code null}.
     */
    public static <E> JsonCodec<List<E>> listOf(JsonCodec<E> elementCodec) {
        Objects.requireNonNull(elementCodec, "elementCodec");
        return new JsonCodec<>() {
            @Override
            public List<E> read(JsonParser p) throws IOException {
                if (!expectOrSkip(p, JsonToken.START_ARRAY, "an array")) {
                    return null;
                }
                List<E> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonDecodingException(path(p), "unexpected end of input inside an array");
                    }
                    list.add(t == JsonToken.VALUE_NULL ? null : elementCodec.read(p));
                }
                return Collections.unmodifiableList(list);
            }

            @Override
            public void write(JsonGenerator g, List<E> value) throws IOException {
                g.writeStartArray();
                for (int i = 0, n = value.size(); i < n; i++) {
                    E e = value.get(i);
                    if (e == null) {
                        g.writeNull();
                    } else {
                        elementCodec.write(g, e);
                    }
                }
                g.writeEndArray();
            }
        };
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
        return new JsonDecodingException(path(p), "expected " + expected + " but found " + describe(p));
    }

    /**
     * An error saying that the object the parser is in (or has just closed) lacks the required property
     * {@code jsonName}, or, during a tolerant decode, that its value was unreadable. The path names the property.
     * Generated codecs throw it for a property nothing can stand in for: an id, a response's results, a number or
     * boolean held in a primitive component.
     */
    public static JsonDecodingException missingRequired(JsonParser p, String jsonName) {
        String path = appendName(path(p), jsonName);
        TolerantDecode decode = TolerantDecode.current();
        JsonDeviation unreadable = decode == null ? null : decode.recordedAt(path);
        if (unreadable != null) {
            return new JsonDecodingException(path, "required property \"" + jsonName + "\" is unreadable: expected "
                    + unreadable.expected() + " but found " + unreadable.found());
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
        String path = appendName(path(p), jsonName);
        if (decode.recordedAt(path) == null) {
            decode.record(new JsonDeviation(path, "the required property \"" + jsonName + "\"", "nothing",
                    JsonValue.NULL));
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
        tolerate(p, expected);
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
        return tolerate(p, expected, describe(p));
    }

    private static <T> T tolerate(JsonParser p, String expected, Throwable cause) throws IOException {
        return tolerate(p, expected, describe(p), cause);
    }

    private static <T> T tolerate(JsonParser p, String expected, String found) throws IOException {
        return tolerate(p, expected, found, null);
    }

    private static <T> T tolerate(JsonParser p, String expected, String found, Throwable cause) throws IOException {
        TolerantDecode decode = TolerantDecode.current();
        if (decode == null) {
            throw new JsonDecodingException(path(p), "expected " + expected + " but found " + found, cause);
        }
        String path = path(p);
        decode.record(new JsonDeviation(path, expected, found, JSON_VALUE.read(p)));
        return null;
    }

    /** A lossless conversion of the scalar at the parser's position: recorded and kept, or an error when strict. */
    private static <T> T converted(JsonParser p, String expected, T value) throws IOException {
        TolerantDecode decode = TolerantDecode.current();
        if (decode == null) {
            throw mismatch(p, expected);
        }
        decode.record(new JsonDeviation(path(p), expected, describe(p), JSON_VALUE.read(p)));
        return value;
    }

    /**
     * An integer that is not a plain in-range JSON integer: converted from a string or an integral decimal
     * ({@code "12"}, {@code 12.0}), otherwise unreadable.
     */
    private static <T> T readIntegral(JsonParser p, String expected, Function<BigDecimal, T> exactValue)
            throws IOException {
        BigDecimal exact = exactNumberIn(p);
        if (exact == null) {
            return tolerate(p, expected);
        }
        T value;
        try {
            value = exactValue.apply(exact);
        } catch (ArithmeticException e) {
            return tolerate(p, expected, describe(p) + " (out of range)");
        }
        return converted(p, expected, value);
    }

    /** The integral number in the current token (a JSON number, or a string holding one), or null. */
    private static BigDecimal exactNumberIn(JsonParser p) throws IOException {
        BigDecimal number = isNumber(p) ? p.getDecimalValue() : numberInString(p);
        if (number == null) {
            return null;
        }
        try {
            return new BigDecimal(number.toBigIntegerExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The number a string token holds exactly (no spaces, JSON's number syntax), or null. */
    private static BigDecimal numberInString(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = p.getText();
        if (text.isEmpty() || text.length() > 100 || !(text.charAt(0) == '-' || Character.isDigit(text.charAt(0)))
                || !Character.isDigit(text.charAt(text.length() - 1))) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /**
     * The JSON path of the value at the parser's position: {@code $}, {@code $.results[3].createdAt},
     * {@code $.properties['hs_note body']}. On a {@code START_*} or {@code END_*} token it is the container's path.
     */
    public static String path(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        // On START_OBJECT/START_ARRAY jackson has already entered the new container: report the container itself.
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx != null && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        return path(ctx);
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "$";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + Math.max(ctx.getCurrentIndex(), 0) + "]";
        }
        String name = ctx.getCurrentName();
        return name == null ? parent : appendName(parent, name);
    }

    private static String appendName(String parent, String name) {
        if (isIdentifier(name)) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_' || name.charAt(0) == '$')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of input";
        }
        try {
            switch (t) {
                case START_OBJECT:
                    return "an object";
                case START_ARRAY:
                    return "an array";
                case END_OBJECT:
                    return "the end of an object";
                case END_ARRAY:
                    return "the end of an array";
                case FIELD_NAME:
                    return "the property name \"" + abbreviate(p.currentName()) + "\"";
                case VALUE_STRING:
                    return "the string \"" + abbreviate(p.getText()) + "\"";
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return "the number " + abbreviate(p.getText());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return "the boolean " + p.getText();
                case VALUE_NULL:
                    return "null";
                default:
                    return t.toString();
            }
        } catch (IOException e) {
            return t.toString();
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
