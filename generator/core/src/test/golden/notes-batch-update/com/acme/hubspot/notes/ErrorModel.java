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
    public ErrorModel {
        RecordComponents.requireNonNull(category, "category");
        context = context == null ? null : RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(correlationId, "correlationId");
        errors = errors == null ? null : RecordCollections.immutableList(errors);
        links = links == null ? null : RecordCollections.immutableMap(links);
        RecordComponents.requireNonNull(message, "message");
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<ErrorModel> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<ErrorModel> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString CATEGORY = new SerializedString("category");

        private static final SerializedString CONTEXT = new SerializedString("context");

        private static final SerializedString CORRELATION_ID =
                new SerializedString("correlationId");

        private static final SerializedString ERRORS = new SerializedString("errors");

        private static final SerializedString LINKS = new SerializedString("links");

        private static final SerializedString MESSAGE = new SerializedString("message");

        private static final SerializedString SUB_CATEGORY = new SerializedString("subCategory");

        private Codec() {
        }

        @Override
        public ErrorModel read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String category = null;
            Map<String, List<String>> context = null;
            UUID correlationId = null;
            List<ErrorDetail> errors = null;
            Map<String, String> links = null;
            String message = null;
            String subCategory = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "category" -> category = JsonCodecs.STRING.read(p);
                    case "context" -> context = RecordCollections.readMap(p,
                            JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
                    case "correlationId" -> correlationId = JsonCodecs.UUID.read(p);
                    case "errors" -> errors = RecordCollections.readList(p,
                            ErrorDetail.jsonCodec());
                    case "links" -> links = RecordCollections.readMap(p, JsonCodecs.STRING);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    case "subCategory" -> subCategory = JsonCodecs.STRING.read(p);
                    default -> p.skipChildren();
                }
            }
            if (category == null) {
                JsonCodecs.missing(p, "category");
            }
            if (correlationId == null) {
                JsonCodecs.missing(p, "correlationId");
            }
            if (message == null) {
                JsonCodecs.missing(p, "message");
            }
            return new ErrorModel(category, context, correlationId, errors, links, message,
                    subCategory);
        }

        @Override
        public void write(JsonGenerator g, ErrorModel value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(value.category());
            Map<String, List<String>> context = value.context();
            if (context != null) {
                g.writeFieldName(CONTEXT);
                RecordCollections.writeMap(g, context,
                        JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
            }
            g.writeFieldName(CORRELATION_ID);
            JsonCodecs.UUID.write(g, value.correlationId());
            List<ErrorDetail> errors = value.errors();
            if (errors != null) {
                g.writeFieldName(ERRORS);
                RecordCollections.writeList(g, errors, ErrorDetail.jsonCodec());
            }
            Map<String, String> links = value.links();
            if (links != null) {
                g.writeFieldName(LINKS);
                RecordCollections.writeMap(g, links, JsonCodecs.STRING);
            }
            g.writeFieldName(MESSAGE);
            g.writeString(value.message());
            String subCategory = value.subCategory();
            if (subCategory != null) {
                g.writeFieldName(SUB_CATEGORY);
                g.writeString(subCategory);
            }
            g.writeEndObject();
        }
    }
}
