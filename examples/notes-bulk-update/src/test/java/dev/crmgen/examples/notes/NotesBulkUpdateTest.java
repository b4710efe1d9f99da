package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesBulkUpdateTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = NotesBulkUpdate.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static long number(String text, String label) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +([0-9,]+)")
                .matcher(text);
        assertTrue(m.find(), "no '" + label + "' line in:\n" + text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    @Test
    void sampleThroughTheFaultySandboxReportsWhatTheSandboxApplied() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path failures = dir.resolve("failures.csv");
        Run run = run(
                Map.of(),
                "--generate-sample",
                "3000",
                "--csv",
                csv.toString(),
                "--failures-out",
                failures.toString(),
                "--progress",
                "lines",
                "--concurrency",
                "6");

        assertEquals(0, run.status(), run.out() + run.err());
        String out = run.out();
        assertTrue(out.contains("faults on"), out);
        assertTrue(out.contains("checked      against the sandbox's record: every updated row was applied"), out);
        assertEquals(SampleCsv.unknownRows(3000), number(out, "failed"), out);
        assertTrue(number(out, "retried") > 0, "with faults on some requests are retried:\n" + out);
        Matcher sent = Pattern.compile("\\(([0-9,]+) sent for").matcher(out);
        assertTrue(sent.find(), out);
        assertEquals(
                number(out, "sandbox"),
                Long.parseLong(sent.group(1).replace(",", "")),
                "the client's listener heard of every request the sandbox served:\n" + out);
        assertTrue(out.contains("Updating notes"), "progress lines are printed:\n" + out);
    }

    /** Every row's outcome, as the summary and failures CSV tell it, against the sandbox's own record. */
    @Test
    void everyRowsOutcomeMatchesTheSandboxsLedger() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path failures = dir.resolve("failures.csv");
        Faults faults = Faults.builder()
                .serverErrorRate(0.05)
                .connectionAbortRate(0.02)
                .lostResponseRate(0.03)
                .seed(17)
                .build();
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(3000).faults(faults).start()) {
            Run run = run(
                    Map.of(NotesBulkUpdate.TOKEN_VARIABLE, sandbox.accessToken()),
                    "--base-url",
                    sandbox.baseUrl(),
                    "--generate-sample",
                    "3000",
                    "--csv",
                    csv.toString(),
                    "--failures-out",
                    failures.toString(),
                    "--progress",
                    "none",
                    "--concurrency",
                    "4");
            assertEquals(0, run.status(), run.out() + run.err());

            Map<String, CSVRecord> notUpdated = new HashMap<>();
            for (CSVRecord r : records(failures)) {
                notUpdated.put(r.get("line"), r);
            }
            long updated = 0;
            for (NoteRow row : UpdateCsv.read(csv)) {
                CSVRecord outcome = notUpdated.get(Long.toString(row.line()));
                boolean applied = sandbox.ledger().writes(row.id()).stream()
                        .anyMatch(w -> w.properties().equals(row.properties()));
                String where = "line " + row.line() + " (note " + row.id() + ")";
                if (outcome == null) {
                    updated++;
                    assertTrue(applied, where + " is reported updated but the sandbox never applied it");
                } else if (outcome.get("outcome").equals("FAILED")) {
                    assertFalse(applied, where + " is reported failed but the sandbox applied it");
                    assertEquals("OBJECT_NOT_FOUND", outcome.get("category"), where);
                } else {
                    assertTrue(
                            sandbox.ledger().faultsNaming(row.id()).stream()
                                    .anyMatch(f -> f.delivery().ambiguous()),
                            where + " is reported unconfirmed but every answer about it was clear");
                }
            }
            assertEquals(updated, number(run.out(), "updated"), run.out());
        }
    }

    @Test
    void runsAgainstAnyBaseUrlWithTheTokenFromTheEnvironment() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Files.writeString(
                csv,
                "id,hs_note_body\n"
                        + NotesSandbox.DEFAULT_FIRST_ID + ",\"Renewal confirmed, see \"\"terms\"\"\"\n"
                        + "424242,missing\n"
                        + ",no id\n");
        Faults lossy = Faults.builder()
                .lostResponseRate(0.5)
                .latency(Duration.ofMillis(1))
                .seed(3)
                .build();
        try (NotesSandbox sandbox = NotesSandbox.builder()
                .seed(5)
                .accessToken("env-token")
                .faults(lossy)
                .start()) {
            Path failures = dir.resolve("failures.csv");
            Run run = run(
                    Map.of(NotesBulkUpdate.TOKEN_VARIABLE, "env-token"),
                    "--base-url",
                    sandbox.baseUrl(),
                    "--csv",
                    csv.toString(),
                    "--failures-out",
                    failures.toString(),
                    "--progress",
                    "none");

            assertEquals(0, run.status(), run.out() + run.err());
            assertEquals(1, number(run.out(), "updated"), run.out());
            assertEquals(2, number(run.out(), "failed"), run.out());
            assertEquals(
                    "Renewal confirmed, see \"terms\"",
                    sandbox.note(Long.toString(NotesSandbox.DEFAULT_FIRST_ID))
                            .orElseThrow()
                            .property("hs_note_body"));
            assertEquals(
                    List.of("424242", ""),
                    records(failures).stream().map(r -> r.get("id")).toList());
            assertTrue(
                    !run.out().contains("env-token") && !run.err().contains("env-token"), "the token is never printed");
        }
    }

    @Test
    void rowsWhoseRequestsNeverGetAnAnswerAreUnconfirmed() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Files.writeString(
                csv,
                "id,hs_note_body\n" + NotesSandbox.DEFAULT_FIRST_ID + ",a\n" + (NotesSandbox.DEFAULT_FIRST_ID + 1)
                        + ",b\n");
        Faults dead = Faults.builder().connectionAbortRate(1.0).build();
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(2).faults(dead).start()) {
            Path failures = dir.resolve("failures.csv");
            Run run = run(
                    Map.of(NotesBulkUpdate.TOKEN_VARIABLE, sandbox.accessToken()),
                    "--base-url",
                    sandbox.baseUrl(),
                    "--csv",
                    csv.toString(),
                    "--failures-out",
                    failures.toString(),
                    "--progress",
                    "none");

            assertEquals(0, run.status(), run.out() + run.err());
            assertEquals(0, number(run.out(), "updated"), run.out());
            assertEquals(2, number(run.out(), "unconfirmed"), run.out());
            assertEquals(2, number(run.out(), "total"), run.out());
            assertTrue(number(run.out(), "retried") >= 1, run.out());
            assertEquals(
                    List.of("UNCONFIRMED", "UNCONFIRMED"),
                    records(failures).stream().map(r -> r.get("outcome")).toList());
            assertEquals(0, sandbox.ledger().writeCount(), "no write reached the sandbox");
        }
    }

    @Test
    void idPropertyAddressesNotesByAUniqueValue() throws Exception {
        String id = Long.toString(NotesSandbox.DEFAULT_FIRST_ID + 1);
        Path csv = dir.resolve("updates.csv");
        Files.writeString(
                csv, "id,hs_note_body\n" + NotesSandbox.EXTERNAL_ID_PROPERTY + "-" + id + ",by unique value\n");
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(3).start()) {
            Run run = run(
                    Map.of(NotesBulkUpdate.TOKEN_VARIABLE, sandbox.accessToken()),
                    "--base-url",
                    sandbox.baseUrl(),
                    "--id-property",
                    NotesSandbox.EXTERNAL_ID_PROPERTY,
                    "--csv",
                    csv.toString(),
                    "--failures-out",
                    dir.resolve("f.csv").toString(),
                    "--progress",
                    "none");

            assertEquals(0, run.status(), run.out() + run.err());
            assertEquals(1, number(run.out(), "updated"), run.out());
            assertEquals("by unique value", sandbox.note(id).orElseThrow().property("hs_note_body"));
        }
    }

    @Test
    void aRefusedTokenEndsWithStatus1() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Files.writeString(csv, "id,hs_note_body\n" + NotesSandbox.DEFAULT_FIRST_ID + ",a\n");
        try (NotesSandbox sandbox = NotesSandbox.builder().seed(1).start()) {
            Run run = run(
                    Map.of(NotesBulkUpdate.TOKEN_VARIABLE, "revoked-token"),
                    "--base-url",
                    sandbox.baseUrl(),
                    "--csv",
                    csv.toString(),
                    "--failures-out",
                    dir.resolve("f.csv").toString(),
                    "--progress",
                    "none");

            assertEquals(1, run.status(), run.out() + run.err());
            assertEquals(1, number(run.out(), "failed"), run.out());
            assertTrue(run.out().contains("INVALID_AUTHENTICATION"), run.out());
            assertTrue(run.err().contains("HubSpot refused the access token"), run.err());
            assertTrue(!run.out().contains("revoked-token") && !run.err().contains("revoked-token"));
        }
    }

    @Test
    void explainsBadUsage() throws Exception {
        Run noToken = run(
                Map.of(),
                "--base-url",
                "https://api.hubapi.com",
                "--csv",
                dir.resolve("x.csv").toString());
        Files.writeString(dir.resolve("x.csv"), "id,hs_note_body\n1,a\n");
        Run noTokenWithFile = run(
                Map.of(),
                "--base-url",
                "https://api.hubapi.com",
                "--csv",
                dir.resolve("x.csv").toString());
        assertEquals(2, noTokenWithFile.status());
        assertTrue(noTokenWithFile.err().contains("set HUBSPOT_ACCESS_TOKEN"), noTokenWithFile.err());
        assertEquals(2, noToken.status(), "a missing file is reported before any network use");
        assertTrue(noToken.err().contains("no such file"), noToken.err());

        Run sampleAgainstRealApi = run(Map.of(), "--base-url", "https://api.hubapi.com", "--generate-sample", "10");
        assertEquals(2, sampleAgainstRealApi.status());
        assertTrue(
                sampleAgainstRealApi.err().contains("only works with the embedded sandbox"),
                sampleAgainstRealApi.err());

        Run badNumber = run(Map.of(), "--concurrency", "many");
        assertEquals(2, badNumber.status());
        assertTrue(badNumber.err().contains("--concurrency"), badNumber.err());

        Run help = run(Map.of(), "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--generate-sample=ROWS"), help.out());
    }
}
