package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RecordCodec} over records declared as generated code declares them, read from bodies in the shapes HubSpot
 * documents for {@code POST /crm/v3/objects/notes/batch/update}: a 200 and a 207 with {@code errors[].context}, notes
 * with {@code propertiesWithHistory}.
 */
class RecordCodecTest {
    /** HubSpot's {@code ValueWithTimestamp}: three required properties, two optional, one of them a number. */
    record ValueWithTimestamp(
            String sourceId, String sourceType, OffsetDateTime timestamp, Integer updatedByUserId, String value) {
        static final JsonCodec<ValueWithTimestamp> CODEC = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.optional("sourceId", JsonCodecs.STRING),
                    RecordProperty.tolerated("sourceType", JsonCodecs.STRING),
                    RecordProperty.tolerated("timestamp", JsonCodecs.DATE_TIME),
                    RecordProperty.optional("updatedByUserId", JsonCodecs.INT32),
                    RecordProperty.tolerated("value", JsonCodecs.STRING)
                },
                v -> new ValueWithTimestamp(
                        (String) v[0], (String) v[1], (OffsetDateTime) v[2], (Integer) v[3], (String) v[4]),
                r -> new Object[] {r.sourceId(), r.sourceType(), r.timestamp(), r.updatedByUserId(), r.value()});
    }

    /** HubSpot's {@code SimplePublicObject}, with its required boolean held in a primitive component. */
    record Note(
            boolean archived,
            OffsetDateTime createdAt,
            String id,
            Map<String, String> properties,
            Map<String, List<ValueWithTimestamp>> propertiesWithHistory) {
        @SuppressWarnings("unchecked")
        static final JsonCodec<Note> CODEC = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.required("archived", JsonCodecs.BOOLEAN),
                    RecordProperty.tolerated("createdAt", JsonCodecs.DATE_TIME),
                    RecordProperty.required("id", JsonCodecs.STRING),
                    RecordProperty.tolerated("properties", RecordCollections.mapCodec(JsonCodecs.STRING)),
                    RecordProperty.optional(
                            "propertiesWithHistory",
                            RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(ValueWithTimestamp.CODEC)))
                },
                v -> new Note((boolean) v[0], (OffsetDateTime) v[1], (String) v[2], (Map<String, String>) v[3], (Map<
                                String, List<ValueWithTimestamp>>)
                        v[4]),
                r -> new Object[] {r.archived(), r.createdAt(), r.id(), r.properties(), r.propertiesWithHistory()});
    }

    /** HubSpot's {@code StandardError}, reduced to what a 207 needs; {@code context} and {@code errors} required. */
    record StandardError(String category, Map<String, List<String>> context, String message, String status) {
        @SuppressWarnings("unchecked")
        static final JsonCodec<StandardError> CODEC = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.tolerated("category", JsonCodecs.STRING),
                    RecordProperty.tolerated(
                            "context", RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                    RecordProperty.tolerated("message", JsonCodecs.STRING),
                    RecordProperty.tolerated("status", JsonCodecs.STRING)
                },
                v -> new StandardError((String) v[0], (Map<String, List<String>>) v[1], (String) v[2], (String) v[3]),
                r -> new Object[] {r.category(), r.context(), r.message(), r.status()});
    }

    /** HubSpot's {@code BatchResponseSimplePublicObjectWithErrors}, reduced; {@code results} cannot be absent. */
    record BatchResponse(List<StandardError> errors, Integer numErrors, List<Note> results, String status) {
        @SuppressWarnings("unchecked")
        static final JsonCodec<BatchResponse> CODEC = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.optional("errors", JsonCodecs.listRejectingNulls(StandardError.CODEC)),
                    RecordProperty.optional("numErrors", JsonCodecs.INT32),
                    RecordProperty.required("results", JsonCodecs.listRejectingNulls(Note.CODEC)),
                    RecordProperty.tolerated("status", JsonCodecs.STRING)
                },
                v -> new BatchResponse((List<StandardError>) v[0], (Integer) v[1], (List<Note>) v[2], (String) v[3]),
                r -> new Object[] {r.errors(), r.numErrors(), r.results(), r.status()});
    }

    private static final String NOTE = """
            {"id":"512","properties":{"hs_note_body":"Called back","hs_lastmodifieddate":"2024-05-02T09:30:00Z"},
             "propertiesWithHistory":{"hs_note_body":[{"value":"Called back","timestamp":"2024-05-02T09:30:00.000Z",
               "sourceType":"CRM_UI","sourceId":"userId:42","updatedByUserId":42}]},
             "createdAt":"2019-10-30T03:30:17.883Z","updatedAt":"2024-05-02T09:30:00Z","archived":false}""";

    private static final String MULTI_STATUS = """
            {"status":"COMPLETE","results":[%s],"numErrors":1,
             "errors":[{"status":"error","category":"OBJECT_NOT_FOUND","message":"Could not get some NOTE objects",
               "context":{"ids":["513"]},"errors":[],"links":{}}],
             "requestedAt":"2024-05-02T09:29:59Z","startedAt":"2024-05-02T09:30:00Z",
             "completedAt":"2024-05-02T09:30:00.5Z","links":{"docs":"https://developers.hubspot.com"}}""".formatted(NOTE);

    @Test
    void readsABatch207InHubSpotsShapeSkippingWhatTheRecordLacks() throws Exception {
        BatchResponse response = Json.decode(BatchResponse.CODEC, MULTI_STATUS);
        assertEquals("COMPLETE", response.status());
        assertEquals(1, response.numErrors());
        Note note = response.results().get(0);
        assertEquals("512", note.id());
        assertEquals(false, note.archived());
        assertEquals(OffsetDateTime.parse("2019-10-30T03:30:17.883Z"), note.createdAt());
        assertEquals("Called back", note.properties().get("hs_note_body"));
        ValueWithTimestamp history =
                note.propertiesWithHistory().get("hs_note_body").get(0);
        assertEquals(
                new ValueWithTimestamp(
                        "userId:42", "CRM_UI", OffsetDateTime.parse("2024-05-02T09:30:00Z"), 42, "Called back"),
                history);
        StandardError error = response.errors().get(0);
        assertEquals(Map.of("ids", List.of("513")), error.context());
        assertEquals("OBJECT_NOT_FOUND", error.category());
    }

    @Test
    void writesInComponentOrderLeavingOutAbsentComponentsAndReadsBackEqual() throws Exception {
        Note note = new Note(true, OffsetDateTime.parse("2024-05-02T09:30:00Z"), "7", Map.of("a", "b"), null);
        String json = new String(Json.encode(Note.CODEC, note), StandardCharsets.UTF_8);
        assertEquals(
                "{\"archived\":true,\"createdAt\":\"2024-05-02T09:30:00Z\",\"id\":\"7\",\"properties\":{\"a\":\"b\"}}",
                json);
        assertEquals(note, Json.decode(Note.CODEC, json));
        BatchResponse response = Json.decode(BatchResponse.CODEC, MULTI_STATUS);
        assertEquals(response, Json.decode(BatchResponse.CODEC, Json.encode(BatchResponse.CODEC, response)));
    }

    @Test
    void jsonNullMeansAbsent() throws Exception {
        ValueWithTimestamp value = Json.decode(
                ValueWithTimestamp.CODEC,
                "{\"sourceId\":null,\"sourceType\":\"API\",\"timestamp\":\"2024-05-02T09:30:00Z\","
                        + "\"updatedByUserId\":null,\"value\":\"x\",\"unknown\":null}");
        assertNull(value.sourceId());
        assertNull(value.updatedByUserId());
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class,
                () -> Json.decode(
                        Note.CODEC, "{\"archived\":false,\"id\":\"1\",\"createdAt\":null,\"properties\":{}}"));
        assertEquals("$.createdAt", e.path());
    }

    @Test
    void aMissingRequiredPropertyFailsAStrictDecodeWithItsPath() {
        String lacksCreatedAt = MULTI_STATUS.replace("\"createdAt\":\"2019-10-30T03:30:17.883Z\",", "");
        JsonDecodingException e =
                assertThrows(JsonDecodingException.class, () -> Json.decode(BatchResponse.CODEC, lacksCreatedAt));
        assertEquals("$.results[0].createdAt", e.path());
        assertTrue(e.getMessage().contains("missing required property \"createdAt\""), e.getMessage());
    }

    @Test
    void aTolerantDecodeRecordsMissingRequiredPropertiesAndStandsInEmptyCollections() throws Exception {
        String lacksContextAndProperties = MULTI_STATUS
                .replace("\"context\":{\"ids\":[\"513\"]},", "")
                .replace(
                        "\"properties\":{\"hs_note_body\":\"Called back\",\"hs_lastmodifieddate\":"
                                + "\"2024-05-02T09:30:00Z\"},",
                        "")
                .replace("\"category\":\"OBJECT_NOT_FOUND\",", "");
        Decoded<BatchResponse> decoded =
                Json.decodeTolerant(BatchResponse.CODEC, lacksContextAndProperties.getBytes(StandardCharsets.UTF_8));
        StandardError error = decoded.value().errors().get(0);
        assertEquals(Map.of(), error.context());
        assertNull(error.category());
        assertEquals(Map.of(), decoded.value().results().get(0).properties());
        assertEquals(
                List.of("$.results[0].properties", "$.errors[0].category", "$.errors[0].context"),
                decoded.deviations().stream().map(JsonDeviation::path).toList());
        assertEquals("nothing", decoded.deviations().get(0).found());
    }

    @Test
    void anIdAResultsListAndAPrimitiveStayFatalInATolerantDecode() {
        for (String broken : List.of(
                MULTI_STATUS.replace("\"id\":\"512\",", ""),
                MULTI_STATUS.replace("\"results\":[" + NOTE + "],", "\"results\":{},"),
                MULTI_STATUS.replace("\"archived\":false", "\"archived\":\"no\""),
                MULTI_STATUS.replace(",\"archived\":false", ""))) {
            JsonDecodingException e = assertThrows(
                    JsonDecodingException.class,
                    () -> Json.decodeTolerant(BatchResponse.CODEC, broken.getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.path().startsWith("$.results"), e.path());
        }
    }

    @Test
    void aPrimitiveConvertedWithoutLossIsKept() throws Exception {
        Decoded<Note> decoded = Json.decodeTolerant(
                Note.CODEC,
                NOTE.replace("\"archived\":false", "\"archived\":\"true\"").getBytes(StandardCharsets.UTF_8));
        assertTrue(decoded.value().archived());
        assertEquals("$.archived", decoded.deviations().get(0).path());
    }

    @Test
    void aWrongJsonTypeIsReportedWithItsPathOrRecordedWithItsRawValue() throws Exception {
        String numericTimestamp =
                MULTI_STATUS.replace("\"timestamp\":\"2024-05-02T09:30:00.000Z\"", "\"timestamp\":1714642200000");
        JsonDecodingException e =
                assertThrows(JsonDecodingException.class, () -> Json.decode(BatchResponse.CODEC, numericTimestamp));
        assertEquals("$.results[0].propertiesWithHistory.hs_note_body[0].timestamp", e.path());

        Decoded<BatchResponse> decoded =
                Json.decodeTolerant(BatchResponse.CODEC, numericTimestamp.getBytes(StandardCharsets.UTF_8));
        assertNull(decoded.value()
                .results()
                .get(0)
                .propertiesWithHistory()
                .get("hs_note_body")
                .get(0)
                .timestamp());
        JsonDeviation deviation = decoded.deviations().get(0);
        assertEquals("$.results[0].propertiesWithHistory.hs_note_body[0].timestamp", deviation.path());
        assertEquals(new JsonValue.JsonNumber(new java.math.BigDecimal("1714642200000")), deviation.raw());
    }

    @Test
    void aNumberWhereAStringIsDeclaredIsReportedOrKeptAsItsText() throws Exception {
        String numericId = NOTE.replace("\"id\":\"512\"", "\"id\":512");
        JsonDecodingException e = assertThrows(JsonDecodingException.class, () -> Json.decode(Note.CODEC, numericId));
        assertEquals("$.id", e.path());
        Decoded<Note> decoded = Json.decodeTolerant(Note.CODEC, numericId.getBytes(StandardCharsets.UTF_8));
        assertEquals("512", decoded.value().id());
        assertEquals(
                new JsonDeviation("$.id", "a string", "the number 512", JsonValue.of(512)),
                decoded.deviations().get(0));
    }

    @Test
    void aRecordWhereAnObjectIsExpectedIsReportedOrAbsent() throws Exception {
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(BatchResponse.CODEC, "{\"results\":[\"512\"]}"));
        assertEquals("$.results[0]", e.path());
        String errorInAList = """
                {"status":"COMPLETE","results":[],"errors":[["OBJECT_NOT_FOUND"],
                 {"status":"error","category":"VALIDATION_ERROR","message":"m","context":{}}]}""";
        Decoded<BatchResponse> decoded =
                Json.decodeTolerant(BatchResponse.CODEC, errorInAList.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, decoded.value().errors().size(), "the unreadable error is left out of the list");
        assertEquals("$.errors[0]", decoded.deviations().get(0).path());
    }

    @Test
    void propertiesWhoseNamesHashAlikeAreToldApart() throws Exception {
        // "Aa" and "BB" have the same String.hashCode, as do "AaAa", "AaBB", "BBAa" and "BBBB".
        List<String> names = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "id");
        RecordCodec<List<Object>> codec = new RecordCodec<>(
                () -> names.stream()
                        .map(n -> RecordProperty.optional(n, JsonCodecs.STRING))
                        .toArray(RecordProperty[]::new),
                values -> java.util.Arrays.asList(values),
                value -> value.toArray());
        String json = "{\"BBBB\":\"6\",\"Aa\":\"1\",\"id\":\"7\",\"AaBB\":\"4\",\"BB\":\"2\",\"AaAa\":\"3\",\"x\":[1]}";
        assertEquals(java.util.Arrays.asList("1", "2", "3", "4", null, "6", "7"), Json.decode(codec, json));
    }

    /** A record of each kind of property, read as a list of its values, in component order. */
    private static final List<RecordProperty> MIXED = List.of(
            RecordProperty.optional("id", JsonCodecs.STRING),
            RecordProperty.optional("status", JsonCodecs.STRING),
            RecordProperty.optional(
                    "context", RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
            RecordProperty.optional("numErrors", JsonCodecs.INT32),
            RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
            RecordProperty.optional("category", JsonCodecs.STRING));

    private static RecordCodec<List<Object>> mixedCodec() {
        return new RecordCodec<>(
                () -> MIXED.toArray(RecordProperty[]::new), java.util.Arrays::asList, value -> value.toArray());
    }

    /** A JSON value for property {@code index} of {@link #MIXED}, as text and as the value it decodes to. */
    private static Map.Entry<String, Object> mixedValue(int index, java.util.Random random) {
        int n = random.nextInt(1000);
        return switch (index) {
            case 2 ->
                Map.entry(
                        "{\"ids\":[\"" + n + "\"],\"k" + n % 3 + "\":[]}",
                        orderedMap("ids", List.of("" + n), "k" + n % 3, List.of()));
            case 3 -> Map.entry(String.valueOf(n), n);
            case 4 -> Map.entry("{\"k" + n % 4 + "\":\"" + n + "\"}", Map.of("k" + n % 4, "" + n));
            default -> Map.entry("\"v" + n + "\"", "v" + n);
        };
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** {@code name} written with its first character escaped, as JSON allows. */
    private static String escapedName(String name) {
        return String.format("\"\\u%04x%s\"", (int) name.charAt(0), name.substring(1));
    }

    @Test
    void anObjectReadsTheSameWhateverOrderItsPropertiesComeIn() throws Exception {
        RecordCodec<List<Object>> codec = mixedCodec();
        java.util.Random random = new java.util.Random(207);
        List<Integer> order = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        for (int round = 0; round < 600; round++) {
            // Runs of one order, as a server sends them, then a new order; now and then a property twice, a null,
            // an unknown property, an escaped name, or one left out.
            if (round % 40 == 0) {
                java.util.Collections.shuffle(order, random);
            }
            Object[] expected = new Object[MIXED.size()];
            StringBuilder json = new StringBuilder("{");
            for (int index : order) {
                int twist = random.nextInt(12);
                if (twist == 0) {
                    continue;
                }
                if (twist == 1) {
                    json.append("\"unknown\":{\"id\":[1,{\"status\":2}]},");
                }
                String name = "\"" + MIXED.get(index).name + "\"";
                if (twist == 2) {
                    name = escapedName(MIXED.get(index).name);
                }
                Map.Entry<String, Object> value = mixedValue(index, random);
                if (twist == 3) {
                    json.append(name).append(":null,");
                } else {
                    json.append(name).append(':').append(value.getKey()).append(',');
                    expected[index] = value.getValue();
                }
                if (twist == 4) {
                    // Read twice: the later value counts, a later null does not erase.
                    Map.Entry<String, Object> again = mixedValue(index, random);
                    json.append(name).append(':').append(again.getKey()).append(',');
                    expected[index] = again.getValue();
                    json.append(name).append(":null,");
                }
            }
            if (json.length() > 1) {
                json.setLength(json.length() - 1);
            }
            String text = json.append('}').toString();
            assertEquals(java.util.Arrays.asList(expected), Json.decode(codec, text), text);
        }
    }

    @Test
    @Timeout(60)
    void threadsReadingOneTypeInDifferentOrdersEachGetTheirOwnValues() throws Exception {
        RecordCodec<List<Object>> codec = mixedCodec();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> readers = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                long seed = thread;
                readers.add(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Integer> order = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
                    java.util.Collections.shuffle(order, random);
                    for (int round = 0; round < 3000; round++) {
                        Object[] expected = new Object[MIXED.size()];
                        StringBuilder json = new StringBuilder("{");
                        for (int index : order) {
                            Map.Entry<String, Object> value = mixedValue(index, random);
                            json.append(json.length() > 1 ? "," : "")
                                    .append('"')
                                    .append(MIXED.get(index).name)
                                    .append("\":")
                                    .append(value.getKey());
                            expected[index] = value.getValue();
                        }
                        String text = json.append('}').toString();
                        assertEquals(java.util.Arrays.asList(expected), Json.decode(codec, text), text);
                    }
                    return 3000;
                });
            }
            for (Future<Integer> done : pool.invokeAll(readers)) {
                assertEquals(3000, done.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPropertyListedTwiceIsRejected() {
        RecordCodec<Object> codec = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.optional("id", JsonCodecs.STRING), RecordProperty.required("id", JsonCodecs.STRING)
                },
                values -> values[0],
                value -> new Object[] {value});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Json.decode(codec, "{\"id\":\"1\"}"));
        assertTrue(e.getMessage().contains("\"id\""), e.getMessage());
    }

    /** A record whose table names its own codec: built on first use, it sees the codec whole. */
    record Association(String id, List<Association> children) {
        @SuppressWarnings("unchecked")
        static final JsonCodec<Association> CODEC = new RecordCodec<>(
                () -> new RecordProperty[] {
                    RecordProperty.required("id", JsonCodecs.STRING),
                    RecordProperty.optional("children", JsonCodecs.listRejectingNulls(Association.CODEC))
                },
                v -> new Association((String) v[0], (List<Association>) v[1]),
                r -> new Object[] {r.id(), r.children()});
    }

    @Test
    @Timeout(30)
    void aRecordThatContainsItselfReadsOnManyThreadsAtOnce() throws Exception {
        String json = "{\"id\":\"1\",\"children\":[{\"id\":\"2\",\"children\":[{\"id\":\"3\"}]},{\"id\":\"4\"}]}";
        Association expected = new Association(
                "1", List.of(new Association("2", List.of(new Association("3", null))), new Association("4", null)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Association> decode = () -> Json.decode(Association.CODEC, json);
            List<Future<Association>> results = pool.invokeAll(List.of(decode, decode, decode, decode));
            for (Future<Association> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
