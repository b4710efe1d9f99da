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
 * Represents the result of a batch operation on CRM objects, including the processing status, batch results,
 * timestamps, and a list of any errors encountered during the operation.
 *
 * @param completedAt The timestamp when the batch process was completed, in ISO 8601 format.
 * @param errors the {@code errors} property (null when absent)
 * @param links An object containing relevant links related to the batch request. (null when absent)
 * @param numErrors The number of errors encountered during the batch process. (null when absent)
 * @param requestedAt The timestamp when the batch process was initiated, in ISO 8601 format. (null when absent)
 * @param results the {@code results} property
 * @param startedAt The timestamp when the batch process began execution, in ISO 8601 format.
 * @param status The status of the batch processing request - "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE"
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record BatchResponseSimplePublicObjectWithErrors(OffsetDateTime completedAt,
        List<StandardError> errors, Map<String, String> links, Integer numErrors,
        OffsetDateTime requestedAt, List<SimplePublicObject> results, OffsetDateTime startedAt,
        BatchResponseSimplePublicObjectStatus status) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<BatchResponseSimplePublicObjectWithErrors> CODEC =
            new RecordCodec<BatchResponseSimplePublicObjectWithErrors>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("completedAt", JsonCodecs.DATE_TIME),
                RecordProperty.optional("errors",
                        JsonCodecs.listRejectingNulls(StandardError.jsonCodec())),
                RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.optional("numErrors", JsonCodecs.INT32),
                RecordProperty.optional("requestedAt", JsonCodecs.DATE_TIME),
                RecordProperty.required("results",
                        JsonCodecs.listRejectingNulls(SimplePublicObject.jsonCodec())),
                RecordProperty.tolerated("startedAt", JsonCodecs.DATE_TIME),
                RecordProperty.tolerated("status",
                        BatchResponseSimplePublicObjectStatus.jsonCodec())
            },
            values -> new BatchResponseSimplePublicObjectWithErrors((OffsetDateTime) values[0],
                    (List<StandardError>) values[1], (Map<String, String>) values[2],
                    (Integer) values[3], (OffsetDateTime) values[4],
                    (List<SimplePublicObject>) values[5], (OffsetDateTime) values[6],
                    (BatchResponseSimplePublicObjectStatus) values[7]),
            value -> new Object[] {value.completedAt(), value.errors(), value.links(),
                    value.numErrors(), value.requestedAt(), value.results(), value.startedAt(),
                    value.status()});

    public BatchResponseSimplePublicObjectWithErrors {
        RecordComponents.requireNonNull(completedAt, "completedAt");
        errors = errors == null ? null : RecordCollections.immutableList(errors);
        links = links == null ? null : RecordCollections.immutableMap(links);
        Objects.requireNonNull(results, "results");
        results = RecordCollections.immutableList(results);
        RecordComponents.requireNonNull(startedAt, "startedAt");
        RecordComponents.requireNonNull(status, "status");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<BatchResponseSimplePublicObjectWithErrors> jsonCodec() {
        return CODEC;
    }
}
