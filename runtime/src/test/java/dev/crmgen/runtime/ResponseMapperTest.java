package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.json.JsonCodecs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The short mapper forms generated clients use: one JSON status, one empty status, and both in one builder. */
class ResponseMapperTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonMapsTheDeclaredStatusToTheDecodedBody() {
        ResponseMapper<Map<String, Integer>> mapper = ResponseMapper.json(200, JsonCodecs.mapOf(JsonCodecs.INT32));

        assertEquals(Map.of("a", 1, "b", 2), mapper.map(200, utf8("{\"a\":1,\"b\":2}"), "c-1"));
    }

    @Test
    void jsonRejectsAnUndeclaredStatusWithTheRawBody() {
        ResponseMapper<String> mapper = ResponseMapper.json(201, JsonCodecs.STRING);

        ResponseDecodingException e =
                assertThrows(ResponseDecodingException.class, () -> mapper.map(200, utf8("\"x\""), "c-2"));
        assertEquals(200, e.status());
        assertEquals("\"x\"", e.rawBody());
    }

    @Test
    void jsonReadsAWrongTypeTolerantlyAndFailsItStrictly() {
        // HubSpot sends a string where the spec says integer: tolerated as absent, strict reports where.
        ResponseMapper<Map<String, List<Integer>>> mapper =
                ResponseMapper.json(200, JsonCodecs.mapOf(JsonCodecs.listAllowingNulls(JsonCodecs.INT32)));
        byte[] body = utf8("{\"ids\":[1,\"two\",3]}");

        List<Integer> tolerated = mapper.map(200, body, "c-3").get("ids");
        assertEquals(1, tolerated.get(0));
        assertNull(tolerated.get(1));
        assertEquals(3, tolerated.get(2));

        ResponseDecodingException strict =
                assertThrows(ResponseDecodingException.class, () -> mapper.map(200, body, "c-3", true));
        assertEquals("$.ids[1]", strict.path());
        assertEquals(new String(body, StandardCharsets.UTF_8), strict.rawBody());
    }

    @Test
    void jsonFailsOnAJsonNullBodyAndOnNoBody() {
        ResponseMapper<String> mapper = ResponseMapper.json(200, JsonCodecs.STRING);

        assertThrows(ResponseDecodingException.class, () -> mapper.map(200, utf8("null"), "c-4"));
        assertThrows(ResponseDecodingException.class, () -> mapper.map(200, new byte[0], "c-4"));
    }

    @Test
    void emptyIgnoresWhateverBodyComesAndReturnsNull() {
        ResponseMapper<Void> mapper = ResponseMapper.empty(204);

        assertNull(mapper.map(204, new byte[0], "c-5"));
        assertNull(mapper.map(204, utf8("{\"unexpected\":true}"), "c-5"));
        assertThrows(ResponseDecodingException.class, () -> mapper.map(200, new byte[0], "c-5"));
    }

    @Test
    void builderCombinesAJsonStatusAndAnEmptyOne() {
        ResponseMapper<String> mapper = ResponseMapper.<String>builder()
                .json(200, JsonCodecs.STRING)
                .empty(204)
                .build();

        assertEquals("found", mapper.map(200, utf8("\"found\""), "c-6"));
        assertNull(mapper.map(204, new byte[0], "c-6"));
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> ResponseMapper.<String>builder().empty(204).json(204, JsonCodecs.STRING));
        assertTrue(twice.getMessage().contains("204"), twice.getMessage());
    }
}
