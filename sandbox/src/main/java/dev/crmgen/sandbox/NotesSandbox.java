package dev.crmgen.sandbox;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * An in-process HubSpot notes API on loopback, for tests and demos without a HubSpot account.
 *
 * <pre>{@code
 * try (NotesSandbox sandbox = NotesSandbox.builder().seed(1_000).start()) {
 *     // point a client at sandbox.baseUrl() with sandbox.accessToken()
 * }
 * }</pre>
 *
 * <p>It serves {@code POST /crm/v3/objects/notes/batch/update}, {@code batch/create}, {@code batch/read},
 * {@code batch/archive}, {@code GET /crm/v3/objects/notes/{id}}, the list {@code GET /crm/v3/objects/notes} (cursor
 * {@code after}, {@code limit} up to 100, {@code properties}, {@code archived}) and the search
 * {@code POST /crm/v3/objects/notes/search} ({@code filterGroups} with EQ, NEQ, GT, GTE, LT, LTE and
 * (NOT_)HAS_PROPERTY, {@code sorts}, {@code after}, {@code limit} up to 200, {@code total}, a 400 for a page at or
 * past the 10,000th result, and its own per-second limit) with HubSpot's semantics and error bodies:
 * a bearer token is required (401 {@code INVALID_AUTHENTICATION}); more than 100 inputs is a 400
 * {@code VALIDATION_ERROR}; unknown or archived ids give a 207 whose {@code OBJECT_NOT_FOUND} error lists them in
 * {@code context.ids}; unknown, read-only or ill-typed properties reject the batch with HubSpot's
 * "Property values were not valid" 400; {@code idProperty} looks notes up by a unique property;
 * {@code objectWriteTraceId} is echoed; a POST body that is not {@code application/json} gets a 415. Each access
 * token has a rolling-window rate limit (190 requests per 10 s by
 * default) answered with HubSpot's 429 body, and every response to an authenticated request carries
 * {@code X-HubSpot-RateLimit-Max}, {@code -Remaining} and {@code -Interval-Milliseconds}. {@link Faults} inject
 * 5xx answers, 429s, dropped connections, lost, stalled and trickling responses, 207s in HubSpot's documented shapes
 * and latency, reproducibly from a seed. {@link #ledger()} records every write a batch update applied.
 */
public final class NotesSandbox implements AutoCloseable {
    /** The access token accepted when the builder names none. Not a secret: it only opens this sandbox. */
    public static final String DEFAULT_ACCESS_TOKEN = "sandbox-token";
    /** The id of the first seeded note; later notes count up from it. */
    public static final long DEFAULT_FIRST_ID = 50_000_000_001L;
    /**
     * The unique property every seeded note has a value for ({@code external_note_id-<id>}), for {@code idProperty}.
     */
    public static final String EXTERNAL_ID_PROPERTY = "external_note_id";

    static {
        // The JDK server writes headers and body as two segments; with Nagle's algorithm on, every keep-alive
        // response then waits for the client's delayed ACK (~40 ms). The property is read once, when the first
        // JDK HTTP server starts; a value set by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxServer server;
    private final NoteStore store;
    private final NotesQueries queries;
    private final Counters counters = new Counters();
    private final Ledger ledger = new Ledger();
    private final Set<String> tokens;
    /** Another integration spending part of the first token's budget, or null. */
    private final CompetingTenant competing;

    /** Per header name the builder asked to record (lower case), the values received, in arrival order. */
    private final Map<String, List<String>> recordedHeaders = new LinkedHashMap<>();

    private final List<String> seededIds;

    private NotesSandbox(Builder b) throws IOException {
        this.store = new NoteStore(b.properties, b.clock, b.firstId);
        NotesApi api = new NotesApi(store, counters, b.maxBatchSize, ledger);
        this.tokens = Set.copyOf(b.tokens.isEmpty() ? Set.of(DEFAULT_ACCESS_TOKEN) : b.tokens);
        this.queries = new NotesQueries(store, b.repeatingListCursor);
        CorrelationIds correlationIds = new CorrelationIds();
        RateLimits limits = new RateLimits(
                b.rateLimitMax,
                b.rateLimitWindow,
                b.searchRateLimitMax,
                b.searchRateLimitWindow,
                b.dailyLimit,
                b.dailyLength,
                b.nanoTime,
                counters,
                queries.searchRateLimited,
                correlationIds);
        FaultInjector faults = new FaultInjector(b.faults, counters, ledger, "sandbox-app-" + tokens.size());
        this.seededIds = List.copyOf(store.seed(b.seedCount));
        for (Map.Entry<String, Map<String, String>> e : b.puts.entrySet()) {
            store.put(e.getKey(), e.getValue());
        }
        this.server = new SandboxServer(b.port, b.threads);
        NotesRoutes routes = new NotesRoutes(api, queries, server.baseUri() + NotesRoutes.NOTES);
        b.recordedHeaders.forEach(name -> recordedHeaders.put(name, new ArrayList<>()));
        RequestHandler handler = new RequestHandler(routes, tokens, limits, faults, counters, correlationIds);
        server.start(exchange -> {
            recordHeaders(exchange.getRequestHeaders());
            handler.handle(exchange);
        });
        this.competing = limits.competingTenant(accessToken(), b.competingShare);
    }

    /**
     * A builder with HubSpot's defaults: no notes, one token ({@link #DEFAULT_ACCESS_TOKEN}), 190 per 10 s, no
     * faults.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give a client, such as {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        return server.baseUri().toString();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.baseUri().getPort();
    }

    /** An accepted access token (the first one configured). */
    public String accessToken() {
        return tokens.contains(DEFAULT_ACCESS_TOKEN)
                ? DEFAULT_ACCESS_TOKEN
                : tokens.iterator().next();
    }

    /** The ids of the notes the builder seeded, in order. */
    public List<String> seededIds() {
        return seededIds;
    }

    /** Seeds {@code count} more notes and returns their ids. */
    public List<String> seed(int count) {
        return store.seed(count);
    }

    /** Inserts or replaces a note under {@code id}; property names must be defined and writable. */
    public Note put(String id, Map<String, String> properties) {
        return store.put(id, properties);
    }

    /** The note with this id, archived or not. */
    public Optional<Note> note(String id) {
        return Optional.ofNullable(store.get(id));
    }

    /** How many notes the store holds, archived ones included. */
    public int noteCount() {
        return store.size();
    }

    /** The counters so far. */
    public SandboxStats stats() {
        return counters.snapshot();
    }

    /** Requests of the competing tenant that the token's rolling window accepted (none without one). */
    public long competingAccepted() {
        return counters.competingAccepted.get();
    }

    /** Requests of the competing tenant that were refused (window full or daily budget spent). */
    public long competingRefused() {
        return counters.competingRefused.get();
    }

    /** Requests answered 429 with HubSpot's {@code DAILY} policy (also counted in {@link SandboxStats#rateLimited}). */
    public long dailyLimited() {
        return counters.dailyLimited.get();
    }

    /** Pages of {@code GET /crm/v3/objects/notes} served. */
    public long listPagesServed() {
        return queries.listPages.get();
    }

    /** Pages of {@code POST /crm/v3/objects/notes/search} served (refused ones not included). */
    public long searchPagesServed() {
        return queries.searchPages.get();
    }

    /** Searches answered 429 with HubSpot's {@code SECONDLY} policy (also counted in {@code stats().rateLimited()}). */
    public long searchRateLimited() {
        return queries.searchRateLimited.get();
    }

    /**
     * The values of header {@code name} (one the builder {@linkplain Builder#recordHeader recorded}) on every request
     * received that carried it, in arrival order.
     */
    public List<String> headersReceived(String name) {
        List<String> values = recordedHeaders.get(name.toLowerCase(Locale.ROOT));
        if (values == null) {
            throw new IllegalArgumentException("header '" + name + "' is not recorded: Builder.recordHeader(name)");
        }
        synchronized (values) {
            return List.copyOf(values);
        }
    }

    private void recordHeaders(Headers headers) {
        recordedHeaders.forEach((name, values) -> {
            String value = headers.getFirst(name);
            if (value != null) {
                synchronized (values) {
                    values.add(value);
                }
            }
        });
    }

    /** The record of every batch-update write applied and of every batch update that met a fault. */
    public Ledger ledger() {
        return ledger;
    }

    /** Stops the server at once; requests in flight are cut off. */
    @Override
    public void close() {
        if (competing != null) {
            competing.close();
        }
        server.close();
    }

    @Override
    public String toString() {
        return "NotesSandbox[" + server.baseUri() + ", " + store.size() + " notes]";
    }

    // ---- configuration ------------------------------------------------------------------------------------------

    /** The note properties a fresh sandbox defines, mirroring HubSpot's notes object plus one unique property. */
    public static List<NoteProperty> defaultProperties() {
        return List.of(
                NoteProperty.string("hs_note_body"),
                new NoteProperty("hs_timestamp", NoteProperty.Type.DATETIME, false, false),
                new NoteProperty("hubspot_owner_id", NoteProperty.Type.NUMBER, false, false),
                NoteProperty.string("hs_attachment_ids"),
                NoteProperty.uniqueString(EXTERNAL_ID_PROPERTY),
                new NoteProperty(NoteStore.OBJECT_ID, NoteProperty.Type.NUMBER, true, false),
                new NoteProperty(NoteStore.CREATE_DATE, NoteProperty.Type.DATETIME, true, false),
                new NoteProperty(NoteStore.LAST_MODIFIED, NoteProperty.Type.DATETIME, true, false),
                new NoteProperty("hs_body_preview", NoteProperty.Type.STRING, true, false));
    }

    /** Configures and starts a {@link NotesSandbox}. */
    public static final class Builder {
        private final Set<String> tokens = new LinkedHashSet<>();
        private final Set<String> recordedHeaders = new LinkedHashSet<>();
        private final Map<String, NoteProperty> properties = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> puts = new LinkedHashMap<>();
        private int seedCount;
        private int rateLimitMax = 190;
        private long dailyLimit;
        private Duration dailyLength = Duration.ofDays(1);
        private Duration rateLimitWindow = Duration.ofSeconds(10);
        private int searchRateLimitMax = 5;
        private boolean repeatingListCursor;
        private Duration searchRateLimitWindow = Duration.ofSeconds(1);
        private Faults faults = Faults.none();
        private double competingShare;
        private int threads = 32;
        private int maxBatchSize = 100;
        private int port;
        private long firstId = DEFAULT_FIRST_ID;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
            for (NoteProperty p : defaultProperties()) {
                properties.put(p.name(), p);
            }
        }

        /** Accepts this bearer token (call again for more; each has its own rate-limit window). */
        public Builder accessToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("an access token must not be blank");
            }
            tokens.add(token);
            return this;
        }

        /** Keeps the value of header {@code name} of every request that carries it ({@link #headersReceived}). */
        public Builder recordHeader(String name) {
            recordedHeaders.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        /** Seeds {@code count} notes with ids from {@link #firstId(long)} on. */
        public Builder seed(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("seed count must be >= 0: " + count);
            }
            this.seedCount = count;
            return this;
        }

        /** The id of the first seeded note (default {@link #DEFAULT_FIRST_ID}). */
        public Builder firstId(long firstId) {
            if (firstId < 1) {
                throw new IllegalArgumentException("ids are positive: " + firstId);
            }
            this.firstId = firstId;
            return this;
        }

        /** Adds a note under a chosen id (after seeding). */
        public Builder put(String id, Map<String, String> noteProperties) {
            puts.put(Objects.requireNonNull(id, "id"), Map.copyOf(noteProperties));
            return this;
        }

        /** Defines one more property (or replaces a default one of the same name). */
        public Builder property(NoteProperty property) {
            properties.put(property.name(), property);
            return this;
        }

        /** At most {@code max} requests per token in any {@code window} (default 190 per 10 s). */
        public Builder rateLimit(int max, Duration window) {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("rate limit needs max >= 1 and a positive window");
            }
            this.rateLimitMax = max;
            this.rateLimitWindow = window;
            return this;
        }

        /**
         * The search endpoints' own limit: at most {@code max} searches per token in any {@code window} (default
         * HubSpot's documented 5 per second), answered with HubSpot's 429 of policy {@code SECONDLY}. Searches
         * count in the general window as well.
         */
        public Builder searchRateLimit(int max, Duration window) {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("search rate limit needs max >= 1 and a positive window");
            }
            this.searchRateLimitMax = max;
            this.searchRateLimitWindow = window;
            return this;
        }

        /**
         * A server bug: from the second page on, the list answers {@code paging.next.after} with the cursor it was
         * asked for, so a client that follows cursors blindly reads the same page forever (default off).
         */
        public Builder repeatingListCursor() {
            this.repeatingListCursor = true;
            return this;
        }

        /**
         * HubSpot's daily quota: at most {@code max} requests per token per {@code day} (default: none). Past it, every
         * request gets HubSpot's daily 429 ({@code "policyName":"DAILY"}) until the day ends; every response carries
         * {@code X-HubSpot-RateLimit-Daily} and {@code -Daily-Remaining}. A short day lets tests see the reset.
         */
        public Builder dailyLimit(long max, Duration day) {
            if (max < 1 || day.isNegative() || day.isZero()) {
                throw new IllegalArgumentException("daily limit needs max >= 1 and a positive day");
            }
            this.dailyLimit = max;
            this.dailyLength = day;
            return this;
        }

        /**
         * HubSpot's daily budget per token: responses carry {@code X-HubSpot-RateLimit-Daily} and
         * {@code -Daily-Remaining}, and once it is spent every request is answered 429 with policy {@code DAILY}
         * (default: no daily limit and no daily headers).
         */
        public Builder dailyLimit(long requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("daily limit must be >= 0 (0: none): " + requests);
            }
            return requests == 0 ? this : dailyLimit(requests, Duration.ofDays(1));
        }

        /**
         * Another integration spends {@code share} of the first token's rolling-window budget, evenly spaced, from
         * inside the sandbox (default 0: none). Its requests count in the token's window like the client's.
         */
        public Builder competingShare(double share) {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("competing share must be in [0, 1): " + share);
            }
            this.competingShare = share;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Handler threads: the most requests served at once (default 32). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The most inputs one batch may carry (HubSpot: 100). */
        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("maxBatchSize must be >= 1: " + maxBatchSize);
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock for timestamps (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The monotonic time source of the rate limiter, in nanoseconds (default {@link System#nanoTime()}). */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** Binds the server and starts serving. */
        public NotesSandbox start() {
            try {
                return new NotesSandbox(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the notes sandbox on loopback port " + port, e);
            }
        }
    }

    /**
     * Runs a sandbox as its own process. Options: {@code --port=N} (0 picks one), {@code --seed=N} notes,
     * {@code --rate-limit=N} requests per {@code --window-ms=N}, {@code --faults=SHARE} (a {@link Faults#mixed} bad
     * day), {@code --fault-seed=N}, {@code --competing=SHARE} of the budget spent by another tenant,
     * {@code --daily-limit=N}, {@code --time-limit=SECONDS}. Prints {@code port N} first; a {@code stats} line on
     * stdin prints a {@code stats} line (see {@link SandboxCommandLine}); stops on stdin EOF or after the time limit,
     * printing the final stats.
     */
    public static void main(String[] args) throws IOException {
        SandboxCommandLine.run(args, System.in, System.out);
    }
}
