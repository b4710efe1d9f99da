package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Entry points for encoding and decoding whole documents with a {@link JsonCodec}. */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {}

    /** The shared, thread-safe jackson factory the runtime uses. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Encodes a value (a {@code null} value becomes JSON {@code null}) to UTF-8 JSON. */
    public static <T> byte[] encode(JsonCodec<T> codec, T value) {
        Objects.requireNonNull(codec, "codec");
        EncodeBuffer out = EncodeBuffer.forThisThread();
        try {
            encode(codec, value, out);
            return out.toByteArray();
        } catch (IOException e) {
            // Writing to memory fails only if a codec throws; surface it unchecked with its message.
            throw new UncheckedIOException("could not encode JSON: " + e.getMessage(), e);
        } finally {
            out.release();
        }
    }

    /**
     * Encodes a value (a {@code null} value becomes JSON {@code null}) as UTF-8 JSON into {@code out}, which is
     * flushed and closed at the end: a request body is written straight into the buffers it is sent from. The
     * generator's own buffer comes from jackson-core's recycler pool, so nothing body-sized is allocated here.
     *
     * @throws IOException when {@code out} or the codec fails
     */
    public static <T> void encode(JsonCodec<T> codec, T value, OutputStream out) throws IOException {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (value == null) {
                g.writeNull();
            } else {
                codec.write(g, value);
            }
        }
    }

    /**
     * A growable buffer kept per thread, so that encoding allocates little more than the returned array: a batch
     * request is tens of kilobytes, and growing a fresh buffer for each one cost more than the encoding itself.
     * A buffer that grew past {@link #KEEP_AT_MOST} is dropped after use rather than held by the thread.
     */
    private static final class EncodeBuffer extends OutputStream {
        private static final int KEEP_AT_MOST = 1 << 20;
        private static final ThreadLocal<EncodeBuffer> PER_THREAD = new ThreadLocal<>();

        private byte[] bytes = new byte[4096];
        private int count;
        private boolean inUse;

        static EncodeBuffer forThisThread() {
            EncodeBuffer buffer = PER_THREAD.get();
            if (buffer == null) {
                buffer = new EncodeBuffer();
                PER_THREAD.set(buffer);
            } else if (buffer.inUse) {
                // A codec that encodes while encoding gets a buffer of its own, not kept.
                buffer = new EncodeBuffer();
            }
            buffer.inUse = true;
            buffer.count = 0;
            return buffer;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (bytes.length - count < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        void release() {
            inUse = false;
            if (bytes.length > KEEP_AT_MOST && PER_THREAD.get() == this) {
                PER_THREAD.remove();
            }
        }
    }

    /**
     * Decodes one complete document strictly: any departure from the codec throws. JSON {@code null} gives
     * {@code null}. (Called by a codec during {@link #decodeTolerant}, it reads tolerantly as part of that decode.)
     *
     * @throws JsonDecodingException when the input is empty, malformed, has trailing content or does not fit the codec
     */
    public static <T> T decode(JsonCodec<T> codec, byte[] json) throws JsonDecodingException {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(json, "json");
        try (JsonParser p = FACTORY.createParser(json)) {
            return decode(codec, p);
        } catch (JsonDecodingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonDecodingException("$", "could not read JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one complete document, reading past what departs from the codec where the rest stays readable: a
     * value of another JSON type than declared is absent (or converted where nothing is lost, see
     * {@link JsonCodecs}), a missing required list or map is empty and a missing required object or string is null.
     * Each such place is a {@link JsonDeviation} in the result. Malformed JSON, and a document whose ids, results or
     * primitive-typed required properties are unreadable, still throw.
     *
     * <p>The value's records may then break their own contract: a required component can be null where a deviation
     * names it. {@link #decode(JsonCodec, byte[])} is the strict form, which throws on the first deviation.
     *
     * @throws JsonDecodingException when the input is empty, malformed, has trailing content, or what cannot be done
     *         without is unreadable
     */
    public static <T> Decoded<T> decodeTolerant(JsonCodec<T> codec, byte[] json) throws JsonDecodingException {
        TolerantDecode decode = TolerantDecode.onThisThread();
        if (!decode.begin()) {
            // A codec decoding a nested document: its deviations belong to the decode already running.
            return new Decoded<>(decode(codec, json), List.of());
        }
        try {
            T value = decode(codec, json);
            JsonDeviation unreadableRoot = value == null ? decode.recordedAt("$") : null;
            if (unreadableRoot != null) {
                throw new JsonDecodingException(
                        "$", "expected " + unreadableRoot.expected() + " but found " + unreadableRoot.found());
            }
            return new Decoded<>(value, decode.end());
        } finally {
            if (decode.active()) {
                decode.end();
            }
        }
    }

    /** Decodes one complete document from a string; see {@link #decode(JsonCodec, byte[])}. */
    public static <T> T decode(JsonCodec<T> codec, String json) throws JsonDecodingException {
        Objects.requireNonNull(json, "json");
        return decode(codec, json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T decode(JsonCodec<T> codec, JsonParser p) throws IOException {
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonDecodingException("$", "expected a JSON document but the input is empty");
            }
            T value = first == JsonToken.VALUE_NULL ? null : codec.read(p);
            if (p.nextToken() != null) {
                throw new JsonDecodingException("$", "unexpected content after the JSON document: " + p.currentToken());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonDecodingException(JsonCodecs.path(p), "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
