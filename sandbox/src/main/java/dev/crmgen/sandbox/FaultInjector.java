package dev.crmgen.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the {@link Faults} on the requests that passed the token and the limits, in the order they arrive, and
 * records every faulted batch update in the {@link Ledger}.
 */
final class FaultInjector {
    private static final NotesApi.Refusal[] REFUSALS = {
        NotesApi.Refusal.BARE,
        NotesApi.Refusal.EMPTY_SUBCATEGORY,
        NotesApi.Refusal.CONTEXT_IN_DETAIL_TEXT,
        NotesApi.Refusal.CONTEXT_AS_TEXT
    };

    private final Faults faults;
    private final Counters counters;
    private final Ledger ledger;
    /** The {@code groupName} of injected ten-secondly 429s. */
    private final String rateLimitGroup;

    private final AtomicLong faultSequence = new AtomicLong();

    FaultInjector(Faults faults, Counters counters, Ledger ledger, String rateLimitGroup) {
        this.faults = faults;
        this.counters = counters;
        this.ledger = ledger;
        this.rateLimitGroup = rateLimitGroup;
    }

    /**
     * The fate of the next request, after its added latency has passed. {@code updateBody} is the body of a batch
     * update (whose ids a fault is recorded with), null for any other request.
     */
    Fate next(byte[] updateBody, long request) {
        Faults.Plan plan = faults.plan(faultSequence.getAndIncrement());
        if (plan.latencyNanos() > 0) {
            LockSupport.parkNanos(plan.latencyNanos());
        }
        return new Fate(plan, updateBody, request);
    }

    /** What happens to one request: before processing, to what it asks, and to its answer. */
    final class Fate {
        private final Faults.Plan plan;
        private final byte[] updateBody;
        private final long request;

        private Fate(Faults.Plan plan, byte[] updateBody, long request) {
            this.plan = plan;
            this.updateBody = updateBody;
            this.request = request;
        }

        /** Answers 5xx or 429, or drops the connection, when the plan says so before processing; true if it did. */
        boolean preempt(HttpExchange exchange, String correlationId) throws IOException {
            switch (plan.kind()) {
                case SERVER_ERROR:
                    counters.serverErrorsInjected.incrementAndGet();
                    record(Ledger.Delivery.SERVER_ERROR);
                    SandboxServer.send(exchange, Response.serverError(plan.status(), correlationId));
                    return true;
                case RATE_LIMITED:
                    counters.rateLimitsInjected.incrementAndGet();
                    record(Ledger.Delivery.RATE_LIMITED);
                    retryAfter(plan.variant())
                            .ifPresent(value -> exchange.getResponseHeaders().set("Retry-After", value));
                    SandboxServer.send(exchange, Response.tenSecondlyLimit(correlationId, "groupName", rateLimitGroup));
                    return true;
                case ABORT:
                    counters.connectionsAborted.incrementAndGet();
                    record(Ledger.Delivery.ABORTED);
                    return true; // closing an exchange that sent no headers closes the connection
                default:
                    return false;
            }
        }

        /** How a batch update refuses one input on purpose (a partial failure), or {@code NONE}. */
        NotesApi.Refusal refusal() {
            return plan.kind() == Faults.Kind.PARTIAL_FAILURE
                    ? REFUSALS[plan.variant() % REFUSALS.length]
                    : NotesApi.Refusal.NONE;
        }

        /** Sends the processed answer as the plan says: lost, stalled, trickling, or whole. */
        void deliver(HttpExchange exchange, Response response) throws IOException {
            switch (plan.kind()) {
                case LOST_RESPONSE:
                    counters.responsesLost.incrementAndGet();
                    record(Ledger.Delivery.RESPONSE_LOST);
                    return;
                case STALLED_BODY:
                    counters.bodiesStalled.incrementAndGet();
                    record(Ledger.Delivery.BODY_STALLED);
                    stall(exchange, response);
                    return;
                case TRICKLING_BODY:
                    counters.bodiesTrickled.incrementAndGet();
                    record(Ledger.Delivery.BODY_TRICKLED);
                    trickle(exchange, response);
                    return;
                default:
                    SandboxServer.send(exchange, response);
            }
        }

        /** Records a faulted batch update in the ledger with the ids its body names. */
        private void record(Ledger.Delivery how) {
            if (updateBody == null) {
                return;
            }
            List<String> ids;
            try {
                ids = BatchInputs.namedIds(JsonTree.parse(updateBody));
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
            SandboxServer.send(exchange, response);
            return false;
        }
        SandboxServer.startBody(exchange, response);
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
}
