package dev.crmgen.it.faults;

import static org.junit.jupiter.api.Assertions.fail;

import dev.crmgen.it.fragment.SimplePublicObject;
import dev.crmgen.it.fragment.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.sandbox.Ledger;
import dev.crmgen.sandbox.NotesSandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a batch-update report against the sandbox's ledger, input by input: the product promises that every input
 * ends as exactly one success, failure or unconfirmed, and that the report tells the truth about what the server
 * applied. Collects every broken promise with a few examples, so one failure message shows all of them.
 */
final class LedgerCheck {
    private static final int EXAMPLES = 3;

    private final NotesSandbox sandbox;
    private final List<SimplePublicObjectBatchInput> inputs;
    private final BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report;
    private final Map<String, List<String>> broken = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private LedgerCheck(
            NotesSandbox sandbox,
            List<SimplePublicObjectBatchInput> inputs,
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report) {
        this.sandbox = sandbox;
        this.inputs = inputs;
        this.report = report;
    }

    /** Checks every promise and fails with all the broken ones. */
    static void assertTruthful(
            NotesSandbox sandbox,
            List<SimplePublicObjectBatchInput> inputs,
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report,
            double maxUnconfirmedShare) {
        LedgerCheck check = new LedgerCheck(sandbox, inputs, report);
        check.eachInputOnce();
        check.outcomesMatchTheLedger();
        check.lastDuplicateWins();
        int unconfirmed = report.unconfirmed().size();
        if (unconfirmed > Math.floor(maxUnconfirmedShare * inputs.size())) {
            check.broke(
                    "more inputs unconfirmed than the " + maxUnconfirmedShare * 100 + " % allowed",
                    unconfirmed + " of " + inputs.size() + ", e.g. "
                            + report.unconfirmed().stream()
                                    .limit(EXAMPLES)
                                    .map(u -> u.input().id() + " (" + u.reason() + ")")
                                    .toList());
        }
        check.failIfBroken();
    }

    private void eachInputOnce() {
        List<BatchReport.Outcome<SimplePublicObjectBatchInput, SimplePublicObject>> outcomes = report.outcomes();
        if (outcomes.size() != inputs.size()) {
            broke(
                    "every input has exactly one outcome",
                    outcomes.size() + " outcomes for " + inputs.size() + " inputs");
        }
        for (int i = 0; i < Math.min(outcomes.size(), inputs.size()); i++) {
            if (outcomes.get(i).index() != i || outcomes.get(i).input() != inputs.get(i)) {
                broke(
                        "outcomes come in input order, one per input",
                        "position " + i + " holds input " + outcomes.get(i).index());
            }
        }
    }

    private void outcomesMatchTheLedger() {
        for (BatchReport.Outcome<SimplePublicObjectBatchInput, SimplePublicObject> outcome : report.outcomes()) {
            SimplePublicObjectBatchInput input = outcome.input();
            String id = input.id();
            long appliedByThisInput = sandbox.ledger().writes(id).stream()
                    .filter(w -> w.properties().equals(input.properties()))
                    .count();
            boolean ambiguous = sandbox.ledger().faultsNaming(id).stream()
                    .anyMatch(f -> f.delivery().ambiguous());
            String example = "input " + outcome.index() + " (note " + id + ")";
            if (outcome instanceof BatchReport.Succeeded<?, ?> && appliedByThisInput == 0) {
                broke("reported succeeded but the server never applied it", example);
            } else if (outcome instanceof BatchReport.Failed<?, ?> failed && appliedByThisInput > 0) {
                broke("reported failed but the server applied it", example + ": " + failed.message());
            } else if (outcome instanceof BatchReport.Unconfirmed<?, ?> unconfirmed && !ambiguous) {
                broke(
                        "reported unconfirmed although every answer about it was clear (no lost, stalled or "
                                + "unreadable response, no 5xx)",
                        example + ": " + unconfirmed.reason());
            }
            if (appliedByThisInput > 1 && !ambiguous) {
                broke(
                        "applied more than once although the server's first answer confirmed it (sent again "
                                + "after a readable answer)",
                        example + " applied " + appliedByThisInput + " times");
            }
        }
    }

    /** For an id updated twice, both reported succeeded: the note ends with the later input's value. */
    private void lastDuplicateWins() {
        Map<String, List<BatchReport.Succeeded<SimplePublicObjectBatchInput, SimplePublicObject>>> byId =
                new LinkedHashMap<>();
        Map<String, Integer> inputsPerId = new LinkedHashMap<>();
        for (SimplePublicObjectBatchInput input : inputs) {
            inputsPerId.merge(input.id(), 1, Integer::sum);
        }
        for (BatchReport.Succeeded<SimplePublicObjectBatchInput, SimplePublicObject> s : report.succeeded()) {
            if (inputsPerId.get(s.input().id()) > 1) {
                byId.computeIfAbsent(s.input().id(), k -> new ArrayList<>()).add(s);
            }
        }
        byId.forEach((id, succeeded) -> {
            if (succeeded.size() == inputsPerId.get(id)) {
                SimplePublicObjectBatchInput last =
                        succeeded.get(succeeded.size() - 1).input();
                List<Ledger.Write> writes = sandbox.ledger().writes(id);
                Map<String, String> finalWrite =
                        writes.isEmpty() ? null : writes.get(writes.size() - 1).properties();
                String body = sandbox.note(id).orElseThrow().property("hs_note_body");
                if (!Objects.equals(finalWrite, last.properties())
                        || !Objects.equals(body, last.properties().get("hs_note_body"))) {
                    broke(
                            "for an id given twice and reported succeeded twice, the note ends with the last "
                                    + "input's value",
                            "note " + id + " ends with '" + body + "', last input wrote '"
                                    + last.properties().get("hs_note_body") + "'");
                }
            }
        });
    }

    private void broke(String promise, String example) {
        counts.merge(promise, 1, Integer::sum);
        List<String> examples = broken.computeIfAbsent(promise, k -> new ArrayList<>());
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    private void failIfBroken() {
        if (broken.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("broken promises (" + report + ", sandbox " + sandbox.stats() + "):");
        broken.forEach((promise, examples) -> message.append("\n  ")
                .append(counts.get(promise))
                .append(" × ")
                .append(promise)
                .append(", e.g. ")
                .append(examples));
        fail(message.toString());
    }
}
