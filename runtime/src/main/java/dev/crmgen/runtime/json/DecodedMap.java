package dev.crmgen.runtime.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The unmodifiable, insertion-ordered map a decode builds: keys and values side by side in one array, found by a scan
 * while the map is small and through an open-addressing index of entry numbers once it is not. HubSpot's maps
 * (a note's properties, an error's context and links) hold a few entries each, where a {@code LinkedHashMap} behind an
 * unmodifiable view cost a node per entry, a sixteen-slot table and two wrappers. Values may be null; keys are not.
 */
final class DecodedMap<V> extends AbstractMap<String, V> {
    /** Up to this many entries a lookup scans the keys; a larger map has an index. */
    private static final int SCAN_AT_MOST = 8;

    private static final DecodedMap<?> EMPTY = new DecodedMap<>(new Object[0], 0, null);

    /** Entry {@code i}'s key at {@code 2i}, its value at {@code 2i + 1}. */
    private final Object[] slots;

    private final int size;
    /** Null up to {@link #SCAN_AT_MOST} entries; else a power-of-two table, at most half full, of entry + 1. */
    private final int[] index;

    private DecodedMap(Object[] slots, int size, int[] index) {
        this.slots = slots;
        this.size = size;
        this.index = index;
    }

    /** The empty decoded map, shared: an empty JSON object allocates nothing. */
    @SuppressWarnings("unchecked")
    static <V> DecodedMap<V> empty() {
        return (DecodedMap<V>) EMPTY;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(slots, size, index, key) >= 0;
    }

    @Override
    public V get(Object key) {
        return getOrDefault(key, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int entry = find(slots, size, index, key);
        return entry < 0 ? defaultValue : (V) slots[2 * entry + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size; i++) {
            action.accept((String) slots[2 * i], (V) slots[2 * i + 1]);
        }
    }

    @Override
    public V put(String key, V value) {
        throw new UnsupportedOperationException("a decoded map is unmodifiable");
    }

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException("a decoded map is unmodifiable");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a decoded map is unmodifiable");
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += slots[2 * i].hashCode() ^ Objects.hashCode(slots[2 * i + 1]);
        }
        return hash;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((String) slots[2 * i], (V) slots[2 * i + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The entry whose key equals {@code key}, or -1. */
    private static int find(Object[] slots, int size, int[] index, Object key) {
        if (index == null) {
            for (int i = 0; i < size; i++) {
                Object candidate = slots[2 * i];
                // Decoded keys are the parser's interned names, so a lookup by the same name ends at identity.
                if (candidate == key || candidate.equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        if (key == null) {
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = spread(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = index[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            Object candidate = slots[2 * entry];
            if (candidate == key || candidate.equals(key)) {
                return entry;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** An index of the first {@code size} entries' keys, at most half full. */
    private static int[] indexOf(Object[] slots, int size) {
        int[] index = new int[Integer.highestOneBit(2 * size - 1) << 1];
        int mask = index.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(slots[2 * i].hashCode()) & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = i + 1;
        }
        return index;
    }

    /**
     * Collects a decode's entries in order; a key read again keeps its place and takes the later value, as
     * {@code Map.put} does. {@link #build} hands the arrays to the map without copying.
     */
    static final class Builder<V> {
        /** Room for more entries than this is made as they come. */
        private static final int PRESIZED_AT_MOST = 256;

        private final int expectedSize;
        private Object[] slots;
        private int size;
        private int[] index;

        /** @param expectedSize how many entries to make room for at the first; more are accepted */
        Builder(int expectedSize) {
            this.expectedSize = Math.min(Math.max(expectedSize, 2), PRESIZED_AT_MOST);
        }

        void put(String key, V value) {
            if (slots == null) {
                slots = new Object[2 * expectedSize];
            } else {
                int entry = find(slots, size, index, key);
                if (entry >= 0) {
                    slots[2 * entry + 1] = value;
                    return;
                }
                if (2 * size == slots.length) {
                    slots = Arrays.copyOf(slots, 4 * size);
                }
            }
            slots[2 * size] = key;
            slots[2 * size + 1] = value;
            size++;
            if (size > SCAN_AT_MOST && (index == null || 2 * size > index.length)) {
                index = indexOf(slots, size);
            } else if (index != null) {
                int mask = index.length - 1;
                int slot = spread(key.hashCode()) & mask;
                while (index[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                index[slot] = size;
            }
        }

        /** The map of what was put; the builder must not be used after. */
        DecodedMap<V> build() {
            return size == 0 ? empty() : new DecodedMap<>(slots, size, index);
        }
    }
}
