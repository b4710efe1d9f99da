package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static List<Integer> statuses(long seed, int requests) throws Exception {
        Faults faults = Faults.builder().serverErrorRate(0.3).seed(seed).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(
                        client.post(UPDATE, updates(sandbox.seededIds(), "x")).statusCode());
            }
            long injected = statuses.stream().filter(s -> s >= 500).count();
            assertEquals(injected, sandbox.stats().serverErrorsInjected());
            assertEquals(injected, sandbox.stats().faultsInjected());
            assertEquals(requests - injected, sandbox.stats().updatesApplied());
            return statuses;
        }
    }

    @Test
    void faultsAreReproducibleFromTheSeed() throws Exception {
        List<Integer> first = statuses(42, 60);
        assertEquals(first, statuses(42, 60));
        assertNotEquals(first, statuses(43, 60));
        long errors = first.stream().filter(s -> s >= 500).count();
        assertTrue(errors > 5 && errors < 35, "about 30% of 60: " + errors);
        assertTrue(Set.of(200, 500, 502, 503, 504).containsAll(first), first.toString());
    }

    @Test
    void serverErrorsComeAsHubSpotJsonOrGatewayHtml() throws Exception {
        Faults faults = Faults.builder().serverErrorRate(1.0).seed(7).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            Set<Integer> seen = new java.util.TreeSet<>();
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = client.post(UPDATE, updates(sandbox.seededIds(), "x"));
                seen.add(r.statusCode());
                assertTrue(
                        r.headers().firstValue("X-HubSpot-RateLimit-Remaining").isPresent());
                if (r.statusCode() == 500 || r.statusCode() == 503) {
                    assertEquals("error", json(r).get("status"));
                    assertTrue(json(r).containsKey("category"));
                } else {
                    assertEquals(
                            "text/html", r.headers().firstValue("Content-Type").orElseThrow());
                    assertTrue(r.body().contains("<h1>" + r.statusCode()), r.body());
                }
            }
            assertEquals(Set.of(500, 502, 503, 504), seen);
            assertEquals(0, sandbox.stats().updatesApplied());
        }
    }

    @Test
    void abortedConnectionsApplyNothing() throws Exception {
        Faults faults = Faults.builder().connectionAbortRate(1.0).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String id = sandbox.seededIds().get(0);
            assertThrows(IOException.class, () -> client.post(UPDATE, updates(List.of(id), "changed")));
            assertEquals("Seeded note " + id, sandbox.note(id).orElseThrow().property("hs_note_body"));
            assertEquals(1, sandbox.stats().connectionsAborted());
            assertEquals(0, sandbox.stats().updatesApplied());
        }
    }

    @Test
    void lostResponsesApplyTheWriteButAnswerNothing() throws Exception {
        Faults faults = Faults.builder().lostResponseRate(1.0).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String id = sandbox.seededIds().get(0);
            assertThrows(IOException.class, () -> client.post(UPDATE, updates(List.of(id), "changed-")));
            assertEquals("changed-" + id, sandbox.note(id).orElseThrow().property("hs_note_body"));
            assertEquals(1, sandbox.stats().responsesLost());
            assertEquals(1, sandbox.stats().updatesApplied());
        }
    }

    @Test
    void addsLatency() throws Exception {
        Faults faults = Faults.builder().latency(Duration.ofMillis(120)).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            long t0 = System.nanoTime();
            assertEquals(
                    200, client.post(UPDATE, updates(sandbox.seededIds(), "x")).statusCode());
            assertTrue(System.nanoTime() - t0 >= 120_000_000L);
            assertEquals(0, sandbox.stats().faultsInjected(), "latency alone is no fault");
        }
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Faults.builder().serverErrorRate(1.5).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Faults.builder()
                        .serverErrorRate(0.6)
                        .connectionAbortRate(0.6)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> Faults.builder()
                        .latency(Duration.ofMillis(5), Duration.ofMillis(1))
                        .build());
    }
}
