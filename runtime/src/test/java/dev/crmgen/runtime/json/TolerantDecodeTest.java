package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Json#decodeTolerant}: what is converted, what is absent, what stays fatal, and that strict stays strict. */
class TolerantDecodeTest {
    private static JsonValue number(String n) {
        return new JsonValue.JsonNumber(new BigDecimal(n));
    }

    @Test
    void matchingDocumentHasNoDeviationsAndTheSameValueAsStrict() throws Exception {
        String json = "{\"a\":[1,2],\"b\":[3]}";
        JsonCodec<Map<String, List<Integer>>> codec = JsonCodecs.mapOf(JsonCodecs.listRejectingNulls(JsonCodecs.INT32));
        Decoded<Map<String, List<Integer>>> decoded = Json.decodeTolerant(codec, json.getBytes());
        assertEquals(Json.decode(codec, json), decoded.value());
        assertSame(List.of(), decoded.deviations());
    }

    @Test
    void losslessConversionsKeepTheValueAndRecordTheRawOne() throws Exception {
        Decoded<Map<String, String>> strings =
                Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.STRING), "{\"n\":12,\"f\":1.50,\"t\":true}".getBytes());
        assertEquals(Map.of("n", "12", "f", "1.50", "t", "true"), strings.value());
        assertEquals(
                new JsonDeviation("$.n", "a string", "the number 12", number("12")),
                strings.deviations().get(0));
        assertEquals(
                new JsonDeviation("$.t", "a string", "the boolean true", new JsonValue.JsonBoolean(true)),
                strings.deviations().get(2));

        Decoded<List<Long>> longs = Json.decodeTolerant(
                JsonCodecs.listAllowingNulls(JsonCodecs.INT64), "[\"12\",\"-9007199254740993\",12.0]".getBytes());
        assertEquals(List.of(12L, -9007199254740993L, 12L), longs.value());
        assertEquals(
                List.of("$[0]", "$[1]", "$[2]"),
                longs.deviations().stream().map(JsonDeviation::path).toList());

        assertEquals(
                Boolean.FALSE,
                Json.decodeTolerant(JsonCodecs.BOOLEAN, "\"false\"".getBytes()).value());
        assertEquals(
                new BigDecimal("0.1"),
                Json.decodeTolerant(JsonCodecs.DECIMAL, "\"0.1\"".getBytes()).value());
    }

    @Test
    void lossyOrForeignValuesAreAbsentWithTheirRawValue() throws Exception {
        Decoded<Map<String, Integer>> ints = Json.decodeTolerant(
                JsonCodecs.mapOf(JsonCodecs.INT32),
                "{\"half\":12.5,\"big\":99999999999,\"text\":\"12 notes\",\"obj\":{\"x\":[1]},\"ok\":7}".getBytes());
        assertNull(ints.value().get("half"));
        assertNull(ints.value().get("big"));
        assertNull(ints.value().get("text"));
        assertNull(ints.value().get("obj"));
        assertEquals(7, ints.value().get("ok"), "reading goes on after an unreadable object value");
        assertEquals(
                new JsonDeviation(
                        "$.big", "a 32-bit integer", "the number 99999999999 (out of range)", number("99999999999")),
                ints.deviations().get(1));
        assertEquals(
                new JsonDeviation("$.obj", "a 32-bit integer", "an object", JsonValue.of(Map.of("x", List.of(1)))),
                ints.deviations().get(3));

        Decoded<Map<String, java.time.OffsetDateTime>> times =
                Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.DATE_TIME), "{\"at\":\"yesterday\"}".getBytes());
        assertNull(times.value().get("at"));
        assertEquals(
                new JsonValue.JsonString("yesterday"), times.deviations().get(0).raw());
    }

    @Test
    void recordListsLeaveOutNullAndUnreadableElements() throws Exception {
        Decoded<List<Integer>> decoded =
                Json.decodeTolerant(JsonCodecs.listRejectingNulls(JsonCodecs.INT32), "[1,null,{\"a\":1},3]".getBytes());
        assertEquals(List.of(1, 3), decoded.value());
        assertEquals(
                List.of("$[1]", "$[2]"),
                decoded.deviations().stream().map(JsonDeviation::path).toList());
        assertEquals(JsonValue.NULL, decoded.deviations().get(0).raw());
    }

    @Test
    void aRootOfAnotherTypeIsUndecodable() {
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class,
                () -> Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.STRING), "[\"a\"]".getBytes()));
        assertEquals("$", e.path());
        assertTrue(e.getMessage().contains("expected an object but found an array"), e.getMessage());
    }

    @Test
    void malformedJsonIsStillAnError() {
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class,
                () -> Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.STRING), "{\"a\":\"b\"".getBytes()));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void strictDecodeRejectsWhatTolerantDecodeConverts() {
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(JsonCodecs.mapOf(JsonCodecs.INT32), "{\"a\":\"12\"}"));
        assertEquals("$.a", e.path());
        assertEquals("$.a: expected a 32-bit integer but found the string \"12\"", e.getMessage());
    }

    @Test
    void aTolerantDecodeLeavesNothingBehindOnItsThread() throws Exception {
        assertThrows(
                JsonDecodingException.class,
                () -> Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.STRING), "{\"a\":{}".getBytes()));
        Json.decodeTolerant(JsonCodecs.mapOf(JsonCodecs.STRING), "{\"a\":{}}".getBytes());
        assertThrows(JsonDecodingException.class, () -> Json.decode(JsonCodecs.mapOf(JsonCodecs.STRING), "{\"a\":{}}"));
        assertThrows(NullPointerException.class, () -> RecordComponents.requireNonNull(null, "createdAt"));
        assertEquals(
                List.of(),
                Json.decodeTolerant(JsonCodecs.STRING, "\"x\"".getBytes()).deviations());
    }

    @Test
    void missingRequiredPropertyIsRecordedOnceAndStandsInAsTheSubstitute() throws Exception {
        // A codec in the shape generated ones have: "items" is a required list.
        JsonCodec<List<String>> items = new JsonCodec<>() {
            @Override
            public List<String> read(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
                if (!JsonCodecs.expectOrSkip(p, com.fasterxml.jackson.core.JsonToken.START_OBJECT, "an object")) {
                    return null;
                }
                List<String> list = null;
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    p.nextToken();
                    if (field.equals("items")) {
                        list = RecordCollections.readList(p, JsonCodecs.STRING);
                    } else {
                        p.skipChildren();
                    }
                }
                return list == null ? JsonCodecs.missing(p, "items", List.of()) : list;
            }

            @Override
            public void write(com.fasterxml.jackson.core.JsonGenerator g, List<String> value) {
                throw new UnsupportedOperationException();
            }
        };
        Decoded<List<String>> absent = Json.decodeTolerant(items, "{}".getBytes());
        assertEquals(List.of(), absent.value());
        JsonDeviation missing =
                new JsonDeviation("$.items", "the required property \"items\"", "nothing", JsonValue.NULL);
        assertEquals(List.of(missing), absent.deviations());

        Decoded<List<String>> unreadable = Json.decodeTolerant(items, "{\"items\":\"a\"}".getBytes());
        JsonDeviation notAnArray =
                new JsonDeviation("$.items", "an array", "the string \"a\"", new JsonValue.JsonString("a"));
        assertEquals(
                List.of(notAnArray),
                unreadable.deviations(),
                "the unreadable value is recorded, not a second time as missing");

        JsonDecodingException strict = assertThrows(JsonDecodingException.class, () -> Json.decode(items, "{}"));
        assertEquals("$.items", strict.path());
    }
}
