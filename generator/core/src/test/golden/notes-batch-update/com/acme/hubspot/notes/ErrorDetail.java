package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.util.LinkedHashMap;
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
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record ErrorDetail(String code, Map<String, List<String>> context, String in, String message,
        String subCategory) {
    public ErrorDetail {
        context = context == null ? null : RecordCollections.immutableMap(context);
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
    public static JsonCodec<ErrorDetail> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * Builds {@link ErrorDetail}: one setter per component, named after it, and for lists and maps an adder of one
     * element or entry; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private String code;

        private Map<String, List<String>> context;

        private String in;

        private String message;

        private String subCategory;

        private Builder() {
        }

        public Builder code(String code) {
            this.code = code;
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

        public Builder in(String in) {
            this.in = in;
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
        public ErrorDetail build() {
            return new ErrorDetail(code, context, in, message, subCategory);
        }
    }

    private static final class Codec extends RecordCodec<ErrorDetail> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.optional("code", JsonCodecs.STRING),
                RecordProperty.optional("context",
                        RecordCollections.mapCodec(JsonCodecs.listRejectingNulls(JsonCodecs.STRING))),
                RecordProperty.optional("in", JsonCodecs.STRING),
                RecordProperty.tolerated("message", JsonCodecs.STRING),
                RecordProperty.optional("subCategory", JsonCodecs.STRING)
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ErrorDetail create(Object[] values) {
            return new ErrorDetail((String) values[0], (Map<String, List<String>>) values[1],
                    (String) values[2], (String) values[3], (String) values[4]);
        }

        @Override
        protected Object component(ErrorDetail value, int index) {
            return switch (index) {
                case 0 -> value.code();
                case 1 -> value.context();
                case 2 -> value.in();
                case 3 -> value.message();
                case 4 -> value.subCategory();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
