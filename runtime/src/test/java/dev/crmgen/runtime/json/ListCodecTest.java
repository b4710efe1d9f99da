package dev.crmgen.runtime.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one list codec under both null policies, on the shapes HubSpot sends. */
class ListCodecTest {
    /** A batch read's results as HubSpot sends them, with a null where an object was expected. */
    private static final String BATCH_RESULTS = """
            {"results":[
              {"id":"512","properties":{"hs_note_body":"Call notes","hs_timestamp":"2024-05-02T09:30:00Z"},
               "createdAt":"2024-05-02T09:30:00.001Z","updatedAt":"2024-05-02T09:31:12.5Z","archived":false},
              null
            ]}""";

    /** {@code propertiesWithHistory} of a note: one version, then a null element. */
    private static final String HISTORY = """
            {"hs_note_body":[{"value":"Call notes","timestamp":"2024-05-02T09:30:00Z","sourceType":"CRM_UI",\
            "sourceId":"userId:42"},null]}""";

    @Test
    void allowingNullsKeepsHubSpotsNullElementAndWritesItBack() throws Exception {
        JsonCodec<Map<String, List<JsonValue>>> codec =
                JsonCodecs.mapOf(JsonCodecs.listAllowingNulls(JsonCodecs.JSON_VALUE));
        List<JsonValue> results = Json.decode(codec, BATCH_RESULTS).get("results");
        assertEquals(2, results.size());
        assertEquals(
                new JsonValue.JsonString("512"),
                ((JsonValue.JsonObject) results.get(0)).members().get("id"));
        assertNull(results.get(1));
        assertThrows(UnsupportedOperationException.class, () -> results.add(null));

        JsonCodec<List<String>> strings = JsonCodecs.listAllowingNulls(JsonCodecs.STRING);
        assertEquals("[\"a\",null,\"b\"]", new String(Json.encode(strings, Arrays.asList("a", null, "b")), UTF_8));
    }

    @Test
    void rejectingNullsFailsOnHubSpotsNullElementNamingItsPath() {
        JsonCodec<Map<String, List<JsonValue>>> codec =
                JsonCodecs.mapOf(JsonCodecs.listRejectingNulls(JsonCodecs.JSON_VALUE));
        JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> Json.decode(codec, HISTORY));
        assertEquals("$.hs_note_body[1]", e.path());
        assertTrue(e.getMessage().contains("lists hold no nulls"), e.getMessage());
    }

    @Test
    void rejectingNullsLeavesTheNullOutOfATolerantDecodeAndRecordsIt() throws Exception {
        JsonCodec<Map<String, List<JsonValue>>> codec =
                JsonCodecs.mapOf(JsonCodecs.listRejectingNulls(JsonCodecs.JSON_VALUE));
        Decoded<Map<String, List<JsonValue>>> decoded = Json.decodeTolerant(codec, HISTORY.getBytes(UTF_8));
        List<JsonValue> history = decoded.value().get("hs_note_body");
        assertEquals(1, history.size());
        assertEquals(
                new JsonValue.JsonString("CRM_UI"),
                ((JsonValue.JsonObject) history.get(0)).members().get("sourceType"));
        assertEquals(1, decoded.deviations().size());
        assertEquals("$.hs_note_body[1]", decoded.deviations().get(0).path());
        assertEquals(JsonValue.NULL, decoded.deviations().get(0).raw());
    }

    @Test
    void rejectingNullsRefusesToWriteANullElement() {
        JsonCodec<List<String>> strings = JsonCodecs.listRejectingNulls(JsonCodecs.STRING);
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> Json.encode(strings, Arrays.asList("a", null)));
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
        assertEquals("[\"a\",\"b\"]", new String(Json.encode(strings, List.of("a", "b")), UTF_8));
    }

    @Test
    void aRejectingListIsWhatARecordKeepsWithoutCopying() throws Exception {
        List<Integer> read = Json.decode(JsonCodecs.listRejectingNulls(JsonCodecs.INT32), "[1,2,3]");
        assertEquals(List.of(1, 2, 3), read);
        assertSame(read, RecordCollections.immutableList(read));
        List<Integer> allowing = Json.decode(JsonCodecs.listAllowingNulls(JsonCodecs.INT32), "[1,null]");
        assertEquals(Arrays.asList(1, null), allowing);
    }
}
