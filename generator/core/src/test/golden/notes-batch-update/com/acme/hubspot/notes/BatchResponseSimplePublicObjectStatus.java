package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.OpenEnum;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/BatchResponseSimplePublicObject/properties/status} values.
 *
 * <p>Open: a value this version does not know parses as well; {@link #known()} is then {@link Known#UNKNOWN} and {@link
 * #value()} keeps it.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public final class BatchResponseSimplePublicObjectStatus
        extends OpenEnum<String, BatchResponseSimplePublicObjectStatus.Known> {
    private static final Map<String, BatchResponseSimplePublicObjectStatus> LISTED = new HashMap<>();

    public static final BatchResponseSimplePublicObjectStatus CANCELED = listed("CANCELED", Known.CANCELED);
    public static final BatchResponseSimplePublicObjectStatus COMPLETE = listed("COMPLETE", Known.COMPLETE);
    public static final BatchResponseSimplePublicObjectStatus PENDING = listed("PENDING", Known.PENDING);
    public static final BatchResponseSimplePublicObjectStatus PROCESSING = listed("PROCESSING", Known.PROCESSING);

    private static final JsonCodec<BatchResponseSimplePublicObjectStatus> CODEC =
            OpenEnum.codec(JsonCodecs.STRING, BatchResponseSimplePublicObjectStatus::of);

    private BatchResponseSimplePublicObjectStatus(String value, Known known) {
        super(value, known, known != Known.UNKNOWN);
    }

    private static BatchResponseSimplePublicObjectStatus listed(String value, Known known) {
        BatchResponseSimplePublicObjectStatus constant =
                new BatchResponseSimplePublicObjectStatus(value, known);
        LISTED.put(value, constant);
        return constant;
    }

    /** The constant for {@code value}, or a new instance keeping an unlisted value. */
    public static BatchResponseSimplePublicObjectStatus of(String value) {
        BatchResponseSimplePublicObjectStatus listed = LISTED.get(value);
        return listed != null ? listed
                : new BatchResponseSimplePublicObjectStatus(value, Known.UNKNOWN);
    }

    /** Reads and writes the raw value; unlisted values never fail. */
    public static JsonCodec<BatchResponseSimplePublicObjectStatus> jsonCodec() {
        return CODEC;
    }

    /** The values the spec lists, plus {@code UNKNOWN} for any other. */
    public enum Known {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
        UNKNOWN
    }
}
