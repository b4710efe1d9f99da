package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/Error} schema.
 *
 * @param category The error category
 * @param context Context about the error condition (null when absent)
 * @param correlationId A unique identifier for the request. Include this value with any error reports or support
 *     tickets
 * @param errors further information about the error (null when absent)
 * @param links A map of link names to associated URIs containing documentation about the error or recommended
 *     remediation steps (null when absent)
 * @param message A human readable message describing the error along with remediation steps where appropriate
 * @param subCategory A specific category that contains more specific detail about the error (null when absent)
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record ErrorModel(String category, Map<String, List<String>> context, UUID correlationId,
        List<ErrorDetail> errors, Map<String, String> links, String message, String subCategory) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<ErrorModel> CODEC = new RecordCodec<ErrorModel>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("category", JsonCodecs.STRING),
                RecordProperty.optional("context",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                RecordProperty.tolerated("correlationId", JsonCodecs.UUID),
                RecordProperty.optional("errors",
                        JsonCodecs.listRejectingNulls(ErrorDetail.jsonCodec())),
                RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.tolerated("message", JsonCodecs.STRING),
                RecordProperty.optional("subCategory", JsonCodecs.STRING)
            },
            values -> new ErrorModel((String) values[0], (Map<String, List<String>>) values[1],
                    (UUID) values[2], (List<ErrorDetail>) values[3],
                    (Map<String, String>) values[4], (String) values[5], (String) values[6]),
            value -> new Object[] {value.category(), value.context(), value.correlationId(),
                    value.errors(), value.links(), value.message(), value.subCategory()});

    public ErrorModel {
        RecordComponents.requireNonNull(category, "category");
        context = context == null ? null : RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(correlationId, "correlationId");
        errors = errors == null ? null : RecordCollections.immutableList(errors);
        links = links == null ? null : RecordCollections.immutableMap(links);
        RecordComponents.requireNonNull(message, "message");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<ErrorModel> jsonCodec() {
        return CODEC;
    }
}
