package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A simple public object.
 *
 * @param archived Whether the object is archived.
 * @param archivedAt The timestamp when the object was archived, in ISO 8601 format. (null when absent)
 * @param createdAt The timestamp when the object was created, in ISO 8601 format.
 * @param id The unique ID of the object.
 * @param objectWriteTraceId An identifier used for tracing the write request for the object. (null when absent)
 * @param properties Key-value pairs representing the properties of the object.
 * @param propertiesWithHistory Key-value pairs representing the properties of the object along with their history. (null when absent)
 * @param updatedAt The timestamp when the object was last updated, in ISO 8601 format.
 * @param url The URL associated with the object. (null when absent)
 * @param warnings the {@code warnings} property (null when absent)
 */
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record SimplePublicObject(boolean archived, OffsetDateTime archivedAt,
        OffsetDateTime createdAt, String id, String objectWriteTraceId,
        Map<String, String> properties, Map<String, List<ValueWithTimestamp>> propertiesWithHistory,
        OffsetDateTime updatedAt, String url, List<PublicObjectWarning> warnings) {
    public SimplePublicObject {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        properties = immutableMap(properties);
        propertiesWithHistory = propertiesWithHistory == null ? null : immutableMap(propertiesWithHistory);
        Objects.requireNonNull(updatedAt, "updatedAt");
        warnings = warnings == null ? null : immutableList(warnings);
    }

    /**
     * A builder; optional components left unset stay absent.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<SimplePublicObject> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * A list the codec has just decoded is referenced nowhere else and is only wrapped; others are copied.
     */
    private static <E> List<E> immutableList(List<E> list) {
        return list instanceof DecodedList<?> ? Collections.unmodifiableList(list) : List.copyOf(list);
    }

    /**
     * A map the codec has just decoded is referenced nowhere else and is only wrapped; others are copied.
     */
    private static <V> Map<String, V> immutableMap(Map<String, V> map) {
        return map instanceof DecodedMap<?> ? Collections.unmodifiableMap(map) : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Builds {@link SimplePublicObject}; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private Boolean archived;

        private OffsetDateTime archivedAt;

        private OffsetDateTime createdAt;

        private String id;

        private String objectWriteTraceId;

        private Map<String, String> properties;

        private Map<String, List<ValueWithTimestamp>> propertiesWithHistory;

        private OffsetDateTime updatedAt;

        private String url;

        private List<PublicObjectWarning> warnings;

        private Builder() {
        }

        /**
         * Sets {@code archived} (required).
         */
        public Builder archived(Boolean archived) {
            this.archived = archived;
            return this;
        }

        /**
         * Sets {@code archivedAt}.
         */
        public Builder archivedAt(OffsetDateTime archivedAt) {
            this.archivedAt = archivedAt;
            return this;
        }

        /**
         * Sets {@code createdAt} (required).
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code id} (required).
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code objectWriteTraceId}.
         */
        public Builder objectWriteTraceId(String objectWriteTraceId) {
            this.objectWriteTraceId = objectWriteTraceId;
            return this;
        }

        /**
         * Sets {@code properties} (required).
         */
        public Builder properties(Map<String, String> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        /**
         * Puts one entry into {@code properties}.
         */
        public Builder property(String key, String value) {
            if (this.properties == null) {
                this.properties = new LinkedHashMap<>();
            }
            this.properties.put(key, value);
            return this;
        }

        /**
         * Sets {@code propertiesWithHistory}.
         */
        public Builder propertiesWithHistory(
                Map<String, List<ValueWithTimestamp>> propertiesWithHistory) {
            this.propertiesWithHistory = propertiesWithHistory == null ? null : new LinkedHashMap<>(propertiesWithHistory);
            return this;
        }

        /**
         * Puts one entry into {@code propertiesWithHistory}.
         */
        public Builder putPropertiesWithHistory(String key, List<ValueWithTimestamp> value) {
            if (this.propertiesWithHistory == null) {
                this.propertiesWithHistory = new LinkedHashMap<>();
            }
            this.propertiesWithHistory.put(key, value);
            return this;
        }

        /**
         * Sets {@code updatedAt} (required).
         */
        public Builder updatedAt(OffsetDateTime updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets {@code url}.
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code warnings}.
         */
        public Builder warnings(List<PublicObjectWarning> warnings) {
            this.warnings = warnings == null ? null : new ArrayList<>(warnings);
            return this;
        }

        /**
         * Adds one element to {@code warnings}.
         */
        public Builder warning(PublicObjectWarning element) {
            if (this.warnings == null) {
                this.warnings = new ArrayList<>();
            }
            this.warnings.add(element);
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public SimplePublicObject build() {
            return new SimplePublicObject(java.util.Objects.requireNonNull(archived, "archived"), archivedAt, createdAt, id, objectWriteTraceId, properties, propertiesWithHistory, updatedAt, url, warnings);
        }
    }

    private static final class Codec implements JsonCodec<SimplePublicObject> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString ARCHIVED = new SerializedString("archived");

        private static final SerializedString ARCHIVED_AT = new SerializedString("archivedAt");

        private static final SerializedString CREATED_AT = new SerializedString("createdAt");

        private static final SerializedString ID = new SerializedString("id");

        private static final SerializedString OBJECT_WRITE_TRACE_ID = new SerializedString("objectWriteTraceId");

        private static final SerializedString PROPERTIES = new SerializedString("properties");

        private static final SerializedString PROPERTIES_WITH_HISTORY = new SerializedString("propertiesWithHistory");

        private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");

        private static final SerializedString URL = new SerializedString("url");

        private static final SerializedString WARNINGS = new SerializedString("warnings");

        private Codec() {
        }

        @Override
        public SimplePublicObject read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Boolean archived = null;
            OffsetDateTime archivedAt = null;
            OffsetDateTime createdAt = null;
            String id = null;
            String objectWriteTraceId = null;
            Map<String, String> properties = null;
            Map<String, List<ValueWithTimestamp>> propertiesWithHistory = null;
            OffsetDateTime updatedAt = null;
            String url = null;
            List<PublicObjectWarning> warnings = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "archived" -> archived = JsonCodecs.BOOLEAN.read(p);
                    case "archivedAt" -> archivedAt = JsonCodecs.DATE_TIME.read(p);
                    case "createdAt" -> createdAt = JsonCodecs.DATE_TIME.read(p);
                    case "id" -> id = JsonCodecs.STRING.read(p);
                    case "objectWriteTraceId" -> objectWriteTraceId = JsonCodecs.STRING.read(p);
                    case "properties" -> properties = readMapOfString(p);
                    case "propertiesWithHistory" -> propertiesWithHistory = readMapOfListOfValueWithTimestamp(p);
                    case "updatedAt" -> updatedAt = JsonCodecs.DATE_TIME.read(p);
                    case "url" -> url = JsonCodecs.STRING.read(p);
                    case "warnings" -> warnings = readListOfPublicObjectWarning(p);
                    default -> p.skipChildren();
                }
            }
            if (archived == null) {
                throw JsonCodecs.missingRequired(p, "archived");
            }
            if (createdAt == null) {
                throw JsonCodecs.missingRequired(p, "createdAt");
            }
            if (id == null) {
                throw JsonCodecs.missingRequired(p, "id");
            }
            if (properties == null) {
                throw JsonCodecs.missingRequired(p, "properties");
            }
            if (updatedAt == null) {
                throw JsonCodecs.missingRequired(p, "updatedAt");
            }
            return new SimplePublicObject(archived, archivedAt, createdAt, id, objectWriteTraceId, properties, propertiesWithHistory, updatedAt, url, warnings);
        }

        @Override
        public void write(JsonGenerator g, SimplePublicObject value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ARCHIVED);
            g.writeBoolean(value.archived());
            OffsetDateTime archivedAt = value.archivedAt();
            if (archivedAt != null) {
                g.writeFieldName(ARCHIVED_AT);
                JsonCodecs.DATE_TIME.write(g, archivedAt);
            }
            g.writeFieldName(CREATED_AT);
            JsonCodecs.DATE_TIME.write(g, value.createdAt());
            g.writeFieldName(ID);
            g.writeString(value.id());
            String objectWriteTraceId = value.objectWriteTraceId();
            if (objectWriteTraceId != null) {
                g.writeFieldName(OBJECT_WRITE_TRACE_ID);
                g.writeString(objectWriteTraceId);
            }
            g.writeFieldName(PROPERTIES);
            writeMapOfString(g, value.properties());
            Map<String, List<ValueWithTimestamp>> propertiesWithHistory = value.propertiesWithHistory();
            if (propertiesWithHistory != null) {
                g.writeFieldName(PROPERTIES_WITH_HISTORY);
                writeMapOfListOfValueWithTimestamp(g, propertiesWithHistory);
            }
            g.writeFieldName(UPDATED_AT);
            JsonCodecs.DATE_TIME.write(g, value.updatedAt());
            String url = value.url();
            if (url != null) {
                g.writeFieldName(URL);
                g.writeString(url);
            }
            List<PublicObjectWarning> warnings = value.warnings();
            if (warnings != null) {
                g.writeFieldName(WARNINGS);
                writeListOfPublicObjectWarning(g, warnings);
            }
            g.writeEndObject();
        }

        private static List<PublicObjectWarning> readListOfPublicObjectWarning(JsonParser p) throws
                IOException {
            JsonCodecs.expect(p, JsonToken.START_ARRAY, "an array");
            List<PublicObjectWarning> list = new DecodedList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw JsonCodecs.mismatch(p, "an element (lists hold no nulls)");
                }
                list.add(PublicObjectWarning.jsonCodec().read(p));
            }
            return list;
        }

        private static List<ValueWithTimestamp> readListOfValueWithTimestamp(JsonParser p) throws
                IOException {
            JsonCodecs.expect(p, JsonToken.START_ARRAY, "an array");
            List<ValueWithTimestamp> list = new DecodedList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw JsonCodecs.mismatch(p, "an element (lists hold no nulls)");
                }
                list.add(ValueWithTimestamp.jsonCodec().read(p));
            }
            return list;
        }

        private static Map<String, List<ValueWithTimestamp>> readMapOfListOfValueWithTimestamp(
                JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Map<String, List<ValueWithTimestamp>> map = new DecodedMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : readListOfValueWithTimestamp(p));
            }
            return map;
        }

        private static Map<String, String> readMapOfString(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Map<String, String> map = new DecodedMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : JsonCodecs.STRING.read(p));
            }
            return map;
        }

        private static void writeListOfPublicObjectWarning(JsonGenerator g,
                List<PublicObjectWarning> list) throws IOException {
            g.writeStartArray();
            for (PublicObjectWarning element : list) {
                PublicObjectWarning.jsonCodec().write(g, element);
            }
            g.writeEndArray();
        }

        private static void writeListOfValueWithTimestamp(JsonGenerator g,
                List<ValueWithTimestamp> list) throws IOException {
            g.writeStartArray();
            for (ValueWithTimestamp element : list) {
                ValueWithTimestamp.jsonCodec().write(g, element);
            }
            g.writeEndArray();
        }

        private static void writeMapOfListOfValueWithTimestamp(JsonGenerator g,
                Map<String, List<ValueWithTimestamp>> map) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, List<ValueWithTimestamp>> entry : map.entrySet()) {
                g.writeFieldName(entry.getKey());
                if (entry.getValue() == null) {
                    g.writeNull();
                } else {
                    writeListOfValueWithTimestamp(g, entry.getValue());
                }
            }
            g.writeEndObject();
        }

        private static void writeMapOfString(JsonGenerator g, Map<String, String> map) throws
                IOException {
            g.writeStartObject();
            for (Map.Entry<String, String> entry : map.entrySet()) {
                g.writeFieldName(entry.getKey());
                if (entry.getValue() == null) {
                    g.writeNull();
                } else {
                    g.writeString(entry.getValue());
                }
            }
            g.writeEndObject();
        }
    }

    /**
     * A list the codec decoded and hands over; nothing else refers to it.
     */
    private static final class DecodedList<E> extends ArrayList<E> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A map the codec decoded and hands over; nothing else refers to it.
     */
    private static final class DecodedMap<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;
    }
}
