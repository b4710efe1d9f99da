package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The one list codec: a JSON array ⇄ an unmodifiable {@link List}, with an explicit policy for {@code null} elements
 * ({@link JsonCodecs#listAllowingNulls}, {@link JsonCodecs#listRejectingNulls}). Record components use the rejecting
 * policy through {@link RecordCollections#readList} and {@link RecordCollections#writeList}.
 */
final class ListCodec<E> implements JsonCodec<List<E>> {
    /** What a {@code null} element means. */
    enum NullElements {
        /** Kept on reading, written as JSON {@code null}. */
        ALLOWED,
        /** An error on reading (left out and recorded during a tolerant decode), and an error on writing. */
        REJECTED
    }

    /** Room for more elements than this is made as they come. */
    private static final int PRESIZED_AT_MOST = 256;

    private final JsonCodec<E> element;
    private final NullElements nulls;

    /**
     * How many elements the list read last had: the next one starts with room for as many. Shared by threads without
     * locking; a stale value costs only a copy of the array.
     */
    private int expectedSize;

    ListCodec(JsonCodec<E> element, NullElements nulls) {
        this.element = Objects.requireNonNull(element, "elementCodec");
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    @Override
    public List<E> read(JsonParser p) throws IOException {
        if (nulls == NullElements.ALLOWED) {
            return readAllowingNulls(p, element);
        }
        List<E> list = readRejectingNulls(p, element, expectedSize);
        if (list != null && list.size() != expectedSize) {
            expectedSize = list.size();
        }
        return list;
    }

    @Override
    public void write(JsonGenerator g, List<E> value) throws IOException {
        write(g, value, element, nulls);
    }

    private static <E> List<E> readAllowingNulls(JsonParser p, JsonCodec<E> element) throws IOException {
        if (!JsonCodecs.expectOrSkip(p, JsonToken.START_ARRAY, "an array")) {
            return null;
        }
        List<E> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonDecodingException(JsonPaths.path(p), "unexpected end of input inside an array");
            }
            list.add(t == JsonToken.VALUE_NULL ? null : element.read(p));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Reads without nulls into the list type {@link RecordCollections#immutableList} recognises, so that a record's
     * compact constructor does not copy it again.
     */
    static <E> List<E> readRejectingNulls(JsonParser p, JsonCodec<E> element, int expectedSize) throws IOException {
        if (!JsonCodecs.expectOrSkip(p, JsonToken.START_ARRAY, "an array")) {
            return null;
        }
        // Read straight into the array the list keeps, sized as expected, so that most lists are never copied.
        Object[] elements = null;
        int size = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            E e = t == JsonToken.VALUE_NULL
                    ? JsonCodecs.tolerate(p, "an element (lists hold no nulls)")
                    : element.read(p);
            if (e != null) {
                if (elements == null) {
                    elements = new Object[Math.min(Math.max(expectedSize, 1), PRESIZED_AT_MOST)];
                } else if (size == elements.length) {
                    elements = Arrays.copyOf(elements, 2 * size);
                }
                elements[size++] = e;
            }
        }
        return DecodedList.of(elements, size);
    }

    static <E> void write(JsonGenerator g, List<E> list, JsonCodec<E> element, NullElements nulls) throws IOException {
        g.writeStartArray();
        for (int i = 0, n = list.size(); i < n; i++) {
            E e = list.get(i);
            if (e != null) {
                element.write(g, e);
            } else if (nulls == NullElements.ALLOWED) {
                g.writeNull();
            } else {
                throw new NullPointerException("element " + i + " is null in a list that holds no nulls");
            }
        }
        g.writeEndArray();
    }
}
