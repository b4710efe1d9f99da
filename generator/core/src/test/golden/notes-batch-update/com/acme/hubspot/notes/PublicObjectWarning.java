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

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<PublicObjectWarning> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<PublicObjectWarning> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString CATEGORY = new SerializedString("category");

        private static final SerializedString CONTEXT = new SerializedString("context");

        private static final SerializedString MESSAGE = new SerializedString("message");

        private Codec() {
        }

        @Override
        public PublicObjectWarning read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String category = null;
            Map<String, String> context = null;
            String message = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "category" -> category = JsonCodecs.STRING.read(p);
                    case "context" -> context = RecordCollections.readMap(p, JsonCodecs.STRING);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    default -> p.skipChildren();
                }
            }
            if (category == null) {
                JsonCodecs.missing(p, "category");
            }
            if (context == null) {
                context = JsonCodecs.missing(p, "context", Map.of());
            }
            if (message == null) {
                JsonCodecs.missing(p, "message");
            }
            return new PublicObjectWarning(category, context, message);
        }

        @Override
        public void write(JsonGenerator g, PublicObjectWarning value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(value.category());
            g.writeFieldName(CONTEXT);
            RecordCollections.writeMap(g, value.context(), JsonCodecs.STRING);
            g.writeFieldName(MESSAGE);
            g.writeString(value.message());
            g.writeEndObject();
        }
    }
}
