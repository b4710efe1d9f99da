package dev.crmgen.it.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.it.fragment.BatchInputSimplePublicObjectBatchInput;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObjectWithErrors;
import dev.crmgen.it.fragment.ErrorModel;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential oracle: for random spec-valid values, JSON written by crmgen's generated codecs reads back equal
 * through OpenAPI Generator's java/native models (with the ObjectMapper its ApiClient uses), and JSON those models
 * write reads back equal through crmgen's codecs. Known, documented disagreements are in ORACLE.md.
 */
class CodecOraclePropertiesTest {
    private static final int TRIES = 200;
    private static final ObjectMapper OPENAPI_GENERATOR = ApiClient.createDefaultObjectMapper();

    @Property(tries = TRIES)
    void batchInputWrittenByCrmgenReadsBackThroughOpenApiGenerator(@ForAll("requests") BatchInputSimplePublicObjectBatchInput value)
            throws IOException {
        crmgenToOracle(value, BatchInputSimplePublicObjectBatchInput.jsonCodec(),
                dev.crmgen.it.oracle.model.BatchInputSimplePublicObjectBatchInput.class, ToOracle::request);
    }

    @Property(tries = TRIES)
    void batchInputWrittenByOpenApiGeneratorReadsBackThroughCrmgen(@ForAll("requests") BatchInputSimplePublicObjectBatchInput value)
            throws IOException {
        oracleToCrmgen(value, BatchInputSimplePublicObjectBatchInput.jsonCodec(), ToOracle::request);
    }

    @Property(tries = TRIES)
    void okResponseWrittenByCrmgenReadsBackThroughOpenApiGenerator(@ForAll("okResponses") BatchResponseSimplePublicObject value)
            throws IOException {
        crmgenToOracle(value, BatchResponseSimplePublicObject.jsonCodec(),
                dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject.class, ToOracle::ok);
    }

    @Property(tries = TRIES)
    void okResponseWrittenByOpenApiGeneratorReadsBackThroughCrmgen(@ForAll("okResponses") BatchResponseSimplePublicObject value)
            throws IOException {
        oracleToCrmgen(value, BatchResponseSimplePublicObject.jsonCodec(), ToOracle::ok);
    }

    @Property(tries = TRIES)
    void multiStatusWrittenByCrmgenReadsBackThroughOpenApiGenerator(
            @ForAll("multiStatusResponses") BatchResponseSimplePublicObjectWithErrors value) throws IOException {
        crmgenToOracle(value, BatchResponseSimplePublicObjectWithErrors.jsonCodec(),
                dev.crmgen.it.oracle.model.BatchResponseSimplePublicObjectWithErrors.class, ToOracle::multiStatus);
    }

    @Property(tries = TRIES)
    void multiStatusWrittenByOpenApiGeneratorReadsBackThroughCrmgen(
            @ForAll("multiStatusResponses") BatchResponseSimplePublicObjectWithErrors value) throws IOException {
        oracleToCrmgen(value, BatchResponseSimplePublicObjectWithErrors.jsonCodec(), ToOracle::multiStatus);
    }

    @Property(tries = TRIES)
    void errorWrittenByCrmgenReadsBackThroughOpenApiGenerator(@ForAll("errors") ErrorModel value) throws IOException {
        crmgenToOracle(value, ErrorModel.jsonCodec(), dev.crmgen.it.oracle.model.Error.class, ToOracle::error);
    }

    @Property(tries = TRIES)
    void errorWrittenByOpenApiGeneratorReadsBackThroughCrmgen(@ForAll("errors") ErrorModel value) throws IOException {
        oracleToCrmgen(value, ErrorModel.jsonCodec(), ToOracle::error);
    }

    /** crmgen writes; OpenAPI Generator's model read from that JSON equals the same value built as its model. */
    private static <C, O> void crmgenToOracle(C value, JsonCodec<C> codec, Class<O> oracleType, Function<C, O> toOracle)
            throws IOException {
        byte[] json = Json.encode(codec, value);
        O read = OPENAPI_GENERATOR.readValue(json, oracleType);
        assertEquals(toOracle.apply(value), read, () -> "crmgen wrote " + new String(json, StandardCharsets.UTF_8));
    }

    /** OpenAPI Generator writes the value; crmgen reads back the value it started from. */
    private static <C, O> void oracleToCrmgen(C value, JsonCodec<C> codec, Function<C, O> toOracle) throws IOException {
        byte[] json = OPENAPI_GENERATOR.writeValueAsBytes(toOracle.apply(value));
        assertEquals(value, Json.decode(codec, json), () -> "OpenAPI Generator wrote " + new String(json, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<BatchInputSimplePublicObjectBatchInput> requests() {
        return NotesArbitraries.requests();
    }

    @Provide
    Arbitrary<BatchResponseSimplePublicObject> okResponses() {
        return NotesArbitraries.okResponses();
    }

    @Provide
    Arbitrary<BatchResponseSimplePublicObjectWithErrors> multiStatusResponses() {
        return NotesArbitraries.multiStatusResponses();
    }

    @Provide
    Arbitrary<ErrorModel> errors() {
        return NotesArbitraries.errors();
    }
}
