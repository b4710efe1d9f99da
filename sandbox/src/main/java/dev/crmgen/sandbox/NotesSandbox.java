package dev.crmgen.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * {@code objectWriteTraceId} is echoed; a POST body that is not {@code application/json} gets a 415. Each access token has a rolling-window rate limit (190 requests per 10 s by
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
    /** The unique property every seeded note has a value for ({@code external_note_id-<id>}), for {@code idProperty}. */
    public static final String EXTERNAL_ID_PROPERTY = "external_note_id";

    private static final String NOTES = "/crm/v3/objects/notes";

    static {
        // The JDK server writes headers and body as two segments; with Nagle's algorithm on, every keep-alive
        // response then waits for the client's delayed ACK (~40 ms). The property is read once, when the first
        // JDK HTTP server starts; a value set by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final NoteStore store;
    private final NotesApi api;
    private final Counters counters = new Counters();
    private final Ledger ledger = new Ledger();
    private final Set<String> tokens;
    private final RollingWindowLimiter limiter;
    /** The search endpoints' own limit per token (HubSpot's SECONDLY policy). */
    private final RollingWindowLimiter searchLimiter;

    private final NotesQueries queries;
    private final int rateLimitMax;
    private final long rateLimitWindowMillis;
    /** HubSpot's daily quota per token, or null for none. */
    private final DailyBudget dailyBudget;

    private final Faults faults;
    /** Another integration spending part of the first token's budget, or null. */
    private final CompetingTenant competing;

    /** Per header name the builder asked to record (lower case), the values received, in arrival order. */
    private final Map<String, List<String>> recordedHeaders;

    private final AtomicLong faultSequence = new AtomicLong();
    private final AtomicLong correlationSequence = new AtomicLong();
    private final List<String> seededIds;
    private final URI baseUri;

    private NotesSandbox(Builder b) throws IOException {
        this.store = new NoteStore(b.properties, b.clock, b.firstId);
        this.api = new NotesApi(store, counters, b.maxBatchSize, ledger);
        this.tokens = Set.copyOf(b.tokens.isEmpty() ? Set.of(DEFAULT_ACCESS_TOKEN) : b.tokens);
        this.rateLimitMax = b.rateLimitMax;
        this.rateLimitWindowMillis = b.rateLimitWindow.toMillis();
        this.limiter = new RollingWindowLimiter(rateLimitMax, rateLimitWindowMillis, b.nanoTime);
        this.searchLimiter =
                new RollingWindowLimiter(b.searchRateLimitMax, b.searchRateLimitWindow.toMillis(), b.nanoTime);
        this.queries = new NotesQueries(store, b.repeatingListCursor);
        this.dailyBudget =
                b.dailyLimit == 0 ? null : new DailyBudget(b.dailyLimit, b.dailyLength.toNanos(), b.nanoTime);
        this.faults = b.faults;
        this.recordedHeaders = new LinkedHashMap<>();
        b.recordedHeaders.forEach(name -> recordedHeaders.put(name, new ArrayList<>()));
        this.seededIds = List.copyOf(store.seed(b.seedCount));
        for (Map.Entry<String, Map<String, String>> e : b.puts.entrySet()) {
            store.put(e.getKey(), e.getValue());
        }
        this.executor = Executors.newFixedThreadPool(b.threads, new DaemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        int competingPerWindow = (int) Math.round(b.competingShare * rateLimitMax);
        this.competing = competingPerWindow > 0
                ? new CompetingTenant(
                        limiter,
                        dailyBudget,
                        accessToken(),
                        competingPerWindow,
                        rateLimitWindowMillis * 1_000_000L,
                        counters)
                : null;
        this.baseUri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** A builder with HubSpot's defaults: no notes, one token ({@link #DEFAULT_ACCESS_TOKEN}), 190 per 10 s, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give a client, such as {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        return baseUri.toString();
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
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
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "NotesSandbox[" + baseUri + ", " + store.size() + " notes]";
    }

    // ---- request handling ---------------------------------------------------------------------------------------

    private enum Route {
        UPDATE,
        CREATE,
        READ,
        ARCHIVE,
        GET_ONE,
        LIST,
        SEARCH
    }

    private void handle(HttpExchange exchange) {
        long requestNumber = counters.requests.incrementAndGet();
        recordedHeaders.forEach((name, values) -> {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                synchronized (values) {
                    values.add(value);
                }
            }
        });
        try (exchange) {
            byte[] body = readBody(exchange);
            String correlationId = nextCorrelationId();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Route route = route(method, path);
            if (route == null) {
                counters.rejected.incrementAndGet();
                boolean known = path.startsWith(NOTES + "/batch/") || path.startsWith(NOTES + "/");
                send(
                        exchange,
                        known
                                ? Response.error(
                                        405,
                                        "VALIDATION_ERROR",
                                        "Method " + method + " not allowed on " + path,
                                        correlationId,
                                        null,
                                        null)
                                : Response.error(
                                        404,
                                        "OBJECT_NOT_FOUND",
                                        "Resource not found: " + path,
                                        correlationId,
                                        null,
                                        null));
                return;
            }
            String token = bearerToken(exchange.getRequestHeaders());
            if (token == null || !tokens.contains(token)) {
                counters.unauthorized.incrementAndGet();
                send(exchange, Response.unauthorized(correlationId));
                return;
            }
            Headers headers = exchange.getResponseHeaders();
            RollingWindowLimiter.Decision decision = limiter.acquire(token);
            headers.set("X-HubSpot-RateLimit-Max", Integer.toString(rateLimitMax));
            headers.set("X-HubSpot-RateLimit-Remaining", Integer.toString(decision.remaining()));
            headers.set("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(rateLimitWindowMillis));
            if (!decision.allowed()) {
                counters.rateLimited.incrementAndGet();
                send(exchange, Response.rateLimited(correlationId, nextCorrelationId()));
                return;
            }
            if (dailyBudget != null) {
                DailyBudget.Decision daily = dailyBudget.acquire(token);
                headers.set("X-HubSpot-RateLimit-Daily", Long.toString(dailyBudget.max()));
                headers.set("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(daily.remaining()));
                if (!daily.allowed()) {
                    counters.rateLimited.incrementAndGet();
                    counters.dailyLimited.incrementAndGet();
                    // HubSpot itself sends no Retry-After for the daily limit (it resets at midnight in the account's
                    // time zone), and neither does a sandbox with a whole day; a shorter test day says when it ends,
                    // so that a client can wait for it.
                    if (dailyBudget.dayNanos() < Duration.ofDays(1).toNanos()) {
                        headers.set(
                                "Retry-After",
                                Long.toString(Math.max(1, (daily.resetNanos() + 999_999_999L) / 1_000_000_000L)));
                    }
                    send(exchange, Response.dailyLimit(correlationId));
                    return;
                }
            }
            if (route == Route.SEARCH && !searchLimiter.acquire(token).allowed()) {
                counters.rateLimited.incrementAndGet();
                queries.searchRateLimited.incrementAndGet();
                send(exchange, Response.secondlyLimit(correlationId, nextCorrelationId()));
                return;
            }
            Faults.Plan plan = faults.plan(faultSequence.getAndIncrement());
            if (plan.latencyNanos() > 0) {
                LockSupport.parkNanos(plan.latencyNanos());
            }
            FaultRecorder faulted = new FaultRecorder(route == Route.UPDATE ? body : null, requestNumber);
            switch (plan.kind()) {
                case SERVER_ERROR:
                    counters.serverErrorsInjected.incrementAndGet();
                    faulted.record(Ledger.Delivery.SERVER_ERROR);
                    send(exchange, Response.serverError(plan.status(), correlationId));
                    return;
                case RATE_LIMITED:
                    counters.rateLimitsInjected.incrementAndGet();
                    faulted.record(Ledger.Delivery.RATE_LIMITED);
                    retryAfter(plan.variant()).ifPresent(value -> headers.set("Retry-After", value));
                    send(
                            exchange,
                            Response.tenSecondlyLimit(correlationId, "groupName", "sandbox-app-" + tokens.size()));
                    return;
                case ABORT:
                    counters.connectionsAborted.incrementAndGet();
                    faulted.record(Ledger.Delivery.ABORTED);
                    return; // closing an exchange that sent no headers closes the connection
                default:
                    break;
            }
            NotesApi.Refusal refusal = plan.kind() == Faults.Kind.PARTIAL_FAILURE
                    ? REFUSALS[plan.variant() % REFUSALS.length]
                    : NotesApi.Refusal.NONE;
            Response response = serve(route, exchange, body, correlationId, requestNumber, refusal);
            if (response.status() >= 400) {
                counters.rejected.incrementAndGet();
            }
            switch (plan.kind()) {
                case LOST_RESPONSE:
                    counters.responsesLost.incrementAndGet();
                    faulted.record(Ledger.Delivery.RESPONSE_LOST);
                    return;
                case STALLED_BODY:
                    counters.bodiesStalled.incrementAndGet();
                    faulted.record(Ledger.Delivery.BODY_STALLED);
                    stall(exchange, response);
                    return;
                case TRICKLING_BODY:
                    counters.bodiesTrickled.incrementAndGet();
                    faulted.record(Ledger.Delivery.BODY_TRICKLED);
                    trickle(exchange, response);
                    return;
                default:
                    send(exchange, response);
            }
        } catch (IOException e) {
            // The client went away; nothing left to answer.
        } catch (RuntimeException e) {
            // A sandbox bug must still surface as an answer, not as a silently dropped connection.
            try {
                send(
                        exchange,
                        Response.error(
                                500, "INTERNAL_ERROR", "sandbox failure: " + e, nextCorrelationId(), null, null));
            } catch (IOException | RuntimeException ignored) {
                // Headers were already sent; the connection closes with the exchange.
            }
        }
    }

    private static final NotesApi.Refusal[] REFUSALS = {
        NotesApi.Refusal.BARE,
        NotesApi.Refusal.EMPTY_SUBCATEGORY,
        NotesApi.Refusal.CONTEXT_IN_DETAIL_TEXT,
        NotesApi.Refusal.CONTEXT_AS_TEXT
    };

    /** Records a faulted batch update in the ledger with the ids its body names. */
    private final class FaultRecorder {
        private final byte[] updateBody;
        private final long request;

        FaultRecorder(byte[] updateBody, long request) {
            this.updateBody = updateBody;
            this.request = request;
        }

        void record(Ledger.Delivery how) {
            if (updateBody == null) {
                return;
            }
            List<String> ids;
            try {
                ids = NotesApi.namedIds(JsonTree.parse(updateBody));
            } catch (JsonTree.InvalidJson e) {
                ids = List.of();
            }
            ledger.recordFault(request, how, ids);
        }
    }

    /** In turn: whole seconds, an HTTP date (one to two seconds ahead, as it is rounded down), or no header. */
    private static Optional<String> retryAfter(int variant) {
        switch (variant % Faults.RETRY_AFTER_STYLES) {
            case 0:
                return Optional.of("1");
            case 1:
                return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)));
            default:
                return Optional.empty();
        }
    }

    /**
     * Status, headers and half the body, then silence. The sandbox ends the silence itself after the stall cutoff
     * so that a client without a deadline cannot hold a handler thread for ever; returning closes the exchange
     * with the body unfinished, which closes the connection.
     */
    private void stall(HttpExchange exchange, Response response) throws IOException {
        if (sendInPieces(exchange, response, 2, 1, 0)) {
            try {
                Thread.sleep(faults.stallCutoff().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The whole body in eight pieces, spread over the trickle time. */
    private void trickle(HttpExchange exchange, Response response) throws IOException {
        if (sendInPieces(exchange, response, 8, 8, faults.trickleTime().toNanos() / 7)) {
            exchange.getResponseBody().close();
        }
    }

    /**
     * Sends headers and the first {@code sent} of {@code pieces} equal pieces of the body, pausing between pieces;
     * a body too short to split is sent whole at once. Returns whether it was split.
     */
    private static boolean sendInPieces(HttpExchange exchange, Response response, int pieces, int sent, long pauseNanos)
            throws IOException {
        byte[] body = response.body();
        if (body.length < pieces) {
            send(exchange, response);
            return false;
        }
        startBody(exchange, response);
        OutputStream out = exchange.getResponseBody();
        for (int piece = 0; piece < sent; piece++) {
            if (piece > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
            int from = body.length * piece / pieces;
            out.write(body, from, body.length * (piece + 1) / pieces - from);
            out.flush();
        }
        return true;
    }

    private Response serve(
            Route route,
            HttpExchange exchange,
            byte[] body,
            String correlationId,
            long request,
            NotesApi.Refusal refusal) {
        if (route == Route.GET_ONE) {
            String path = exchange.getRequestURI().getRawPath();
            String id = URLDecoder.decode(path.substring(NOTES.length() + 1), StandardCharsets.UTF_8);
            return api.getNote(id, queryValues(exchange.getRequestURI().getRawQuery(), "properties"), correlationId);
        }
        if (route == Route.LIST) {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String name : List.of("limit", "after", "archived", "properties")) {
                params.put(name, queryValues(query, name));
            }
            return queries.list(params, baseUri + NOTES, correlationId);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Response.error(
                    415,
                    "VALIDATION_ERROR",
                    "Unsupported Media Type: send the body as application/json, not "
                            + (contentType == null ? "without a Content-Type" : contentType),
                    correlationId,
                    null,
                    null);
        }
        try {
            Object tree = JsonTree.parse(body);
            switch (route) {
                case UPDATE:
                    return api.batchUpdate(tree, correlationId, request, refusal);
                case CREATE:
                    return api.batchCreate(tree, correlationId);
                case READ:
                    return api.batchRead(tree, correlationId);
                case SEARCH:
                    return queries.search(tree, correlationId);
                default:
                    return api.batchArchive(tree, correlationId);
            }
        } catch (JsonTree.InvalidJson e) {
            return Response.validation(e.getMessage(), correlationId);
        } catch (NotesApi.Rejected e) {
            return e.response;
        }
    }

    private static Route route(String method, String path) {
        if (method.equals("POST")) {
            switch (path) {
                case NOTES + "/batch/update":
                    return Route.UPDATE;
                case NOTES + "/batch/create":
                    return Route.CREATE;
                case NOTES + "/batch/read":
                    return Route.READ;
                case NOTES + "/batch/archive":
                    return Route.ARCHIVE;
                case NOTES + "/search":
                    return Route.SEARCH;
                default:
                    return null;
            }
        }
        if (method.equals("GET") && path.equals(NOTES)) {
            return Route.LIST;
        }
        if (method.equals("GET")
                && path.startsWith(NOTES + "/")
                && path.indexOf('/', NOTES.length() + 1) < 0
                && path.length() > NOTES.length() + 1) {
            return Route.GET_ONE;
        }
        return null;
    }

    /** {@code properties=a,b&properties=c} → [a, b, c], as HubSpot reads list query parameters. */
    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                for (String v : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                        .split(",")) {
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
        }
        return values;
    }

    private static String bearerToken(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void startBody(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), response.body().length);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        // -1 announces "no body"; 0 would mean chunked in this server's API.
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Unique per sandbox and reproducible: version-4-shaped UUIDs from a counter. */
    private String nextCorrelationId() {
        return new UUID(0x5a4db0c5_0000_4000L, 0x8000_0000_0000_0000L | correlationSequence.incrementAndGet())
                .toString();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "notes-sandbox-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
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
