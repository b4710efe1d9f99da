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
    public PublicObjectWarning {
        RecordComponents.requireNonNull(category, "category");
        Objects.requireNonNull(context, "context");
        context = RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(message, "message");
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<PublicObjectWarning> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec extends RecordCodec<PublicObjectWarning> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.tolerated("category", JsonCodecs.STRING),
                RecordProperty.tolerated("context", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.tolerated("message", JsonCodecs.STRING)
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected PublicObjectWarning create(Object[] values) {
            return new PublicObjectWarning((String) values[0], (Map<String, String>) values[1],
                    (String) values[2]);
        }

        @Override
        protected Object component(PublicObjectWarning value, int index) {
            return switch (index) {
                case 0 -> value.category();
                case 1 -> value.context();
                case 2 -> value.message();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
