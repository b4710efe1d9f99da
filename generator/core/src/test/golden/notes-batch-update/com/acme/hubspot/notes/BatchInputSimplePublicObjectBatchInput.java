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
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@code #/components/schemas/BatchInputSimplePublicObjectBatchInput} schema.
 *
 * @param inputs the {@code inputs} property
 */
@Generated(
        value = "dev.crmgen.generator.CrmGenerator",
        comments = "crmgen 0.1.0-SNAPSHOT from notes-batch-update.yaml"
)
public record BatchInputSimplePublicObjectBatchInput(List<SimplePublicObjectBatchInput> inputs) {
    public BatchInputSimplePublicObjectBatchInput {
        Objects.requireNonNull(inputs, "inputs");
        inputs = immutableList(inputs);
    }

    /**
     * The reflection-free JSON codec of this record.
     */
    public static JsonCodec<BatchInputSimplePublicObjectBatchInput> jsonCodec() {
        return Codec.INSTANCE;
    }

    /**
     * A list the codec has just decoded is referenced nowhere else and is only wrapped; others are copied.
     */
    private static <E> List<E> immutableList(List<E> list) {
        return list instanceof DecodedList<?> ? Collections.unmodifiableList(list) : List.copyOf(list);
    }

    private static final class Codec implements JsonCodec<BatchInputSimplePublicObjectBatchInput> {
        static final Codec INSTANCE = new Codec();

        private static final SerializedString INPUTS = new SerializedString("inputs");

        private Codec() {
        }

        @Override
        public BatchInputSimplePublicObjectBatchInput read(JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_OBJECT, "an object");
            List<SimplePublicObjectBatchInput> inputs = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    // null means absent
                    continue;
                }
                switch (field) {
                    case "inputs" -> inputs = readListOfSimplePublicObjectBatchInput(p);
                    default -> p.skipChildren();
                }
            }
            if (inputs == null) {
                throw JsonCodecs.missingRequired(p, "inputs");
            }
            return new BatchInputSimplePublicObjectBatchInput(inputs);
        }

        @Override
        public void write(JsonGenerator g, BatchInputSimplePublicObjectBatchInput value) throws
                IOException {
            g.writeStartObject();
            g.writeFieldName(INPUTS);
            writeListOfSimplePublicObjectBatchInput(g, value.inputs());
            g.writeEndObject();
        }

        private static List<SimplePublicObjectBatchInput> readListOfSimplePublicObjectBatchInput(
                JsonParser p) throws IOException {
            JsonCodecs.expect(p, JsonToken.START_ARRAY, "an array");
            List<SimplePublicObjectBatchInput> list = new DecodedList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    throw JsonCodecs.mismatch(p, "an element (lists hold no nulls)");
                }
                list.add(SimplePublicObjectBatchInput.jsonCodec().read(p));
            }
            return list;
        }

        private static void writeListOfSimplePublicObjectBatchInput(JsonGenerator g,
                List<SimplePublicObjectBatchInput> list) throws IOException {
            g.writeStartArray();
            for (SimplePublicObjectBatchInput element : list) {
                SimplePublicObjectBatchInput.jsonCodec().write(g, element);
            }
            g.writeEndArray();
        }
    }

    /**
     * A list the codec decoded and hands over; nothing else refers to it.
     */
    private static final class DecodedList<E> extends ArrayList<E> {
        private static final long serialVersionUID = 1L;
    }
}
