package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.list;
import static dev.crmgen.sandbox.SandboxClient.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherEndpointsTest {
    private static final String NOTES = "/crm/v3/objects/notes";

    @Test
    void createReadArchiveRoundTrip() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(2).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            HttpResponse<String> created = client.post(
                    NOTES + "/batch/create",
                    "{\"inputs\":[{\"properties\":{\"hs_note_body\":\"new one\",\"hs_timestamp\":\"2026-01-01T00:00:00Z\"},\"associations\":[]},"
                            + "{\"properties\":{\"hs_note_body\":\"new two\"}}]}");
            assertEquals(201, created.statusCode(), created.body());
            List<Map<String, Object>> results = list(json(created).get("results"));
            String first = (String) results.get(0).get("id");
            String second = (String) results.get(1).get("id");
            assertEquals(Long.toString(NotesSandbox.DEFAULT_FIRST_ID + 2), first, "ids continue after the seeded ones");
            assertEquals("new one", map(results.get(0).get("properties")).get("hs_note_body"));
            assertEquals(2, sandbox.stats().notesCreated());

            HttpResponse<String> read = client.post(
                    NOTES + "/batch/read",
                    "{\"properties\":[\"hs_note_body\"]," + "\"propertiesWithHistory\":[],\"inputs\":[{\"id\":\""
                            + first + "\"},{\"id\":\"777\"}]}");
            assertEquals(207, read.statusCode(), read.body());
            Map<String, Object> readBody = json(read);
            Map<String, Object> note = list(readBody.get("results")).get(0);
            assertEquals(first, note.get("id"));
            assertEquals("new one", map(note.get("properties")).get("hs_note_body"));
            assertEquals(
                    List.of("777"),
                    map(list(readBody.get("errors")).get(0).get("context")).get("ids"));

            HttpResponse<String> archived =
                    client.post(NOTES + "/batch/archive", "{\"inputs\":[{\"id\":\"" + first + "\"},{\"id\":\"777\"}]}");
            assertEquals(204, archived.statusCode());
            assertTrue(archived.body().isEmpty());
            assertTrue(sandbox.note(first).orElseThrow().archived());
            assertEquals(1, sandbox.stats().notesArchived());

            assertEquals(404, client.get(NOTES + "/" + first).statusCode(), "archived notes are gone for reads");
            HttpResponse<String> one = client.get(NOTES + "/" + second + "?properties=hs_note_body");
            assertEquals(200, one.statusCode(), one.body());
            assertEquals("new two", map(json(one).get("properties")).get("hs_note_body"));
            HttpResponse<String> missing = client.get(NOTES + "/424242");
            assertEquals("OBJECT_NOT_FOUND", json(missing).get("category"));
        }
    }

    @Test
    void batchCreateValidatesPropertiesToo() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().start()) {
            HttpResponse<String> response = new SandboxClient(sandbox)
                    .post(
                            NOTES + "/batch/create",
                            "{\"inputs\":[{\"properties\":{\"hubspot_owner_id\":\"not a number\"}}]}");
            assertEquals(400, response.statusCode());
            assertEquals(
                    "INVALID_LONG", list(json(response).get("errors")).get(0).get("code"));
            assertEquals(0, sandbox.noteCount());
        }
    }

    @Test
    void putAndCustomPropertiesForTestSetup() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .property(NoteProperty.string("crm_region"))
                .put("7", Map.of("hs_note_body", "hand-made", "crm_region", "emea"))
                .start()) {
            assertEquals("emea", sandbox.note("7").orElseThrow().property("crm_region"));
            HttpResponse<String> response = new SandboxClient(sandbox)
                    .post(
                            SandboxClient.UPDATE,
                            "{\"inputs\":[{\"id\":\"7\",\"properties\":{\"crm_region\":\"apac\"}}]}");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("apac", sandbox.note("7").orElseThrow().property("crm_region"));
            assertEquals("hand-made", sandbox.note("7").orElseThrow().property("hs_note_body"));
            assertThrows(IllegalArgumentException.class, () -> sandbox.put("8", Map.of("undefined_prop", "x")));
            assertThrows(IllegalArgumentException.class, () -> sandbox.put("8", Map.of("hs_object_id", "8")));
            assertEquals(
                    List.of(Long.toString(NotesSandbox.DEFAULT_FIRST_ID)),
                    sandbox.seed(1),
                    "hand-made ids below the seed range leave it alone");
            assertFalse(sandbox.toString().contains(sandbox.accessToken()), "toString shows no token");
        }
    }
}
