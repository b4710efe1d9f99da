package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
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
     * Builds {@link ErrorModel}: one setter per component, named after it, and for lists and maps an adder of one
     * element or entry; {@link #build()} checks the required components.
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

        public Builder correlationId(UUID correlationId) {
            this.correlationId = correlationId;
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

        public Builder subCategory(String subCategory) {
            this.subCategory = subCategory;
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public ErrorModel build() {
            return new ErrorModel(category, context, correlationId, errors, links, message,
                    subCategory);
        }
    }

    private static final class Codec extends RecordCodec<ErrorModel> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.tolerated("category", JsonCodecs.STRING),
                RecordProperty.optional("context",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                RecordProperty.tolerated("correlationId", JsonCodecs.UUID),
                RecordProperty.optional("errors",
                        JsonCodecs.listRejectingNulls(ErrorDetail.jsonCodec())),
                RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.tolerated("message", JsonCodecs.STRING),
                RecordProperty.optional("subCategory", JsonCodecs.STRING)
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ErrorModel create(Object[] values) {
            return new ErrorModel((String) values[0], (Map<String, List<String>>) values[1],
                    (UUID) values[2], (List<ErrorDetail>) values[3],
                    (Map<String, String>) values[4], (String) values[5], (String) values[6]);
        }

        @Override
        protected Object component(ErrorModel value, int index) {
            return switch (index) {
                case 0 -> value.category();
                case 1 -> value.context();
                case 2 -> value.correlationId();
                case 3 -> value.errors();
                case 4 -> value.links();
                case 5 -> value.message();
                case 6 -> value.subCategory();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
