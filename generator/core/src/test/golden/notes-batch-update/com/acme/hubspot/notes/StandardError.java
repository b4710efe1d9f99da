package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
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
     * Builds {@link StandardError}: one setter per component, named after it, and for lists and maps an adder of one
     * element or entry; {@link #build()} checks the required components.
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

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder context(Map<String, List<String>> context) {
            this.context = context == null ? null : new LinkedHashMap<>(context);
            return this;
        }

        public Builder putContext(String key, List<String> value) {
            if (this.context == null) {
                this.context = new LinkedHashMap<>();
            }
            this.context.put(key, value);
            return this;
        }

        public Builder errors(List<ErrorDetail> errors) {
            this.errors = errors == null ? null : new ArrayList<>(errors);
            return this;
        }

        public Builder error(ErrorDetail element) {
            if (this.errors == null) {
                this.errors = new ArrayList<>();
            }
            this.errors.add(element);
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder links(Map<String, String> links) {
            this.links = links == null ? null : new LinkedHashMap<>(links);
            return this;
        }

        public Builder link(String key, String value) {
            if (this.links == null) {
                this.links = new LinkedHashMap<>();
            }
            this.links.put(key, value);
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder subCategory(JsonValue subCategory) {
            this.subCategory = subCategory;
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public StandardError build() {
            return new StandardError(category, context, errors, id, links, message, status,
                    subCategory);
        }
    }

    private static final class Codec extends RecordCodec<StandardError> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
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
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected StandardError create(Object[] values) {
            return new StandardError((String) values[0], (Map<String, List<String>>) values[1],
                    (List<ErrorDetail>) values[2], (String) values[3],
                    (Map<String, String>) values[4], (String) values[5], (String) values[6],
                    (JsonValue) values[7]);
        }

        @Override
        protected Object component(StandardError value, int index) {
            return switch (index) {
                case 0 -> value.category();
                case 1 -> value.context();
                case 2 -> value.errors();
                case 3 -> value.id();
                case 4 -> value.links();
                case 5 -> value.message();
                case 6 -> value.status();
                case 7 -> value.subCategory();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
