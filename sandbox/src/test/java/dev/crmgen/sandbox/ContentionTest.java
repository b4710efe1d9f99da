package dev.crmgen.sandbox;

import static dev.crmgen.sandbox.SandboxClient.UPDATE;
import static dev.crmgen.sandbox.SandboxClient.json;
import static dev.crmgen.sandbox.SandboxClient.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What another tenant of the same token, the daily budget and the sandbox as its own process look like. */
class ContentionTest {

    @Test
    @Timeout(30)
    void aCompetingTenantSpendsTheSameTokensWindow() throws Exception {
        // The window's clock stands still, so the tenant's requests fill it and stay in it.
        AtomicLong clock = new AtomicLong();
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(1)
                .rateLimit(10, Duration.ofMillis(100))
                .nanoTime(clock::get)
                .competingShare(0.5)
                .start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sandbox.competingAccepted() + sandbox.competingRefused() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(10, sandbox.competingAccepted(), "the tenant filled the window");
            assertTrue(sandbox.competingRefused() >= 2, "and was refused once it was full");
            HttpResponse<String> response = new SandboxClient(sandbox).post(UPDATE, updates(sandbox.seededIds(), "x"));
            assertEquals(429, response.statusCode(), "the client meets the same full window");
            assertEquals(
                    "0",
                    response.headers()
                            .firstValue("X-HubSpot-RateLimit-Remaining")
                            .orElseThrow());
            assertEquals(0, sandbox.stats().updatesApplied());
        }
    }

    @Test
    void theDailyBudgetCountsDownThenAnswersHubSpotsDaily429() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(1).dailyLimit(3).start()) {
            SandboxClient client = new SandboxClient(sandbox);
            String body = updates(sandbox.seededIds(), "x");
            for (String left : List.of("2", "1", "0")) {
                HttpResponse<String> ok = client.post(UPDATE, body);
                assertEquals(200, ok.statusCode());
                assertEquals(
                        "3",
                        ok.headers().firstValue("X-HubSpot-RateLimit-Daily").orElseThrow());
                assertEquals(
                        left,
                        ok.headers()
                                .firstValue("X-HubSpot-RateLimit-Daily-Remaining")
                                .orElseThrow());
            }
            HttpResponse<String> spent = client.post(UPDATE, body);
            assertEquals(429, spent.statusCode());
            Map<String, Object> error = json(spent);
            assertEquals("DAILY", error.get("policyName"));
            assertEquals("RATE_LIMIT", error.get("errorType"));
            assertEquals("You have reached your daily limit.", error.get("message"));
            assertEquals(
                    "0",
                    spent.headers()
                            .firstValue("X-HubSpot-RateLimit-Daily-Remaining")
                            .orElseThrow());
            assertTrue(spent.headers().firstValue("Retry-After").isEmpty(), "HubSpot does not say when it resets");
            assertEquals(3, sandbox.stats().updatesApplied());
            assertEquals(1, sandbox.dailyLimited());
        }
    }

    @Test
    void withoutADailyLimitNoDailyHeaders() throws Exception {
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(1).start()) {
            HttpResponse<String> ok = new SandboxClient(sandbox).post(UPDATE, updates(sandbox.seededIds(), "x"));
            assertTrue(ok.headers().firstValue("X-HubSpot-RateLimit-Daily").isEmpty());
        }
    }

    @Test
    @Timeout(60)
    void theCommandLineServesPrintsItsPortAndStatsAndStopsAtTheEndOfInput() throws Exception {
        PipedOutputStream stdin = new PipedOutputStream();
        Lines outRead = new Lines();
        CompletableFuture<Void> run =
                commandLine(stdin, outRead, "--seed=3", "--rate-limit=50", "--daily-limit=100", "--time-limit=50");
        String first = readLine(outRead);
        assertTrue(first.matches("port \\d+"), first);
        int port = Integer.parseInt(first.substring(5));
        HttpResponse<String> ok = post(
                port,
                NotesSandbox.DEFAULT_ACCESS_TOKEN,
                List.of(
                        String.valueOf(NotesSandbox.DEFAULT_FIRST_ID),
                        String.valueOf(NotesSandbox.DEFAULT_FIRST_ID + 1)));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("50", ok.headers().firstValue("X-HubSpot-RateLimit-Max").orElseThrow());
        assertEquals(
                "99",
                ok.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining").orElseThrow());
        stdin.write("stats\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String stats = readLine(outRead);
        assertTrue(
                stats.contains(" requests=1 ")
                        && stats.contains(" updatesApplied=2 ")
                        && stats.contains(" seeded=3 notesWritten=2 notesWrittenMoreThanOnce=0 "),
                stats);
        stdin.close();
        assertTrue(readLine(outRead).startsWith("stats "), "final stats at the end of input");
        run.get(30, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(60)
    void aWarmUpAppHasItsOwnWindowAndNotesOutsideTheLedgersCheck() throws Exception {
        PipedOutputStream stdin = new PipedOutputStream();
        Lines outRead = new Lines();
        CompletableFuture<Void> run = commandLine(
                stdin,
                outRead,
                "--seed=3",
                "--rate-limit=1",
                "--warm-up-token=warm",
                "--warm-up-notes=2",
                "--time-limit=50");
        String first = readLine(outRead);
        int port = Integer.parseInt(first.substring(5));
        long warmUpNote = NotesSandbox.DEFAULT_FIRST_ID + 3;
        HttpResponse<String> warm = post(port, "warm", List.of(String.valueOf(warmUpNote)));
        assertEquals(200, warm.statusCode(), warm.body());
        assertEquals(
                429, post(port, "warm", List.of(String.valueOf(warmUpNote + 1))).statusCode(), "its window: one");
        // The measured app's window is untouched by the warm-up app's requests.
        HttpResponse<String> measured =
                post(port, NotesSandbox.DEFAULT_ACCESS_TOKEN, List.of(String.valueOf(NotesSandbox.DEFAULT_FIRST_ID)));
        assertEquals(200, measured.statusCode(), measured.body());
        stdin.close();
        String stats = readLine(outRead);
        assertTrue(stats.contains(" updatesApplied=2 ") && stats.contains(" seeded=3 notesWritten=1 "), stats);
        run.get(30, TimeUnit.SECONDS);
    }

    /** The command line on its own thread, reading {@code stdin} and printing to {@code out}. */
    private static CompletableFuture<Void> commandLine(PipedOutputStream stdin, Lines out, String... args)
            throws IOException {
        PipedInputStream in = new PipedInputStream(stdin);
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        return CompletableFuture.runAsync(() -> {
            try {
                SandboxCommandLine.run(args, in, printed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static HttpResponse<String> post(int port, String token, List<String> ids) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + UPDATE))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(updates(ids, "cli")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String readLine(Lines lines) throws InterruptedException {
        String line = lines.queue.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, "no line within 30 s");
        return line;
    }

    /** What the command line prints, line by line, whichever thread prints it. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                queue.add(line.toString(StandardCharsets.UTF_8).strip());
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
