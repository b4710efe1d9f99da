package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link RecordCodec}'s table: a record component's JSON property name (pre-encoded for writing), the
 * codec of its value and what its absence means.
 */
public final class RecordProperty {
    /** What a record does without the property. */
    enum Presence {
        /** Absent means null; an absent property is not written. */
        OPTIONAL,
        /**
         * Required, but a tolerant decode records its absence and goes on: a list or map stands in empty, anything
         * else as null.
         */
        TOLERATED,
        /** Required in every decode: missing or unreadable, the record cannot be read. */
        REQUIRED
    }

    final String name;
    final SerializedString encodedName;
    final JsonCodec<Object> codec;
    final Presence presence;
    /** Whether the codec is {@link JsonCodecs#STRING}, which the record codec reads and writes inline. */
    final boolean string;
    /** What stands in for a tolerated absence. */
    private final Object substitute;

    @SuppressWarnings("unchecked")
    private RecordProperty(String name, JsonCodec<?> codec, Presence presence) {
        this.name = Objects.requireNonNull(name, "name");
        this.encodedName = new SerializedString(name);
        this.codec = (JsonCodec<Object>) Objects.requireNonNull(codec, "codec");
        this.presence = presence;
        this.string = codec == JsonCodecs.STRING;
        this.substitute = presence == Presence.TOLERATED ? emptyOf(codec) : null;
    }

    /** An empty list or map for a record's list or map codec; null for any other. */
    private static Object emptyOf(JsonCodec<?> codec) {
        if (codec instanceof ListCodec<?>) {
            return List.of();
        }
        return codec instanceof RecordCollections.MapCodec<?> ? Map.of() : null;
    }

    /**
     * A property whose absence is null: JSON {@code null} and a missing property read as null, and null is not
     * written.
     *
     * @param name the property's name in JSON
     * @param codec the codec of its non-null value
     */
    public static RecordProperty optional(String name, JsonCodec<?> codec) {
        return new RecordProperty(name, codec, Presence.OPTIONAL);
    }

    /**
     * A required property that a response can lack and still be useful: a strict decode fails without it; a
     * tolerant decode records a {@link JsonDeviation} naming it and goes on, with an empty list or map in its place
     * when {@code codec} reads a record's list ({@link JsonCodecs#listRejectingNulls}) or map
     * ({@link RecordCollections#mapCodec}), with null otherwise.
     *
     * @param name the property's name in JSON
     * @param codec the codec of its value
     */
    public static RecordProperty tolerated(String name, JsonCodec<?> codec) {
        return new RecordProperty(name, codec, Presence.TOLERATED);
    }

    /**
     * A required property nothing can stand in for, such as an id or a number held in a primitive component: any
     * decode fails when it is missing or unreadable.
     *
     * @param name the property's name in JSON
     * @param codec the codec of its value
     */
    public static RecordProperty required(String name, JsonCodec<?> codec) {
        return new RecordProperty(name, codec, Presence.REQUIRED);
    }

    /**
     * The value that stands in for this required property, absent from the object the parser has just closed: the
     * substitute during a tolerant decode (after recording the absence), an error otherwise.
     */
    Object missing(JsonParser p) throws JsonDecodingException {
        if (presence == Presence.REQUIRED) {
            throw JsonCodecs.missingRequired(p, name);
        }
        return JsonCodecs.missing(p, name, substitute);
    }

    @Override
    public String toString() {
        return presence.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
