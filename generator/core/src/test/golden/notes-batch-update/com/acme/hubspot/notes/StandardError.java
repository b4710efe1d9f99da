package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import java.io.IOException;
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

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<StandardError> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<StandardError> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString CATEGORY = new SerializedString("category");

        private static final SerializedString CONTEXT = new SerializedString("context");

        private static final SerializedString ERRORS = new SerializedString("errors");

        private static final SerializedString ID = new SerializedString("id");

        private static final SerializedString LINKS = new SerializedString("links");

        private static final SerializedString MESSAGE = new SerializedString("message");

        private static final SerializedString STATUS = new SerializedString("status");

        private static final SerializedString SUB_CATEGORY = new SerializedString("subCategory");

        private Codec() {
        }

        @Override
        public StandardError read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String category = null;
            Map<String, List<String>> context = null;
            List<ErrorDetail> errors = null;
            String id = null;
            Map<String, String> links = null;
            String message = null;
            String status = null;
            JsonValue subCategory = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "category" -> category = JsonCodecs.STRING.read(p);
                    case "context" -> context = RecordCollections.readMap(p,
                            JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
                    case "errors" -> errors = RecordCollections.readList(p,
                            ErrorDetail.jsonCodec());
                    case "id" -> id = JsonCodecs.STRING.read(p);
                    case "links" -> links = RecordCollections.readMap(p, JsonCodecs.STRING);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    case "status" -> status = JsonCodecs.STRING.read(p);
                    case "subCategory" -> subCategory = JsonCodecs.JSON_VALUE.read(p);
                    default -> p.skipChildren();
                }
            }
            if (category == null) {
                JsonCodecs.missing(p, "category");
            }
            if (context == null) {
                context = JsonCodecs.missing(p, "context", Map.of());
            }
            if (errors == null) {
                errors = JsonCodecs.missing(p, "errors", List.of());
            }
            if (links == null) {
                links = JsonCodecs.missing(p, "links", Map.of());
            }
            if (message == null) {
                JsonCodecs.missing(p, "message");
            }
            if (status == null) {
                JsonCodecs.missing(p, "status");
            }
            return new StandardError(category, context, errors, id, links, message, status,
                    subCategory);
        }

        @Override
        public void write(JsonGenerator g, StandardError value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(value.category());
            g.writeFieldName(CONTEXT);
            RecordCollections.writeMap(g, value.context(),
                    JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
            g.writeFieldName(ERRORS);
            RecordCollections.writeList(g, value.errors(), ErrorDetail.jsonCodec());
            String id = value.id();
            if (id != null) {
                g.writeFieldName(ID);
                g.writeString(id);
            }
            g.writeFieldName(LINKS);
            RecordCollections.writeMap(g, value.links(), JsonCodecs.STRING);
            g.writeFieldName(MESSAGE);
            g.writeString(value.message());
            g.writeFieldName(STATUS);
            g.writeString(value.status());
            JsonValue subCategory = value.subCategory();
            if (subCategory != null) {
                g.writeFieldName(SUB_CATEGORY);
                JsonCodecs.JSON_VALUE.write(g, subCategory);
            }
            g.writeEndObject();
        }
    }
}
