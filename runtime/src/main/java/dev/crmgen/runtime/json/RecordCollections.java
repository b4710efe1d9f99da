package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Lists and maps inside generated records, in one place so that each record carries only its own fields: reading and
 * writing them, and the compact constructors' immutable copies.
 *
 * <p>Record lists hold no nulls (a JSON {@code null} element is an error; as a codec, for lists nested in lists or
 * maps, {@link JsonCodecs#listRejectingNulls}); map values may be null. What the readers
 * return is already immutable, so {@link #immutableList} and {@link #immutableMap} take it as it is instead of copying
 * it a second time; anything else is copied.
 */
public final class RecordCollections {
    private RecordCollections() {}

    /**
     * Reads a JSON array at the parser's current token; elements must not be JSON {@code null}. During a tolerant
     * decode a value that is not an array gives null and an element that is null or unreadable is left out, each
     * recorded as a deviation.
     */
    public static <E> List<E> readList(JsonParser p, JsonCodec<E> element) throws IOException {
        return ListCodec.readRejectingNulls(p, element);
    }

    /**
     * Reads a JSON object at the parser's current token into an insertion-ordered map; values may be JSON
     * {@code null}. During a tolerant decode a value that is not an object gives null, recorded as a deviation.
     */
    public static <V> Map<String, V> readMap(JsonParser p, JsonCodec<V> value) throws IOException {
        if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
            return null;
        }
        LinkedHashMap<String, V> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : value.read(p));
        }
        return new DecodedMap<>(map);
    }

    /** Writes a record's list, which holds no nulls. */
    public static <E> void writeList(JsonGenerator g, List<E> list, JsonCodec<E> element) throws IOException {
        ListCodec.write(g, list, element, ListCodec.NullElements.REJECTED);
    }

    /** Writes a record's map; {@code null} values are written as JSON {@code null}. */
    public static <V> void writeMap(JsonGenerator g, Map<String, V> map, JsonCodec<V> value) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, V> entry : map.entrySet()) {
            g.writeFieldName(entry.getKey());
            if (entry.getValue() == null) {
                g.writeNull();
            } else {
                value.write(g, entry.getValue());
            }
        }
        g.writeEndObject();
    }

    /** {@link #readMap} and {@link #writeMap} as a codec, for maps nested in lists or maps. */
    public static <V> JsonCodec<Map<String, V>> mapCodec(JsonCodec<V> value) {
        return new MapCodec<>(value);
    }

    /** A record's map as a codec; a {@link RecordProperty} recognises it to stand in empty. */
    static final class MapCodec<V> implements JsonCodec<Map<String, V>> {
        private final JsonCodec<V> value;

        MapCodec(JsonCodec<V> value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        @Override
        public Map<String, V> read(JsonParser p) throws IOException {
            return readMap(p, value);
        }

        @Override
        public void write(JsonGenerator g, Map<String, V> map) throws IOException {
            writeMap(g, map, value);
        }
    }

    /** An unmodifiable copy, or the list itself when {@link #readList} made it. Null elements are rejected. */
    public static <E> List<E> immutableList(List<E> list) {
        return list instanceof DecodedList<E> decoded ? decoded : List.copyOf(list);
    }

    /** An unmodifiable, insertion-ordered copy, or the map itself when {@link #readMap} made it. */
    public static <V> Map<String, V> immutableMap(Map<String, V> map) {
        return map instanceof DecodedMap<V> decoded ? decoded : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** {@code elements} as the unmodifiable list {@link #immutableList} takes without copying. */
    static <E> List<E> decodedList(ArrayList<E> elements) {
        return new DecodedList<>(elements);
    }

    /** An unmodifiable view of a list nothing else refers to. */
    private static final class DecodedList<E> extends AbstractList<E> implements RandomAccess {
        private final ArrayList<E> elements;

        DecodedList(ArrayList<E> elements) {
            this.elements = elements;
        }

        @Override
        public E get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }

    /** An unmodifiable view of a map nothing else refers to. */
    private static final class DecodedMap<V> extends AbstractMap<String, V> {
        private final Map<String, V> entries;

        DecodedMap(LinkedHashMap<String, V> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public V get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }
}
