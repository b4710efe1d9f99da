package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;

/**
 * Property model that includes timestamp.
 *
 * @param sourceId The unique ID of the property. (null when absent)
 * @param sourceLabel A human-readable label. (null when absent)
 * @param sourceType The property type.
 * @param timestamp The timestamp when the property was updated, in ISO 8601 format.
 * @param updatedByUserId The ID of the user who last updated the property. (null when absent)
 * @param value The property value.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record ValueWithTimestamp(String sourceId, String sourceLabel, String sourceType,
        OffsetDateTime timestamp, Integer updatedByUserId, String value) {
    private static final JsonCodec<ValueWithTimestamp> CODEC = new RecordCodec<ValueWithTimestamp>(
            () -> new RecordProperty[] {
                RecordProperty.optional("sourceId", JsonCodecs.STRING),
                RecordProperty.optional("sourceLabel", JsonCodecs.STRING),
                RecordProperty.tolerated("sourceType", JsonCodecs.STRING),
                RecordProperty.tolerated("timestamp", JsonCodecs.DATE_TIME),
                RecordProperty.optional("updatedByUserId", JsonCodecs.INT32),
                RecordProperty.tolerated("value", JsonCodecs.STRING)
            },
            values -> new ValueWithTimestamp((String) values[0], (String) values[1],
                    (String) values[2], (OffsetDateTime) values[3], (Integer) values[4],
                    (String) values[5]),
            value -> new Object[] {value.sourceId(), value.sourceLabel(), value.sourceType(),
                    value.timestamp(), value.updatedByUserId(), value.value()});

    public ValueWithTimestamp {
        RecordComponents.requireNonNull(sourceType, "sourceType");
        RecordComponents.requireNonNull(timestamp, "timestamp");
        RecordComponents.requireNonNull(value, "value");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<ValueWithTimestamp> jsonCodec() {
        return CODEC;
    }
}
