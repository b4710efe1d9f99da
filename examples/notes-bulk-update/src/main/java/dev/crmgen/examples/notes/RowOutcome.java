package dev.crmgen.examples.notes;

import dev.crmgen.runtime.batch.BatchError;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one CSV row.
 *
 * @param row the row
 * @param status updated, failed or unconfirmed
 * @param category a short reason class such as {@code OBJECT_NOT_FOUND}; null when updated
 * @param reason the message behind it; null when updated
 */
record RowOutcome(NoteRow row, Status status, String category, String reason) {
    enum Status {
        /** HubSpot confirmed the update. */
        UPDATED,
        /** HubSpot rejected it, or it was never sent because the row is unusable. */
        FAILED,
        /** HubSpot neither confirmed nor rejected it: it may or may not have been applied. */
        UNCONFIRMED
    }

    static final String LOCAL_CATEGORY = "INVALID_ROW";
    static final String DAILY_LIMIT_CATEGORY = "DAILY_LIMIT";

    static RowOutcome notSent(NoteRow row) {
        return new RowOutcome(row, Status.FAILED, LOCAL_CATEGORY, row.problem());
    }

    /** The row's outcome as the batch executor reported it. */
    static <I, R> RowOutcome of(NoteRow row, BatchReport.Outcome<I, R> outcome) {
        if (outcome instanceof BatchReport.Succeeded<I, R>) {
            return new RowOutcome(row, Status.UPDATED, null, null);
        } else if (outcome instanceof BatchReport.Failed<I, R> failed) {
            if (failed.exception() instanceof DailyLimitException daily) {
                // Certainly not applied, and sendable again after the reset: not a final failure.
                return new RowOutcome(
                        row,
                        Status.UNCONFIRMED,
                        DAILY_LIMIT_CATEGORY,
                        "not sent: HubSpot's daily limit; run again after the reset (" + daily.getMessage() + ")");
            }
            return failed(row, failed.error(), failed.exception());
        }
        BatchReport.Unconfirmed<I, R> unconfirmed = (BatchReport.Unconfirmed<I, R>) outcome;
        return new RowOutcome(row, Status.UNCONFIRMED, categoryOf(unconfirmed.cause()), unconfirmed.reason());
    }

    /**
     * Pairs the report's outcomes with the rows that were sent: the report lists every input exactly once, by its
     * position in the collection handed to the batch method, which is {@code sent}'s order.
     */
    static <I, R> List<RowOutcome> fromReport(List<NoteRow> sent, BatchReport<I, R> report) {
        if (report.size() != sent.size()) {
            throw new IllegalStateException(
                    "the report covers " + report.size() + " inputs but " + sent.size() + " were sent");
        }
        List<RowOutcome> outcomes = new ArrayList<>(sent.size());
        for (BatchReport.Outcome<I, R> outcome : report.outcomes()) {
            outcomes.add(of(sent.get(outcome.index()), outcome));
        }
        return outcomes;
    }

    private static RowOutcome failed(NoteRow row, BatchError error, RuntimeException exception) {
        if (error != null) {
            return new RowOutcome(
                    row, Status.FAILED, error.category() == null ? "ERROR" : error.category(), error.message());
        }
        return new RowOutcome(
                row, Status.FAILED, categoryOf(exception), exception == null ? null : exception.getMessage());
    }

    private static String categoryOf(Throwable cause) {
        if (cause instanceof ApiException api) {
            if (api.category() != null) {
                return api.category();
            }
            return api.status() == 0 ? "TRANSPORT" : "HTTP_" + api.status();
        }
        return cause == null ? "UNKNOWN" : cause.getClass().getSimpleName();
    }
}
