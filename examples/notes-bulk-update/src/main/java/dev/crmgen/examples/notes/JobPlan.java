package dev.crmgen.examples.notes;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the CSV asks of this run, counted in one pass over it against the journal: its rows, those an earlier run
 * confirmed, those to send (unusable ones included: they are recorded without a request), and those whose values
 * changed since the journal recorded them (the first few kept to show).
 */
record JobPlan(long rows, long confirmedBefore, long toSend, long changed, List<NoteRow> changedShown) {
    /** Changed rows listed one by one before the rest are only counted. */
    private static final int CHANGED_ROWS_SHOWN = 20;

    /** Reads {@code csv} once, filling {@code ids}, and asks the journal about every row. */
    static JobPlan of(Path csv, Journal journal, FirstLines ids) throws UpdateCsv.BadCsvException {
        long rows = 0;
        long confirmedBefore = 0;
        long toSend = 0;
        long changed = 0;
        List<NoteRow> changedShown = new ArrayList<>();
        try (UpdateCsv.Rows csvRows = UpdateCsv.Rows.open(csv, ids)) {
            while (csvRows.hasNext()) {
                NoteRow row = csvRows.next();
                rows++;
                Journal.Entry entry = journal.entry(row.line());
                if (entry != null && entry.confirmed()) {
                    if (entry.hash().equals(Journal.hash(row))) {
                        confirmedBefore++;
                        continue;
                    }
                    if (changed++ < CHANGED_ROWS_SHOWN) {
                        changedShown.add(row);
                    }
                }
                toSend++;
            }
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UpdateCsv.BadCsvException(csv + ": not a readable CSV: " + e.getMessage());
        }
        return new JobPlan(rows, confirmedBefore, toSend, changed, changedShown);
    }

    /** Whether a row still has to go out: no final outcome recorded for these values. */
    static boolean pending(NoteRow row, Journal journal) {
        Journal.Entry entry = journal.entry(row.line());
        return entry == null || !entry.confirmed() || !entry.hash().equals(Journal.hash(row));
    }

    /** Tells which rows of {@code csv} differ from what the journal recorded for their line, and what to do. */
    void printChanged(PrintStream err, Path csv, Journal journal) {
        err.printf(
                Locale.ROOT,
                "notes-bulk-update: %,d rows of %s differ from what %s recorded for their line:%n",
                changed,
                csv,
                journal.file());
        for (NoteRow row : changedShown) {
            Journal.Entry entry = journal.entry(row.line());
            err.printf(
                    Locale.ROOT,
                    "  line %d: id %s, recorded as %s for id %s with other values%n",
                    row.line(),
                    row.id(),
                    entry.status(),
                    entry.id());
        }
        if (changed > CHANGED_ROWS_SHOWN) {
            err.printf(Locale.ROOT, "  ... and %,d more%n", changed - CHANGED_ROWS_SHOWN);
        }
        err.println("notes-bulk-update: nothing was sent. Restore the CSV to resume, pass --accept-changed-rows to "
                + "send the changed rows again, or start over with another --journal.");
    }
}
