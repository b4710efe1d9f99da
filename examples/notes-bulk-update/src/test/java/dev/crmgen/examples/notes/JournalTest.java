package dev.crmgen.examples.notes;

import static dev.crmgen.examples.notes.NotesBulkUpdateTest.number;
import static dev.crmgen.examples.notes.NotesBulkUpdateTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal: resuming, changed CSVs, and files that are not our journal. */
class JournalTest {
    @TempDir
    Path dir;

    private NotesBulkUpdateTest.Run job(NotesSandbox sandbox, Path csv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--base-url",
                sandbox.baseUrl(),
                "--csv",
                csv.toString(),
                "--failures-out",
                dir.resolve("failures.csv").toString(),
                "--progress",
                "none"));
        args.addAll(List.of(more));
        return run(Map.of(NotesBulkUpdate.TOKEN_VARIABLE, sandbox.accessToken()), args.toArray(String[]::new));
    }

    /** Runs one SQL statement on the file and returns the rows it changed. */
    private static int sql(Path journal, String statement) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journal);
                Statement s = db.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    @Test
    void aRerunSendsOnlyRowsNotYetConfirmedAndAccountsForEveryRowOverAllRuns() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path journal = Path.of(csv + NotesBulkUpdate.JOURNAL_SUFFIX);
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(1000).faults(Faults.none()).start()) {
            NotesBulkUpdateTest.Run first = job(sandbox, csv, "--generate-sample", "1000");
            assertEquals(0, first.status(), first.out() + first.err());
            assertTrue(Files.exists(journal), "the journal lies beside the CSV by default");
            long updated = number(first.out(), "updated");
            long failed = number(first.out(), "failed");
            assertEquals(1000, updated + failed);
            // As if the first run died: the outcomes of lines 2..301 never reached the journal, and the answers for
            // lines 302..351 were lost (unconfirmed). Quoted cells span lines, so count the rows that hit.
            int lost = sql(journal, "DELETE FROM row_outcome WHERE line BETWEEN 2 AND 301");
            lost += sql(journal, "UPDATE row_outcome SET status = 'UNCONFIRMED' WHERE line BETWEEN 302 AND 351");
            assertTrue(lost > 250, "rows affected: " + lost);
            long appliedBefore = sandbox.stats().updatesApplied();

            NotesBulkUpdateTest.Run second = job(sandbox, csv);
            assertEquals(0, second.status(), second.out() + second.err());
            assertTrue(second.out().contains("Updating " + lost + " notes"), second.out());
            long resentApplied = sandbox.stats().updatesApplied() - appliedBefore;
            // Rows naming notes that do not exist are sent but not applied.
            assertTrue(
                    resentApplied <= lost && resentApplied >= lost - lost / SampleCsv.UNKNOWN_EVERY - 1,
                    "only the " + lost + " rows were sent: " + resentApplied);
            assertEquals(updated, number(second.out(), "updated"), second.out());
            assertEquals(failed, number(second.out(), "failed"), second.out());
            assertEquals(0, number(second.out(), "unconfirmed"), second.out());
            assertEquals(1000, number(second.out(), "total"), second.out());

            NotesBulkUpdateTest.Run third = job(sandbox, csv);
            assertTrue(third.out().contains("Updating 0 notes"), third.out());
            assertEquals(updated, number(third.out(), "updated"), third.out());
        }
    }

    @Test
    void aChangedRowIsReportedAndNothingIsSentUnlessAccepted() throws Exception {
        Path csv = dir.resolve("updates.csv");
        try (NotesSandbox sandbox =
                NotesSandbox.builder().seed(200).faults(Faults.none()).start()) {
            assertEquals(0, job(sandbox, csv, "--generate-sample", "200").status());
            NoteRow fifth = UpdateCsv.read(csv).get(4);
            String body = fifth.properties().get("hs_note_body");
            String changed = body.replace("spoke with", "wrote to");
            Files.writeString(csv, Files.readString(csv).replace(body, changed));
            long appliedBefore = sandbox.stats().updatesApplied();

            NotesBulkUpdateTest.Run refused = job(sandbox, csv);
            assertEquals(2, refused.status(), refused.out() + refused.err());
            assertTrue(refused.err().contains("1 rows of"), refused.err());
            assertTrue(refused.err().contains("line " + fifth.line() + ": id " + fifth.id()), refused.err());
            assertTrue(refused.err().contains("--accept-changed-rows"), refused.err());
            assertEquals(appliedBefore, sandbox.stats().updatesApplied(), "nothing is sent");

            NotesBulkUpdateTest.Run accepted = job(sandbox, csv, "--accept-changed-rows");
            assertEquals(0, accepted.status(), accepted.out() + accepted.err());
            assertTrue(accepted.out().contains("Updating 1 notes"), accepted.out());
            assertTrue(sandbox.ledger().writes(fifth.id()).stream()
                    .anyMatch(w -> changed.equals(w.properties().get("hs_note_body"))));
            assertEquals(0, job(sandbox, csv).status(), "the journal now records the new values");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path journal = dir.resolve("notes.txt");
        byte[] content = "my notes, not a journal\n".getBytes(StandardCharsets.UTF_8);
        Files.write(journal, content);
        NotesBulkUpdateTest.Run run = run(
                Map.of(),
                "--generate-sample",
                "10",
                "--csv",
                csv.toString(),
                "--journal",
                journal.toString(),
                "--progress",
                "none");
        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("not a SQLite database"), run.err());
        assertArrayEquals(content, Files.readAllBytes(journal));
    }

    @Test
    void aSqliteDatabaseWithoutOurMarkerIsRefusedAndLeftUntouched() throws Exception {
        Path csv = dir.resolve("updates.csv");
        Path journal = dir.resolve("other.db");
        sql(journal, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        sql(journal, "INSERT INTO customers VALUES (1, 'Ada')");
        byte[] before = Files.readAllBytes(journal);
        for (String[] args : List.of(
                new String[] {"--csv", csv.toString()},
                new String[] {"--generate-sample", "10", "--csv", csv.toString()})) {
            List<String> all = new java.util.ArrayList<>(List.of(args));
            all.addAll(List.of("--journal", journal.toString(), "--progress", "none"));
            SampleCsv.write(csv, 10);
            NotesBulkUpdateTest.Run run = run(Map.of(), all.toArray(String[]::new));
            assertEquals(2, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("not a notes-bulk-update journal"), run.err());
            assertArrayEquals(before, Files.readAllBytes(journal));
        }
    }
}
