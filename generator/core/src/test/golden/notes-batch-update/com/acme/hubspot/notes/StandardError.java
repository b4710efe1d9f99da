package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Represents a standard error response in the HubSpot API, providing detailed information about an error that occurred during an API request.
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
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record StandardError(String category, Map<String, List<String>> context,
        List<ErrorDetail> errors, String id, Map<String, String> links, String message,
        String status, JsonValue subCategory) {
    public StandardError {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(context, "context");
        context = immutableMap(context);
        Objects.requireNonNull(errors, "errors");
        errors = immutableList(errors);
        Objects.requireNonNull(links, "links");
        links = immutableMap(links);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
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
    public static JsonCodec<StandardError> jsonCodec() {
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
     * Builds {@link StandardError}; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private String category;

        private Map<String, List<String>> context;

        private List<ErrorDetail> errors;

        private String id;

        private Map<String, String> links;

        private String message;

        private String status;

        private JsonValue subCategory;

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
         * Sets {@code context} (required).
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
         * Sets {@code errors} (required).
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
         * Sets {@code id}.
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code links} (required).
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
         * Sets {@code status} (required).
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Sets {@code subCategory}.
         */
        public Builder subCategory(JsonValue subCategory) {
            this.subCategory = subCategory;
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public StandardError build() {
            return new StandardError(category, context, errors, id, links, message, status, subCategory);
        }
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
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
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
                    case "context" -> context = readMapOfListOfString(p);
                    case "errors" -> errors = readListOfErrorDetail(p);
                    case "id" -> id = JsonCodecs.STRING.read(p);
                    case "links" -> links = readMapOfString(p);
                    case "message" -> message = JsonCodecs.STRING.read(p);
                    case "status" -> status = JsonCodecs.STRING.read(p);
                    case "subCategory" -> subCategory = JsonCodecs.JSON_VALUE.read(p);
                    default -> p.skipChildren();
                }
            }
            if (category == null) {
                throw JsonCodecs.missingRequired(p, "category");
            }
            if (context == null) {
                throw JsonCodecs.missingRequired(p, "context");
            }
            if (errors == null) {
                throw JsonCodecs.missingRequired(p, "errors");
            }
            if (links == null) {
                throw JsonCodecs.missingRequired(p, "links");
            }
            if (message == null) {
                throw JsonCodecs.missingRequired(p, "message");
            }
            if (status == null) {
                throw JsonCodecs.missingRequired(p, "status");
            }
            return new StandardError(category, context, errors, id, links, message, status, subCategory);
        }

        @Override
        public void write(JsonGenerator g, StandardError value) throws IOException {
            g.writeStartObject();
            g.writeFieldName(CATEGORY);
            g.writeString(value.category());
            g.writeFieldName(CONTEXT);
            writeMapOfListOfString(g, value.context());
            g.writeFieldName(ERRORS);
            writeListOfErrorDetail(g, value.errors());
            String id = value.id();
            if (id != null) {
                g.writeFieldName(ID);
                g.writeString(id);
            }
            g.writeFieldName(LINKS);
            writeMapOfString(g, value.links());
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
