package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Represents a standard error response in the HubSpot API, providing detailed information about an error that occurred
 * during an API request.
 *
 * @param category The main category of the error.
 * @param context Additional context-specific information related to the error.
 * @param errors The detailed error objects.
 * @param id A unique ID for the error instance. (null when absent)
 * @param links URLs linking to documentation or resources associated with the error.
 * @param message A human-readable string describing the error and possible remediation steps.
 * @param status The HTTP status code associated with the error.
 * @param subCategory A more specific error category within each main category. (null when absent)
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record StandardError(String category, Map<String, List<String>> context,
        List<ErrorDetail> errors, String id, Map<String, String> links, String message,
        String status, JsonValue subCategory) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<StandardError> CODEC = new RecordCodec<StandardError>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("category", JsonCodecs.STRING),
                RecordProperty.tolerated("context",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                RecordProperty.tolerated("errors",
                        JsonCodecs.listRejectingNulls(ErrorDetail.jsonCodec())),
                RecordProperty.optional("id", JsonCodecs.STRING),
                RecordProperty.tolerated("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.tolerated("message", JsonCodecs.STRING),
                RecordProperty.tolerated("status", JsonCodecs.STRING),
                RecordProperty.optional("subCategory", JsonCodecs.JSON_VALUE)
            },
            values -> new StandardError((String) values[0], (Map<String, List<String>>) values[1],
                    (List<ErrorDetail>) values[2], (String) values[3],
                    (Map<String, String>) values[4], (String) values[5], (String) values[6],
                    (JsonValue) values[7]),
            value -> new Object[] {value.category(), value.context(), value.errors(), value.id(),
                    value.links(), value.message(), value.status(), value.subCategory()});

    public StandardError {
        RecordComponents.requireNonNull(category, "category");
        Objects.requireNonNull(context, "context");
        context = RecordCollections.immutableMap(context);
        Objects.requireNonNull(errors, "errors");
        errors = RecordCollections.immutableList(errors);
        Objects.requireNonNull(links, "links");
        links = RecordCollections.immutableMap(links);
        RecordComponents.requireNonNull(message, "message");
        RecordComponents.requireNonNull(status, "status");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<StandardError> jsonCodec() {
        return CODEC;
    }
}
