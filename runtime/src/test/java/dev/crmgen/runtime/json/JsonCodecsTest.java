package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecsTest {

    /** A hand-written codec in the shape generated codecs take: {"id": string (required), "createdAt": date-time}. */
    record Item(String id, OffsetDateTime createdAt) {
        static final JsonCodec<Item> CODEC = new JsonCodec<>() {
            @Override
            public Item read(JsonParser p) throws IOException {
                JsonCodecs.expect(p, JsonToken.START_OBJECT, "an Item object");
                String id = null;
                OffsetDateTime createdAt = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "id" -> id = JsonCodecs.readNullable(p, JsonCodecs.STRING);
                        case "createdAt" -> createdAt = JsonCodecs.readNullable(p, JsonCodecs.DATE_TIME);
                        default -> p.skipChildren();
                    }
                }
                if (id == null) {
                    throw JsonCodecs.missingRequired(p, "id");
                }
                return new Item(id, createdAt);
            }

            @Override
            public void write(JsonGenerator g, Item value) throws IOException {
                g.writeStartObject();
                g.writeFieldName("id");
                JsonCodecs.STRING.write(g, value.id());
                if (value.createdAt() != null) {
                    g.writeFieldName("createdAt");
                    JsonCodecs.DATE_TIME.write(g, value.createdAt());
                }
                g.writeEndObject();
            }
        };
    }

    private static final JsonCodec<Map<String, List<Item>>> RESULTS =
            JsonCodecs.mapOf(JsonCodecs.listAllowingNulls(Item.CODEC));

    private static String encode(JsonCodec<?> codec, Object value) {
        @SuppressWarnings("unchecked")
        JsonCodec<Object> c = (JsonCodec<Object>) codec;
        return new String(Json.encode(c, value), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-05-02T09:30:00Z,                    2024-05-02T09:30:00Z",
        "2024-05-02T00:00Z,                       2024-05-02T00:00:00Z",
        "2019-10-30T03:30:17.883Z,                2019-10-30T03:30:17.883Z",
        "2024-04-11T14:02:09.120Z,                2024-04-11T14:02:09.120Z",
        "2024-04-11T14:02:09.5Z,                  2024-04-11T14:02:09.500Z",
        "2024-04-11T14:02:09.000100Z,             2024-04-11T14:02:09.000100Z",
        "2024-04-11T14:02:09.123456Z,             2024-04-11T14:02:09.123456Z",
        "2024-04-11T14:02:09.000000001Z,          2024-04-11T14:02:09.000000001Z",
        "2024-04-11T14:02:09.999999999Z,          2024-04-11T14:02:09.999999999Z",
        "2024-05-02T11:30+02:00,                  2024-05-02T11:30:00+02:00",
        "2024-05-02T04:00:07.25-05:30,            2024-05-02T04:00:07.250-05:30",
        "2024-12-31T23:59:59+18:00,               2024-12-31T23:59:59+18:00",
        "2024-01-01T00:00-18:00,                  2024-01-01T00:00:00-18:00",
        "0000-01-01T00:00Z,                       0000-01-01T00:00:00Z",
        "0001-02-03T04:05:06Z,                    0001-02-03T04:05:06Z",
        "9999-12-31T23:59:59.999Z,                9999-12-31T23:59:59.999Z",
        // Beyond RFC 3339 (years past 0000-9999, offsets with seconds): ISO-8601's forms, still with seconds.
        "+10000-01-01T00:00Z,                     +10000-01-01T00:00:00Z",
        "-0001-12-31T10:20Z,                      -0001-12-31T10:20:00Z",
        "+999999999-12-31T23:59:59.999999999-18:00, +999999999-12-31T23:59:59.999999999-18:00",
        "-999999999-01-01T00:00+18:00,            -999999999-01-01T00:00:00+18:00",
        "2024-05-02T09:30+01:02:03,               2024-05-02T09:30:00+01:02:03"
    })
    void dateTimeIsWrittenInRfc3339WithSecondsAndReadBack(String parsed, String written) throws Exception {
        OffsetDateTime t = OffsetDateTime.parse(parsed);
        assertEquals(written, JsonCodecs.formatDateTime(t));
        assertEquals("\"" + written + "\"", encode(JsonCodecs.DATE_TIME, t));
        assertEquals(t, Json.decode(JsonCodecs.DATE_TIME, "\"" + written + "\""));
    }

    private static final Pattern RFC_3339_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3}|\\.\\d{6}|\\.\\d{9})?(Z|[+-]\\d{2}:\\d{2})");

    @Test
    void randomDateTimesAreRfc3339ToStringWithSecondsAndRoundTrip() throws Exception {
        Random random = new Random(20240502L);
        long min = Instant.parse("0000-01-02T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-30T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = switch (i % 3) {
                case 0 -> random.nextLong(min, max);
                case 1 -> random.nextLong(min, max) / 60 * 60; // zero seconds
                default -> random.nextLong(min, max) / 86_400 * 86_400; // midnight UTC
            };
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset =
                    random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(random.nextInt(-72, 73) * 900);
            OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset);

            String written = JsonCodecs.formatDateTime(t);
            assertTrue(RFC_3339_DATE_TIME.matcher(written).matches(), written);
            // OffsetDateTime.toString() is right except that it drops zero seconds ("09:30Z").
            String reference = t.toString();
            if (t.getSecond() == 0 && t.getNano() == 0) {
                int time = reference.indexOf('T') + 6;
                reference = reference.substring(0, time) + ":00" + reference.substring(time);
            }
            assertEquals(reference, written);
            assertEquals(t, Json.decode(JsonCodecs.DATE_TIME, Json.encode(JsonCodecs.DATE_TIME, t)));
        }
    }

    @Test
    void dateTimeReadingStaysLenient() throws Exception {
        assertEquals(
                OffsetDateTime.of(2024, 5, 2, 9, 30, 0, 0, ZoneOffset.UTC),
                Json.decode(JsonCodecs.DATE_TIME, "\"2024-05-02T09:30Z\""));
        assertEquals(
                OffsetDateTime.of(2024, 5, 2, 9, 30, 0, 0, ZoneOffset.UTC),
                Json.decode(JsonCodecs.DATE_TIME, "\"2024-05-02t09:30:00z\""),
                "RFC 3339 allows lower-case T and Z");
        assertEquals(
                OffsetDateTime.of(2024, 5, 2, 9, 30, 1, 120_000_000, ZoneOffset.ofHoursMinutes(-5, -30)),
                Json.decode(JsonCodecs.DATE_TIME, "\"2024-05-02T09:30:01.12-05:30\""));
        assertEquals(
                OffsetDateTime.of(2024, 5, 2, 9, 30, 1, 1, ZoneOffset.ofHours(2)),
                Json.decode(JsonCodecs.DATE_TIME, "\"2024-05-02T09:30:01.000000001+02:00\""));
    }

    @Test
    void scalarsRoundTrip() throws Exception {
        assertEquals("\"a\\\"b\"", encode(JsonCodecs.STRING, "a\"b"));
        assertEquals("a\"b", Json.decode(JsonCodecs.STRING, "\"a\\\"b\""));
        assertEquals(2147483647, Json.decode(JsonCodecs.INT32, "2147483647"));
        assertEquals(9007199254740993L, Json.decode(JsonCodecs.INT64, "9007199254740993"));
        assertEquals(1.5f, Json.decode(JsonCodecs.FLOAT, "1.5"));
        assertEquals(3.0, Json.decode(JsonCodecs.DOUBLE, "3"));
        assertEquals(
                new BigDecimal("12345678901234567890.000000000000000001"),
                Json.decode(JsonCodecs.DECIMAL, "12345678901234567890.000000000000000001"));
        assertEquals("0.10", encode(JsonCodecs.DECIMAL, new BigDecimal("0.10")));
        assertEquals(Boolean.FALSE, Json.decode(JsonCodecs.BOOLEAN, "false"));
        assertEquals(LocalDate.of(2024, 2, 29), Json.decode(JsonCodecs.DATE, "\"2024-02-29\""));
        assertEquals("\"2024-02-29\"", encode(JsonCodecs.DATE, LocalDate.of(2024, 2, 29)));
        UUID u = UUID.fromString("aeb5f871-7f07-4993-9211-075dc63e7cbf");
        assertEquals(u, Json.decode(JsonCodecs.UUID, "\"aeb5f871-7f07-4993-9211-075dc63e7cbf\""));
        assertEquals("\"aeb5f871-7f07-4993-9211-075dc63e7cbf\"", encode(JsonCodecs.UUID, u));
        assertNull(Json.decode(JsonCodecs.STRING, " null "));
        assertEquals("null", encode(JsonCodecs.STRING, null));
    }

    @Test
    void strictScalarsNameWhatTheyExpected() {
        JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.STRING, "12"));
        assertEquals("$", e.path());
        assertTrue(e.getMessage().contains("expected a string but found the number 12"), e.getMessage());
        e = assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.INT32, "2147483648"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.INT64, "9223372036854775808"));
        assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.INT32, "1.5"));
        assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.BOOLEAN, "\"true\""));
        e = assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.UUID, "\"1-2-3-4-5\""));
        assertTrue(e.getMessage().contains("8-4-4-4-12"), e.getMessage());
        e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(JsonCodecs.DATE_TIME, "\"2019-10-30T03:30:17\""));
        assertTrue(e.getMessage().contains("date-time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.encode(JsonCodecs.DOUBLE, Double.NaN));
    }

    @Test
    void errorsNameTheJsonPath() {
        String json = "{\"results\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"},"
                + "{\"id\":\"4\",\"createdAt\":\"yesterday\"}]}";
        JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> Json.decode(RESULTS, json));
        assertEquals("$.results[3].createdAt", e.path());
        assertTrue(e.getMessage().startsWith("$.results[3].createdAt: expected an ISO-8601 date-time"), e.getMessage());

        e = assertThrows(JsonDecodingException.class, () -> Json.decode(RESULTS, "{\"results\":[{\"id\":\"1\"},{}]}"));
        assertEquals("$.results[1].id", e.path());
        assertTrue(e.getMessage().contains("missing required property \"id\""), e.getMessage());

        e = assertThrows(JsonDecodingException.class, () -> Json.decode(RESULTS, "{\"results\":[{\"id\":\"1\"},[]]}"));
        assertEquals("$.results[1]", e.path());
        assertTrue(e.getMessage().contains("expected an Item object but found an array"), e.getMessage());

        e = assertThrows(JsonDecodingException.class, () -> Json.decode(RESULTS, "{\"odd name\":{}}"));
        assertEquals("$['odd name']", e.path());
    }

    @Test
    void malformedEmptyAndTrailingInputAreDecodingErrors() {
        JsonDecodingException e =
                assertThrows(JsonDecodingException.class, () -> Json.decode(RESULTS, "{\"results\":[{\"id\":\"1\"},"));
        assertTrue(
                e.getMessage().contains("malformed JSON") || e.getMessage().contains("end of input"), e.getMessage());
        e = assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.STRING, ""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.STRING, "\"a\" \"b\""));
        assertTrue(e.getMessage().contains("after the JSON document"), e.getMessage());
        assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.JSON_VALUE, "<html>502</html>"));
    }

    @Test
    void listsAndMapsKeepNullsAndOrderAndAreUnmodifiable() throws Exception {
        JsonCodec<List<String>> list = JsonCodecs.listAllowingNulls(JsonCodecs.STRING);
        List<String> l = Json.decode(list, "[\"a\",null,\"c\"]");
        assertEquals(Arrays.asList("a", null, "c"), l);
        assertThrows(UnsupportedOperationException.class, () -> l.add("d"));
        assertEquals("[\"a\",null,\"c\"]", encode(list, l));

        JsonCodec<Map<String, Integer>> map = JsonCodecs.mapOf(JsonCodecs.INT32);
        Map<String, Integer> m = Json.decode(map, "{\"z\":1,\"a\":null,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.keySet()));
        assertTrue(m.containsKey("a"));
        assertNull(m.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", 1));
        assertEquals("{\"z\":1,\"a\":null,\"m\":3}", encode(map, m));

        JsonDecodingException e =
                assertThrows(JsonDecodingException.class, () -> Json.decode(map, "{\"z\":1,\"a\":\"x\"}"));
        assertEquals("$.a", e.path());
        e = assertThrows(JsonDecodingException.class, () -> Json.decode(list, "[\"a\",1]"));
        assertEquals("$[1]", e.path());
    }

    @Test
    void recordCodecRoundTripsThroughLists() throws Exception {
        Map<String, List<Item>> value = new LinkedHashMap<>();
        value.put(
                "results",
                List.of(new Item("1", OffsetDateTime.parse("2019-10-30T03:30:17.883Z")), new Item("2", null)));
        String json = encode(RESULTS, value);
        assertEquals("{\"results\":[{\"id\":\"1\",\"createdAt\":\"2019-10-30T03:30:17.883Z\"},{\"id\":\"2\"}]}", json);
        assertEquals(value, Json.decode(RESULTS, json));
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), Json.encode(RESULTS, Json.decode(RESULTS, json)));
    }

    @Test
    void freeFormJsonRoundTripsExactly() throws Exception {
        String json = "{\"a\":[1,2.50,-3E+5,true,null,\"x\"],\"b\":{\"c\":{}},\"d\":12345678901234567890123}";
        JsonValue v = Json.decode(JsonCodecs.JSON_VALUE, json);
        JsonValue.JsonObject o = (JsonValue.JsonObject) v;
        assertEquals(List.of("a", "b", "d"), new ArrayList<>(o.members().keySet()));
        JsonValue.JsonArray a = (JsonValue.JsonArray) o.get("a");
        assertEquals(
                new JsonValue.JsonNumber(new BigDecimal("2.50")), a.elements().get(1));
        assertSame(JsonValue.NULL, a.elements().get(4));
        assertEquals(v, Json.decode(JsonCodecs.JSON_VALUE, encode(JsonCodecs.JSON_VALUE, v)));
        assertEquals(new BigDecimal("12345678901234567890123"), ((JsonValue.JsonNumber) o.get("d")).value());
    }

    @Test
    void jsonValueOfConvertsPlainJava() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 1);
        m.put("s", "x");
        m.put("l", Arrays.asList(true, null, 2.5));
        m.put("z", null);
        JsonValue v = JsonValue.of(m);
        assertEquals("{\"n\":1,\"s\":\"x\",\"l\":[true,null,2.5],\"z\":null}", encode(JsonCodecs.JSON_VALUE, v));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of(new Object()));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of(Map.of(1, 2)));
    }
}
