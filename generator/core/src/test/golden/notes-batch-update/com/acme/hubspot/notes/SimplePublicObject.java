package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * @param propertiesWithHistory Key-value pairs representing the properties of the object along with their history.
 *     (null when absent)
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
     * Builds {@link SimplePublicObject}: one setter per component, named after it, and for lists and maps an adder of
     * one element or entry; {@link #build()} checks the required components.
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

        public Builder archived(Boolean archived) {
            this.archived = archived;
            return this;
        }

        public Builder archivedAt(OffsetDateTime archivedAt) {
            this.archivedAt = archivedAt;
            return this;
        }

        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
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
            if (this.properties == null) {
                this.properties = new LinkedHashMap<>();
            }
            this.properties.put(key, value);
            return this;
        }

        public Builder propertiesWithHistory(
                Map<String, List<ValueWithTimestamp>> propertiesWithHistory) {
            this.propertiesWithHistory = propertiesWithHistory == null ? null
                    : new LinkedHashMap<>(propertiesWithHistory);
            return this;
        }

        public Builder putPropertiesWithHistory(String key, List<ValueWithTimestamp> value) {
            if (this.propertiesWithHistory == null) {
                this.propertiesWithHistory = new LinkedHashMap<>();
            }
            this.propertiesWithHistory.put(key, value);
            return this;
        }

        public Builder updatedAt(OffsetDateTime updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder warnings(List<PublicObjectWarning> warnings) {
            this.warnings = warnings == null ? null : new ArrayList<>(warnings);
            return this;
        }

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
            return new SimplePublicObject(Objects.requireNonNull(archived, "archived"), archivedAt,
                    createdAt, id, objectWriteTraceId, properties, propertiesWithHistory, updatedAt,
                    url, warnings);
        }
    }

    private static final class Codec extends RecordCodec<SimplePublicObject> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.required("archived", JsonCodecs.BOOLEAN),
                RecordProperty.optional("archivedAt", JsonCodecs.DATE_TIME),
                RecordProperty.tolerated("createdAt", JsonCodecs.DATE_TIME),
                RecordProperty.required("id", JsonCodecs.STRING),
                RecordProperty.optional("objectWriteTraceId", JsonCodecs.STRING),
                RecordProperty.tolerated("properties",
                        RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.optional("propertiesWithHistory",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(ValueWithTimestamp.jsonCodec()))),
                RecordProperty.tolerated("updatedAt", JsonCodecs.DATE_TIME),
                RecordProperty.optional("url", JsonCodecs.STRING),
                RecordProperty.optional("warnings",
                        JsonCodecs.listRejectingNulls(PublicObjectWarning.jsonCodec()))
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected SimplePublicObject create(Object[] values) {
            return new SimplePublicObject((boolean) values[0], (OffsetDateTime) values[1],
                    (OffsetDateTime) values[2], (String) values[3], (String) values[4],
                    (Map<String, String>) values[5],
                    (Map<String, List<ValueWithTimestamp>>) values[6], (OffsetDateTime) values[7],
                    (String) values[8], (List<PublicObjectWarning>) values[9]);
        }

        @Override
        protected Object component(SimplePublicObject value, int index) {
            return switch (index) {
                case 0 -> value.archived();
                case 1 -> value.archivedAt();
                case 2 -> value.createdAt();
                case 3 -> value.id();
                case 4 -> value.objectWriteTraceId();
                case 5 -> value.properties();
                case 6 -> value.propertiesWithHistory();
                case 7 -> value.updatedAt();
                case 8 -> value.url();
                case 9 -> value.warnings();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
