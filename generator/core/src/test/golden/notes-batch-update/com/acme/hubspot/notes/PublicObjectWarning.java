package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/PublicObjectWarning} schema.
 *
 * @param category the {@code category} property
 * @param context the {@code context} property
 * @param message the {@code message} property
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record PublicObjectWarning(String category, Map<String, String> context, String message) {
    @SuppressWarnings("unchecked")
    private static final JsonCodec<PublicObjectWarning> CODEC = new RecordCodec<PublicObjectWarning>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("category", JsonCodecs.STRING),
                RecordProperty.tolerated("context", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.tolerated("message", JsonCodecs.STRING)
            },
            values -> new PublicObjectWarning((String) values[0], (Map<String, String>) values[1],
                    (String) values[2]),
            value -> new Object[] {value.category(), value.context(), value.message()});

    public PublicObjectWarning {
        RecordComponents.requireNonNull(category, "category");
        Objects.requireNonNull(context, "context");
        context = RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(message, "message");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<PublicObjectWarning> jsonCodec() {
        return CODEC;
    }
}
