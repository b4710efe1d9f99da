package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCollections;
import java.io.IOException;
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
    public SimplePublicObjectBatchInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        properties = RecordCollections.immutableMap(properties);
    }

    /**
     * A builder; unset components stay absent. (Records a request can carry get one when some are optional.)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<SimplePublicObjectBatchInput> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * Builds {@link SimplePublicObjectBatchInput}: one setter per component, named after it, and for lists and maps an
     * adder of one element or entry; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private String id;

        private String idProperty;

        private String objectWriteTraceId;

        private Map<String, String> properties;

        private Builder() {
        }

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

        /**
         * @throws NullPointerException when a required component is unset
         */
        public SimplePublicObjectBatchInput build() {
            return new SimplePublicObjectBatchInput(id, idProperty, objectWriteTraceId, properties);
        }
    }

    private static final class Codec implements JsonCodec<SimplePublicObjectBatchInput> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString ID = new SerializedString("id");

        private static final SerializedString ID_PROPERTY = new SerializedString("idProperty");

        private static final SerializedString OBJECT_WRITE_TRACE_ID =
                new SerializedString("objectWriteTraceId");

        private static final SerializedString PROPERTIES = new SerializedString("properties");

        private Codec() {
        }

        @Override
        public SimplePublicObjectBatchInput read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String id = null;
            String idProperty = null;
            String objectWriteTraceId = null;
            Map<String, String> properties = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "id" -> id = JsonCodecs.STRING.read(p);
                    case "idProperty" -> idProperty = JsonCodecs.STRING.read(p);
                    case "objectWriteTraceId" -> objectWriteTraceId = JsonCodecs.STRING.read(p);
                    case "properties" -> properties = RecordCollections.readMap(p,
                            JsonCodecs.STRING);
                    default -> p.skipChildren();
                }
            }
            if (id == null) {
                throw JsonCodecs.missingRequired(p, "id");
            }
            if (properties == null) {
                properties = JsonCodecs.missing(p, "properties", Map.of());
            }
            return new SimplePublicObjectBatchInput(id, idProperty, objectWriteTraceId, properties);
        }

        @Override
        public void write(JsonGenerator g, SimplePublicObjectBatchInput value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeString(value.id());
            String idProperty = value.idProperty();
            if (idProperty != null) {
                g.writeFieldName(ID_PROPERTY);
                g.writeString(idProperty);
            }
            String objectWriteTraceId = value.objectWriteTraceId();
            if (objectWriteTraceId != null) {
                g.writeFieldName(OBJECT_WRITE_TRACE_ID);
                g.writeString(objectWriteTraceId);
            }
            g.writeFieldName(PROPERTIES);
            RecordCollections.writeMap(g, value.properties(), JsonCodecs.STRING);
            g.writeEndObject();
        }
    }
}
