package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import java.io.IOException;
import java.time.OffsetDateTime;
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
 * @param propertiesWithHistory Key-value pairs representing the properties of the object along with their history.
 *     (null when absent)
 * @param updatedAt The timestamp when the object was last updated, in ISO 8601 format.
 * @param url The URL associated with the object. (null when absent)
 * @param warnings the {@code warnings} property (null when absent)
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record SimplePublicObject(boolean archived, OffsetDateTime archivedAt,
        OffsetDateTime createdAt, String id, String objectWriteTraceId,
        Map<String, String> properties, Map<String, List<ValueWithTimestamp>> propertiesWithHistory,
        OffsetDateTime updatedAt, String url, List<PublicObjectWarning> warnings) {
    public SimplePublicObject {
        RecordComponents.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        properties = RecordCollections.immutableMap(properties);
        propertiesWithHistory = propertiesWithHistory == null ? null
                : RecordCollections.immutableMap(propertiesWithHistory);
        RecordComponents.requireNonNull(updatedAt, "updatedAt");
        warnings = warnings == null ? null : RecordCollections.immutableList(warnings);
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<SimplePublicObject> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<SimplePublicObject> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString ARCHIVED = new SerializedString("archived");

        private static final SerializedString ARCHIVED_AT = new SerializedString("archivedAt");

        private static final SerializedString CREATED_AT = new SerializedString("createdAt");

        private static final SerializedString ID = new SerializedString("id");

        private static final SerializedString OBJECT_WRITE_TRACE_ID =
                new SerializedString("objectWriteTraceId");

        private static final SerializedString PROPERTIES = new SerializedString("properties");

        private static final SerializedString PROPERTIES_WITH_HISTORY =
                new SerializedString("propertiesWithHistory");

        private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");

        private static final SerializedString URL = new SerializedString("url");

        private static final SerializedString WARNINGS = new SerializedString("warnings");

        private Codec() {
        }

        @Override
        public SimplePublicObject read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
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
                    case "properties" -> properties = RecordCollections.readMap(p,
                            JsonCodecs.STRING);
                    case "propertiesWithHistory" -> propertiesWithHistory =
                            RecordCollections.readMap(p,
                            JsonCodecs.listRejectingNulls(ValueWithTimestamp.jsonCodec()));
                    case "updatedAt" -> updatedAt = JsonCodecs.DATE_TIME.read(p);
                    case "url" -> url = JsonCodecs.STRING.read(p);
                    case "warnings" -> warnings = RecordCollections.readList(p,
                            PublicObjectWarning.jsonCodec());
                    default -> p.skipChildren();
                }
            }
            if (archived == null) {
                throw JsonCodecs.missingRequired(p, "archived");
            }
            if (createdAt == null) {
                JsonCodecs.missing(p, "createdAt");
            }
            if (id == null) {
                throw JsonCodecs.missingRequired(p, "id");
            }
            if (properties == null) {
                properties = JsonCodecs.missing(p, "properties", Map.of());
            }
            if (updatedAt == null) {
                JsonCodecs.missing(p, "updatedAt");
            }
            return new SimplePublicObject(archived, archivedAt, createdAt, id, objectWriteTraceId,
                    properties, propertiesWithHistory, updatedAt, url, warnings);
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
            RecordCollections.writeMap(g, value.properties(), JsonCodecs.STRING);
            Map<String, List<ValueWithTimestamp>> propertiesWithHistory = value.propertiesWithHistory();
            if (propertiesWithHistory != null) {
                g.writeFieldName(PROPERTIES_WITH_HISTORY);
                RecordCollections.writeMap(g, propertiesWithHistory,
                        JsonCodecs.listRejectingNulls(ValueWithTimestamp.jsonCodec()));
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
                RecordCollections.writeList(g, warnings, PublicObjectWarning.jsonCodec());
            }
            g.writeEndObject();
        }
    }
}
