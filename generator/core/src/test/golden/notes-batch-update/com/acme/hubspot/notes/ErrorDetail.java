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
    public ErrorDetail {
        context = context == null ? null : RecordCollections.immutableMap(context);
        RecordComponents.requireNonNull(message, "message");
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<ErrorDetail> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<ErrorDetail> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString CODE = new SerializedString("code");

        private static final SerializedString CONTEXT = new SerializedString("context");

        private static final SerializedString IN = new SerializedString("in");

        private static final SerializedString MESSAGE = new SerializedString("message");

        private static final SerializedString SUB_CATEGORY = new SerializedString("subCategory");

        private Codec() {
        }

        @Override
        public ErrorDetail read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            String code = null;
            Map<String, List<String>> context = null;
            String in = null;
            String message = null;
            String subCategory = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "code" -> code = JsonCodecs.STRING.read(p);
                    case "context" -> context = RecordCollections.readMap(p,
                            JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
                    case "in" -> in = JsonCodecs.STRING.read(p);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    case "subCategory" -> subCategory = JsonCodecs.STRING.read(p);
                    default -> p.skipChildren();
                }
            }
            if (message == null) {
                JsonCodecs.missing(p, "message");
            }
            return new ErrorDetail(code, context, in, message, subCategory);
        }

        @Override
        public void write(JsonGenerator g, ErrorDetail value) throws IOException {
            g.writeStartObject();
            String code = value.code();
            if (code != null) {
                g.writeFieldName(CODE);
                g.writeString(code);
            }
            Map<String, List<String>> context = value.context();
            if (context != null) {
                g.writeFieldName(CONTEXT);
                RecordCollections.writeMap(g, context,
                        JsonCodecs.listRejectingNulls(JsonCodecs.STRING));
            }
            String in = value.in();
            if (in != null) {
                g.writeFieldName(IN);
                g.writeString(in);
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
