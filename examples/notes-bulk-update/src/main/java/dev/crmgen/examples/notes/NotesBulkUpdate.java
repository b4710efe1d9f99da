package dev.crmgen.examples.notes;

import dev.crmgen.examples.notes.hubspot.NotesClient;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.sandbox.NotesSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
    static final String JOURNAL_SUFFIX = ".journal.db";
    /** The exit status of a run that stopped at HubSpot's daily limit; the journal lets the next run resume. */
    static final int DAILY_LIMIT_STATUS = 3;
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
            names = "--daily-limit-recheck",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "When HubSpot does not say when its daily quota resets (it resets at midnight in the "
                    + "account's time zone), wait this long before one request checks again (default: "
                    + "${DEFAULT-VALUE}).")
    int dailyLimitRecheckSeconds;

    /** What the job does at the daily limit, and how often it checks for the reset when the time is unknown. */
    record DailyLimitHandling(DailyLimitMode mode, Duration recheck) {}

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
        // The CSV's ids, indexed by the plan's read and reused by the later ones.
        try (journal;
                FirstLines ids = FirstLines.open()) {
            JobPlan plan;
            try {
                plan = JobPlan.of(csv, journal, ids);
            } catch (UpdateCsv.BadCsvException e) {
                err.println("notes-bulk-update: " + e.getMessage());
                return 2;
            }
            if (plan.changed() > 0 && !acceptChangedRows) {
                plan.printChanged(err, csv, journal);
                return 2;
            }
            RetryTally retries = new RetryTally();
            ClientOptions.Builder options =
                    ClientOptions.builder().listener(retries).requestsPerTenSeconds(rateLimit);
            Duration recheck = Duration.ofSeconds(Math.max(1, dailyLimitRecheckSeconds));
            options.dailyLimitRecheck(recheck);
            if (baseUrl == null) {
                sandbox = EmbeddedSandbox.start(
                        (int) Math.min(Integer.MAX_VALUE, plan.rows()), faults, faultSeed, sandboxRateLimit, out);
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
            JobRun.Result run = new JobRun(
                            csv,
                            failuresOut,
                            concurrency,
                            rateLimit,
                            idProperty,
                            new DailyLimitHandling(onDailyLimit, recheck),
                            progress,
                            out)
                    .apply(plan, journal, ids, new NotesClient(options.build()), retries, sandbox != null);
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
                EmbeddedSandbox.printStats(sandbox.stats(), out);
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
}
