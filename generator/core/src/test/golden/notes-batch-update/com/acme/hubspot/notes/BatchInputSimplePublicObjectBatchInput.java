package com.acme.hubspot.notes;

import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.RecordCodec;
import dev.crmgen.runtime.json.RecordCollections;
import dev.crmgen.runtime.json.RecordProperty;
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

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<BatchInputSimplePublicObjectBatchInput> jsonCodec() {
        return Codec.INSTANCE;
    }

    private static final class Codec extends RecordCodec<BatchInputSimplePublicObjectBatchInput> {
        static final Codec INSTANCE = new Codec();

        @Override
        protected RecordProperty[] properties() {
            return new RecordProperty[] {
                RecordProperty.tolerated("inputs",
                        JsonCodecs.listRejectingNulls(SimplePublicObjectBatchInput.jsonCodec()))
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        protected BatchInputSimplePublicObjectBatchInput create(Object[] values) {
            return new BatchInputSimplePublicObjectBatchInput((List<SimplePublicObjectBatchInput>) values[0]);
        }

        @Override
        protected Object component(BatchInputSimplePublicObjectBatchInput value, int index) {
            return switch (index) {
                case 0 -> value.inputs();
                default -> throw new IndexOutOfBoundsException(index);
            };
        }
    }
}
