package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/ErrorDetail} schema.
 *
 * @param code The status code associated with the error detail (null when absent)
 * @param context Context about the error condition (null when absent)
 * @param in The name of the field or parameter in which the error was found. (null when absent)
 * @param message A human readable message describing the error along with remediation steps where appropriate
 * @param subCategory A specific category that contains more specific detail about the error (null when absent)
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record ErrorDetail(String code, Map<String, List<String>> context, String in, String message,
        String subCategory) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<ErrorDetail> CODEC = new RecordCodec<ErrorDetail>(
            () -> new RecordProperty[] {
                RecordProperty.optional("code", JsonCodecs.STRING),
                RecordProperty.optional("context",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                RecordProperty.optional("in", JsonCodecs.STRING),
                RecordProperty.tolerated("message", JsonCodecs.STRING),
                RecordProperty.optional("subCategory", JsonCodecs.STRING)
            },
            values -> new ErrorDetail((String) values[0], (Map<String, List<String>>) values[1],
                    (String) values[2], (String) values[3], (String) values[4]),
            value -> new Object[] {value.code(), value.context(), value.in(), value.message(),
                    value.subCategory()});

    public ErrorDetail {
        context = context == null ? null : RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(message, "message");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<ErrorDetail> jsonCodec() {
        return CODEC;
    }
}
