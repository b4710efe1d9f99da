package dev.crmgen.examples.notes;

import static dev.crmgen.examples.notes.NotesBulkUpdateTest.number;
import static dev.crmgen.examples.notes.NotesBulkUpdateTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.sandbox.Faults;
import dev.crmgen.sandbox.NotesSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HubSpot's daily request limit: the job exits with a resume hint, or waits for the reset and finishes. */
class DailyLimitTest {
    private static final int ROWS = 1500;
    /** Requests per sandbox "day": the 15 requests of the job need three days. */
    private static final int DAILY_REQUESTS = 5;

    @TempDir
    Path dir;

    /** A sandbox whose day is short, with a token of its own (the client's daily-limit gate is per token). */
    private static NotesSandbox sandbox(Duration day) {
        return NotesSandbox.builder()
                .seed(ROWS)
                .faults(Faults.none())
                .accessToken("pat-na1-" + UUID.randomUUID())
                .dailyLimit(DAILY_REQUESTS, day)
                .start();
    }

    private NotesBulkUpdateTest.Run job(NotesSandbox sandbox, String... more) {
        String[] args = {
            "--base-url",
            sandbox.baseUrl(),
            "--csv",
            dir.resolve("updates.csv").toString(),
            "--failures-out",
            dir.resolve("failures.csv").toString(),
            "--progress",
            "lines",
            "--concurrency",
            "1"
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(Map.of(NotesBulkUpdate.TOKEN_VARIABLE, sandbox.accessToken()), all);
    }

    @Test
    void byDefaultTheJobStopsAtTheLimitWithAResumeHintAndTheNextRunGoesOn() {
        try (NotesSandbox sandbox = sandbox(Duration.ofHours(1))) {
            NotesBulkUpdateTest.Run first = job(sandbox, "--generate-sample", Integer.toString(ROWS));
            assertEquals(NotesBulkUpdate.DAILY_LIMIT_STATUS, first.status(), first.out() + first.err());
            assertTrue(
                    first.err().contains("daily limit") && first.err().contains("Run the same command"), first.err());
            long updated = number(first.out(), "updated");
            long failed = number(first.out(), "failed");
            assertEquals(DAILY_REQUESTS * 100, updated + failed, "five requests got through:\n" + first.out());
            assertEquals(ROWS - DAILY_REQUESTS * 100, number(first.out(), "unconfirmed"), first.out());
            assertTrue(first.out().contains("DAILY_LIMIT"), "the rows held back say why:\n" + first.out());
            assertEquals(updated, sandbox.stats().updatesApplied(), "what the sandbox applied is what was reported");
            assertEquals(
                    0,
                    sandbox.dailyLimited(),
                    "the day's last success said Daily-Remaining: 0, so no request was sent just to earn the 429");

            NotesBulkUpdateTest.Run second = job(sandbox);
            assertEquals(NotesBulkUpdate.DAILY_LIMIT_STATUS, second.status(), "the day has not ended yet");
            assertTrue(
                    second.out()
                            .contains(String.format(Locale.ROOT, "Updating %,d notes", ROWS - DAILY_REQUESTS * 100)),
                    second.out());
            assertEquals(updated, number(second.out(), "updated"), "nothing more got through:\n" + second.out());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void waitingForTheResetShowsItAndFinishesTheJob() {
        try (NotesSandbox sandbox = sandbox(Duration.ofSeconds(2))) {
            NotesBulkUpdateTest.Run run = job(
                    sandbox,
                    "--generate-sample",
                    Integer.toString(ROWS),
                    "--on-daily-limit",
                    "wait",
                    // The day's last request says Daily-Remaining: 0 without a reset time: check each second.
                    "--daily-limit-recheck",
                    "1");
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("waiting until"), run.out());
            assertTrue(run.out().contains("Resuming after the daily limit's reset"), run.out());
            assertEquals(ROWS, number(run.out(), "updated") + number(run.out(), "failed"), run.out());
            assertEquals(SampleCsv.unknownRows(ROWS), number(run.out(), "failed"), run.out());
            assertEquals(0, number(run.out(), "unconfirmed"), run.out());
            assertEquals(ROWS - SampleCsv.unknownRows(ROWS), sandbox.stats().updatesApplied());
        }
    }
}
