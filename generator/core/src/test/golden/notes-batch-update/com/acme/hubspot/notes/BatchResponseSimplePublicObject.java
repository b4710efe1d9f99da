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
 * A public object batch response object
 *
 * @param completedAt The timestamp when the batch processing was completed, in ISO 8601 format.
 * @param links An object containing relevant links related to the batch request. (null when absent)
 * @param requestedAt The timestamp when the batch request was initially made, in ISO 8601 format. (null when absent)
 * @param results the {@code results} property
 * @param startedAt The timestamp when the batch processing began, in ISO 8601 format.
 * @param status The status of the batch processing request: "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE"
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record BatchResponseSimplePublicObject(OffsetDateTime completedAt, Map<String, String> links,
        OffsetDateTime requestedAt, List<SimplePublicObject> results, OffsetDateTime startedAt,
        BatchResponseSimplePublicObjectStatus status) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<BatchResponseSimplePublicObject> CODEC =
            new RecordCodec<BatchResponseSimplePublicObject>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("completedAt", JsonCodecs.DATE_TIME),
                RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.optional("requestedAt", JsonCodecs.DATE_TIME),
                RecordProperty.required("results",
                        JsonCodecs.listRejectingNulls(SimplePublicObject.jsonCodec())),
                RecordProperty.tolerated("startedAt", JsonCodecs.DATE_TIME),
                RecordProperty.tolerated("status",
                        BatchResponseSimplePublicObjectStatus.jsonCodec())
            },
            values -> new BatchResponseSimplePublicObject((OffsetDateTime) values[0],
                    (Map<String, String>) values[1], (OffsetDateTime) values[2],
                    (List<SimplePublicObject>) values[3], (OffsetDateTime) values[4],
                    (BatchResponseSimplePublicObjectStatus) values[5]),
            value -> new Object[] {value.completedAt(), value.links(), value.requestedAt(),
                    value.results(), value.startedAt(), value.status()});

    public BatchResponseSimplePublicObject {
        RecordComponents.requireNonNull(completedAt, "completedAt");
        links = links == null ? null : RecordCollections.immutableMap(links);
        Objects.requireNonNull(results, "results");
        results = RecordCollections.immutableList(results);
        RecordComponents.requireNonNull(startedAt, "startedAt");
        RecordComponents.requireNonNull(status, "status");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<BatchResponseSimplePublicObject> jsonCodec() {
        return CODEC;
    }
}
