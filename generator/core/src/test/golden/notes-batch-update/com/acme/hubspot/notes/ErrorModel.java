package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/Error} schema.
 *
 * @param category The error category
 * @param context Context about the error condition (null when absent)
 * @param correlationId A unique identifier for the request. Include this value with any error reports or support tickets
 * @param errors further information about the error (null when absent)
 * @param links A map of link names to associated URIs containing documentation about the error or recommended remediation steps (null when absent)
 * @param message A human readable message describing the error along with remediation steps where appropriate
 * @param subCategory A specific category that contains more specific detail about the error (null when absent)
 */
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record ErrorModel(String category, Map<String, List<String>> context, UUID correlationId,
        List<ErrorDetail> errors, Map<String, String> links, String message, String subCategory) {
    public ErrorModel {
        Objects.requireNonNull(category, "category");
        context = context == null ? null : immutableMap(context);
        Objects.requireNonNull(correlationId, "correlationId");
        errors = errors == null ? null : immutableList(errors);
        links = links == null ? null : immutableMap(links);
        Objects.requireNonNull(message, "message");
    }

    /**
     * A builder; optional components left unset stay absent.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<ErrorModel> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * A list the codec has just decoded is referenced nowhere else and is only wrapped; others are copied.
     */
    private static <E> List<E> immutableList(List<E> list) {
        return list instanceof DecodedList<?> ? Collections.unmodifiableList(list) : List.copyOf(list);
    }

    /**
     * A map the codec has just decoded is referenced nowhere else and is only wrapped; others are copied.
     */
    private static <V> Map<String, V> immutableMap(Map<String, V> map) {
        return map instanceof DecodedMap<?> ? Collections.unmodifiableMap(map) : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Builds {@link ErrorModel}; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private String category;

        private Map<String, List<String>> context;

        private UUID correlationId;

        private List<ErrorDetail> errors;

        private Map<String, String> links;

        private String message;

        private String subCategory;

        private Builder() {
        }

        /**
         * Sets {@code category} (required).
         */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * Sets {@code context}.
         */
        public Builder context(Map<String, List<String>> context) {
            this.context = context == null ? null : new LinkedHashMap<>(context);
            return this;
        }

        /**
         * Puts one entry into {@code context}.
         */
        public Builder putContext(String key, List<String> value) {
            if (this.context == null) {
                this.context = new LinkedHashMap<>();
            }
            this.context.put(key, value);
            return this;
        }

        /**
         * Sets {@code correlationId} (required).
         */
        public Builder correlationId(UUID correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /**
         * Sets {@code errors}.
         */
        public Builder errors(List<ErrorDetail> errors) {
            this.errors = errors == null ? null : new ArrayList<>(errors);
            return this;
        }

        /**
         * Adds one element to {@code errors}.
         */
        public Builder error(ErrorDetail element) {
            if (this.errors == null) {
                this.errors = new ArrayList<>();
            }
            this.errors.add(element);
            return this;
        }

        /**
         * Sets {@code links}.
         */
        public Builder links(Map<String, String> links) {
            this.links = links == null ? null : new LinkedHashMap<>(links);
            return this;
        }

        /**
         * Puts one entry into {@code links}.
         */
        public Builder link(String key, String value) {
            if (this.links == null) {
                this.links = new LinkedHashMap<>();
            }
            this.links.put(key, value);
            return this;
        }

        /**
         * Sets {@code message} (required).
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets {@code subCategory}.
         */
        public Builder subCategory(String subCategory) {
            this.subCategory = subCategory;
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public ErrorModel build() {
            return new ErrorModel(category, context, correlationId, errors, links, message, subCategory);
        }
    }

    private static final class Codec implements JsonCodec<ErrorModel> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString CATEGORY = new SerializedString("category");

        private static final SerializedString CONTEXT = new SerializedString("context");

        private static final SerializedString CORRELATION_ID = new SerializedString("correlationId");

        private static final SerializedString ERRORS = new SerializedString("errors");

        private static final SerializedString LINKS = new SerializedString("links");

        private static final SerializedString MESSAGE = new SerializedString("message");

        private static final SerializedString SUB_CATEGORY = new SerializedString("subCategory");

        private Codec() {
        }

        @Override
        public ErrorModel read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
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
                    case "context" -> context = readMapOfListOfString(p);
                    case "correlationId" -> correlationId = JsonCodecs.UUID.read(p);
                    case "errors" -> errors = readListOfErrorDetail(p);
                    case "links" -> links = readMapOfString(p);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    case "subCategory" -> subCategory = JsonCodecs.STRING.read(p);
                    default -> p.skipChildren();
                }
            }
            if (category == null) {
                throw JsonCodecs.missingRequired(p, "category");
            }
            if (correlationId == null) {
                throw JsonCodecs.missingRequired(p, "correlationId");
            }
            if (message == null) {
                throw JsonCodecs.missingRequired(p, "message");
            }
            return new ErrorModel(category, context, correlationId, errors, links, message, subCategory);
        }

        @Override
        public void write(JsonGenerator g, ErrorModel value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(value.category());
            Map<String, List<String>> context = value.context();
            if (context != null) {
                g.writeFieldName(CONTEXT);
                writeMapOfListOfString(g, context);
            }
            g.writeFieldName(CORRELATION_ID);
            JsonCodecs.UUID.write(g, value.correlationId());
            List<ErrorDetail> errors = value.errors();
            if (errors != null) {
                g.writeFieldName(ERRORS);
                writeListOfErrorDetail(g, errors);
            }
            Map<String, String> links = value.links();
            if (links != null) {
                g.writeFieldName(LINKS);
                writeMapOfString(g, links);
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

        private static List<ErrorDetail> readListOfErrorDetail(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_ARRAY, "an array");
            List<ErrorDetail> list = new DecodedList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw JsonCodecs.mismatch(p, "an element (lists hold no nulls)");
                }
                list.add(ErrorDetail.jsonCodec().read(p));
            }
            return list;
        }

        private static List<String> readListOfString(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_ARRAY, "an array");
            List<String> list = new DecodedList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw JsonCodecs.mismatch(p, "an element (lists hold no nulls)");
                }
                list.add(JsonCodecs.STRING.read(p));
            }
            return list;
        }

        private static Map<String, List<String>> readMapOfListOfString(JsonParser p) throws
                IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Map<String, List<String>> map = new DecodedMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : readListOfString(p));
            }
            return map;
        }

        private static Map<String, String> readMapOfString(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            Map<String, String> map = new DecodedMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                map.put(key, p.nextToken() == JsonToken.VALUE_NULL ? null : JsonCodecs.STRING.read(p));
            }
            return map;
        }

        private static void writeListOfErrorDetail(JsonGenerator g, List<ErrorDetail> list) throws
                IOException {
            g.writeStartArray();
            for (ErrorDetail element : list) {
                ErrorDetail.jsonCodec().write(g, element);
            }
            g.writeEndArray();
        }

        private static void writeListOfString(JsonGenerator g, List<String> list) throws
                IOException {
            g.writeStartArray();
            for (String element : list) {
                g.writeString(element);
            }
            g.writeEndArray();
        }

        private static void writeMapOfListOfString(JsonGenerator g, Map<String, List<String>> map)
                throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, List<String>> entry : map.entrySet()) {
                g.writeFieldName(entry.getKey());
                if (entry.getValue() == null) {
                    g.writeNull();
                } else {
                    writeListOfString(g, entry.getValue());
                }
            }
            g.writeEndObject();
        }

        private static void writeMapOfString(JsonGenerator g, Map<String, String> map) throws
                IOException {
            g.writeStartObject();
            for (Map.Entry<String, String> entry : map.entrySet()) {
                g.writeFieldName(entry.getKey());
                if (entry.getValue() == null) {
                    g.writeNull();
                } else {
                    g.writeString(entry.getValue());
                }
            }
            g.writeEndObject();
        }
    }

    /**
     * A list the codec decoded and hands over; nothing else refers to it.
     */
    private static final class DecodedList<E> extends ArrayList<E> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A map the codec decoded and hands over; nothing else refers to it.
     */
    private static final class DecodedMap<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;
    }
}
