package dev.crmgen.processor.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.hubspot.notes.BatchInputSimplePublicObjectBatchInput;
import com.acme.hubspot.notes.BatchUpdateResponse;
import com.acme.hubspot.notes.NotesClient;
import com.acme.hubspot.notes.SimplePublicObject;
import com.acme.hubspot.notes.SimplePublicObjectBatchInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The generated client over the real runtime, with an in-memory transport standing in for HubSpot. */
class NotesClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<HttpTransport.Request> requests = Collections.synchronizedList(new ArrayList<>());

    private NotesClient client(Function<HttpTransport.Request, HttpTransport.Response> server) {
        HttpTransport transport = request -> {
            requests.add(request);
            return server.apply(request);
        };
        return new NotesClient(ClientOptions.builder()
                .accessToken("test-token-not-a-secret")
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .build());
    }

    private static HttpTransport.Response json(int status, String body) {
        return new HttpTransport.Response(
                status,
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(HttpTransport.Request request) {
        try {
            return MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BatchInputSimplePublicObjectBatchInput oneInput() {
        return new BatchInputSimplePublicObjectBatchInput(List.of(SimplePublicObjectBatchInput.builder()
                .id("512")
                .property("hs_note_body", "Called back")
                .build()));
    }

    @Test
    void batchUpdateSendsThePostAndReturnsOkFor200() {
        NotesClient client = client(r -> json(
                200,
                NotesCodecRoundTripTest.MULTI_STATUS
                        .replaceAll("\"errors\":\\[.*?\"status\":\"error\"}],", "")
                        .replace("\"numErrors\":1,", "")));
        BatchUpdateResponse response = client.batchUpdate(oneInput());
        BatchUpdateResponse.Ok ok = assertInstanceOf(BatchUpdateResponse.Ok.class, response);
        assertEquals(200, ok.status());
        assertEquals("512", ok.body().results().get(0).id());
        HttpTransport.Request sent = requests.get(0);
        assertEquals("POST", sent.method());
        assertEquals("/crm/v3/objects/notes/batch/update", sent.uri().getPath());
        assertEquals(
                "Called back",
                body(sent).at("/inputs/0/properties/hs_note_body").asText());
    }

    @Test
    void multiStatusIsItsOwnCaseCarryingTheErrors() throws Exception {
        NotesClient client = client(r -> json(207, NotesCodecRoundTripTest.MULTI_STATUS));
        BatchUpdateResponse response = client.batchUpdateAsync(oneInput()).get();
        BatchUpdateResponse.MultiStatus partial = assertInstanceOf(BatchUpdateResponse.MultiStatus.class, response);
        assertEquals(207, partial.status());
        assertEquals("OBJECT_NOT_FOUND", partial.body().errors().get(0).category());
    }

    @Test
    void errorStatusBecomesTheRuntimesTypedException() {
        NotesClient client = client(r -> json(400, """
                {"status":"error","message":"Property values were not valid","correlationId":"aeb5f871-7f07-4993-9211-075dc63e7cbf",
                 "category":"VALIDATION_ERROR"}"""));
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.batchUpdate(oneInput()));
        assertEquals(400, e.status());
        assertTrue(e.rawBody().contains("VALIDATION_ERROR"));
    }

    @Test
    void batchUpdateAllChunksInputsAndReportsEachOne() {
        // The server updates every id except 999999999, which it reports in errors[].context.ids like HubSpot does.
        NotesClient client = client(r -> {
            ObjectNode response = MAPPER.createObjectNode();
            ArrayNode results = response.putArray("results");
            ArrayNode errors = MAPPER.createArrayNode();
            for (JsonNode input : body(r).get("inputs")) {
                String id = input.get("id").asText();
                if (id.equals("999999999")) {
                    ObjectNode error = errors.addObject()
                            .put("status", "error")
                            .put("category", "OBJECT_NOT_FOUND")
                            .put("message", "Could not get some NOTE objects")
                            .put("subCategory", "NOTE_NOT_FOUND");
                    error.putObject("context").putArray("ids").add(id);
                    error.putArray("errors");
                    error.putObject("links");
                } else {
                    ObjectNode note = results.addObject()
                            .put("id", id)
                            .put("archived", false)
                            .put("createdAt", "2019-10-30T03:30:17.883Z")
                            .put("updatedAt", "2024-05-02T09:31:12.345Z");
                    note.set("properties", input.get("properties"));
                }
            }
            response.put("status", "COMPLETE")
                    .put("startedAt", "2024-05-02T09:31:12.120Z")
                    .put("completedAt", "2024-05-02T09:31:12.402Z");
            if (!errors.isEmpty()) {
                response.set("errors", errors);
                response.put("numErrors", errors.size());
            }
            return json(errors.isEmpty() ? 200 : 207, response.toString());
        });
        List<SimplePublicObjectBatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < 249; i++) {
            inputs.add(SimplePublicObjectBatchInput.builder()
                    .id(String.valueOf(1000 + i))
                    .property("hs_note_body", "note " + i)
                    .build());
        }
        inputs.add(SimplePublicObjectBatchInput.builder()
                .id("999999999")
                .property("hs_note_body", "gone")
                .build());

        BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = client.batchUpdateAll(inputs);

        assertEquals(3, requests.size(), "250 inputs in chunks of 100");
        assertEquals(250, report.size());
        assertEquals(249, report.succeeded().size());
        assertEquals("note 7", report.succeeded().get(7).result().properties().get("hs_note_body"));
        assertEquals(1, report.failed().size());
        assertEquals("999999999", report.failed().get(0).input().id());
        assertEquals("OBJECT_NOT_FOUND", report.failed().get(0).error().category());
        assertEquals(
                "NOTE_NOT_FOUND",
                report.failed().get(0).error().subCategory(),
                "declared as an object, sent as a string");
        assertEquals(
                List.of("999999999"), report.failed().get(0).error().context().get("ids"));
        assertTrue(report.unconfirmed().isEmpty());
    }
}
