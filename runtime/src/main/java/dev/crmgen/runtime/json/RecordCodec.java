package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A record's JSON codec driven by a table: a generated record lists its properties in component order (the
 * {@code properties} part), builds itself from the decoded values ({@code create}) and hands out its components
 * ({@code components}); reading and writing happen here, once for all records.
 *
 * <p>Reading takes a JSON object; JSON {@code null} and a missing property mean absent, unknown properties are
 * skipped, a value of another type is reported by the property's codec with its JSON path (or, in a tolerant decode,
 * recorded and read as absent), and an absent required property follows its {@link RecordProperty presence rule}.
 * Writing follows component order with pre-encoded names and leaves out null components.
 *
 * <p>The table is built on first use rather than when the codec is created, so that creating one record's codec
 * never initialises another record's class: records that refer to each other would otherwise initialise each other,
 * which sees a half-built codec in one thread and can deadlock between two.
 *
 * @param <T> the record
 */
public final class RecordCodec<T> implements JsonCodec<T> {
    private final Supplier<RecordProperty[]> properties;
    private final Function<Object[], T> create;
    private final Function<T, Object[]> components;
    /** Built once; its fields are final, so a thread that sees it sees it whole, and a race only builds it twice. */
    private Table table;

    /**
     * @param properties the record's properties, one per component and in component order; called once, on first use
     * @param create the record built from decoded values, one per component in component order: null for an absent
     *     one (a primitive component's value is never null, since its property is {@link RecordProperty#required
     *     required})
     * @param components the record's components in component order, boxed: null for an absent one
     */
    public RecordCodec(
            Supplier<RecordProperty[]> properties, Function<Object[], T> create, Function<T, Object[]> components) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.create = Objects.requireNonNull(create, "create");
        this.components = Objects.requireNonNull(components, "components");
    }

    @Override
    public T read(JsonParser p) throws IOException {
        if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
            return null;
        }
        Table t = table();
        RecordProperty[] properties = t.properties;
        Object[] values = new Object[properties.length];
        int previous = -1;
        for (; ; ) {
            int guess = t.following(previous);
            int index;
            if (guess >= 0 && p.nextFieldName(t.encodedNames[guess])) {
                index = guess;
            } else {
                String name = guess < 0
                        ? p.nextFieldName()
                        : p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
                if (name == null) {
                    break;
                }
                index = t.indexOf(name);
                if (index >= 0) {
                    t.learn(previous, index);
                }
            }
            if (index < 0) {
                // Unknown: skipped, and the guess for what follows stays as it was.
                p.nextToken();
                p.skipChildren();
                continue;
            }
            previous = index;
            RecordProperty property = properties[index];
            if (property.string) {
                // Most properties are strings: read them without a call through the codec.
                String text = p.nextTextValue();
                if (text != null) {
                    values[index] = text;
                    continue;
                }
            } else {
                p.nextToken();
            }
            // null means absent
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                values[index] = property.codec.read(p);
            }
        }
        for (int index : t.required) {
            if (values[index] == null) {
                values[index] = properties[index].missing(p);
            }
        }
        return create.apply(values);
    }

    @Override
    public void write(JsonGenerator g, T value) throws IOException {
        RecordProperty[] properties = table().properties;
        Object[] values = components.apply(value);
        g.writeStartObject();
        for (int i = 0; i < properties.length; i++) {
            Object component = values[i];
            // A required component is null only in a record a tolerant decode built; absent, like an optional one.
            if (component != null) {
                RecordProperty property = properties[i];
                g.writeFieldName(property.encodedName);
                if (property.string) {
                    g.writeString((String) component);
                } else {
                    property.codec.write(g, component);
                }
            }
        }
        g.writeEndObject();
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            t = new Table(properties.get());
            table = t;
        }
        return t;
    }

    /**
     * The properties, the indexes of the required ones, an open-addressing hash table from name to index (a
     * power-of-two array at most half full, probed linearly), and the order the properties came in last. Names
     * jackson reads are interned, as the names here are, so a lookup usually ends at one identity comparison.
     *
     * <p>The order is a guess for the next object: a server writes one type's properties in one order, and a name the
     * parser confirms byte by byte in its input costs neither its symbol-table lookup nor this table's. Threads
     * decoding with the same codec share it without locking; every value ever stored is a valid index or -1, so a
     * stale or lost update costs only a wrong guess, which the parser rejects.
     */
    private static final class Table {
        final RecordProperty[] properties;
        final int[] required;
        private final String[] names;
        private final int[] indexes;
        private final int mask;
        /** The property that followed property {@code i} last at {@code i + 1}, the first one at 0; -1 for none. */
        private final int[] followers;
        /** The properties' names as the parser compares them with its input. */
        final SerializedString[] encodedNames;

        Table(RecordProperty[] properties) {
            this.properties = properties.clone();
            int size = Integer.highestOneBit(Math.max(properties.length, 1) * 4 - 1);
            this.names = new String[size];
            this.indexes = new int[size];
            this.mask = size - 1;
            int[] requiredIndexes = new int[properties.length];
            int requiredCount = 0;
            for (int i = 0; i < properties.length; i++) {
                RecordProperty property = properties[i];
                if (property.presence != RecordProperty.Presence.OPTIONAL) {
                    requiredIndexes[requiredCount++] = i;
                }
                int slot = slot(property.name);
                while (names[slot] != null) {
                    if (names[slot].equals(property.name)) {
                        throw new IllegalArgumentException("property \"" + property.name + "\" is listed twice");
                    }
                    slot = (slot + 1) & mask;
                }
                names[slot] = property.name.intern();
                indexes[slot] = i;
            }
            this.required = Arrays.copyOf(requiredIndexes, requiredCount);
            this.followers = new int[properties.length + 1];
            Arrays.fill(followers, -1);
            this.encodedNames = new SerializedString[properties.length];
            for (int i = 0; i < properties.length; i++) {
                encodedNames[i] = properties[i].encodedName;
                // Encoded now, so every thread finds the bytes it compares ready.
                encodedNames[i].asQuotedUTF8();
            }
        }

        /** The property expected after the one at {@code previous} (-1: at the start of the object), or -1. */
        int following(int previous) {
            return followers[previous + 1];
        }

        /** Records that the property at {@code index} came after the one at {@code previous}. */
        void learn(int previous, int index) {
            followers[previous + 1] = index;
        }

        /** The index of the property called {@code name}, or -1. */
        int indexOf(String name) {
            for (int slot = slot(name); ; slot = (slot + 1) & mask) {
                String candidate = names[slot];
                if (candidate == null) {
                    return -1;
                }
                if (candidate == name || candidate.equals(name)) {
                    return indexes[slot];
                }
            }
        }

        private int slot(String name) {
            int h = name.hashCode();
            return (h ^ (h >>> 16)) & mask;
        }
    }
}
