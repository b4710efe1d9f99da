package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.OpenEnum;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/BatchResponseSimplePublicObject/properties/status} values.
 *
 * <p>Open: an unlisted value parses too, as {@link Known#UNKNOWN}; {@link #value()} keeps it.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public final class BatchResponseSimplePublicObjectStatus
        extends OpenEnum<String, BatchResponseSimplePublicObjectStatus.Known> {
    private static final OpenEnum.Values<String, Known, BatchResponseSimplePublicObjectStatus> LISTED =
            new OpenEnum.Values<>(JsonCodecs.STRING, Known.values(), BatchResponseSimplePublicObjectStatus::new);

    public static final BatchResponseSimplePublicObjectStatus CANCELED = LISTED.add("CANCELED");
    public static final BatchResponseSimplePublicObjectStatus COMPLETE = LISTED.add("COMPLETE");
    public static final BatchResponseSimplePublicObjectStatus PENDING = LISTED.add("PENDING");
    public static final BatchResponseSimplePublicObjectStatus PROCESSING = LISTED.add("PROCESSING");

    private BatchResponseSimplePublicObjectStatus(String value, Known known) {
        super(value, known, known != Known.UNKNOWN);
    }

    /** The constant for {@code value}, or a new instance keeping an unlisted value. */
    public static BatchResponseSimplePublicObjectStatus of(String value) {
        return LISTED.of(value);
    }

    /** Reads and writes the raw value; unlisted values never fail. */
    public static JsonCodec<BatchResponseSimplePublicObjectStatus> jsonCodec() {
        return LISTED.codec();
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
