package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.list;
import static dev.crmgen.sandbox.SandboxClient.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagedReadsTest {
    private static final String NOTES = "/crm/v3/objects/notes";
    private static final String SEARCH = NOTES + "/search";

    private static List<String> ids(Map<String, Object> page) {
        return list(page.get("results")).stream().map(r -> (String) r.get("id")).toList();
    }

    private static String nextAfter(Map<String, Object> page) {
        Object paging = page.get("paging");
        return paging == null ? null : (String) map(map(paging).get("next")).get("after");
    }

    @Test
    void theListPagesByCursorWithHubSpotsPagingObject() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(25).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                HttpResponse<String> response = client.get(
                        NOTES + "?limit=10&properties=hs_note_body" + (after == null ? "" : "&after=" + after));
                assertEquals(200, response.statusCode(), response.body());
                Map<String, Object> page = json(response);
                seen.addAll(ids(page));
                Map<String, Object> first = list(page.get("results")).get(0);
                assertTrue(map(first.get("properties"))
                        .get("hs_note_body")
                        .toString()
                        .startsWith("Seeded note "));
                after = nextAfter(page);
                if (after != null) {
                    String link =
                            (String) map(map(page.get("paging")).get("next")).get("link");
                    assertEquals(sandbox.baseUrl() + NOTES + "?limit=10&after=" + after, link);
                }
                pages++;
            } while (after != null);

            assertEquals(sandbox.seededIds(), seen);
            assertEquals(3, pages);
            assertEquals(3, sandbox.listPagesServed());
        }
    }

    @Test
    void theListShowsArchivedNotesOnlyWhenAskedAndRefusesMoreThanAHundredAPage() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(3).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String archived = sandbox.seededIds().get(1);
            client.post(NOTES + "/batch/archive", "{\"inputs\":[{\"id\":\"" + archived + "\"}]}");

            Map<String, Object> live = json(client.get(NOTES));
            Map<String, Object> gone = json(client.get(NOTES + "?archived=true"));
            HttpResponse<String> tooMany = client.get(NOTES + "?limit=101");

            assertEquals(List.of(sandbox.seededIds().get(0), sandbox.seededIds().get(2)), ids(live));
            assertNull(live.get("paging"), "the last page has no paging");
            assertEquals(List.of(archived), ids(gone));
            assertEquals(400, tooMany.statusCode());
            assertEquals("VALIDATION_ERROR", json(tooMany).get("category"));
        }
    }

    @Test
    void aRepeatingCursorIsAServerBugOnRequest() throws Exception {
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(5).repeatingListCursor().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String second = nextAfter(json(client.get(NOTES + "?limit=2")));

            Map<String, Object> page = json(client.get(NOTES + "?limit=2&after=" + second));

            assertEquals(second, nextAfter(page));
            assertEquals(sandbox.seededIds().subList(2, 4), ids(page));
        }
    }

    @Test
    void searchFiltersSortsAndCountsTheMatches() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(30).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<String> seeded = sandbox.seededIds();
            // (id > 5th AND id < 12th) OR id = 20th, newest id first, three a page.
            String body = "{\"filterGroups\":[{\"filters\":["
                    + "{\"propertyName\":\"hs_object_id\",\"operator\":\"GT\",\"value\":\"" + seeded.get(4) + "\"},"
                    + "{\"propertyName\":\"hs_object_id\",\"operator\":\"LT\",\"value\":" + seeded.get(11) + "}]},"
                    + "{\"filters\":[{\"propertyName\":\"hs_object_id\",\"operator\":\"EQ\",\"value\":\""
                    + seeded.get(19) + "\"}]}],"
                    + "\"sorts\":[{\"propertyName\":\"hs_object_id\",\"direction\":\"DESCENDING\"}],"
                    + "\"properties\":[\"hs_note_body\"],\"limit\":3,\"after\":\"3\"}";

            HttpResponse<String> response = client.post(SEARCH, body);

            assertEquals(200, response.statusCode(), response.body());
            Map<String, Object> page = json(response);
            assertEquals(new BigDecimal(7), page.get("total"));
            // Matches newest first: 20th, 11th, 10th, 9th, 8th, 7th, 6th; from offset 3: 9th, 8th, 7th.
            assertEquals(List.of(seeded.get(8), seeded.get(7), seeded.get(6)), ids(page));
            assertEquals("6", nextAfter(page));
            assertEquals(1, sandbox.searchPagesServed());
        }
    }

    @Test
    void searchStopsAtTheTenThousandthResult() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(10_050).start()) {
            SandboxClient client = new SandboxClient(sandbox);

            Map<String, Object> last = json(client.post(SEARCH, "{\"limit\":200,\"after\":\"9900\"}"));
            HttpResponse<String> past = client.post(SEARCH, "{\"limit\":200,\"after\":\"10000\"}");
            HttpResponse<String> tooLarge = client.post(SEARCH, "{\"limit\":201}");

            assertEquals(new BigDecimal(10_050), last.get("total"));
            assertEquals(100, ids(last).size(), "the page ends at the ceiling");
            assertEquals("10000", nextAfter(last), "HubSpot still names the next page, which it then refuses");
            assertEquals(400, past.statusCode());
            assertEquals("VALIDATION_ERROR", json(past).get("category"));
            assertTrue(json(past).get("message").toString().contains("10000"), past.body());
            assertEquals(400, tooLarge.statusCode());
        }
    }

    @Test
    void searchHasItsOwnSecondlyLimitAnsweredWithHubSpotsBody() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(3)
                .searchRateLimit(2, Duration.ofMinutes(1))
                .start()) {
            SandboxClient client = new SandboxClient(sandbox);
            assertEquals(200, client.post(SEARCH, "{}").statusCode());
            assertEquals(200, client.post(SEARCH, "{}").statusCode());

            HttpResponse<String> refused = client.post(SEARCH, "{}");
            HttpResponse<String> listed = client.get(NOTES);

            assertEquals(429, refused.statusCode());
            Map<String, Object> body = json(refused);
            assertEquals("SECONDLY", body.get("policyName"));
            assertEquals("RATE_LIMIT", body.get("errorType"));
            assertEquals("You have reached your secondly limit.", body.get("message"));
            assertEquals(200, listed.statusCode(), "the list is not under the search limit");
            assertEquals(1, sandbox.searchRateLimited());
            assertEquals(2, sandbox.searchPagesServed());
            assertEquals(1, sandbox.stats().rateLimited());
            assertFalse(refused.headers().firstValue("X-HubSpot-RateLimit-Max").isEmpty());
        }
    }
}
