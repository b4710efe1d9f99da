package dev.crmgen.processor.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.hubspot.notes.BatchInputSimplePublicObjectBatchInput;
import com.acme.hubspot.notes.BatchResponseSimplePublicObjectStatus;
import com.acme.hubspot.notes.BatchResponseSimplePublicObjectWithErrors;
import com.acme.hubspot.notes.ErrorDetail;
import com.acme.hubspot.notes.SimplePublicObject;
import com.acme.hubspot.notes.SimplePublicObjectBatchInput;
import com.acme.hubspot.notes.StandardError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonDecodingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated notes records and codecs round-trip HubSpot's documented examples and tolerate what servers add. */
class NotesCodecRoundTripTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** HubSpot's SimplePublicObject example: id "512" with seven properties. */
    static final String SIMPLE_PUBLIC_OBJECT = """
            {"archived":false,"createdAt":"2019-10-30T03:30:17.883Z","id":"512",
             "properties":{"property_checkbox":"false","property_date":"1572480000000","property_dropdown":"choice_b",
               "property_multiple_checkboxes":"chocolate;strawberry","property_number":"17","property_radio":"option_1",
               "property_string":"value"},
             "updatedAt":"2019-12-07T16:50:06.678Z"}""";

    static final String MULTI_STATUS = """
            {"completedAt":"2024-05-02T09:31:12.402Z",
             "errors":[{"category":"OBJECT_NOT_FOUND","context":{"ids":["999999999"]},
                 "errors":[{"code":"NOT_FOUND","context":{"id":["999999999"]},"in":"id","message":"no such note","subCategory":"MISSING"}],
                 "links":{"knowledge-base":"https://www.hubspot.com/products/service/knowledge-base"},
                 "message":"Could not get some NOTE objects, they may be deleted or not exist.","status":"error"}],
             "links":{"self":"https://api.hubapi.com/crm/v3/objects/notes/batch/update"},
             "numErrors":1,"requestedAt":"2024-05-02T09:31:12.101Z",
             "results":[%s],
             "startedAt":"2024-05-02T09:31:12.120Z","status":"COMPLETE"}""".formatted(SIMPLE_PUBLIC_OBJECT);

    private static <T> T decode(JsonCodec<T> codec, String json) throws IOException {
        return Json.decode(codec, json);
    }

    private static JsonNode tree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    private static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    @Test
    void batchInputBuiltWithTheBuilderEncodesAsHubSpotExpects() throws IOException {
        BatchInputSimplePublicObjectBatchInput request = new BatchInputSimplePublicObjectBatchInput(List.of(
                SimplePublicObjectBatchInput.builder()
                        .id("512")
                        .property("hs_note_body", "Called back")
                        .build(),
                SimplePublicObjectBatchInput.builder()
                        .id("ext-2024-0042")
                        .idProperty("my_unique_property_name")
                        .objectWriteTraceId("sync-run-7-item-2")
                        .property("hs_note_body", "Sent the signed contract.")
                        .property("hs_timestamp", "2024-05-02T09:30:00.000Z")
                        .build()));
        byte[] json = Json.encode(BatchInputSimplePublicObjectBatchInput.jsonCodec(), request);
        assertEquals(tree("""
                {"inputs":[{"id":"512","properties":{"hs_note_body":"Called back"}},
                  {"id":"ext-2024-0042","idProperty":"my_unique_property_name","objectWriteTraceId":"sync-run-7-item-2",
                   "properties":{"hs_note_body":"Sent the signed contract.","hs_timestamp":"2024-05-02T09:30:00.000Z"}}]}"""), tree(json));
        // Absent optional components are left out, not written as null.
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("null"));
        assertEquals(request, Json.decode(BatchInputSimplePublicObjectBatchInput.jsonCodec(), json));
    }

    @Test
    void simplePublicObjectExampleRoundTrips() throws IOException {
        SimplePublicObject note = decode(SimplePublicObject.jsonCodec(), SIMPLE_PUBLIC_OBJECT);
        assertEquals("512", note.id());
        assertEquals(7, note.properties().size());
        assertEquals("chocolate;strawberry", note.properties().get("property_multiple_checkboxes"));
        assertEquals(OffsetDateTime.parse("2019-10-30T03:30:17.883Z"), note.createdAt());
        assertFalse(note.archived());
        assertNull(note.archivedAt());
        assertEquals(tree(SIMPLE_PUBLIC_OBJECT), tree(Json.encode(SimplePublicObject.jsonCodec(), note)));
    }

    @Test
    void multiStatusResponseWithNestedErrorsLinksAndContextRoundTrips() throws IOException {
        BatchResponseSimplePublicObjectWithErrors response =
                decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), MULTI_STATUS);
        assertSame(BatchResponseSimplePublicObjectStatus.COMPLETE, response.status());
        assertEquals(1, response.numErrors());
        assertEquals("512", response.results().get(0).id());
        assertEquals(7, response.results().get(0).properties().size());
        StandardError error = response.errors().get(0);
        assertEquals("OBJECT_NOT_FOUND", error.category());
        assertEquals(Map.of("ids", List.of("999999999")), error.context());
        assertEquals(
                "https://www.hubspot.com/products/service/knowledge-base",
                error.links().get("knowledge-base"));
        ErrorDetail detail = error.errors().get(0);
        assertEquals("id", detail.in());
        assertEquals("NOT_FOUND", detail.code());
        assertEquals(List.of("999999999"), detail.context().get("id"));
        assertEquals(
                "https://api.hubapi.com/crm/v3/objects/notes/batch/update",
                response.links().get("self"));
        assertEquals(
                tree(MULTI_STATUS), tree(Json.encode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), response)));
    }

    @Test
    void unknownEnumValueParsesAndKeepsItsRawValue() throws IOException {
        String queued = MULTI_STATUS.replace("\"status\":\"COMPLETE\"", "\"status\":\"QUEUED\"");
        BatchResponseSimplePublicObjectWithErrors response =
                decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), queued);
        assertEquals("QUEUED", response.status().value());
        assertEquals(
                BatchResponseSimplePublicObjectStatus.Known.UNKNOWN,
                response.status().known());
        assertFalse(response.status().isKnown());
        assertEquals(BatchResponseSimplePublicObjectStatus.of("QUEUED"), response.status());
        assertEquals(tree(queued), tree(Json.encode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), response)));
    }

    @Test
    void unknownFieldsAreSkippedAtEveryLevel() throws IOException {
        String extended = MULTI_STATUS
                .replace(
                        "{\"completedAt\"",
                        "{\"futureObject\":{\"a\":[1,{\"b\":[true,null]}],\"c\":\"d\"},\"completedAt\"")
                .replace("\"id\":\"512\",", "\"id\":\"512\",\"futureArray\":[[],{},\"x\",1.5e3],\"futureNumber\":7,");
        BatchResponseSimplePublicObjectWithErrors response =
                decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), extended);
        assertEquals(decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), MULTI_STATUS), response);
    }

    @Test
    void nullOptionalValuesMeanAbsent() throws IOException {
        SimplePublicObject note = decode(
                SimplePublicObject.jsonCodec(),
                SIMPLE_PUBLIC_OBJECT.replace("\"id\":\"512\"", "\"id\":\"512\",\"archivedAt\":null,\"url\":null"));
        assertNull(note.archivedAt());
        assertNull(note.url());
        assertEquals(tree(SIMPLE_PUBLIC_OBJECT), tree(Json.encode(SimplePublicObject.jsonCodec(), note)));
    }

    @Test
    void missingRequiredPropertyNamesItsPath() {
        String noId = MULTI_STATUS.replace("\"id\":\"512\",", "");
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class, () -> decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), noId));
        assertEquals("$.results[0].id", e.path());
    }

    @Test
    void typeMismatchNamesItsPath() {
        String wrong = MULTI_STATUS.replace("\"archived\":false", "\"archived\":\"no\"");
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class,
                () -> decode(BatchResponseSimplePublicObjectWithErrors.jsonCodec(), wrong));
        assertEquals("$.results[0].archived", e.path());
    }

    @Test
    void requiredComponentsAreCheckedAndCollectionsCopiedUnmodifiable() {
        NullPointerException npe = assertThrows(
                NullPointerException.class,
                () -> SimplePublicObjectBatchInput.builder()
                        .property("hs_note_body", "x")
                        .build());
        assertEquals("id", npe.getMessage());
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(Map.of("hs_note_body", "x"));
        SimplePublicObjectBatchInput input = new SimplePublicObjectBatchInput("1", null, null, properties);
        properties.put("later", "change");
        assertEquals(Map.of("hs_note_body", "x"), input.properties());
        assertThrows(
                UnsupportedOperationException.class, () -> input.properties().put("a", "b"));
        assertTrue(input.idProperty() == null && input.objectWriteTraceId() == null);
    }
}
