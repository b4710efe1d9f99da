package dev.crmgen.examples.notes;

import dev.crmgen.examples.notes.hubspot.NotesClient;
import dev.crmgen.examples.notes.hubspot.SimplePublicObject;
import dev.crmgen.examples.notes.hubspot.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.batch.BatchStreamSummary;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ForbiddenException;
import dev.crmgen.runtime.error.UnauthorizedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the rows a {@link JobPlan} found pending through the generated client, in passes: each pass streams the rows
 * still pending as batch updates and records every outcome in the journal as it arrives; after a pass stopped by
 * HubSpot's daily limit, it waits for the reset and sends another (with {@code --on-daily-limit wait}). Then it
 * accounts for every CSV row over all runs and writes the failures CSV.
 */
final class JobRun {
    private final Path csv;
    private final Path failuresOut;
    private final int concurrency;
    /** The client-side limit, only to tell. */
    private final int rateLimit;
    /** The unique property the id column holds values of, or null when it holds note ids. */
    private final String idProperty;

    private final NotesBulkUpdate.DailyLimitHandling onDailyLimit;
    private final Progress.Mode progress;
    private final PrintStream out;

    JobRun(
            Path csv,
            Path failuresOut,
            int concurrency,
            int rateLimit,
            String idProperty,
            NotesBulkUpdate.DailyLimitHandling onDailyLimit,
            Progress.Mode progress,
            PrintStream out) {
        this.csv = csv;
        this.failuresOut = failuresOut;
        this.concurrency = concurrency;
        this.rateLimit = rateLimit;
        this.idProperty = idProperty;
        this.onDailyLimit = onDailyLimit;
        this.progress = progress;
        this.out = out;
    }

    /**
     * The account of all runs over the journal, the rows written to the failures CSV, this run's own outcomes (kept
     * only to check them against an embedded sandbox), whether HubSpot refused the credentials (which no row-level
     * fix resolves), and the daily limit that stopped the run, or null.
     */
    record Result(
            Summary summary,
            int failuresWritten,
            List<RowOutcome> thisRun,
            boolean credentialsRefused,
            DailyLimitException dailyLimit) {}

    /** This run's state across passes; listener calls are serialized by the executor, passes by this thread. */
    private static final class Sent {
        final List<RowOutcome> kept;
        long outcomes;
        long dailyLimited;
        boolean refused;

        Sent(boolean keep) {
            kept = keep ? new ArrayList<>() : null;
        }

        void add(RowOutcome o) {
            outcomes++;
            if (RowOutcome.DAILY_LIMIT_CATEGORY.equals(o.category())) {
                dailyLimited++;
            }
            if (kept != null) {
                kept.add(o);
            }
        }
    }

    /**
     * Sends every pending row, keeping this run's outcomes in the result when {@code keep}; {@code ids} is the index
     * of the CSV's ids that the plan's read filled.
     */
    Result apply(JobPlan plan, Journal journal, FirstLines ids, NotesClient client, RetryTally retries, boolean keep)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "Updating %,d notes from %s (%,d rows confirmed by earlier runs in %s), concurrency "
                        + "%d, at most %d requests per 10 s%n",
                plan.toSend(),
                csv,
                plan.confirmedBefore(),
                journal.file(),
                concurrency,
                rateLimit);
        long start = System.nanoTime();
        Sent sent = new Sent(keep);
        DailyLimitException daily = null;
        long batches = 0;
        try (Progress bar = new Progress(progress, (int) Math.min(Integer.MAX_VALUE, plan.toSend()), out)) {
            while (true) {
                bar.startPass(sent.outcomes - sent.dailyLimited);
                Pass pass = sendPass(journal, ids, client, bar, sent);
                batches += (pass.summary().inputs() + 99) / 100;
                daily = pass.dailyLimit();
                if (daily == null
                        || onDailyLimit.mode() == NotesBulkUpdate.DailyLimitMode.EXIT
                        || !waitForReset(daily, bar)) {
                    break;
                }
            }
        } catch (UpdateCsv.BadCsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - start;
        Summary.Tally tally = new Summary.Tally();
        int written;
        try (UpdateCsv.Rows rows = UpdateCsv.Rows.open(csv, ids);
                FailureCsv.Writer failures = new FailureCsv.Writer(
                        failuresOut,
                        rows.header().stream()
                                .filter(c -> !c.equals(UpdateCsv.ID_COLUMN))
                                .toList())) {
            while (rows.hasNext()) {
                RowOutcome o = overAllRuns(rows.next(), journal);
                tally.add(o);
                failures.add(o);
            }
            written = failures.written();
        } catch (UpdateCsv.BadCsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        Summary summary = new Summary(tally, (int) batches, retries.attempts(), retries.retryReasons(), elapsed);
        return new Result(summary, written, keep ? sent.kept : List.of(), sent.refused, daily);
    }

    /** One stream of the rows still pending: its summary and the daily limit that stopped it, or null. */
    private record Pass(BatchStreamSummary summary, DailyLimitException dailyLimit) {}

    private Pass sendPass(Journal journal, FirstLines ids, NotesClient client, Progress bar, Sent sent)
            throws UpdateCsv.BadCsvException {
        BatchOptions options = BatchOptions.builder()
                .concurrency(concurrency)
                .retrySafe(true) // updates are idempotent: resending one whose answer was lost is harmless
                .progress(bar)
                .build();
        DailyLimitException[] daily = {null};
        // Rows taken by the executor and not yet reported: bounded by its window.
        Map<Long, NoteRow> inFlight = new ConcurrentHashMap<>();
        try (UpdateCsv.Rows rows = UpdateCsv.Rows.open(csv, ids)) {
            Iterator<SimplePublicObjectBatchInput> inputs = new Iterator<>() {
                private NoteRow next;
                private long taken;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        NoteRow row = rows.next();
                        if (!JobPlan.pending(row, journal)) {
                            continue;
                        }
                        if (row.sendable()) {
                            next = row;
                        } else {
                            RowOutcome o = RowOutcome.notSent(row);
                            journal.record(List.of(o));
                            synchronized (sent) {
                                sent.add(o);
                            }
                        }
                    }
                    return next != null;
                }

                @Override
                public SimplePublicObjectBatchInput next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    inFlight.put(taken++, next);
                    SimplePublicObjectBatchInput input = input(next);
                    next = null;
                    return input;
                }
            };
            BatchStreamSummary summary = client.batchUpdateAll(inputs, options, settled -> {
                List<RowOutcome> outcomes = new ArrayList<>(settled.size());
                for (BatchReport.Outcome<SimplePublicObjectBatchInput, SimplePublicObject> o : settled) {
                    NoteRow row = inFlight.remove((long) o.index());
                    if (o instanceof BatchReport.Failed<?, ?> f) {
                        sent.refused |= f.exception() instanceof UnauthorizedException
                                || f.exception() instanceof ForbiddenException;
                        if (f.exception() instanceof DailyLimitException d && daily[0] == null) {
                            daily[0] = d;
                        }
                    }
                    outcomes.add(RowOutcome.of(row, o));
                }
                // One transaction per request: a crash loses at most the requests whose outcomes were not yet here.
                journal.record(outcomes);
                synchronized (sent) {
                    outcomes.forEach(sent::add);
                }
            });
            return new Pass(summary, daily[0]);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UpdateCsv.BadCsvException(csv + ": not a readable CSV: " + e.getMessage());
        }
    }

    /** Waits, showing it, until HubSpot's daily quota should have reset; false when interrupted. */
    private boolean waitForReset(DailyLimitException limit, Progress bar) {
        Instant until = limit.resetsAt().orElse(Instant.now().plus(onDailyLimit.recheck()));
        out.printf(
                Locale.ROOT,
                "HubSpot's daily limit was reached; waiting until %s for it to reset " + "(--on-daily-limit wait)%n",
                until);
        Instant cap = Instant.now().plus(Duration.ofHours(25));
        until = until.isAfter(cap) ? cap : until;
        try {
            for (Instant now = Instant.now(); now.isBefore(until); now = Instant.now()) {
                Duration left = Duration.between(now, until);
                bar.waiting(String.format(
                        Locale.ROOT,
                        "daily limit: resuming in %d:%02d:%02d at %s",
                        left.toHours(),
                        left.toMinutesPart(),
                        left.toSecondsPart(),
                        until));
                Thread.sleep(Math.min(1000, Math.max(1, left.toMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        out.println("Resuming after the daily limit's reset");
        return true;
    }

    /** A CSV row's outcome over all runs: what the journal recorded for these values, else not (yet) confirmed. */
    private static RowOutcome overAllRuns(NoteRow row, Journal journal) {
        Journal.Entry e = journal.entry(row.line());
        if (e != null && e.hash().equals(Journal.hash(row))) {
            return new RowOutcome(row, e.status(), e.category(), e.reason());
        }
        return new RowOutcome(row, RowOutcome.Status.UNCONFIRMED, "NOT_SENT", "not sent yet; run again");
    }

    private SimplePublicObjectBatchInput input(NoteRow row) {
        SimplePublicObjectBatchInput.Builder builder =
                SimplePublicObjectBatchInput.builder().id(row.id()).properties(row.properties());
        if (idProperty != null) {
            // Results carry the object id, not the unique value; the echoed trace id is what matches them back.
            builder.idProperty(idProperty).objectWriteTraceId(row.id());
        }
        return builder.build();
    }
}
