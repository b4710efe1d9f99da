package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.list;
import static dev.crmgen.sandbox.SandboxClient.map;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchUpdateTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private NotesSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = NotesSandbox.builder()
                .seed(300)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .start();
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void startsQuicklyOnAFreeLoopbackPort() {
        long t0 = System.nanoTime();
        try (NotesSandbox empty = NotesSandbox.builder().start()) {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            // Typically a few ms; the bound only has to survive a loaded CI machine.
            assertTrue(millis < 2_000, "started in " + millis + " ms");
            assertTrue(empty.port() > 0);
        }
        try (NotesSandbox other = NotesSandbox.builder().seed(10_000).start()) {
            assertTrue(other.port() > 0);
            assertTrue(other.port() != sandbox.port());
            assertTrue(other.baseUrl().startsWith("http://127.0.0.1:"), other.baseUrl());
            assertEquals(10_000, other.noteCount());
            assertEquals(
                    Long.toString(NotesSandbox.DEFAULT_FIRST_ID),
                    other.seededIds().get(0));
        }
    }

    @Test
    void updatesNotesAndAnswersLikeHubSpot() throws Exception {
        List<String> ids = sandbox.seededIds().subList(0, 3);
        HttpResponse<String> response = client.post(
                UPDATE,
                "{\"inputs\":[{\"id\":\"" + ids.get(0)
                        + "\",\"objectWriteTraceId\":\"trace-1\",\"properties\":{\"hs_note_body\":\"first\"}},"
                        + "{\"id\":\"" + ids.get(1)
                        + "\",\"properties\":{\"hs_note_body\":\"second\",\"hs_timestamp\":\"1767225600000\"}},"
                        + "{\"id\":" + ids.get(2) + ",\"properties\":{\"hs_note_body\":null}}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json;charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> body = json(response);
        assertEquals("COMPLETE", body.get("status"));
        assertEquals("2026-03-01T10:15:30.123Z", body.get("startedAt"));
        assertEquals("2026-03-01T10:15:30.123Z", body.get("completedAt"));
        assertFalse(body.containsKey("errors"), "a 200 has no errors");
        List<Map<String, Object>> results = list(body.get("results"));
        assertEquals(3, results.size());

        Map<String, Object> first = results.get(0);
        assertEquals(ids.get(0), first.get("id"));
        assertEquals("trace-1", first.get("objectWriteTraceId"));
        assertEquals(Boolean.FALSE, first.get("archived"));
        assertEquals("2026-03-01T10:15:30.123Z", first.get("createdAt"));
        assertEquals("2026-03-01T10:15:30.123Z", first.get("updatedAt"));
        Map<String, Object> props = map(first.get("properties"));
        assertEquals("first", props.get("hs_note_body"));
        assertEquals(ids.get(0), props.get("hs_object_id"));
        assertEquals("2026-03-01T10:15:30.123Z", props.get("hs_lastmodifieddate"));
        assertFalse(results.get(1).containsKey("objectWriteTraceId"), "only echoed when sent");

        assertEquals("first", sandbox.note(ids.get(0)).orElseThrow().property("hs_note_body"));
        assertEquals("1767225600000", sandbox.note(ids.get(1)).orElseThrow().property("hs_timestamp"));
        assertNull(sandbox.note(ids.get(2)).orElseThrow().property("hs_note_body"), "null clears a property");
        assertEquals(3, sandbox.stats().updatesApplied());
    }

    @Test
    void everyAuthenticatedResponseCarriesRateLimitHeaders() throws Exception {
        HttpResponse<String> ok =
                client.post(UPDATE, updates(sandbox.seededIds().subList(0, 1), "x"));
        HttpResponse<String> bad = client.post(UPDATE, "{\"inputs\":7}");
        for (HttpResponse<String> r : List.of(ok, bad)) {
            assertEquals(
                    "190", r.headers().firstValue("X-HubSpot-RateLimit-Max").orElseThrow());
            assertEquals(
                    "10000",
                    r.headers()
                            .firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")
                            .orElseThrow());
        }
        assertEquals(
                "189", ok.headers().firstValue("X-HubSpot-RateLimit-Remaining").orElseThrow());
        assertEquals(
                "188", bad.headers().firstValue("X-HubSpot-RateLimit-Remaining").orElseThrow());
    }

    @Test
    void unknownAndArchivedIdsGive207WithObjectNotFoundListingThem() throws Exception {
        List<String> ids = new ArrayList<>(sandbox.seededIds().subList(0, 4));
        String archived = ids.get(3);
        assertEquals(
                204,
                client.post("/crm/v3/objects/notes/batch/archive", "{\"inputs\":[{\"id\":\"" + archived + "\"}]}")
                        .statusCode());
        ids.add(1, "999");
        ids.add("12345678");

        HttpResponse<String> response = client.post(UPDATE, updates(ids, "v-"));

        assertEquals(207, response.statusCode(), response.body());
        Map<String, Object> body = json(response);
        assertEquals("COMPLETE", body.get("status"));
        assertEquals(new BigDecimal(1), body.get("numErrors"));
        assertEquals(3, list(body.get("results")).size());
        Map<String, Object> error = list(body.get("errors")).get(0);
        assertEquals("error", error.get("status"));
        assertEquals("OBJECT_NOT_FOUND", error.get("category"));
        assertTrue(((String) error.get("message")).startsWith("Could not get some NOTE objects"));
        assertEquals(
                List.of("999", archived, "12345678"), map(error.get("context")).get("ids"));
        assertEquals(3, sandbox.stats().updatesApplied());
        assertEquals("v-" + ids.get(0), sandbox.note(ids.get(0)).orElseThrow().property("hs_note_body"));
    }

    @Test
    void moreThan100InputsIsRejectedWhole() throws Exception {
        HttpResponse<String> response =
                client.post(UPDATE, updates(sandbox.seededIds().subList(0, 101), "x"));

        assertEquals(400, response.statusCode());
        Map<String, Object> body = json(response);
        assertEquals("error", body.get("status"));
        assertEquals("VALIDATION_ERROR", body.get("category"));
        assertTrue(((String) body.get("message"))
                .contains("maximum number of inputs supported in a batch request is 100"));
        assertTrue(body.get("correlationId")
                .toString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals(0, sandbox.stats().updatesApplied());
        assertEquals(
                200,
                client.post(UPDATE, updates(sandbox.seededIds().subList(0, 100), "x"))
                        .statusCode());
    }

    @Test
    void unknownReadOnlyAndIllTypedPropertiesRejectTheBatch() throws Exception {
        String id = sandbox.seededIds().get(0);
        HttpResponse<String> response = client.post(
                UPDATE,
                "{\"inputs\":["
                        + "{\"id\":\"" + id + "\",\"properties\":{\"hs_note_body\":\"ok\",\"no_such_property\":\"x\"}},"
                        + "{\"id\":\"" + sandbox.seededIds().get(1)
                        + "\",\"properties\":{\"hs_object_id\":\"1\",\"hs_timestamp\":\"yesterday\"}}]}");

        assertEquals(400, response.statusCode(), response.body());
        Map<String, Object> body = json(response);
        assertEquals("VALIDATION_ERROR", body.get("category"));
        String message = (String) body.get("message");
        assertTrue(message.startsWith("Property values were not valid: [{\"isValid\":false,"), message);
        List<Map<String, Object>> errors = list(body.get("errors"));
        assertEquals(
                List.of("PROPERTY_DOESNT_EXIST", "READ_ONLY_VALUE", "INVALID_DATE"),
                errors.stream().map(e -> e.get("code")).toList());
        assertEquals(
                List.of("no_such_property"), map(errors.get(0).get("context")).get("propertyName"));
        assertEquals(
                "Property \"no_such_property\" does not exist", errors.get(0).get("message"));
        assertEquals("Seeded note " + id, sandbox.note(id).orElseThrow().property("hs_note_body"), "nothing applied");
        assertEquals(0, sandbox.stats().updatesApplied());
    }

    @Test
    void idPropertyLooksNotesUpByAUniqueValue() throws Exception {
        String id = sandbox.seededIds().get(5);
        String external = NotesSandbox.EXTERNAL_ID_PROPERTY + "-" + id;
        HttpResponse<String> response = client.post(
                UPDATE,
                "{\"inputs\":[{\"id\":\"" + external
                        + "\",\"idProperty\":\"external_note_id\",\"properties\":{\"hs_note_body\":\"by external id\"}},"
                        + "{\"id\":\"nope\",\"idProperty\":\"external_note_id\",\"properties\":{\"hs_note_body\":\"x\"}}]}");

        assertEquals(207, response.statusCode(), response.body());
        Map<String, Object> body = json(response);
        assertEquals(id, list(body.get("results")).get(0).get("id"));
        assertEquals(
                List.of("nope"),
                map(list(body.get("errors")).get(0).get("context")).get("ids"));
        assertEquals("by external id", sandbox.note(id).orElseThrow().property("hs_note_body"));

        HttpResponse<String> nonUnique =
                client.post(UPDATE, "{\"inputs\":[{\"id\":\"x\",\"idProperty\":\"hs_note_body\",\"properties\":{}}]}");
        assertEquals(400, nonUnique.statusCode());
        assertTrue(json(nonUnique).get("message").toString().contains("non-unique"), nonUnique.body());

        HttpResponse<String> unknown =
                client.post(UPDATE, "{\"inputs\":[{\"id\":\"x\",\"idProperty\":\"nope\",\"properties\":{}}]}");
        assertEquals(400, unknown.statusCode());
        assertEquals(
                "PROPERTY_DOESNT_EXIST",
                list(json(unknown).get("errors")).get(0).get("code"));
    }

    @Test
    void uniqueValuesStayUnique() throws Exception {
        List<String> ids = sandbox.seededIds();
        String taken = NotesSandbox.EXTERNAL_ID_PROPERTY + "-" + ids.get(1);
        HttpResponse<String> response = client.post(
                UPDATE,
                "{\"inputs\":[{\"id\":\"" + ids.get(0) + "\",\"properties\":{\"external_note_id\":\"" + taken
                        + "\"}}]}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "INVALID_UNIQUE_VALUE",
                list(json(response).get("errors")).get(0).get("code"));

        HttpResponse<String> renamed = client.post(
                UPDATE,
                "{\"inputs\":[{\"id\":\"" + ids.get(0) + "\",\"properties\":{\"external_note_id\":\"fresh\"}}]}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        HttpResponse<String> byNewValue = client.post(
                UPDATE,
                "{\"inputs\":[{\"id\":\"fresh\",\"idProperty\":\"external_note_id\",\"properties\":{\"hs_note_body\":\"found\"}}]}");
        assertEquals(200, byNewValue.statusCode(), byNewValue.body());
        assertEquals("found", sandbox.note(ids.get(0)).orElseThrow().property("hs_note_body"));
    }

    @Test
    void duplicateIdsAndMalformedBodiesAreValidationErrors() throws Exception {
        String id = sandbox.seededIds().get(0);
        HttpResponse<String> duplicate = client.post(UPDATE, updates(List.of(id, id), "x"));
        assertEquals(400, duplicate.statusCode());
        assertEquals(
                "Duplicate IDs found in batch input: [" + id + "]. IDs must be unique",
                json(duplicate).get("message"));

        HttpResponse<String> broken = client.post(UPDATE, "{\"inputs\":[{\"id\":\"1\",");
        assertEquals(400, broken.statusCode());
        assertTrue(
                json(broken).get("message").toString().startsWith("Invalid input JSON on line 1, column"),
                broken.body());

        HttpResponse<String> noProperties = client.post(UPDATE, "{\"inputs\":[{\"id\":\"" + id + "\"}]}");
        assertEquals(400, noProperties.statusCode());
        assertTrue(json(noProperties).get("message").toString().contains("[properties]"), noProperties.body());

        HttpResponse<String> noInputs = client.post(UPDATE, "{}");
        assertEquals(400, noInputs.statusCode());
        assertEquals(0, sandbox.stats().updatesApplied());
        assertEquals(4, sandbox.stats().rejected());
    }

    @Test
    void bodiesMustBeJson() throws Exception {
        java.net.http.HttpRequest form = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.baseUrl() + UPDATE))
                .header("Authorization", "Bearer " + sandbox.accessToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        updates(sandbox.seededIds().subList(0, 1), "x")))
                .build();
        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(form, HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode());
        assertTrue(
                json(response).get("message").toString().contains("application/x-www-form-urlencoded"),
                response.body());
        assertEquals(0, sandbox.stats().updatesApplied());
        assertEquals(
                200,
                client.post(UPDATE, updates(sandbox.seededIds().subList(0, 1), "x"))
                        .statusCode(),
                "application/json with a charset parameter is fine too");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertEquals(
                404, client.post("/crm/v3/objects/contacts/batch/update", "{}").statusCode());
        assertEquals(405, client.get("/crm/v3/objects/notes/batch/update").statusCode());
    }
}
