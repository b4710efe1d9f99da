package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthAndRateLimitTest {

    @Test
    void missingOrWrongTokenGets401WithHubSpotsBody() throws Exception {
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).accessToken("right-token").start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String body = updates(sandbox.seededIds(), "x");
            for (String token : new String[] {null, "wrong-token", NotesSandbox.DEFAULT_ACCESS_TOKEN}) {
                HttpResponse<String> response = client.post(UPDATE, token, body);
                assertEquals(401, response.statusCode(), "token " + token);
                Map<String, Object> error = json(response);
                assertEquals("error", error.get("status"));
                assertEquals("INVALID_AUTHENTICATION", error.get("category"));
                assertTrue(error.get("message").toString().startsWith("Authentication credentials not found"));
                assertFalse(response.body().contains("wrong-token"), "the token is never echoed");
                assertTrue(
                        response.headers().firstValue("X-HubSpot-RateLimit-Max").isEmpty(),
                        "unauthenticated calls count against no app's limit");
            }
            assertEquals(200, client.post(UPDATE, "right-token", body).statusCode());
            assertEquals(3, sandbox.stats().unauthorized());
            assertEquals(1, sandbox.stats().updatesApplied());
            assertEquals("right-token", sandbox.accessToken());
        }
    }

    @Test
    void rollingWindowPerTokenAnswers429WithHubSpotsBody() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(1)
                .accessToken("app-a")
                .accessToken("app-b")
                .rateLimit(3, Duration.ofSeconds(10))
                .nanoTime(nanos::get)
                .start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String body = updates(sandbox.seededIds(), "x");
            for (int expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--) {
                HttpResponse<String> ok = client.post(UPDATE, "app-a", body);
                assertEquals(200, ok.statusCode());
                assertEquals(
                        Integer.toString(expectedRemaining),
                        ok.headers().firstValue("X-HubSpot-RateLimit-Remaining").orElseThrow());
                nanos.addAndGet(1_000_000_000L);
            }

            HttpResponse<String> limited = client.post(UPDATE, "app-a", body);
            assertEquals(429, limited.statusCode());
            Map<String, Object> error = json(limited);
            assertEquals("error", error.get("status"));
            assertEquals("RATE_LIMIT", error.get("errorType"));
            assertEquals("TEN_SECONDLY_ROLLING", error.get("policyName"));
            assertTrue(error.containsKey("correlationId") && error.containsKey("requestId"));
            assertEquals(
                    "3", limited.headers().firstValue("X-HubSpot-RateLimit-Max").orElseThrow());
            assertEquals(
                    "0",
                    limited.headers()
                            .firstValue("X-HubSpot-RateLimit-Remaining")
                            .orElseThrow());
            assertEquals(
                    "10000",
                    limited.headers()
                            .firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")
                            .orElseThrow());

            assertEquals(200, client.post(UPDATE, "app-b", body).statusCode(), "each token has its own window");

            // t=11.5s: the first request (t=1s) has left the window, the second (t=2s) has not: exactly one slot.
            nanos.set(11_500_000_000L);
            assertEquals(200, client.post(UPDATE, "app-a", body).statusCode());
            assertEquals(429, client.post(UPDATE, "app-a", body).statusCode());
            assertEquals(2, sandbox.stats().rateLimited());
            assertEquals(5, sandbox.stats().updatesApplied(), "rate-limited requests change nothing");
        }
    }

    @Test
    void defaultLimitIs190PerTenSeconds() throws Exception {
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).nanoTime(() -> 0L).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<String> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 191; i++) {
                statuses.add(
                        Integer.toString(client.post(UPDATE, "{\"inputs\":[]}").statusCode()));
            }
            assertEquals(190, statuses.stream().filter("200"::equals).count());
            assertEquals("429", statuses.get(190));
        }
    }
}
