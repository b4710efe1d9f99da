package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** A codec that starts an array, writes some strings into it and then fails, as a broken codec would mid-body. */
public final class FailingCodec implements JsonCodec<String> {
    private final int strings;
    private final String text;

    /** Writes {@code strings} copies of {@code text} before it throws {@code cannot write <value>}. */
    public FailingCodec(int strings, String text) {
        this.strings = strings;
        this.text = text;
    }

    @Override
    public String read(JsonParser p) {
        throw new UnsupportedOperationException("writes only");
    }

    @Override
    public void write(JsonGenerator g, String value) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < strings; i++) {
            g.writeString(text);
        }
        throw new IOException("cannot write " + value);
    }
}
