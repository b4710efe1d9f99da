package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.list;
import static dev.crmgen.sandbox.SandboxClient.map;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The faults HubSpot shows on a bad day: stalls, trickles, 429s in every Retry-After style, odd 207 shapes. */
class BadDayFaultsTest {

    /** What a raw socket read before the server closed the connection. */
    private record RawAnswer(String head, int bodyBytesRead, int contentLength) {}

    /** Posts over a bare socket, so that nothing but the server decides when the answer ends. */
    private static RawAnswer rawPost(NotesSandbox sandbox, String body) throws IOException {
        try (Socket socket = new Socket(sandbox.baseUri().getHost(), sandbox.port())) {
            socket.setSoTimeout(30_000); // a deadline for the test, far beyond the sandbox's own stall cutoff
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + UPDATE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + sandbox.accessToken() + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + payload.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A reset ends the answer just as EOF does.
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            int length = -1;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new RawAnswer(head, all.size() - split - 4, length);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the sandbox held a stalled answer past its own cutoff", e);
        }
    }

    @Test
    @Timeout(60)
    void stalledBodySendsHalfTheBodyThenTheSandboxItselfClosesTheConnection() throws Exception {
        Faults faults = Faults.builder()
                .stalledBodyRate(1.0)
                .stallCutoff(Duration.ofMillis(300))
                .build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(2).faults(faults).start()) {
            RawAnswer answer = rawPost(sandbox, updates(sandbox.seededIds(), "stalled-"));
            assertTrue(answer.head().startsWith("HTTP/1.1 200"), answer.head());
            assertTrue(
                    answer.bodyBytesRead() > 0 && answer.bodyBytesRead() < answer.contentLength(),
                    "half a body: " + answer);
            for (String id : sandbox.seededIds()) {
                assertEquals(
                        List.of(Map.of("hs_note_body", "stalled-" + id)),
                        sandbox.ledger().writes(id).stream()
                                .map(Ledger.Write::properties)
                                .toList(),
                        "a stall happens after the write");
                assertEquals(
                        Ledger.Delivery.BODY_STALLED,
                        sandbox.ledger().faultsNaming(id).get(0).delivery());
            }
            assertEquals(1, sandbox.stats().bodiesStalled());
        }
    }

    @Test
    @Timeout(60)
    void tricklingBodyArrivesWholeInPieces() throws Exception {
        Faults faults = Faults.builder()
                .tricklingBodyRate(1.0)
                .trickleTime(Duration.ofMillis(70))
                .build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(3).faults(faults).start()) {
            HttpResponse<String> response =
                    new SandboxClient(sandbox).post(UPDATE, updates(sandbox.seededIds(), "slow-"));
            assertEquals(200, response.statusCode());
            assertEquals(3, list(json(response).get("results")).size());
            assertEquals(1, sandbox.stats().bodiesTrickled());
            assertTrue(sandbox.ledger()
                    .faultsNaming(sandbox.seededIds().get(0))
                    .get(0)
                    .delivery()
                    .ambiguous());
        }
    }

    @Test
    @Timeout(60)
    void injected429sComeWithRetryAfterInSecondsAsAnHttpDateOrNotAtAll() throws Exception {
        Faults faults = Faults.builder().rateLimitRate(1.0).seed(5).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            Set<String> styles = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = client.post(UPDATE, updates(sandbox.seededIds(), "x"));
                assertEquals(429, r.statusCode());
                Map<String, Object> body = json(r);
                assertEquals(
                        Set.of("status", "message", "errorType", "correlationId", "policyName", "groupName"),
                        body.keySet());
                assertEquals("You have reached your ten_secondly_rolling limit.", body.get("message"));
                assertEquals("RATE_LIMIT", body.get("errorType"));
                assertEquals("TEN_SECONDLY_ROLLING", body.get("policyName"));
                String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                if (retryAfter == null) {
                    styles.add("absent");
                } else if (retryAfter.equals("1")) {
                    styles.add("seconds");
                } else {
                    ZonedDateTime at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME);
                    assertTrue(at.isAfter(ZonedDateTime.now().minusMinutes(1)), retryAfter);
                    styles.add("date");
                }
            }
            assertEquals(Set.of("absent", "seconds", "date"), styles);
            assertEquals(30, sandbox.stats().rateLimitsInjected());
            assertEquals(0, sandbox.stats().updatesApplied());
            assertEquals(0, sandbox.ledger().writeCount());
            assertFalse(
                    sandbox.ledger()
                            .faultsNaming(sandbox.seededIds().get(0))
                            .get(0)
                            .delivery()
                            .ambiguous(),
                    "a 429 tells the client nothing was applied");
        }
    }

    @Test
    @Timeout(60)
    void partialFailuresRefuseOneUnwrittenInputIn207sShapedLikeHubSpotsDocumentation() throws Exception {
        Faults faults = Faults.builder().partialFailureRate(1.0).seed(11).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(0).faults(faults).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            Set<String> shapes = new HashSet<>();
            for (int i = 0; i < 24; i++) {
                List<String> ids = sandbox.seed(3);
                HttpResponse<String> r = client.post(UPDATE, updates(ids, "p-"));
                assertEquals(207, r.statusCode());
                Map<String, Object> body = json(r);
                assertEquals(2, list(body.get("results")).size());
                List<Map<String, Object>> errors = list(body.get("errors"));
                assertEquals(1, errors.size());
                Map<String, Object> error = errors.get(0);
                String refused = ids.get(0); // the first input whose note was never written
                assertEquals(List.of(), sandbox.ledger().writes(refused), "a refused input writes nothing");
                assertEquals(1, sandbox.ledger().writes(ids.get(1)).size());
                Object context = error.get("context");
                if (context instanceof String text) {
                    assertTrue(text.contains(refused), text);
                    shapes.add("context as text");
                } else if (map(context).isEmpty()) {
                    assertEquals(Map.of(), error.get("subCategory"));
                    Object detailContext = list(error.get("errors")).get(0).get("context");
                    assertTrue(detailContext instanceof String s && s.contains(refused), String.valueOf(detailContext));
                    shapes.add("context in detail text");
                } else {
                    assertEquals(List.of(refused), map(context).get("ids"));
                    if (error.containsKey("links")) {
                        assertEquals(Map.of(), error.get("subCategory"));
                        shapes.add("empty subCategory");
                    } else {
                        assertFalse(error.containsKey("errors"));
                        shapes.add("bare");
                    }
                }
                Ledger.Delivery delivery =
                        sandbox.ledger().faultsNaming(refused).get(0).delivery();
                boolean namedOnlyInText =
                        context instanceof String || map(context).isEmpty();
                assertEquals(namedOnlyInText, delivery.ambiguous(), delivery.name());
            }
            assertEquals(Set.of("context as text", "context in detail text", "empty subCategory", "bare"), shapes);
            assertEquals(24, sandbox.stats().partialFailures());
        }
    }

    @Test
    void everyKindOfFaultIsFixedBySeedAndSequenceAlone() {
        Faults faults = Faults.builder()
                .serverErrorRate(0.1)
                .connectionAbortRate(0.1)
                .lostResponseRate(0.1)
                .stalledBodyRate(0.1)
                .tricklingBodyRate(0.1)
                .rateLimitRate(0.1)
                .partialFailureRate(0.1)
                .seed(9)
                .build();
        Faults same = Faults.builder()
                .serverErrorRate(0.1)
                .connectionAbortRate(0.1)
                .lostResponseRate(0.1)
                .stalledBodyRate(0.1)
                .tricklingBodyRate(0.1)
                .rateLimitRate(0.1)
                .partialFailureRate(0.1)
                .seed(9)
                .build();
        Set<Faults.Kind> kinds = new HashSet<>();
        for (long n = 999; n >= 0; n--) { // asked out of order, as concurrent handlers would
            assertEquals(faults.plan(n), same.plan(n));
            kinds.add(faults.plan(n).kind());
        }
        assertEquals(Set.of(Faults.Kind.values()), kinds);
    }

    @Test
    void ledgerRecordsEveryWriteInOrderWithItsRequestNumber() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(2).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String first = sandbox.seededIds().get(0);
            client.post(UPDATE, updates(List.of(first), "a-"));
            client.post(UPDATE, updates(List.of("999"), "nowhere-"));
            client.post(UPDATE, updates(List.of(first), "b-"));
            List<Ledger.Write> writes = sandbox.ledger().writes(first);
            assertEquals(
                    List.of(
                            new Ledger.Write(1, Map.of("hs_note_body", "a-" + first)),
                            new Ledger.Write(3, Map.of("hs_note_body", "b-" + first))),
                    writes);
            assertEquals(List.of(), sandbox.ledger().writes("999"));
            assertEquals(List.of(), sandbox.ledger().writes(sandbox.seededIds().get(1)));
            assertEquals(2, sandbox.ledger().writeCount());
            assertEquals(List.of(), sandbox.ledger().faultsNaming(first), "plain answers are no faults");
        }
    }

    @Test
    void faultsBeforeProcessingAreInTheLedgerWithoutAWrite() throws Exception {
        Faults faults = Faults.builder().connectionAbortRate(1.0).build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1).faults(faults).start()) {
            String id = sandbox.seededIds().get(0);
            try {
                new SandboxClient(sandbox).post(UPDATE, updates(List.of(id), "x"));
            } catch (IOException expected) {
                // The connection was dropped, which is the fault.
            }
            assertEquals(List.of(), sandbox.ledger().writes(id));
            Ledger.Fault fault = sandbox.ledger().faultsNaming(id).get(0);
            assertEquals(new Ledger.Fault(1, Ledger.Delivery.ABORTED, List.of(id)), fault);
        }
    }
}
