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
    @SuppressWarnings("unchecked")
    private static final JsonCodec<BatchInputSimplePublicObjectBatchInput> CODEC =
            new RecordCodec<BatchInputSimplePublicObjectBatchInput>(
            () -> new RecordProperty[] {
                RecordProperty.tolerated("inputs",
                        JsonCodecs.listRejectingNulls(SimplePublicObjectBatchInput.jsonCodec()))
            },
            values -> new BatchInputSimplePublicObjectBatchInput((List<SimplePublicObjectBatchInput>) values[0]),
            value -> new Object[] {value.inputs()});

    public BatchInputSimplePublicObjectBatchInput {
        Objects.requireNonNull(inputs, "inputs");
        inputs = RecordCollections.immutableList(inputs);
    }

    /** The reflection-free JSON codec of this record. */
    public static JsonCodec<BatchInputSimplePublicObjectBatchInput> jsonCodec() {
        return CODEC;
    }
}
