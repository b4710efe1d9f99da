package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/BatchResponseSimplePublicObject/properties/status} values.
 *
 * <p>Open: a value this version does not know parses as well; {@link #known()} is then {@link Known#UNKNOWN} and {@link
 * #value()} keeps it.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public final class BatchResponseSimplePublicObjectStatus {
    private static final Map<String, BatchResponseSimplePublicObjectStatus> LISTED = new HashMap<>();

    public static final BatchResponseSimplePublicObjectStatus CANCELED = listed("CANCELED", Known.CANCELED);
    public static final BatchResponseSimplePublicObjectStatus COMPLETE = listed("COMPLETE", Known.COMPLETE);
    public static final BatchResponseSimplePublicObjectStatus PENDING = listed("PENDING", Known.PENDING);
    public static final BatchResponseSimplePublicObjectStatus PROCESSING = listed("PROCESSING", Known.PROCESSING);

    private final String value;

    private final Known known;

    private BatchResponseSimplePublicObjectStatus(String value, Known known) {
        this.value = value;
        this.known = known;
    }

    private static BatchResponseSimplePublicObjectStatus listed(String value, Known known) {
        BatchResponseSimplePublicObjectStatus constant =
                new BatchResponseSimplePublicObjectStatus(value, known);
        LISTED.put(value, constant);
        return constant;
    }

    /**
     * The constant for {@code value}, or a new instance keeping an unlisted value.
     */
    public static BatchResponseSimplePublicObjectStatus of(String value) {
        Objects.requireNonNull(value, "value");
        BatchResponseSimplePublicObjectStatus listed = LISTED.get(value);
        return listed != null ? listed
                : new BatchResponseSimplePublicObjectStatus(value, Known.UNKNOWN);
    }

    /**
     * The value as sent on the wire.
     */
    public String value() {
        return value;
    }

    /**
     * The constant to switch on; {@link Known#UNKNOWN} for a value this version does not list.
     */
    public Known known() {
        return known;
    }

    public boolean isKnown() {
        return known != Known.UNKNOWN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchResponseSimplePublicObjectStatus that
                && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Reads and writes the raw value; unlisted values never fail.
     */
    public static JsonCodec<BatchResponseSimplePublicObjectStatus> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<BatchResponseSimplePublicObjectStatus> {
        static final Codec INSTANCE = new Codec();

        private Codec() {
        }

        @Override
        public BatchResponseSimplePublicObjectStatus read(JsonParser p) throws IOException {
            String value = JsonCodecs.STRING.read(p);
            // null: a value of another JSON type, recorded by a tolerant decode
            return value == null ? null : of(value);
        }

        @Override
        public void write(JsonGenerator g, BatchResponseSimplePublicObjectStatus value) throws
                IOException {
            g.writeString(value.value);
        }
    }

    /**
     * The values the spec lists, plus {@code UNKNOWN} for any other.
     */
    public enum Known {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
        UNKNOWN
    }
}
