package dev.crmgen.examples.notes;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run's account: every row ends up updated, failed or unconfirmed, and the three add up to the total.
 *
 * @param tally the rows counted by outcome, with reasons
 * @param batches batch requests the rows needed (without resends)
 * @param attempts HTTP requests actually sent, resends and retries included
 * @param retryReasons responses and errors that led to retries: "429" → count, "5xx" → count, "no response" → count
 * @param elapsedNanos wall time of the update phase
 */
record Summary(Tally tally, int batches, int attempts, Map<String, Long> retryReasons, long elapsedNanos) {
    private static final int REASONS_SHOWN = 8;

    /** The account of the given outcomes, one per CSV row. */
    Summary(List<RowOutcome> outcomes, int batches, int attempts, Map<String, Long> retryReasons, long elapsedNanos) {
        this(Tally.of(outcomes), batches, attempts, retryReasons, elapsedNanos);
    }

    /**
     * Counts of rows by outcome, and of non-updated rows by category and message; memory grows with the kinds of
     * reasons, not with the rows.
     */
    static final class Tally {
        private final Map<RowOutcome.Status, Long> counts = new EnumMap<>(RowOutcome.Status.class);
        private final Map<RowOutcome.Status, Map<String, Long>> reasons = new EnumMap<>(RowOutcome.Status.class);

        static Tally of(List<RowOutcome> outcomes) {
            Tally tally = new Tally();
            outcomes.forEach(tally::add);
            return tally;
        }

        void add(RowOutcome o) {
            counts.merge(o.status(), 1L, Long::sum);
            if (o.status() != RowOutcome.Status.UPDATED) {
                reasons.computeIfAbsent(o.status(), s -> new LinkedHashMap<>())
                        .merge(o.category() + "  " + shorten(o.reason()), 1L, Long::sum);
            }
        }
    }

    long total() {
        return tally.counts.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(RowOutcome.Status status) {
        return tally.counts.getOrDefault(status, 0L);
    }

    /** HTTP requests beyond one per batch. */
    int retried() {
        return Math.max(0, attempts - batches);
    }

    double notesPerSecond() {
        return elapsedNanos <= 0 ? 0 : count(RowOutcome.Status.UPDATED) * 1e9 / elapsedNanos;
    }

    /** Non-updated rows grouped by status, category and message, most frequent first. */
    Map<String, Long> reasons(RowOutcome.Status status) {
        Map<String, Long> counts = tally.reasons.getOrDefault(status, Map.of());
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String shorten(String reason) {
        if (reason == null) {
            return "(no message)";
        }
        String oneLine = reason.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 110 ? oneLine.substring(0, 107) + "..." : oneLine;
    }

    void print(PrintStream out) {
        long updated = count(RowOutcome.Status.UPDATED);
        long failed = count(RowOutcome.Status.FAILED);
        long unconfirmed = count(RowOutcome.Status.UNCONFIRMED);
        out.println();
        out.println("Summary");
        out.printf(Locale.ROOT, "  updated      %,9d%n", updated);
        out.printf(Locale.ROOT, "  failed       %,9d%n", failed);
        printReasons(out, reasons(RowOutcome.Status.FAILED));
        out.printf(
                Locale.ROOT,
                "  unconfirmed  %,9d%s%n",
                unconfirmed,
                unconfirmed == 0
                        ? ""
                        : "  (may or may not have been applied; safe to run again: updates are idempotent)");
        printReasons(out, reasons(RowOutcome.Status.UNCONFIRMED));
        out.printf(Locale.ROOT, "  total        %,9d%n", total());
        String why = retryReasons.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf(
                Locale.ROOT,
                "  retried      %,9d  HTTP requests (%,d sent for %,d batches)%s%n",
                retried(),
                attempts,
                batches,
                why.isEmpty() ? "" : "; responses that led to retries: " + why);
        out.printf(Locale.ROOT, "  throughput   %,9.0f  notes/s (%.1f s)%n", notesPerSecond(), elapsedNanos / 1e9);
    }

    private static void printReasons(PrintStream out, Map<String, Long> reasons) {
        int shown = 0;
        for (Map.Entry<String, Long> e : reasons.entrySet()) {
            if (shown++ == REASONS_SHOWN) {
                out.printf(
                        Locale.ROOT,
                        "      ... and %d more kinds (see the failures CSV)%n",
                        reasons.size() - REASONS_SHOWN);
                break;
            }
            out.printf(Locale.ROOT, "    %,7d  %s%n", e.getValue(), e.getKey());
        }
    }

    static Comparator<RowOutcome> byLine() {
        return Comparator.comparingLong(o -> o.row().line());
    }
}
