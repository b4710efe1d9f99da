package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Json#encode} reuses a buffer per thread; each result must still be exactly its own document. */
class JsonEncodeTest {
    private static final JsonCodec<List<String>> STRINGS = JsonCodecs.listRejectingNulls(JsonCodecs.STRING);

    private static String encode(List<String> value) {
        return new String(Json.encode(STRINGS, value), StandardCharsets.UTF_8);
    }

    @Test
    void consecutiveEncodingsDoNotLeakIntoEachOther() {
        String big = "x".repeat(3 << 20); // larger than the buffer a thread keeps
        assertEquals("[\"a\",\"b\"]", encode(List.of("a", "b")));
        assertEquals(3 * (1 << 20) + 4, encode(List.of(big)).length());
        assertEquals("[\"c\"]", encode(List.of("c")));
        assertEquals(
                "[" + String.join(",", Collections.nCopies(5000, "\"long enough to grow\"")) + "]",
                encode(Collections.nCopies(5000, "long enough to grow")));
        assertEquals("[]", encode(List.of()));
        assertEquals("null", new String(Json.encode(STRINGS, null), StandardCharsets.UTF_8));
    }

    @Test
    void aCodecMayEncodeWhileEncoding() {
        JsonCodec<String> embedding = new JsonCodec<>() {
            @Override
            public String read(JsonParser p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(JsonGenerator g, String value) throws IOException {
                g.writeString(encode(List.of(value, value)));
            }
        };
        assertEquals("\"[\\\"q\\\",\\\"q\\\"]\"", new String(Json.encode(embedding, "q"), StandardCharsets.UTF_8));
        assertEquals("[\"after\"]", encode(List.of("after")));
    }

    @Test
    void aFailingCodecLeavesTheBufferUsable() {
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> Json.encode(new FailingCodec(1, "partial"), "v"));
        assertEquals("could not encode JSON: cannot write v", e.getMessage());
        assertEquals("[\"ok\"]", encode(List.of("ok")));
    }
}
