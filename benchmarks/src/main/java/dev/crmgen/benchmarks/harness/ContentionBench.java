package dev.crmgen.benchmarks.harness;

import dev.crmgen.benchmarks.crmgen.notes.NotesClient;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObject;
import dev.crmgen.benchmarks.crmgen.notes.SimplePublicObjectBatchInput;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.batch.BatchOptions;
import dev.crmgen.runtime.batch.BatchReport;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.sandbox.NotesSandbox;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The generated client and BatchExecutor at HubSpot's default limit of 190 requests per 10 s when the world pushes
 * back: a bad day of faults, another integration spending half the token's budget, and a fleet of client processes
 * sharing one token with and without the Redis limiter; plus a fault-free run. The sandbox runs in its own process
 * and its ledger checks that every input was written.
 */
final class ContentionBench extends Bench {

    static final String SECTION = "Under contention";
    /**
     * Workers per client. Under faults a worker spends much of its time in retry backoffs; the limiter, not the
     * worker count, keeps the rate, so the bulk runs use 8 so that backoffs do not leave the window unused.
     */
    static final int CONCURRENCY = 8;

    static final int CHUNK = 100;
    static final int LIMIT = RateLimiter.TIER_DEFAULT;
    static final int WINDOW_SECONDS = 10;
    static final int UPDATES = 60_000;
    static final int FLEET_CLIENTS = 4;
    static final int FLEET_SECONDS = 60;
    private static final long CLIENT_DEADLINE_MINUTES = 8;
    private static final long READY_DEADLINE_SECONDS = 120;
    /** A hundred requests: within one window of the warm-up app, enough for both JVMs' compilers to settle. */
    private static final int WARM_UP_UPDATES = 10_000;

    private static final String WARM_UP_TOKEN = "sandbox-warm-up-token";

    ContentionBench(BenchConfig config, Log log) {
        super(config, log);
    }

    /** What one bulk update through a sandbox process gave. */
    private record BulkRun(
            long millis,
            Map<String, Long> stats,
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report) {
        long requests() {
            return stats.get("requests");
        }

        double share429() {
            return requests() == 0 ? 0 : (double) stats.get("rateLimited") / requests();
        }

        long lost() {
            return UPDATES - stats.get("notesWritten");
        }

        boolean complete() {
            return lost() == 0 && report.size() == UPDATES && report.succeeded().size() == UPDATES;
        }
    }

    List<Figure> faultMix() throws Exception {
        BulkRun run = bulk("faults", "--faults=0.15", "--fault-seed=1");
        List<Figure> figures = new ArrayList<>();
        figures.add(rate("contention.faults.rate", "15 % faults: 60,000 updates at 190 per 10 s", run, 1.0, 0.9));
        figures.add(lost("contention.faults.lost", "15 % faults: inputs lost", run));
        return figures;
    }

    List<Figure> competing() throws Exception {
        BulkRun run = bulk("competing", "--competing=0.5");
        List<Figure> figures = new ArrayList<>();
        // What is left is what the tenant did not spend: it aims at half the window, and gets what it wins.
        double tenantPerWindow = run.stats().get("competingAccepted") * WINDOW_SECONDS * 1000.0 / run.millis();
        double left = 1 - tenantPerWindow / LIMIT;
        detail(String.format(
                Locale.ROOT,
                "The other tenant got %.0f requests per 10 s (%.0f%% of the window) while"
                        + " the client ran, so %.0f%% was left for the client.",
                tenantPerWindow,
                100 * (1 - left),
                100 * left));
        figures.add(rate("contention.competing.rate", "another tenant on the token: 60,000 updates", run, left, 0.9));
        figures.add(
                share429("contention.competing.429", "another tenant on the token: requests answered 429", run, 0.02));
        figures.add(lost("contention.competing.lost", "another tenant on the token: inputs lost", run));
        return figures;
    }

    List<Figure> noFaults() throws Exception {
        BulkRun run = bulk("clean");
        List<Figure> figures = new ArrayList<>();
        figures.add(rate("contention.clean.rate", "no faults: 60,000 updates at 190 per 10 s", run, 1.0, 0.98));
        figures.add(Figure.of(
                        "contention.clean.429",
                        SECTION,
                        "no faults: requests answered 429",
                        "generated client + limiter",
                        run.stats().get("rateLimited"),
                        "none",
                        0,
                        "requests",
                        true,
                        run.requests() + " requests")
                .targetAbsolute(run.stats().get("rateLimited") == 0, "no 429"));
        figures.add(lost("contention.clean.lost", "no faults: inputs lost", run));
        return figures;
    }

    /**
     * Warms the client's and the sandbox's JVMs before the clock starts: {@value #WARM_UP_UPDATES} updates of notes
     * seeded after the measured ones, as a second app whose token has a window of its own, so that the measured
     * token starts with an empty window and the ledger's check sees only the measured notes.
     */
    private static void warmUp(SandboxProcess sandbox) {
        NotesClient warmUp = new NotesClient(ClientOptions.builder()
                .accessToken(WARM_UP_TOKEN)
                .baseUrl(sandbox.baseUrl())
                .rateLimiter(RateLimiter.perTenSeconds(LIMIT))
                .build());
        warmUp.batchUpdateAll(
                inputs(UPDATES, WARM_UP_UPDATES, "warm-up"),
                BatchOptions.builder().concurrency(CONCURRENCY).retrySafe(true).build());
    }

    /** The sandbox's counters of the measured run alone; the ledger's check already leaves the warm-up notes out. */
    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> end) {
        Map<String, Long> run = new HashMap<>(end);
        for (String counter : List.of(
                "requests",
                "rateLimited",
                "dailyLimited",
                "rateLimitsInjected",
                "faultsInjected",
                "updatesApplied",
                "competingAccepted",
                "competingRefused")) {
            run.put(counter, end.get(counter) - before.get(counter));
        }
        return run;
    }

    private BulkRun bulk(String name, String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of("--seed=" + UPDATES, "--rate-limit=" + LIMIT));
        all.addAll(List.of(options));
        all.addAll(List.of("--warm-up-token=" + WARM_UP_TOKEN, "--warm-up-notes=" + WARM_UP_UPDATES));
        Files.createDirectories(config.work);
        try (SandboxProcess sandbox = new SandboxProcess(
                config, config.work.resolve("sandbox-" + name + ".log"), all.toArray(String[]::new))) {
            NotesClient client = new NotesClient(ClientOptions.builder()
                    .accessToken(NotesSandbox.DEFAULT_ACCESS_TOKEN)
                    .baseUrl(sandbox.baseUrl())
                    .rateLimiter(RateLimiter.perTenSeconds(LIMIT))
                    .build());
            List<SimplePublicObjectBatchInput> inputs = inputs(0, UPDATES, name);
            warmUp(sandbox);
            Map<String, Long> afterWarmUp = sandbox.stats();
            log.info("contention: " + name + ": " + UPDATES + " updates, sandbox " + String.join(" ", all));
            long start = System.nanoTime();
            BatchReport<SimplePublicObjectBatchInput, SimplePublicObject> report = client.batchUpdateAll(
                    inputs,
                    BatchOptions.builder()
                            .concurrency(CONCURRENCY)
                            .retrySafe(true)
                            .build());
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Long> stats = since(afterWarmUp, sandbox.finish());
            BulkRun run = new BulkRun(millis, stats, report);
            detail(String.format(
                    Locale.ROOT,
                    "`%s` (sandbox `%s`): %,d ms, %,d requests, %,d answered 429 by the"
                            + " window (%.2f%%), %,d 429s injected, %,d faults injected in all; competing tenant: %,d"
                            + " accepted, %,d refused; report: %,d succeeded, %,d failed, %,d unconfirmed;"
                            + " ledger: %,d of"
                            + " %,d notes written, %,d of them more than once (a retry after a lost response).",
                    name,
                    String.join(" ", all),
                    millis,
                    run.requests(),
                    stats.get("rateLimited"),
                    100 * run.share429(),
                    stats.get("rateLimitsInjected"),
                    stats.get("faultsInjected"),
                    stats.get("competingAccepted"),
                    stats.get("competingRefused"),
                    report.succeeded().size(),
                    report.failed().size(),
                    report.unconfirmed().size(),
                    stats.get("notesWritten"),
                    UPDATES,
                    stats.get("notesWrittenMoreThanOnce")));
            return run;
        }
    }

    /**
     * The run's time next to what the allowed rate needs for its 600 requests of 100 inputs: 600 × 10 s / 190 for
     * the whole budget (31.6 s), or over {@code budgetShare} of it.
     */
    private static Figure rate(String id, String name, BulkRun run, double budgetShare, double target) {
        double ideal = (double) UPDATES / CHUNK * WINDOW_SECONDS / (LIMIT * budgetShare);
        double actual = run.millis() / 1000.0;
        return Figure.of(
                        id,
                        SECTION,
                        name,
                        "generated client + BatchExecutor",
                        actual,
                        budgetShare < 1
                                ? String.format(Locale.ROOT, "the allowed rate (the %.0f %% left)", 100 * budgetShare)
                                : "the allowed rate",
                        ideal,
                        "s",
                        true,
                        String.format(
                                Locale.ROOT,
                                "%.1f%% of the allowed rate; %,d requests, %.2f%% answered 429",
                                100 * ideal / actual,
                                run.requests(),
                                100 * run.share429()))
                .targetAdvantage(target, String.format(Locale.ROOT, "≥ %.0f %% of the allowed rate", 100 * target));
    }

    private static Figure share429(String id, String name, BulkRun run, double limit) {
        long rejected = run.stats().get("rateLimited");
        return Figure.of(
                        id,
                        SECTION,
                        name,
                        "generated client + limiter",
                        rejected,
                        String.format(Locale.ROOT, "%.0f %% of its requests", 100 * limit),
                        run.requests() * limit,
                        "requests",
                        true,
                        String.format(Locale.ROOT, "%.2f%% of %,d requests", 100 * run.share429(), run.requests()))
                .targetAbsolute(
                        run.share429() < limit, String.format(Locale.ROOT, "< %.0f %% of requests", 100 * limit));
    }

    private static Figure lost(String id, String name, BulkRun run) {
        return Figure.of(
                        id,
                        SECTION,
                        name,
                        "inputs the ledger shows unwritten",
                        run.lost(),
                        "inputs sent",
                        UPDATES,
                        "inputs",
                        true,
                        "every input reported once and succeeded: "
                                + (run.report().size() == UPDATES
                                        && run.report().succeeded().size() == UPDATES))
                .targetAbsolute(run.complete(), "zero lost, every input once");
    }

    /**
     * Waits until every client process has started and connected (it prints {@link FleetClient#READY}), so that the
     * fleet's 60 s measure its pacing, not the start-up of {@value #FLEET_CLIENTS} JVMs on two cores.
     */
    private void awaitReady(List<Process> clients, String key) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_DEADLINE_SECONDS);
        for (int c = 0; c < clients.size(); c++) {
            Path out = config.work.resolve("fleet-" + key + "-" + c + ".out");
            while (!Files.exists(out) || !Files.readAllLines(out).contains(FleetClient.READY)) {
                if (!clients.get(c).isAlive() || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("fleet client " + c + " did not start; see " + out);
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    /**
     * {@value #FLEET_CLIENTS} client processes bulk-update their own slices through one sandbox process for
     * {@value #FLEET_SECONDS} s (seven windows' worth of inputs), with the Redis limiter or each with its own.
     */
    List<Figure> fleet(boolean redis) throws Exception {
        int total = (FLEET_SECONDS / WINDOW_SECONDS + 1) * LIMIT * CHUNK;
        int slice = total / FLEET_CLIENTS;
        String label = redis ? "Redis limiter" : "own limiter each";
        String key = redis ? "redis" : "local";
        Files.createDirectories(config.work);
        Process redisServer = redis ? startRedis() : null;
        List<Process> clients = new ArrayList<>();
        try (SandboxProcess sandbox = new SandboxProcess(
                config,
                config.work.resolve("sandbox-fleet-" + key + ".log"),
                "--seed=" + total,
                "--rate-limit=" + LIMIT)) {
            String redisUrl = redis ? "redis://127.0.0.1:" + redisPort : "none";
            log.info("contention: fleet of " + FLEET_CLIENTS + " processes, " + label + ", " + total + " updates");
            for (int c = 0; c < FLEET_CLIENTS; c++) {
                Path out = config.work.resolve("fleet-" + key + "-" + c + ".out");
                clients.add(new ProcessBuilder(
                                config.java(),
                                "-Xmx512m",
                                "-cp",
                                config.classPath(),
                                FleetClient.class.getName(),
                                sandbox.baseUrl(),
                                NotesSandbox.DEFAULT_ACCESS_TOKEN,
                                Integer.toString(c * slice),
                                Integer.toString(slice),
                                redisUrl,
                                Integer.toString(LIMIT))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start());
            }
            awaitReady(clients, key);
            long start = System.nanoTime();
            for (Process client : clients) {
                try (Writer go = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    go.write(FleetClient.GO + "\n");
                }
            }
            long untilMark = start + TimeUnit.SECONDS.toNanos(FLEET_SECONDS) - System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, untilMark));
            Map<String, Long> atMark = sandbox.stats();
            long succeeded = 0;
            List<String> done = new ArrayList<>();
            for (int c = 0; c < FLEET_CLIENTS; c++) {
                Process p = clients.get(c);
                if (!p.waitFor(CLIENT_DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
                String line = Files.readAllLines(config.work.resolve("fleet-" + key + "-" + c + ".out")).stream()
                        .filter(l -> l.startsWith("done "))
                        .findFirst()
                        .orElse("no result (exit " + p.exitValue() + ")");
                done.add(line);
                int at = line.indexOf("succeeded=");
                if (at >= 0) {
                    succeeded += Long.parseLong(line.substring(at + 10, line.indexOf(' ', at)));
                }
            }
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Long> end = sandbox.finish();
            long allowed = (long) LIMIT * (FLEET_SECONDS / WINDOW_SECONDS);
            long accepted = atMark.get("requests") - atMark.get("rateLimited");
            long requests = end.get("requests");
            double share = requests == 0 ? 0 : (double) end.get("rateLimited") / requests;
            long lost = total - end.get("notesWritten");
            detail(String.format(
                    Locale.ROOT,
                    "Fleet, %s: %d client JVMs × %,d updates, concurrency %d each, one"
                            + " sandbox process at %d per %d s; the clock starts when every client process has"
                            + " started and says it is ready, and all begin together. First %d s: %,d requests"
                            + " accepted (a perfect fleet gets"
                            + " %,d). Whole run %,d ms: %,d requests, %,d answered 429 (%.2f%%); clients: %s; ledger:"
                            + " %,d of %,d notes written.",
                    label,
                    FLEET_CLIENTS,
                    slice,
                    CONCURRENCY,
                    LIMIT,
                    WINDOW_SECONDS,
                    FLEET_SECONDS,
                    accepted,
                    allowed,
                    totalMillis,
                    requests,
                    end.get("rateLimited"),
                    100 * share,
                    String.join("; ", done),
                    end.get("notesWritten"),
                    total));
            List<Figure> figures = new ArrayList<>();
            Figure rate = Figure.of(
                    "contention.fleet." + key + ".rate",
                    SECTION,
                    "fleet of 4 processes, " + label + ": requests accepted in 60 s",
                    "4 client processes",
                    accepted,
                    "what the limit allows",
                    allowed,
                    "requests",
                    false,
                    String.format(Locale.ROOT, "%.1f%% of the allowed rate", 100.0 * accepted / allowed));
            Figure rejected = Figure.of(
                    "contention.fleet." + key + ".429",
                    SECTION,
                    "fleet, " + label + ": requests answered 429",
                    "4 client processes",
                    end.get("rateLimited"),
                    "1 % of its requests",
                    requests / 100.0,
                    "requests",
                    true,
                    String.format(Locale.ROOT, "%.2f%% of %,d requests", 100 * share, requests));
            Figure lostFigure = Figure.of(
                    "contention.fleet." + key + ".lost",
                    SECTION,
                    "fleet, " + label + ": inputs lost",
                    "inputs the ledger shows unwritten",
                    lost,
                    "inputs sent",
                    total,
                    "inputs",
                    true,
                    "clients report " + succeeded + " succeeded");
            if (redis) {
                rate = rate.targetAdvantage(0.95, "≥ 95 % of the allowed rate");
                rejected = rejected.targetAbsolute(share < 0.01, "< 1 % of requests");
                lostFigure = lostFigure.targetAbsolute(lost == 0 && succeeded == total, "zero lost");
            }
            figures.add(rate);
            figures.add(rejected);
            figures.add(lostFigure);
            return figures;
        } finally {
            clients.forEach(Process::destroyForcibly);
            if (redisServer != null) {
                redisServer.destroy();
                if (!redisServer.waitFor(10, TimeUnit.SECONDS)) {
                    redisServer.destroyForcibly();
                }
            }
        }
    }

    private int redisPort;

    /** A throw-away {@code redis-server} on a free loopback port, without persistence, as the Redis tests use. */
    private Process startRedis() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(config.work.resolve("redis-server.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", redisPort)) {
                return process;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("redis-server did not start on port " + redisPort);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Updates for the seeded notes {@code first .. first + count - 1}. */
    static List<SimplePublicObjectBatchInput> inputs(int first, int count, String run) {
        List<SimplePublicObjectBatchInput> inputs = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            inputs.add(new SimplePublicObjectBatchInput(
                    Long.toString(NotesSandbox.DEFAULT_FIRST_ID + i),
                    null,
                    null,
                    Map.of("hs_note_body", "Benchmark " + run + " update " + i)));
        }
        return inputs;
    }
}
