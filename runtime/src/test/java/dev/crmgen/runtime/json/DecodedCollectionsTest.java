package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lists and maps a decode builds behave as {@code List.copyOf} and an unmodifiable {@code LinkedHashMap} would:
 * same elements, order, lookups, equality and hash codes, whatever the size and however the keys collide, and nothing
 * changes them.
 */
class DecodedCollectionsTest {
    private static final JsonCodec<Map<String, String>> STRINGS = RecordCollections.mapCodec(JsonCodecs.STRING);
    private static final JsonCodec<List<String>> LIST = JsonCodecs.listRejectingNulls(JsonCodecs.STRING);

    /** Keys that collide: "Aa" and "BB" share a hash code, so do their concatenations. */
    private static final List<String> KEYS = List.of(
            "Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "hs_note_body", "hs_timestamp", "ids", "a b", "é", "\"q\"");

    @Test
    void aDecodedMapIsTheMapThatPuttingEachEntryInOrderGives() throws Exception {
        Random random = new Random(20240502);
        for (int round = 0; round < 400; round++) {
            // Sizes on both sides of the point where a lookup stops scanning, keys often repeated.
            int entries = random.nextInt(round % 4 == 0 ? 60 : 12);
            LinkedHashMap<String, String> expected = new LinkedHashMap<>();
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < entries; i++) {
                String key = random.nextInt(3) == 0
                        ? KEYS.get(random.nextInt(KEYS.size()))
                        : "k" + random.nextInt(2 * entries + 1);
                String value = random.nextInt(5) == 0 ? null : "v" + i;
                expected.put(key, value);
                json.append(i == 0 ? "" : ",")
                        .append(quoted(key))
                        .append(':')
                        .append(value == null ? "null" : quoted(value));
            }
            Map<String, String> decoded = Json.decode(STRINGS, json.append('}').toString());
            assertSameMap(expected, decoded);
        }
    }

    @Test
    void oneCodecReadsMapsWhoseKeysChangeEveryTimeAndThenMapsThatRepeatThem() throws Exception {
        JsonCodec<Map<String, String>> codec = RecordCollections.mapCodec(JsonCodecs.STRING);
        for (int round = 0; round < 1200; round++) {
            // First keys never seen before (ids), then the same few keys in a steady order, then new keys again.
            boolean steady = round >= 600 && round < 900;
            LinkedHashMap<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                expected.put(steady ? "hs_" + i : round + "-" + i, "v" + round);
            }
            StringBuilder json = new StringBuilder("{");
            expected.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                    .append(quoted(k))
                    .append(':')
                    .append(quoted(v)));
            assertSameMap(expected, Json.decode(codec, json.append('}').toString()));
        }
    }

    @Test
    void keysHoldingHalfASurrogatePairAreReadAsTheyCame() throws Exception {
        // Valid JSON that jackson reads, though such a key has no UTF-8 form to guess it by.
        for (String json : new String[] {"{\"\\ud800\":\"a\",\"b\":\"c\"}", "{\"x\":\"y\",\"\\udc00z\":\"w\"}"}) {
            for (int round = 0; round < 3; round++) {
                Map<String, String> decoded = Json.decode(STRINGS, json);
                Map<String, String> fromBytes = Json.decode(STRINGS, json.getBytes(StandardCharsets.UTF_8));
                LinkedHashMap<String, String> expected = new LinkedHashMap<>();
                if (json.contains("ud800")) {
                    expected.put("\ud800", "a");
                    expected.put("b", "c");
                } else {
                    expected.put("x", "y");
                    expected.put("\udc00z", "w");
                }
                assertSameMap(expected, decoded);
                assertSameMap(expected, fromBytes);
            }
        }
    }

    @Test
    void lookupsOfKeysThatAreNotThereFindNothing() throws Exception {
        for (int entries : new int[] {0, 1, 8, 9, 40}) {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < entries; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
            }
            Map<String, String> decoded = Json.decode(STRINGS, json.append('}').toString());
            assertEquals(entries, decoded.size());
            for (Object absent : new Object[] {"k" + entries, "", null, 7, "K0"}) {
                assertFalse(decoded.containsKey(absent), entries + " entries: " + absent);
                assertNull(decoded.get(absent));
                assertEquals("d", decoded.getOrDefault(absent, "d"));
            }
        }
    }

    @Test
    void nothingChangesADecodedMap() throws Exception {
        for (String json : List.of("{}", "{\"a\":\"1\",\"b\":null}")) {
            Map<String, String> map = Json.decode(STRINGS, json);
            Map<String, String> before = new LinkedHashMap<>(map);
            assertThrows(UnsupportedOperationException.class, () -> map.put("c", "3"));
            assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
            assertThrows(UnsupportedOperationException.class, map::clear);
            assertThrows(UnsupportedOperationException.class, () -> map.putAll(Map.of("c", "3")));
            assertThrows(UnsupportedOperationException.class, () -> map.computeIfAbsent("c", k -> "3"));
            if (!map.isEmpty()) {
                assertThrows(UnsupportedOperationException.class, () -> map.replaceAll((k, v) -> "x"));
                assertThrows(
                        UnsupportedOperationException.class, () -> map.keySet().remove("a"));
                assertThrows(
                        UnsupportedOperationException.class, () -> map.values().removeIf(v -> true));
                assertThrows(
                        UnsupportedOperationException.class,
                        () -> map.entrySet().clear());
                assertThrows(
                        UnsupportedOperationException.class,
                        () -> map.entrySet().iterator().next().setValue("x"));
                Iterator<String> keys = map.keySet().iterator();
                keys.next();
                assertThrows(UnsupportedOperationException.class, keys::remove);
            }
            assertEquals(before, map);
        }
    }

    @Test
    void anEmptyObjectOrArrayGivesTheSharedEmptyCollection() throws Exception {
        assertSame(Json.decode(STRINGS, "{}"), Json.decode(STRINGS, "{ }"));
        assertSame(Json.decode(LIST, "[]"), Json.decode(LIST, "[ ]"));
        assertEquals(Map.of(), Json.decode(STRINGS, "{}"));
        assertEquals(List.of(), Json.decode(LIST, "[]"));
    }

    @Test
    void aDecodedListIsTheListOfItsElementsInOrder() throws Exception {
        for (int size : new int[] {1, 3, 4, 5, 8, 9, 100}) {
            List<String> expected = new ArrayList<>();
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                expected.add("e" + i);
                json.append(i == 0 ? "" : ",").append("\"e").append(i).append('"');
            }
            List<String> decoded = Json.decode(LIST, json.append(']').toString());
            assertEquals(expected, decoded);
            assertEquals(decoded, expected);
            assertEquals(expected.hashCode(), decoded.hashCode());
            assertEquals(expected, List.of(decoded.toArray()));
            List<String> seen = new ArrayList<>();
            decoded.forEach(seen::add);
            assertEquals(expected, seen);
            assertThrows(IndexOutOfBoundsException.class, () -> decoded.get(size));
            assertThrows(IndexOutOfBoundsException.class, () -> decoded.get(-1));
            assertThrows(UnsupportedOperationException.class, () -> decoded.set(0, "x"));
            assertThrows(UnsupportedOperationException.class, () -> decoded.add("x"));
            assertThrows(UnsupportedOperationException.class, () -> decoded.remove(0));
            assertThrows(UnsupportedOperationException.class, decoded::clear);
            assertThrows(UnsupportedOperationException.class, () -> decoded.sort(null));
            assertEquals(expected, decoded);
        }
    }

    private static void assertSameMap(LinkedHashMap<String, String> expected, Map<String, String> decoded) {
        assertEquals(expected, decoded);
        assertEquals(decoded, expected);
        assertEquals(expected.hashCode(), decoded.hashCode());
        assertEquals(expected.toString(), decoded.toString());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(decoded.keySet()));
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(decoded.values()));
        for (String key : expected.keySet()) {
            assertTrue(decoded.containsKey(key), key);
            assertEquals(expected.get(key), decoded.get(key), key);
        }
        List<String> visited = new ArrayList<>();
        decoded.forEach((k, v) -> visited.add(k + "=" + v));
        List<String> expectedVisits = new ArrayList<>();
        expected.forEach((k, v) -> expectedVisits.add(k + "=" + v));
        assertEquals(expectedVisits, visited);
        Iterator<Map.Entry<String, String>> entries = decoded.entrySet().iterator();
        for (int i = 0; i < expected.size(); i++) {
            entries.next();
        }
        assertFalse(entries.hasNext());
        assertThrows(NoSuchElementException.class, entries::next);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
