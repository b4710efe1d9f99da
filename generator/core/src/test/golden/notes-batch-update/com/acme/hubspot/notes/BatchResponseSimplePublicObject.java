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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A public object batch response object
 *
 * @param completedAt The timestamp when the batch processing was completed, in ISO 8601 format.
 * @param links An object containing relevant links related to the batch request. (null when absent)
 * @param requestedAt The timestamp when the batch request was initially made, in ISO 8601 format. (null when absent)
 * @param results the {@code results} property
 * @param startedAt The timestamp when the batch processing began, in ISO 8601 format.
 * @param status The status of the batch processing request: "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE"
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record BatchResponseSimplePublicObject(OffsetDateTime completedAt, Map<String, String> links,
        OffsetDateTime requestedAt, List<SimplePublicObject> results, OffsetDateTime startedAt,
        BatchResponseSimplePublicObjectStatus status) {
    public BatchResponseSimplePublicObject {
        RecordComponents.requireNonNull(completedAt, "completedAt");
        links = links == null ? null : RecordCollections.immutableMap(links);
        Objects.requireNonNull(results, "results");
        results = RecordCollections.immutableList(results);
        RecordComponents.requireNonNull(startedAt, "startedAt");
        RecordComponents.requireNonNull(status, "status");
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<BatchResponseSimplePublicObject> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<BatchResponseSimplePublicObject> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString COMPLETED_AT = new SerializedString("completedAt");

        private static final SerializedString LINKS = new SerializedString("links");

        private static final SerializedString REQUESTED_AT = new SerializedString("requestedAt");

        private static final SerializedString RESULTS = new SerializedString("results");

        private static final SerializedString STARTED_AT = new SerializedString("startedAt");

        private static final SerializedString STATUS = new SerializedString("status");

        private Codec() {
        }

        @Override
        public BatchResponseSimplePublicObject read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            OffsetDateTime completedAt = null;
            Map<String, String> links = null;
            OffsetDateTime requestedAt = null;
            List<SimplePublicObject> results = null;
            OffsetDateTime startedAt = null;
            BatchResponseSimplePublicObjectStatus status = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "completedAt" -> completedAt = JsonCodecs.DATE_TIME.read(p);
                    case "links" -> links = RecordCollections.readMap(p, JsonCodecs.STRING);
                    case "requestedAt" -> requestedAt = JsonCodecs.DATE_TIME.read(p);
                    case "results" -> results = RecordCollections.readList(p,
                            SimplePublicObject.jsonCodec());
                    case "startedAt" -> startedAt = JsonCodecs.DATE_TIME.read(p);
                    case "status" -> status =
                            BatchResponseSimplePublicObjectStatus.jsonCodec().read(p);
                    default -> p.skipChildren();
                }
            }
            if (completedAt == null) {
                JsonCodecs.missing(p, "completedAt");
            }
            if (results == null) {
                throw JsonCodecs.missingRequired(p, "results");
            }
            if (startedAt == null) {
                JsonCodecs.missing(p, "startedAt");
            }
            if (status == null) {
                JsonCodecs.missing(p, "status");
            }
            return new BatchResponseSimplePublicObject(completedAt, links, requestedAt, results,
                    startedAt, status);
        }

        @Override
        public void write(JsonGenerator g, BatchResponseSimplePublicObject value) throws
                IOException {
            g.writeStartObject();
            g.writeFieldName(COMPLETED_AT);
            JsonCodecs.DATE_TIME.write(g, value.completedAt());
            Map<String, String> links = value.links();
            if (links != null) {
                g.writeFieldName(LINKS);
                RecordCollections.writeMap(g, links, JsonCodecs.STRING);
            }
            OffsetDateTime requestedAt = value.requestedAt();
            if (requestedAt != null) {
                g.writeFieldName(REQUESTED_AT);
                JsonCodecs.DATE_TIME.write(g, requestedAt);
            }
            g.writeFieldName(RESULTS);
            RecordCollections.writeList(g, value.results(), SimplePublicObject.jsonCodec());
            g.writeFieldName(STARTED_AT);
            JsonCodecs.DATE_TIME.write(g, value.startedAt());
            g.writeFieldName(STATUS);
            BatchResponseSimplePublicObjectStatus.jsonCodec().write(g, value.status());
            g.writeEndObject();
        }
    }
}
