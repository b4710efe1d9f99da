package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
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
    @SuppressWarnings("unchecked")
    private static final JsonCodec<SimplePublicObject> CODEC = new RecordCodec<SimplePublicObject>(
            () -> new RecordProperty[] {
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
            },
            values -> new SimplePublicObject((boolean) values[0], (OffsetDateTime) values[1],
                    (OffsetDateTime) values[2], (String) values[3], (String) values[4],
                    (Map<String, String>) values[5],
                    (Map<String, List<ValueWithTimestamp>>) values[6], (OffsetDateTime) values[7],
                    (String) values[8], (List<PublicObjectWarning>) values[9]),
            value -> new Object[] {value.archived(), value.archivedAt(), value.createdAt(),
                    value.id(), value.objectWriteTraceId(), value.properties(),
                    value.propertiesWithHistory(), value.updatedAt(), value.url(),
                    value.warnings()});

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

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<SimplePublicObject> jsonCodec() {
        return CODEC;
    }
}
