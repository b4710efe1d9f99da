package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job killed at random points (after a seeded number of journal rows) against a faulty sandbox in its own
 * process, then run to the end: the sandbox's ledger and the journal agree that every row was applied with its
 * values, or failed because its note does not exist, and the journal reports every row exactly once.
 */
class KillAndResumeTest {
    private static final int ROWS = 20_000;
    private static final int KILLS = 3;
    private static final long SEED = 20261129L;

    @TempDir
    Path dir;

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-cp", CLASS_PATH, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    private static long journalRows(Path journal) {
        if (!Files.exists(journal)) {
            return 0;
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journal);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM row_outcome")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // not created yet, or busy: asked again
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void killedThreeTimesTheJobStillAppliesAndReportsEveryRowExactlyOnce() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path journal = Path.of(csv + NotesBulkUpdate.JOURNAL_SUFFIX);
        SampleCsv.write(csv, ROWS);
        Process sandbox = java(
                        "dev.crmgen.sandbox.LedgerSandbox",
                        Integer.toString(ROWS),
                        "0",
                        "--faults",
                        "7",
                        "--rate-limit",
                        "100000",
                        "--ledger-at-eof")
                .start();
        try {
            BufferedReader sandboxOut =
                    new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            String ready = sandboxOut.readLine();
            assertNotNull(ready, "the sandbox printed nothing");
            Matcher m = Pattern.compile("at (http://\\S+) with .*token: (\\S+)").matcher(ready);
            assertTrue(m.find(), ready);
            String baseUrl = m.group(1);
            String token = m.group(2);
            String[] jobArgs = {
                "--base-url",
                baseUrl,
                "--csv",
                csv.toString(),
                "--progress",
                "none",
                "--failures-out",
                dir.resolve("failures.csv").toString(),
                "--rate-limit",
                "100000",
                "--concurrency",
                "4"
            };

            Random random = new Random(SEED);
            long killAt = 0;
            int killed = 0;
            for (int k = 0; k < KILLS; k++) {
                killAt += 1 + random.nextInt(ROWS / (KILLS + 1));
                Process job = job(jobArgs, token, dir.resolve("job-" + k + ".log"));
                // Polled, not timed: the kill comes once the journal holds killAt rows, or not at all when the job
                // ends first.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (job.isAlive() && journalRows(journal) < killAt && System.nanoTime() < deadline) {
                    job.waitFor(20, TimeUnit.MILLISECONDS);
                }
                if (job.isAlive()) {
                    job.destroyForcibly();
                    killed++;
                }
                assertTrue(job.waitFor(30, TimeUnit.SECONDS));
            }
            assertTrue(killed > 0, "no run was killed part way");

            // Runs to the end; faults may leave a few rows unconfirmed, which a further run sends again.
            String out = "";
            for (int run = 0; run < 4; run++) {
                Path log = dir.resolve("final-" + run + ".log");
                Process job = job(jobArgs, token, log);
                assertTrue(job.waitFor(90, TimeUnit.SECONDS), "the job did not end");
                out = Files.readString(log);
                assertEquals(0, job.exitValue(), out);
                if (NotesBulkUpdateTest.number(out, "unconfirmed") == 0) {
                    break;
                }
            }
            assertEquals(ROWS, NotesBulkUpdateTest.number(out, "total"), out);
            assertEquals(0, NotesBulkUpdateTest.number(out, "unconfirmed"), out);

            sandbox.getOutputStream().close();
            Map<String, List<Map<String, String>>> ledger = ledger(sandboxOut);
            assertTrue(sandbox.waitFor(30, TimeUnit.SECONDS));

            Map<Long, String[]> entries = journal(journal);
            assertEquals(ROWS, entries.size(), "one journal row per CSV row");
            long updated = 0;
            for (NoteRow row : UpdateCsv.read(csv)) {
                String[] entry = entries.get(row.line());
                String where = "line " + row.line() + " (note " + row.id() + ")";
                assertNotNull(entry, where + " is not in the journal");
                assertEquals(row.id(), entry[0], where);
                assertEquals(Journal.hash(row), entry[1], where);
                List<Map<String, String>> writes = ledger.getOrDefault(row.id(), List.of());
                if (entry[2].equals("UPDATED")) {
                    updated++;
                    assertFalse(writes.isEmpty(), where + " is journaled updated but the sandbox never wrote it");
                    assertEquals(row.properties(), writes.get(writes.size() - 1), where + ": last write");
                    assertTrue(writes.stream().allMatch(row.properties()::equals), where + ": only its values");
                } else {
                    assertEquals("FAILED", entry[2], where);
                    assertEquals("OBJECT_NOT_FOUND", entry[3], where);
                    assertTrue(writes.isEmpty(), where + " failed but the sandbox wrote it");
                }
            }
            assertEquals(ROWS - SampleCsv.unknownRows(ROWS), updated);
            assertEquals(updated, NotesBulkUpdateTest.number(out, "updated"), out);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    private static Process job(String[] args, String token, Path log) throws IOException {
        ProcessBuilder builder = java(NotesBulkUpdate.class.getName(), args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(NotesBulkUpdate.TOKEN_VARIABLE, token);
        return builder.start();
    }

    /** Note id → every property map the sandbox wrote for it, in order, as its process printed them. */
    private static Map<String, List<Map<String, String>>> ledger(BufferedReader in) throws IOException {
        Map<String, List<Map<String, String>>> writes = new HashMap<>();
        for (String line = in.readLine(); !"end".equals(line); line = in.readLine()) {
            assertNotNull(line, "the sandbox ended its ledger early");
            String[] parts = line.split(" ", 3);
            Map<String, String> properties = new LinkedHashMap<>();
            for (String pair : parts.length > 2 ? parts[2].split("&") : new String[0]) {
                String[] kv = pair.split("=", 2);
                properties.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            writes.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(properties);
        }
        return writes;
    }

    /** Line → {note id, row hash, status, category}. */
    private static Map<Long, String[]> journal(Path journal) throws SQLException {
        Map<Long, String[]> entries = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journal);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT line, note_id, row_hash, status, category FROM row_outcome")) {
            while (rs.next()) {
                String[] previous = entries.put(
                        rs.getLong(1),
                        new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                assertEquals(null, previous, "line " + rs.getLong(1) + " journaled twice");
            }
        }
        return entries;
    }
}
