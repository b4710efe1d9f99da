package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordComponents;
import dev.crmgen.runtime.json.RecordProperty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Represents the result of a batch operation on CRM objects, including the processing status, batch results,
 * timestamps, and a list of any errors encountered during the operation.
 *
 * @param completedAt The timestamp when the batch process was completed, in ISO 8601 format.
 * @param errors the {@code errors} property (null when absent)
 * @param links An object containing relevant links related to the batch request. (null when absent)
 * @param numErrors The number of errors encountered during the batch process. (null when absent)
 * @param requestedAt The timestamp when the batch process was initiated, in ISO 8601 format. (null when absent)
 * @param results the {@code results} property
 * @param startedAt The timestamp when the batch process began execution, in ISO 8601 format.
 * @param status The status of the batch processing request - "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE"
 */
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record BatchResponseSimplePublicObjectWithErrors(OffsetDateTime completedAt,
        List<StandardError> errors, Map<String, String> links, Integer numErrors,
        OffsetDateTime requestedAt, List<SimplePublicObject> results, OffsetDateTime startedAt,
        BatchResponseSimplePublicObjectStatus status) {
    public BatchResponseSimplePublicObjectWithErrors {
        RecordComponents.requireNonNull(completedAt, "completedAt");
        errors = errors == null ? null : RecordCollections.immutableList(errors);
        links = links == null ? null : RecordCollections.immutableMap(links);
        Objects.requireNonNull(results, "results");
        results = RecordCollections.immutableList(results);
        RecordComponents.requireNonNull(startedAt, "startedAt");
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
    public static JsonCodec<BatchResponseSimplePublicObjectWithErrors> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * Builds {@link BatchResponseSimplePublicObjectWithErrors}: one setter per component, named after it, and for lists
     * and maps an adder of one element or entry; {@link #build()} checks the required components.
     */
    public static final class Builder {
        private OffsetDateTime completedAt;

        private List<StandardError> errors;

        private Map<String, String> links;

        private Integer numErrors;

        private OffsetDateTime requestedAt;

        private List<SimplePublicObject> results;

        private OffsetDateTime startedAt;

        private BatchResponseSimplePublicObjectStatus status;

        private Builder() {
        }

        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        public Builder errors(List<StandardError> errors) {
            this.errors = errors == null ? null : new ArrayList<>(errors);
            return this;
        }

        public Builder error(StandardError element) {
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

        public Builder numErrors(Integer numErrors) {
            this.numErrors = numErrors;
            return this;
        }

        public Builder requestedAt(OffsetDateTime requestedAt) {
            this.requestedAt = requestedAt;
            return this;
        }

        public Builder results(List<SimplePublicObject> results) {
            this.results = results == null ? null : new ArrayList<>(results);
            return this;
        }

        public Builder result(SimplePublicObject element) {
            if (this.results == null) {
                this.results = new ArrayList<>();
            }
            this.results.add(element);
            return this;
        }

        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder status(BatchResponseSimplePublicObjectStatus status) {
            this.status = status;
            return this;
        }

        /**
         * @throws NullPointerException when a required component is unset
         */
        public BatchResponseSimplePublicObjectWithErrors build() {
            return new BatchResponseSimplePublicObjectWithErrors(completedAt, errors, links,
                    numErrors, requestedAt, results, startedAt, status);
        }
    }

    private static final class Codec extends RecordCodec<BatchResponseSimplePublicObjectWithErrors> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.tolerated("completedAt", JsonCodecs.DATE_TIME),
                RecordProperty.optional("errors",
                        JsonCodecs.listRejectingNulls(StandardError.jsonCodec())),
                RecordProperty.optional("links", RecordCollections.mapCodec(JsonCodecs.STRING)),
                RecordProperty.optional("numErrors", JsonCodecs.INT32),
                RecordProperty.optional("requestedAt", JsonCodecs.DATE_TIME),
                RecordProperty.required("results",
                        JsonCodecs.listRejectingNulls(SimplePublicObject.jsonCodec())),
                RecordProperty.tolerated("startedAt", JsonCodecs.DATE_TIME),
                RecordProperty.tolerated("status",
                        BatchResponseSimplePublicObjectStatus.jsonCodec())
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected BatchResponseSimplePublicObjectWithErrors create(Object[] values) {
            return new BatchResponseSimplePublicObjectWithErrors((OffsetDateTime) values[0],
                    (List<StandardError>) values[1], (Map<String, String>) values[2],
                    (Integer) values[3], (OffsetDateTime) values[4],
                    (List<SimplePublicObject>) values[5], (OffsetDateTime) values[6],
                    (BatchResponseSimplePublicObjectStatus) values[7]);
        }

        @Override
        protected Object component(BatchResponseSimplePublicObjectWithErrors value, int index) {
            return switch (index) {
                case 0 -> value.completedAt();
                case 1 -> value.errors();
                case 2 -> value.links();
                case 3 -> value.numErrors();
                case 4 -> value.requestedAt();
                case 5 -> value.results();
                case 6 -> value.startedAt();
                case 7 -> value.status();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
