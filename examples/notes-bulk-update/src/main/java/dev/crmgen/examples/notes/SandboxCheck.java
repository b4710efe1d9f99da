package dev.crmgen.examples.notes;

import dev.crmgen.sandbox.Ledger;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The run's row outcomes checked against the embedded sandbox's own record of what it applied: an updated row must
 * have been written with its values, a failed row must not; unconfirmed rows may go either way, and the check says
 * how many were applied.
 *
 * @param updatedNotApplied rows reported updated whose values the sandbox never wrote
 * @param failedButApplied rows reported failed whose values the sandbox wrote
 * @param unconfirmedApplied unconfirmed rows whose values the sandbox wrote
 * @param unconfirmed unconfirmed rows
 */
record SandboxCheck(int updatedNotApplied, int failedButApplied, int unconfirmedApplied, int unconfirmed) {

    /** Checks every outcome; rows name notes by id (not by a unique property). */
    static SandboxCheck of(List<RowOutcome> outcomes, Ledger ledger) {
        int updatedNotApplied = 0;
        int failedButApplied = 0;
        int unconfirmedApplied = 0;
        int unconfirmed = 0;
        for (RowOutcome o : outcomes) {
            boolean applied = ledger.writes(o.row().id()).stream()
                    .anyMatch(w -> w.properties().equals(o.row().properties()));
            switch (o.status()) {
                case UPDATED -> updatedNotApplied += applied ? 0 : 1;
                case FAILED -> failedButApplied += applied ? 1 : 0;
                default -> {
                    unconfirmed++;
                    unconfirmedApplied += applied ? 1 : 0;
                }
            }
        }
        return new SandboxCheck(updatedNotApplied, failedButApplied, unconfirmedApplied, unconfirmed);
    }

    /** Whether the report told the truth about every row the sandbox could judge. */
    boolean truthful() {
        return updatedNotApplied == 0 && failedButApplied == 0;
    }

    void print(PrintStream out) {
        if (truthful()) {
            out.printf(
                    Locale.ROOT,
                    "  checked      against the sandbox's record: every updated row was applied,"
                            + " no failed row was; %,d of %,d unconfirmed rows were applied%n",
                    unconfirmedApplied,
                    unconfirmed);
        } else {
            out.printf(
                    Locale.ROOT,
                    "  MISMATCH     with the sandbox's record: %,d rows reported updated were not"
                            + " applied, %,d rows reported failed were applied%n",
                    updatedNotApplied,
                    failedButApplied);
        }
    }
}
