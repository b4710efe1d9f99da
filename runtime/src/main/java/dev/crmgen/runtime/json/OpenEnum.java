package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The base of a generated open enum: a value as sent on the wire and the constant it is known as. A value the spec
 * does not list (a server may add one at any time) still parses: {@link #known()} is then the enum's unknown constant
 * and {@link #value()} keeps the raw value, which is written back unchanged. Two values are equal when they are of
 * the same type and have equal raw values.
 *
 * <p>A generated enum keeps its constants in a {@link Values}: each constant is {@code LISTED.add(rawValue)}, and
 * {@code of} and {@code jsonCodec} hand over to it.
 *
 * @param <V> the raw value's type: {@code String}, {@code Integer} or {@code Long}
 * @param <K> the enum of the listed values, plus one for any other
 */
public abstract class OpenEnum<V, K extends Enum<K>> {
    private final V value;
    private final K known;
    private final boolean listed;

    /**
     * @param value the raw value
     * @param known its constant
     * @param listed whether the spec lists the value ({@code known} is then not the unknown constant)
     */
    protected OpenEnum(V value, K known, boolean listed) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = Objects.requireNonNull(known, "known");
        this.listed = listed;
    }

    /** The value as sent on the wire. */
    public final V value() {
        return value;
    }

    /** The constant to switch on; the unknown constant for a value this version does not list. */
    public final K known() {
        return known;
    }

    /** Whether this version lists the value. */
    public final boolean isKnown() {
        return listed;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((OpenEnum<?, ?>) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** The raw value, as a query parameter or a form field sends it. */
    @Override
    public final String toString() {
        return value.toString();
    }

    /**
     * The JSON codec of an open enum whose raw values {@code values} reads and writes: every value reads, listed or
     * not, and a value of another JSON type is absent as {@code values} reports it.
     *
     * @param of the enum's constant or a new instance for a raw value
     */
    public static <V, E extends OpenEnum<V, ?>> JsonCodec<E> codec(JsonCodec<V> values, Function<V, E> of) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(of, "of");
        return new JsonCodec<>() {
            @Override
            public E read(JsonParser p) throws IOException {
                V value = values.read(p);
                // null: a value of another JSON type, recorded by a tolerant decode
                return value == null ? null : of.apply(value);
            }

            @Override
            public void write(JsonGenerator g, E value) throws IOException {
                values.write(g, value.value());
            }
        };
    }

    /**
     * The listed constants of one open enum, created in the order of its {@code Known} constants, and what finds or
     * makes the instance for a raw value. The enum's unknown constant is its {@code Known} enum's last.
     *
     * @param <V> the raw value's type
     * @param <K> the enum of the listed values, plus one for any other
     * @param <E> the open enum
     */
    public static final class Values<V, K extends Enum<K>, E extends OpenEnum<V, K>> {
        private final Map<V, E> listed = new HashMap<>();
        private final K[] known;
        private final BiFunction<V, K, E> create;
        private final JsonCodec<E> codec;

        /**
         * @param values the codec of the raw values
         * @param known every constant of the enum's {@code Known} enum, in order ({@code Known.values()})
         * @param create the enum's constructor, from a raw value and its constant
         */
        public Values(JsonCodec<V> values, K[] known, BiFunction<V, K, E> create) {
            this.known = known.clone();
            this.create = Objects.requireNonNull(create, "create");
            this.codec = OpenEnum.codec(values, this::of);
            if (this.known.length == 0) {
                throw new IllegalArgumentException("an open enum needs its unknown constant");
            }
        }

        /**
         * The constant of the next listed value: its {@code Known} constant is the one after the previous value's.
         *
         * @param value the raw value as the spec lists it
         * @throws IllegalStateException when every listed {@code Known} constant has its value already
         */
        public E add(V value) {
            int index = listed.size();
            if (index >= known.length - 1) {
                throw new IllegalStateException("more listed values than known constants: " + value);
            }
            E constant = create.apply(Objects.requireNonNull(value, "value"), known[index]);
            if (listed.putIfAbsent(value, constant) != null) {
                throw new IllegalArgumentException("value listed twice: " + value);
            }
            return constant;
        }

        /**
         * The constant for {@code value}, or a new instance keeping an unlisted value.
         *
         * @throws IllegalStateException when fewer values were added than the enum lists
         */
        public E of(V value) {
            E constant = listed.get(Objects.requireNonNull(value, "value"));
            if (constant != null) {
                return constant;
            }
            if (listed.size() != known.length - 1) {
                throw new IllegalStateException(
                        listed.size() + " values added for " + (known.length - 1) + " listed known constants");
            }
            return create.apply(value, known[known.length - 1]);
        }

        /** The enum's JSON codec: every value reads, listed or not, through {@link #of}. */
        public JsonCodec<E> codec() {
            return codec;
        }
    }
}
