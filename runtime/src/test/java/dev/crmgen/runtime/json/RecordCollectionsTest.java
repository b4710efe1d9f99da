package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCollectionsTest {
    private static final JsonCodec<List<Map<String, List<String>>>> NESTED =
            JsonCodecs.listRejectingNulls(RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING)));

    @Test
    void nestedListsAndMapsRoundTripInOrder() throws Exception {
        String json = "[{\"b\":[\"x\",\"y\"],\"a\":null,\"c\":[]},{}]";
        List<Map<String, List<String>>> value = Json.decode(NESTED, json);
        assertEquals(2, value.size());
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(value.get(0).keySet()));
        assertEquals(List.of("x", "y"), value.get(0).get("b"));
        assertTrue(value.get(0).containsKey("a"));
        assertNull(value.get(0).get("a"));
        assertEquals(json, new String(Json.encode(NESTED, value), StandardCharsets.UTF_8));
    }

    @Test
    void aNullListElementIsRejectedWithItsPath() {
        JsonDecodingException e =
                assertThrows(JsonDecodingException.class, () -> Json.decode(NESTED, "[{\"b\":[\"x\",null]}]"));
        assertTrue(e.getMessage().contains("lists hold no nulls"), e.getMessage());
        assertTrue(e.getMessage().contains("$[0].b[1]"), e.getMessage());
    }

    @Test
    void aWrongContainerIsRejected() {
        assertThrows(JsonDecodingException.class, () -> Json.decode(NESTED, "{}"));
        assertThrows(JsonDecodingException.class, () -> Json.decode(NESTED, "[[]]"));
    }

    @Test
    void decodedCollectionsAreImmutableAndTakenAsTheyAre() throws Exception {
        List<Map<String, List<String>>> value = Json.decode(NESTED, "[{\"b\":[\"x\"]}]");
        assertThrows(UnsupportedOperationException.class, () -> value.add(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> value.get(0).put("c", List.of()));
        assertThrows(
                UnsupportedOperationException.class,
                () -> value.get(0).entrySet().clear());
        assertThrows(
                UnsupportedOperationException.class, () -> value.get(0).get("b").set(0, "y"));
        assertSame(value, RecordCollections.immutableList(value));
        assertSame(value.get(0), RecordCollections.immutableMap(value.get(0)));
    }

    @Test
    void otherCollectionsAreCopied() {
        List<String> list = new ArrayList<>(List.of("a"));
        List<String> copy = RecordCollections.immutableList(list);
        list.add("b");
        assertEquals(List.of("a"), copy);
        assertThrows(UnsupportedOperationException.class, () -> copy.add("c"));
        assertThrows(NullPointerException.class, () -> RecordCollections.immutableList(Arrays.asList("a", null)));

        Map<String, String> map = new LinkedHashMap<>();
        map.put("z", null);
        map.put("a", "1");
        Map<String, String> mapCopy = RecordCollections.immutableMap(map);
        map.put("b", "2");
        assertNotSame(map, mapCopy);
        assertEquals(List.of("z", "a"), new ArrayList<>(mapCopy.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> mapCopy.remove("z"));
    }

    @Test
    void decodedCollectionsEqualOrdinaryOnes() throws Exception {
        List<Map<String, List<String>>> value = Json.decode(NESTED, "[{\"b\":[\"x\"]}]");
        List<Map<String, List<String>>> expected = List.of(Map.of("b", List.of("x")));
        assertEquals(expected, value);
        assertEquals(value, expected);
        assertEquals(expected.hashCode(), value.hashCode());
    }
}
