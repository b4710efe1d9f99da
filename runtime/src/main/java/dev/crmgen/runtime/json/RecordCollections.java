package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        return ListCodec.readRejectingNulls(p, element, 4);
    }

    /**
     * Reads a JSON object at the parser's current token into an insertion-ordered map; values may be JSON
     * {@code null}. During a tolerant decode a value that is not an object gives null, recorded as a deviation.
     */
    public static <V> Map<String, V> readMap(JsonParser p, JsonCodec<V> value) throws IOException {
        return readMap(p, value, null);
    }

    /** {@link #readMap(JsonParser, JsonCodec)}, matching the keys against {@code keys} where they are given. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> readMap(JsonParser p, JsonCodec<V> value, KeyOrder keys) throws IOException {
        if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
            return null;
        }
        boolean strings = value == JsonCodecs.STRING;
        DecodedMap.Builder<V> map = new DecodedMap.Builder<>(keys == null ? 0 : keys.expectedSize());
        for (int position = 0; ; position++) {
            String key = keys == null ? p.nextFieldName() : keys.next(p, position);
            if (key == null) {
                if (keys != null) {
                    keys.finished(position);
                }
                return map.build();
            }
            V v;
            if (strings) {
                // A map of strings, such as a note's properties, reads its values without a call through the codec.
                v = (V) p.nextTextValue();
                if (v == null && p.currentToken() != JsonToken.VALUE_NULL) {
                    v = value.read(p);
                }
            } else {
                v = p.nextToken() == JsonToken.VALUE_NULL ? null : value.read(p);
            }
            map.put(key, v);
        }
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

    /**
     * A record's map as a codec; a {@link RecordProperty} recognises it to stand in empty. It expects the keys of the
     * map it read last, in the same order: the maps one property holds across a response mostly repeat their keys
     * (every note of a batch carries the properties asked for), and a key the parser confirms byte by byte in its
     * input costs neither a symbol-table lookup nor a hash.
     */
    static final class MapCodec<V> implements JsonCodec<Map<String, V>> {
        private final JsonCodec<V> value;
        private final KeyOrder keys = new KeyOrder();

        MapCodec(JsonCodec<V> value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        @Override
        public Map<String, V> read(JsonParser p) throws IOException {
            return readMap(p, value, keys);
        }

        @Override
        public void write(JsonGenerator g, Map<String, V> map) throws IOException {
            writeMap(g, map, value);
        }
    }

    /**
     * The keys one map codec read last, by position, and their number. Shared by the threads that use the codec
     * without locking: a slot holds a name or null, any of them a guess the parser checks against its input, and the
     * number only sizes the next map's array, so a stale or lost update costs only the ordinary read of a key or a
     * copy of the array.
     */
    private static final class KeyOrder {
        /** Maps longer than this are read without guesses past it, so the codec holds few names. */
        private static final int GUESSED_AT_MOST = 64;

        /**
         * Keys missed one after another past which guessing stops: maps whose keys change every time (ids, say) are
         * then read as if no guess had been made, without a name encoded for each key.
         */
        private static final int GIVE_UP_AFTER_MISSES = 256;

        private SerializedString[] names = new SerializedString[4];
        /** How many keys the map read last had: the next one is given room for as many entries. */
        private int size;

        private int missesInARow;

        int expectedSize() {
            return size;
        }

        /** Records that the map just read had {@code keys} keys. */
        void finished(int keys) {
            if (size != keys) {
                size = keys;
            }
        }

        /** The key at {@code position} of the object being read, or null at its end. */
        String next(JsonParser p, int position) throws IOException {
            if (missesInARow >= GIVE_UP_AFTER_MISSES) {
                return p.nextFieldName();
            }
            SerializedString[] guesses = names;
            SerializedString guess = position < guesses.length ? guesses[position] : null;
            if (guess == null) {
                String key = p.nextFieldName();
                if (key != null) {
                    learn(position, key);
                }
                return key;
            }
            if (p.nextFieldName(guess)) {
                if (missesInARow != 0) {
                    missesInARow = 0;
                }
                return guess.getValue();
            }
            if (p.currentToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String key = p.currentName();
            learn(position, key);
            return key;
        }

        private void learn(int position, String key) {
            if (position >= GUESSED_AT_MOST) {
                return;
            }
            missesInARow++;
            SerializedString name = new SerializedString(key);
            try {
                // Encoded before it is shared, so other threads find the bytes they compare ready.
                name.asQuotedUTF8();
            } catch (IllegalArgumentException e) {
                // A key JSON escapes as half a surrogate pair has no UTF-8 form to compare with: read, never guessed.
                return;
            }
            SerializedString[] guesses = names;
            if (position >= guesses.length) {
                guesses = Arrays.copyOf(guesses, Math.min(GUESSED_AT_MOST, Math.max(position + 1, 2 * guesses.length)));
            }
            guesses[position] = name;
            names = guesses;
        }
    }

    /** An unmodifiable copy, or the list itself when a decode made it. Null elements are rejected. */
    public static <E> List<E> immutableList(List<E> list) {
        return list instanceof DecodedList<E> decoded ? decoded : List.copyOf(list);
    }

    /** An unmodifiable, insertion-ordered copy, or the map itself when a decode made it. */
    public static <V> Map<String, V> immutableMap(Map<String, V> map) {
        return map instanceof DecodedMap<V> decoded ? decoded : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
