package dev.crmgen.it.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.crmgen.it.fragment.BatchResponseSimplePublicObject;
import dev.crmgen.it.fragment.StandardError;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonDecodingException;
import dev.crmgen.runtime.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases where crmgen's codecs and OpenAPI Generator's java/native models read the same JSON differently, each
 * pinned by an example so the property tests can leave them out honestly. ORACLE.md says which side follows the spec.
 */
class OracleDisagreementsTest {
    private static final ObjectMapper OPENAPI_GENERATOR = ApiClient.createDefaultObjectMapper();

    private static final String NOTE = """
            {"id": "512", "properties": {"hs_note_body": "x"}, "createdAt": "2019-10-30T03:30:17.883Z",
             "updatedAt": "2024-05-02T09:31:12.345Z", "archived": false}""";

    private static String okResponse(String status, String result) {
        return "{\"status\": \"" + status + "\", \"results\": [" + result
                + "], \"startedAt\": \"2024-05-02T09:31:12.120Z\"," + " \"completedAt\": \"2024-05-02T09:31:12.402Z\"}";
    }

    @Test
    void unlistedEnumValueIsKeptByCrmgenAndRejectedByOpenApiGenerator() throws Exception {
        String json = okResponse("QUEUED", NOTE);

        BatchResponseSimplePublicObject crmgen = Json.decode(BatchResponseSimplePublicObject.jsonCodec(), json);
        assertEquals("QUEUED", crmgen.status().value());
        assertFalse(crmgen.status().isKnown());
        assertTrue(
                new String(Json.encode(BatchResponseSimplePublicObject.jsonCodec(), crmgen)).contains("\"QUEUED\""),
                "written back unchanged");

        assertThrows(
                ValueInstantiationException.class,
                () -> OPENAPI_GENERATOR.readValue(
                        json, dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject.class));
    }

    @Test
    void missingRequiredMemberIsRejectedByCrmgenAndReadAsNullByOpenApiGenerator() throws Exception {
        String json = okResponse("COMPLETE", NOTE.replace(", \"archived\": false", ""));

        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(BatchResponseSimplePublicObject.jsonCodec(), json));
        assertTrue(e.path().startsWith("$.results[0]"), e.path());
        assertTrue(e.getMessage().contains("archived"), e.getMessage());

        var oracle =
                OPENAPI_GENERATOR.readValue(json, dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject.class);
        assertNull(oracle.getResults().get(0).getArchived());
        // ...and writes the required member back as an explicit null, which the spec does not allow either.
        assertTrue(OPENAPI_GENERATOR.writeValueAsString(oracle).contains("\"archived\":null"));
    }

    @Test
    void numberWhereTheSpecSaysStringIsRejectedByCrmgenAndCoercedByOpenApiGenerator() throws Exception {
        String json = okResponse("COMPLETE", NOTE.replace("\"id\": \"512\"", "\"id\": 512"));

        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(BatchResponseSimplePublicObject.jsonCodec(), json));
        assertEquals("$.results[0].id", e.path());

        var oracle =
                OPENAPI_GENERATOR.readValue(json, dev.crmgen.it.oracle.model.BatchResponseSimplePublicObject.class);
        assertEquals("512", oracle.getResults().get(0).getId());
    }

    @Test
    void freeFormNumbersKeepEveryDigitInCrmgenAndBecomeDoublesInOpenApiGenerator() throws Exception {
        String json = """
                {"status": "error", "category": "VALIDATION_ERROR", "message": "m", "context": {}, "errors": [], "links": {},
                 "subCategory": {"limit": 12345678901234567890.125, "ratio": 0.10}}""";

        StandardError crmgen = Json.decode(StandardError.jsonCodec(), json);
        JsonValue.JsonObject sub = (JsonValue.JsonObject) crmgen.subCategory();
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("12345678901234567890.125")), sub.get("limit"));
        assertEquals(new JsonValue.JsonNumber(new BigDecimal("0.10")), sub.get("ratio"));

        var oracle = OPENAPI_GENERATOR.readValue(json, dev.crmgen.it.oracle.model.StandardError.class);
        Map<?, ?> oracleSub = (Map<?, ?>) oracle.getSubCategory();
        assertEquals(1.2345678901234567E19, oracleSub.get("limit"));
        assertEquals(0.1, oracleSub.get("ratio"));
    }

    @Test
    void dateTimesWithZeroSecondsAreWrittenWithTheirSecondsByBoth() throws Exception {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z", "2024-05-02T09:30:00Z", "2024-05-02T11:30:00+02:00", "2024-05-02T04:00:00-05:30"
        }) {
            OffsetDateTime value = OffsetDateTime.parse(text);
            assertEquals(
                    "\"" + text + "\"", new String(Json.encode(JsonCodecs.DATE_TIME, value), StandardCharsets.UTF_8));
            assertEquals("\"" + text + "\"", OPENAPI_GENERATOR.writeValueAsString(value));
        }
        // Both still read the form without seconds that RFC 3339 does not allow.
        assertEquals(
                OffsetDateTime.parse("2024-05-02T09:30:00Z"),
                Json.decode(JsonCodecs.DATE_TIME, "\"2024-05-02T09:30Z\""));
        assertEquals(
                OffsetDateTime.parse("2024-05-02T09:30:00Z"),
                OPENAPI_GENERATOR.readValue("\"2024-05-02T09:30Z\"", OffsetDateTime.class));
    }

    @Test
    void invalidUuidIsRejectedByBoth() {
        String json = """
                {"category": "VALIDATION_ERROR", "correlationId": "1-2-3-4-5", "message": "m"}""";

        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> Json.decode(dev.crmgen.it.fragment.ErrorModel.jsonCodec(), json));
        assertEquals("$.correlationId", e.path());
        assertThrows(
                InvalidFormatException.class,
                () -> OPENAPI_GENERATOR.readValue(json, dev.crmgen.it.oracle.model.Error.class));
    }
}
