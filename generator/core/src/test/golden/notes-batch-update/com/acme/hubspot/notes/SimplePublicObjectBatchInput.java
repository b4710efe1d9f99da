package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Contains an array of CRM object records to be processed in a batch operation, each defined by their ID and
 * properties.
 *
 * @param id The id to be updated. This can be the object id, or the unique property value of the idProperty property
 * @param idProperty The name of a property whose values are unique for this object (null when absent)
 * @param objectWriteTraceId A unique identifier for tracing the request. (null when absent)
 * @param properties Key-value pairs representing the properties of the object.
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record SimplePublicObjectBatchInput(String id, String idProperty, String objectWriteTraceId,
        Map<String, String> properties) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<SimplePublicObjectBatchInput> CODEC = new RecordCodec<SimplePublicObjectBatchInput>(
            () -> new RecordProperty[] {
                RecordProperty.required("id", JsonCodecs.STRING),
                RecordProperty.optional("idProperty", JsonCodecs.STRING),
                RecordProperty.optional("objectWriteTraceId", JsonCodecs.STRING),
                RecordProperty.tolerated("properties",
                        RecordCollections.mapCodec(JsonCodecs.STRING))
            },
            values -> new SimplePublicObjectBatchInput((String) values[0], (String) values[1],
                    (String) values[2], (Map<String, String>) values[3]),
            value -> new Object[] {value.id(), value.idProperty(), value.objectWriteTraceId(),
                    value.properties()});

    public SimplePublicObjectBatchInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        properties = RecordCollections.immutableMap(properties);
    }

    /** A builder; unset components stay absent. (Records a request can carry get one when some are optional.) */
    public static Builder builder() {
        return new Builder();
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<SimplePublicObjectBatchInput> jsonCodec() {
        return CODEC;
    }

    /** Builds {@link SimplePublicObjectBatchInput}; {@link #build()} checks the required components. */
    public static final class Builder {
        private String id;

        private String idProperty;

        private String objectWriteTraceId;

        private Map<String, String> properties;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder idProperty(String idProperty) {
            this.idProperty = idProperty;
            return this;
        }

        public Builder objectWriteTraceId(String objectWriteTraceId) {
            this.objectWriteTraceId = objectWriteTraceId;
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        public Builder property(String key, String value) {
            (this.properties == null ? this.properties = new LinkedHashMap<>() : this.properties).put(key, value);
            return this;
        }

        /** @throws NullPointerException when a required component is unset */
        public SimplePublicObjectBatchInput build() {
            return new SimplePublicObjectBatchInput(id, idProperty, objectWriteTraceId, properties);
        }
    }
}
