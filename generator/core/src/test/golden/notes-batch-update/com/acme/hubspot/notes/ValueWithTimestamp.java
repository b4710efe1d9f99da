package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordComponents;
import java.io.IOException;
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
    public ValueWithTimestamp {
        RecordComponents.requireNonNull(sourceType, "sourceType");
        RecordComponents.requireNonNull(timestamp, "timestamp");
        RecordComponents.requireNonNull(value, "value");
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<ValueWithTimestamp> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<ValueWithTimestamp> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString SOURCE_ID = new SerializedString("sourceId");

        private static final SerializedString SOURCE_LABEL = new SerializedString("sourceLabel");

        private static final SerializedString SOURCE_TYPE = new SerializedString("sourceType");

        private static final SerializedString TIMESTAMP = new SerializedString("timestamp");

        private static final SerializedString UPDATED_BY_USER_ID =
                new SerializedString("updatedByUserId");

        private static final SerializedString VALUE = new SerializedString("value");

        private Codec() {
        }

        @Override
        public ValueWithTimestamp read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String sourceId = null;
            String sourceLabel = null;
            String sourceType = null;
            OffsetDateTime timestamp = null;
            Integer updatedByUserId = null;
            String value = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "sourceId" -> sourceId = JsonCodecs.STRING.read(p);
                    case "sourceLabel" -> sourceLabel = JsonCodecs.STRING.read(p);
                    case "sourceType" -> sourceType = JsonCodecs.STRING.read(p);
                    case "timestamp" -> timestamp = JsonCodecs.DATE_TIME.read(p);
                    case "updatedByUserId" -> updatedByUserId = JsonCodecs.INT32.read(p);
                    case "value" -> value = JsonCodecs.STRING.read(p);
                    default -> p.skipChildren();
                }
            }
            if (sourceType == null) {
                JsonCodecs.missing(p, "sourceType");
            }
            if (timestamp == null) {
                JsonCodecs.missing(p, "timestamp");
            }
            if (value == null) {
                JsonCodecs.missing(p, "value");
            }
            return new ValueWithTimestamp(sourceId, sourceLabel, sourceType, timestamp,
                    updatedByUserId, value);
        }

        @Override
        public void write(JsonGenerator g, ValueWithTimestamp value) throws IOException {
            g.writeStartObject();
            String sourceId = value.sourceId();
            if (sourceId != null) {
                g.writeFieldName(SOURCE_ID);
                g.writeString(sourceId);
            }
            String sourceLabel = value.sourceLabel();
            if (sourceLabel != null) {
                g.writeFieldName(SOURCE_LABEL);
                g.writeString(sourceLabel);
            }
            g.writeFieldName(SOURCE_TYPE);
            g.writeString(value.sourceType());
            g.writeFieldName(TIMESTAMP);
            JsonCodecs.DATE_TIME.write(g, value.timestamp());
            Integer updatedByUserId = value.updatedByUserId();
            if (updatedByUserId != null) {
                g.writeFieldName(UPDATED_BY_USER_ID);
                g.writeNumber(updatedByUserId);
            }
            g.writeFieldName(VALUE);
            g.writeString(value.value());
            g.writeEndObject();
        }
    }
}
