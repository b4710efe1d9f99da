package com.acme.hubspot.notes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCollections;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/BatchInputSimplePublicObjectBatchInput} schema.
 *
 * @param inputs the {@code inputs} property
 */
@Generated(value = "dev.crmgen.generator.CrmGenerator", comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml")
public record BatchInputSimplePublicObjectBatchInput(List<SimplePublicObjectBatchInput> inputs) {
    public BatchInputSimplePublicObjectBatchInput {
        Objects.requireNonNull(inputs, "inputs");
        inputs = RecordCollections.immutableList(inputs);
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<BatchInputSimplePublicObjectBatchInput> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec implements JsonCodec<BatchInputSimplePublicObjectBatchInput> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString INPUTS = new SerializedString("inputs");

        private Codec() {
        }

        @Override
        public BatchInputSimplePublicObjectBatchInput read(JsonParser p) throws IOException {
            if (!JsonCodecs.expectOrSkip(p, JsonToken.START_OBJECT, "an object")) {
                return null;
            }
            List<SimplePublicObjectBatchInput> inputs = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "inputs" -> inputs = RecordCollections.readList(p,
                            SimplePublicObjectBatchInput.jsonCodec());
                    default -> p.skipChildren();
                }
            }
            if (inputs == null) {
                inputs = JsonCodecs.missing(p, "inputs", List.of());
            }
            return new BatchInputSimplePublicObjectBatchInput(inputs);
        }

        @Override
        public void write(JsonGenerator g, BatchInputSimplePublicObjectBatchInput value) throws
                IOException {
            g.writeStartObject();
            g.writeFieldName(INPUTS);
            RecordCollections.writeList(g, value.inputs(),
                    SimplePublicObjectBatchInput.jsonCodec());
            g.writeEndObject();
        }
    }
}
