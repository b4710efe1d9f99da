package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads and writes one Java type as JSON on jackson-core's streaming API, without reflection.
 * Generated code implements one per record; {@link JsonCodecs} holds the built-in ones.
 *
 * @param <T> the Java type
 */
public interface JsonCodec<T> {
    /**
     * Reads one value. The parser is positioned on the value's first token ({@code p.currentToken()} is not null);
     * on return it is positioned on the value's last token. A JSON {@code null} is handled by the caller.
     *
     * @throws JsonDecodingException when the JSON does not fit the type; it names the JSON path
     */
    T read(JsonParser p) throws IOException;

    /** Writes one non-null value. */
    void write(JsonGenerator g, T value) throws IOException;
}
