package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a fake server applied, in the order it applied it: a test's {@link BatchCall} calls {@link #apply} for every
 * input it writes, and {@link #assertAccountedFor} checks a report against it.
 *
 * @param <I> the input type
 */
final class Ledger<I> {
    private final Function<I, String> id;
    private final List<I> applied = new ArrayList<>();

    /** @param id the input's object id, or null for inputs that are never duplicates */
    Ledger(Function<I, String> id) {
        this.id = id;
    }

    /** Records that the server wrote {@code input}. */
    synchronized void apply(I input) {
        applied.add(input);
    }

    /** Every write so far, in server order. */
    synchronized List<I> applied() {
        return List.copyOf(applied);
    }

    /** The writes of one id, in server order. */
    synchronized List<I> appliedFor(String objectId) {
        return applied.stream().filter(in -> objectId.equals(id.apply(in))).toList();
    }

    /**
     * Checks that the report names every input once, in input order, and agrees with what the server did: a
     * succeeded input was applied and no earlier input with its id was applied after it, so the last succeeded
     * occurrence of an id is the server's final value; a failed or unsent input was never applied.
     */
    synchronized <R> void assertAccountedFor(List<I> inputs, BatchReport<I, R> report) {
        assertEquals(inputs.size(), report.size());
        Map<String, Integer> lastSucceeded = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            BatchReport.Outcome<I, R> o = report.outcomes().get(i);
            assertEquals(i, o.index());
            I input = inputs.get(i);
            assertSame(input, o.input());
            int lastWrite = lastIndexOfSame(input);
            if (o instanceof BatchReport.Succeeded) {
                assertTrue(lastWrite >= 0, "reported succeeded but never applied: input " + i);
                String objectId = id.apply(input);
                if (objectId != null) {
                    for (int later = lastWrite + 1; later < applied.size(); later++) {
                        I write = applied.get(later);
                        if (objectId.equals(id.apply(write))) {
                            assertTrue(
                                    indexOfSame(inputs, write) > i,
                                    "input " + i + " succeeded but an earlier input overwrote it on the server");
                        }
                    }
                    lastSucceeded.put(objectId, i);
                }
            } else if (o instanceof BatchReport.Failed || o instanceof BatchReport.Unconfirmed<I, R> u && !u.sent()) {
                assertEquals(-1, lastWrite, "input " + i + " is reported as not applied but was: " + o);
            }
        }
        for (Map.Entry<String, Integer> e : lastSucceeded.entrySet()) {
            List<I> writes = appliedFor(e.getKey());
            I last = writes.get(writes.size() - 1);
            assertFalse(
                    indexOfSame(inputs, last) < e.getValue(),
                    "the server ended with an input older than the last one reported succeeded for " + e.getKey());
        }
    }

    private int lastIndexOfSame(I input) {
        for (int k = applied.size() - 1; k >= 0; k--) {
            if (applied.get(k) == input) {
                return k;
            }
        }
        return -1;
    }

    private static <I> int indexOfSame(List<I> inputs, I input) {
        for (int k = 0; k < inputs.size(); k++) {
            if (inputs.get(k) == input) {
                return k;
            }
        }
        return -1;
    }
}
