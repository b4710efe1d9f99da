package dev.crmgen.examples.notes;

import dev.crmgen.examples.notes.hubspot.NotesClient;
import dev.crmgen.examples.notes.hubspot.SimplePublicObject;
import dev.crmgen.examples.notes.hubspot.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.batch.BatchStreamSummary;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.ForbiddenException;
import dev.crmgen.runtime.error.UnauthorizedException;
import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import dev.crmgen.sandbox.SandboxStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Applies note updates from a CSV through the generated notes client's batch method and accounts for every row.
 *
 * <p>Exit status: 0 when the run completed (rows that failed are in the summary and the failures CSV), 1 when HubSpot
 * refused the access token, the run could not complete, or the embedded sandbox's record of what it applied
 * contradicts the report, 2 for bad usage or an unreadable CSV.
 */
@Command(
        name = "notes-bulk-update",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        version = "notes-bulk-update (crmgen example) 0.1",
        description = {
            "Applies note updates from a CSV (header: id,hs_note_body,... one column per HubSpot property) through "
                    + "HubSpot's batch update API, 100 notes per request, and prints what happened to every row.",
            "Without --base-url it starts an embedded HubSpot sandbox on loopback, seeded with notes, with faults "
                    + "switched on. With --base-url https://api.hubapi.com it uses the access token in "
                    + "HUBSPOT_ACCESS_TOKEN.",
            "An empty cell leaves that property unchanged."
        })
public final class NotesBulkUpdate implements Callable<Integer> {
    static final String TOKEN_VARIABLE = ClientOptions.TOKEN_ENVIRONMENT_VARIABLE;
    private static final Duration SANDBOX_WINDOW = Duration.ofSeconds(10);
    static final String JOURNAL_SUFFIX = ".journal.db";
    /** The exit status of a run that stopped at HubSpot's daily limit; the journal lets the next run resume. */
    static final int DAILY_LIMIT_STATUS = 3;
    /** How long to wait when HubSpot did not say when its daily quota resets, before one request finds out. */
    private static final Duration UNKNOWN_RESET_RECHECK = Duration.ofMinutes(1);
    /** Changed rows listed one by one before the rest are only counted. */
    private static final int CHANGED_ROWS_SHOWN = 20;
    /** Kept strongly reachable: java.util.logging holds loggers weakly, and a collected one forgets its level. */
    private static final Logger RUNTIME_LOG = Logger.getLogger("dev.crmgen.runtime");

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            defaultValue = "notes-updates.csv",
            description = "The updates to apply (default: ${DEFAULT-VALUE}).")
    Path csv;

    @Option(
            names = "--failures-out",
            paramLabel = "FILE",
            defaultValue = "notes-failures.csv",
            description = "Where to write the rows that were not updated, with reasons (default: ${DEFAULT-VALUE}).")
    Path failuresOut;

    @Option(
            names = "--journal",
            paramLabel = "FILE",
            description = "Where every row's confirmed outcome is recorded (SQLite), so that running the same command "
                    + "again resumes: only rows not yet confirmed are sent (default: the CSV's name + "
                    + JOURNAL_SUFFIX + ").")
    Path journalFile;

    @Option(
            names = "--accept-changed-rows",
            description = "Send rows whose values differ from what the journal recorded for their line (without "
                    + "it such a CSV is refused).")
    boolean acceptChangedRows;

    /** What to do when HubSpot's daily limit is reached. */
    enum DailyLimitMode {
        WAIT,
        EXIT
    }

    @Option(
            names = "--on-daily-limit",
            paramLabel = "MODE",
            defaultValue = "exit",
            description = "When HubSpot's daily request limit is reached: exit (status " + DAILY_LIMIT_STATUS
                    + ", with a hint to "
                    + "resume from the journal) or wait for the reset, shown on the progress bar, then go on "
                    + "(default: ${DEFAULT-VALUE}).")
    DailyLimitMode onDailyLimit;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "HubSpot's API, e.g. https://api.hubapi.com (token from " + TOKEN_VARIABLE + "). "
                    + "Default: an embedded sandbox.")
    URI baseUrl;

    @Option(
            names = "--rate-limit",
            paramLabel = "N",
            defaultValue = "190",
            description = "Client-side limit: at most N requests per 10 seconds (default: ${DEFAULT-VALUE}; "
                    + "HubSpot allows 100 or 190 depending on the account).")
    int rateLimit;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Batch requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--id-property",
            paramLabel = "NAME",
            description = "Treat the id column as values of this unique property instead of note ids.")
    String idProperty;

    @Option(
            names = "--generate-sample",
            paramLabel = "ROWS",
            description = "First write a sample of ROWS updates to --csv (ids of the sandbox's seeded notes; every "
                    + SampleCsv.UNKNOWN_EVERY + "th names a missing note). Sandbox only.")
    Integer generateSample;

    @Option(
            names = "--faults",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Sandbox only: inject 5xx answers, dropped connections, lost responses and latency "
                    + "(default: on).")
    boolean faults;

    @Option(
            names = "--fault-seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description = "Sandbox only: the seed that fixes which requests fail (default: ${DEFAULT-VALUE}).")
    long faultSeed;

    @Option(
            names = "--sandbox-rate-limit",
            paramLabel = "N",
            defaultValue = "190",
            description = "Sandbox only: the server's limit per token per 10 seconds (default: ${DEFAULT-VALUE}).")
    int sandboxRateLimit;

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto, bar, lines or none (auto: a bar on a terminal, a line per second otherwise).")
    Progress.Mode progress;

    @Option(names = "--verbose", description = "Log every retry and rate-limit wait of the client.")
    boolean verbose;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    NotesBulkUpdate(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, System.getenv());
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new NotesBulkUpdate(out, err, environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    err.println("notes-bulk-update: " + e);
                    return 1;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        String usage = checkOptions();
        if (usage != null) {
            err.println("notes-bulk-update: " + usage);
            return 2;
        }
        RUNTIME_LOG.setLevel(verbose ? Level.INFO : Level.WARNING);
        Path journalPath = journalFile != null ? journalFile : Path.of(csv + JOURNAL_SUFFIX);
        if (generateSample != null) {
            try {
                // A new sample is a new CSV: the journal of the previous one no longer describes it.
                Journal.discard(journalPath);
            } catch (Journal.JournalException e) {
                err.println("notes-bulk-update: " + e.getMessage());
                return 2;
            }
            SampleCsv.write(csv, generateSample);
            out.printf(
                    Locale.ROOT,
                    "Wrote a sample of %,d updates (%,d naming notes that do not exist) to %s%n",
                    generateSample,
                    SampleCsv.unknownRows(generateSample),
                    csv);
        }
        Journal journal;
        try {
            journal = Journal.open(journalPath);
        } catch (Journal.JournalException e) {
            err.println("notes-bulk-update: " + e.getMessage());
            return 2;
        }
        NotesSandbox sandbox = null;
        try (journal) {
            Plan plan;
            try {
                plan = plan(journal);
            } catch (UpdateCsv.BadCsvException e) {
                err.println("notes-bulk-update: " + e.getMessage());
                return 2;
            }
            if (plan.changed() > 0 && !acceptChangedRows) {
                printChanged(plan, journal);
                return 2;
            }
            RetryTally retries = new RetryTally();
            ClientOptions.Builder options =
                    ClientOptions.builder().listener(retries).requestsPerTenSeconds(rateLimit);
            if (baseUrl == null) {
                sandbox = startSandbox((int) Math.min(Integer.MAX_VALUE, plan.rows()));
                options.baseUrl(sandbox.baseUri()).accessToken(sandbox.accessToken());
            } else {
                String token = environment.get(TOKEN_VARIABLE);
                if (token == null || token.isBlank()) {
                    err.println("notes-bulk-update: set " + TOKEN_VARIABLE + " to a private app access token with the "
                            + "crm.objects.contacts.write scope to use " + baseUrl);
                    return 2;
                }
                options.baseUrl(baseUrl).accessToken(token.trim());
            }
            Run run = apply(plan, journal, new NotesClient(options.build()), retries, sandbox != null);
            run.summary().print(out);
            out.printf(
                    Locale.ROOT,
                    "  rate limit   %,9d  requests held by the client-side limit, %.1f s in all%n",
                    retries.waitedAttempts(),
                    retries.waitNanos() / 1e9);
            int written = run.failuresWritten();
            out.printf(Locale.ROOT, "  failures CSV %,9d  rows written to %s%n", written, failuresOut);
            out.printf(
                    Locale.ROOT,
                    "  journal      run %d over %s; the same command again sends only the rows not "
                            + "yet confirmed%n",
                    journal.run(),
                    journal.file());
            boolean contradicted = false;
            if (sandbox != null) {
                printSandbox(sandbox.stats());
                if (idProperty == null) {
                    SandboxCheck check = SandboxCheck.of(run.thisRun(), sandbox.ledger());
                    check.print(out);
                    contradicted = !check.truthful();
                }
            }
            if (run.credentialsRefused()) {
                err.println("notes-bulk-update: HubSpot refused the access token (401/403); check " + TOKEN_VARIABLE
                        + " and the app's scopes (crm.objects.contacts.write)");
                return 1;
            }
            if (run.dailyLimit() != null) {
                err.println("notes-bulk-update: stopped at HubSpot's daily limit ("
                        + run.dailyLimit()
                                .resetsAt()
                                .map(at -> "it resets at " + at)
                                .orElse("it resets at midnight in the account's time zone")
                        + "). Run the same command after the reset to send the rows not yet confirmed, or pass "
                        + "--on-daily-limit wait.");
                return DAILY_LIMIT_STATUS;
            }
            if (contradicted) {
                err.println("notes-bulk-update: the report contradicts what the sandbox applied (see MISMATCH above)");
                return 1;
            }
            return 0;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private String checkOptions() {
        if (rateLimit < 1 || concurrency < 1 || sandboxRateLimit < 1) {
            return "--rate-limit, --concurrency and --sandbox-rate-limit must be at least 1";
        }
        if (generateSample != null && generateSample < 1) {
            return "--generate-sample needs a positive number of rows";
        }
        if (baseUrl != null && generateSample != null && !isLoopback(baseUrl)) {
            // Sample ids are made up; against a real account they could name real notes and overwrite them.
            return "--generate-sample only works with the embedded sandbox (drop --base-url)";
        }
        return null;
    }

    /** Decided from the URL alone: no name lookup, so a mistyped host cannot reach the network here. */
    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        return host.equalsIgnoreCase("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1");
    }

    private NotesSandbox startSandbox(int notes) {
        Faults chosen = faults
                ? Faults.builder()
                        .serverErrorRate(0.05)
                        .connectionAbortRate(0.02)
                        .lostResponseRate(0.02)
                        .latency(Duration.ofMillis(2), Duration.ofMillis(20))
                        .seed(faultSeed)
                        .build()
                : Faults.none();
        NotesSandbox sandbox = NotesSandbox.builder()
                .seed(Math.max(1, notes))
                .rateLimit(sandboxRateLimit, SANDBOX_WINDOW)
                .faults(chosen)
                .start();
        out.printf(
                Locale.ROOT,
                "Embedded HubSpot sandbox at %s with %,d notes (ids %d..%d), rate limit %d per 10 s, %s%n",
                sandbox.baseUrl(),
                sandbox.noteCount(),
                NotesSandbox.DEFAULT_FIRST_ID,
                NotesSandbox.DEFAULT_FIRST_ID + sandbox.noteCount() - 1,
                sandboxRateLimit,
                faults
                        ? String.format(
                                Locale.ROOT,
                                "faults on (5%% 5xx, 2%% dropped connections, 2%% lost responses, "
                                        + "2-20 ms latency; seed %d)",
                                faultSeed)
                        : "faults off");
        return sandbox;
    }

    /**
     * The account of all runs over the journal, the rows written to the failures CSV, this run's own outcomes (kept
     * only to check them against an embedded sandbox), whether HubSpot refused the credentials (which no row-level
     * fix resolves), and the daily limit that stopped the run, or null.
     */
    private record Run(
            Summary summary,
            int failuresWritten,
            List<RowOutcome> thisRun,
            boolean credentialsRefused,
            DailyLimitException dailyLimit) {}

    /**
     * What the CSV asks of this run, counted in one pass over it: its rows, those an earlier run confirmed, those to
     * send (unusable ones included: they are recorded without a request), and those whose values changed since the
     * journal recorded them (the first few kept to show).
     */
    private record Plan(long rows, long confirmedBefore, long toSend, long changed, List<NoteRow> changedShown) {}

    private Plan plan(Journal journal) throws UpdateCsv.BadCsvException {
        long rows = 0;
        long confirmedBefore = 0;
        long toSend = 0;
        long changed = 0;
        List<NoteRow> changedShown = new ArrayList<>();
        try (UpdateCsv.Rows csvRows = UpdateCsv.Rows.open(csv)) {
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
        return new Plan(rows, confirmedBefore, toSend, changed, changedShown);
    }

    /** Whether a row still has to go out: no final outcome recorded for these values. */
    private static boolean pending(NoteRow row, Journal journal) {
        Journal.Entry entry = journal.entry(row.line());
        return entry == null || !entry.confirmed() || !entry.hash().equals(Journal.hash(row));
    }

    private void printChanged(Plan plan, Journal journal) {
        err.printf(
                Locale.ROOT,
                "notes-bulk-update: %,d rows of %s differ from what %s recorded for their line:%n",
                plan.changed(),
                csv,
                journal.file());
        for (NoteRow row : plan.changedShown()) {
            Journal.Entry entry = journal.entry(row.line());
            err.printf(
                    Locale.ROOT,
                    "  line %d: id %s, recorded as %s for id %s with other values%n",
                    row.line(),
                    row.id(),
                    entry.status(),
                    entry.id());
        }
        if (plan.changed() > CHANGED_ROWS_SHOWN) {
            err.printf(Locale.ROOT, "  ... and %,d more%n", plan.changed() - CHANGED_ROWS_SHOWN);
        }
        err.println("notes-bulk-update: nothing was sent. Restore the CSV to resume, pass --accept-changed-rows to "
                + "send the changed rows again, or start over with another --journal.");
    }

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

    private Run apply(Plan plan, Journal journal, NotesClient client, RetryTally retries, boolean keep)
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
                Pass pass = sendPass(journal, client, bar, sent);
                batches += (pass.summary().inputs() + 99) / 100;
                daily = pass.dailyLimit();
                if (daily == null || onDailyLimit == DailyLimitMode.EXIT || !waitForReset(daily, bar)) {
                    break;
                }
            }
        } catch (UpdateCsv.BadCsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - start;
        Summary.Tally tally = new Summary.Tally();
        int written;
        try (UpdateCsv.Rows rows = UpdateCsv.Rows.open(csv);
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
        return new Run(summary, written, keep ? sent.kept : List.of(), sent.refused, daily);
    }

    /** One stream of the rows still pending: its summary and the daily limit that stopped it, or null. */
    private record Pass(BatchStreamSummary summary, DailyLimitException dailyLimit) {}

    private Pass sendPass(Journal journal, NotesClient client, Progress bar, Sent sent)
            throws UpdateCsv.BadCsvException {
        BatchOptions options = BatchOptions.builder()
                .concurrency(concurrency)
                .retrySafe(true) // updates are idempotent: resending one whose answer was lost is harmless
                .progress(bar)
                .build();
        DailyLimitException[] daily = {null};
        // Rows taken by the executor and not yet reported: bounded by its window.
        Map<Long, NoteRow> inFlight = new ConcurrentHashMap<>();
        try (UpdateCsv.Rows rows = UpdateCsv.Rows.open(csv)) {
            Iterator<SimplePublicObjectBatchInput> inputs = new Iterator<>() {
                private NoteRow next;
                private long taken;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        NoteRow row = rows.next();
                        if (!pending(row, journal)) {
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
                        throw new java.util.NoSuchElementException();
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
        Instant until = limit.resetsAt().orElse(Instant.now().plus(UNKNOWN_RESET_RECHECK));
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

    private void printSandbox(SandboxStats stats) {
        out.printf(
                Locale.ROOT,
                "  sandbox      %,9d  requests served, %,d updates applied; injected %,d 5xx, "
                        + "%,d dropped connections, %,d lost responses; %,d answered 429%n",
                stats.requests(),
                stats.updatesApplied(),
                stats.serverErrorsInjected(),
                stats.connectionsAborted(),
                stats.responsesLost(),
                stats.rateLimited());
    }
}
