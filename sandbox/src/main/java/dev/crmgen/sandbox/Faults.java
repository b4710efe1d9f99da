package dev.crmgen.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Faults the sandbox injects into API requests that passed authentication and the rate limit.
 *
 * <p>Deterministic: the fate of the n-th such request depends only on {@code seed} and n, so for a given seed the
 * same numbered requests fail the same way on every run (which payload is the n-th depends on how concurrent clients
 * interleave).
 *
 * @param serverErrorRate share of requests answered with a 5xx before any processing: 500 and 503 with HubSpot's
 *     JSON error body, 502 and 504 with an HTML gateway page, as HubSpot's edge sends them
 * @param connectionAbortRate share of requests whose connection is closed without a response, before processing
 * @param lostResponseRate share of requests that are fully processed (the writes happen) and whose connection is
 *     then closed without a response: the ambiguous failure that only an idempotent retry resolves
 * @param stalledBodyRate share of requests that are processed, answered with status, headers and the first half of
 *     the body, and then left silent until the client gives up or {@code stallCutoff} passes, when the sandbox
 *     closes the connection (the writes happened)
 * @param tricklingBodyRate share of requests that are processed and whose whole body is then sent in eight pieces
 *     spread over {@code trickleTime}
 * @param rateLimitRate share of requests answered 429 before processing with HubSpot's ten-secondly body; in turn
 *     the {@code Retry-After} header is one second, an HTTP date one to two seconds ahead, or absent
 * @param partialFailureRate share of batch updates that apply every input but one (the first whose note this
 *     sandbox never wrote) and answer 207 with that input's error in one of the shapes HubSpot's documentation shows,
 *     in turn: an entry without {@code links} or {@code errors}; {@code "subCategory":{}} with links and errors; an
 *     empty {@code context} whose detail carries its context as a string; {@code context} itself as a string. The
 *     last two name the input only in text, so a client cannot tell which input failed
 * @param minLatency least added delay per request
 * @param maxLatency most added delay per request (uniform between the two)
 * @param stallCutoff how long a stalled body stays silent before the sandbox closes the connection itself, so a
 *     stall never holds a handler thread for longer
 * @param trickleTime how long a trickling body takes from its first to its last piece
 * @param seed the seed that fixes which requests fail
 */
public record Faults(
        double serverErrorRate,
        double connectionAbortRate,
        double lostResponseRate,
        double stalledBodyRate,
        double tricklingBodyRate,
        double rateLimitRate,
        double partialFailureRate,
        Duration minLatency,
        Duration maxLatency,
        Duration stallCutoff,
        Duration trickleTime,
        long seed) {
    private static final Faults NONE = builder().seed(0).build();
    /** Retry-After styles of injected 429s, chosen in turn by the plan's variant. */
    static final int RETRY_AFTER_STYLES = 3;
    /** 207 error shapes of partial failures, chosen in turn by the plan's variant. */
    static final int PARTIAL_FAILURE_SHAPES = 4;

    public Faults {
        double total = 0;
        for (double rate : new double[] {
            serverErrorRate,
            connectionAbortRate,
            lostResponseRate,
            stalledBodyRate,
            tricklingBodyRate,
            rateLimitRate,
            partialFailureRate
        }) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be between 0 and 1, got " + rate);
            }
            total += rate;
        }
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        Objects.requireNonNull(minLatency, "minLatency");
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= minLatency <= maxLatency, got " + minLatency + " and " + maxLatency);
        }
        if (stallCutoff.isNegative() || trickleTime.isNegative()) {
            throw new IllegalArgumentException("stallCutoff and trickleTime must not be negative");
        }
    }

    /** No faults and no added latency. */
    public static Faults none() {
        return NONE;
    }

    /**
     * A bad day of {@code share} faulty requests in HubSpot's usual proportions: a third 429s (Retry-After in
     * seconds, as an HTTP date, or absent, in turn), a third 5xx, and the rest dropped connections (2/15), lost
     * responses (1/15) and trickling bodies (2/15); 2 to 20 ms of latency on every request.
     */
    public static Faults mixed(double share, long seed) {
        return builder()
                .rateLimitRate(share / 3)
                .serverErrorRate(share / 3)
                .connectionAbortRate(share * 2 / 15)
                .lostResponseRate(share / 15)
                .tricklingBodyRate(share * 2 / 15)
                .latency(Duration.ofMillis(2), Duration.ofMillis(20))
                .seed(seed)
                .build();
    }

    /** A builder starting from no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether any fault or latency is configured. */
    public boolean any() {
        return serverErrorRate > 0
                || connectionAbortRate > 0
                || lostResponseRate > 0
                || stalledBodyRate > 0
                || tricklingBodyRate > 0
                || rateLimitRate > 0
                || partialFailureRate > 0
                || maxLatency.compareTo(Duration.ZERO) > 0;
    }

    /** What happens to one request. */
    enum Kind {
        NONE,
        SERVER_ERROR,
        ABORT,
        LOST_RESPONSE,
        STALLED_BODY,
        TRICKLING_BODY,
        RATE_LIMITED,
        PARTIAL_FAILURE
    }

    /**
     * @param variant which Retry-After style or 207 shape, for the kinds that have several
     */
    record Plan(Kind kind, int status, long latencyNanos, int variant) {}

    /** The plan for the request numbered {@code sequence} (0-based). */
    Plan plan(long sequence) {
        // A fresh generator per request keyed by (seed, sequence) keeps decisions independent of thread timing.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sequence);
        double u = random.nextDouble();
        int status = SERVER_ERROR_STATUSES[random.nextInt(SERVER_ERROR_STATUSES.length)];
        long min = minLatency.toNanos();
        long max = maxLatency.toNanos();
        long latency = max > min ? min + random.nextLong(max - min + 1) : min;
        // Drawn after the original draws, so seeds chosen before these faults existed keep their fates.
        int variant = random.nextInt(RETRY_AFTER_STYLES * PARTIAL_FAILURE_SHAPES);
        double[] rates = {
            serverErrorRate,
            connectionAbortRate,
            lostResponseRate,
            stalledBodyRate,
            tricklingBodyRate,
            rateLimitRate,
            partialFailureRate
        };
        Kind[] kinds = {
            Kind.SERVER_ERROR,
            Kind.ABORT,
            Kind.LOST_RESPONSE,
            Kind.STALLED_BODY,
            Kind.TRICKLING_BODY,
            Kind.RATE_LIMITED,
            Kind.PARTIAL_FAILURE
        };
        Kind kind = Kind.NONE;
        double bound = 0;
        for (int i = 0; i < rates.length; i++) {
            bound += rates[i];
            if (u < bound) {
                kind = kinds[i];
                break;
            }
        }
        return new Plan(kind, kind == Kind.SERVER_ERROR ? status : 0, latency, variant);
    }

    private static final int[] SERVER_ERROR_STATUSES = {500, 502, 503, 504};

    /** Builds {@link Faults}. */
    public static final class Builder {
        private double serverErrorRate;
        private double connectionAbortRate;
        private double lostResponseRate;
        private double stalledBodyRate;
        private double tricklingBodyRate;
        private double rateLimitRate;
        private double partialFailureRate;
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;
        private Duration stallCutoff = Duration.ofSeconds(10);
        private Duration trickleTime = Duration.ofMillis(400);
        private long seed = 1;

        private Builder() {}

        /** Share of requests answered 5xx before processing. */
        public Builder serverErrorRate(double rate) {
            this.serverErrorRate = rate;
            return this;
        }

        /** Share of requests dropped without an answer before processing. */
        public Builder connectionAbortRate(double rate) {
            this.connectionAbortRate = rate;
            return this;
        }

        /** Share of requests processed and then dropped without an answer. */
        public Builder lostResponseRate(double rate) {
            this.lostResponseRate = rate;
            return this;
        }

        /** Share of requests processed and answered with half a body, then silence until {@link #stallCutoff}. */
        public Builder stalledBodyRate(double rate) {
            this.stalledBodyRate = rate;
            return this;
        }

        /** Share of requests processed and answered in eight pieces over {@link #trickleTime}. */
        public Builder tricklingBodyRate(double rate) {
            this.tricklingBodyRate = rate;
            return this;
        }

        /** Share of requests answered 429 (Retry-After in seconds, as an HTTP date, or absent, in turn). */
        public Builder rateLimitRate(double rate) {
            this.rateLimitRate = rate;
            return this;
        }

        /** Share of batch updates that refuse one input and answer 207 in one of HubSpot's documented shapes. */
        public Builder partialFailureRate(double rate) {
            this.partialFailureRate = rate;
            return this;
        }

        /** A fixed added delay per request. */
        public Builder latency(Duration latency) {
            return latency(latency, latency);
        }

        /** An added delay per request, uniform between {@code min} and {@code max}. */
        public Builder latency(Duration min, Duration max) {
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** How long a stalled body stays silent before the sandbox closes the connection (default 10 s). */
        public Builder stallCutoff(Duration cutoff) {
            this.stallCutoff = Objects.requireNonNull(cutoff, "cutoff");
            return this;
        }

        /** How long a trickling body takes from first to last piece (default 400 ms). */
        public Builder trickleTime(Duration time) {
            this.trickleTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** The seed that fixes which requests fail. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The faults. */
        public Faults build() {
            return new Faults(
                    serverErrorRate,
                    connectionAbortRate,
                    lostResponseRate,
                    stalledBodyRate,
                    tricklingBodyRate,
                    rateLimitRate,
                    partialFailureRate,
                    minLatency,
                    maxLatency,
                    stallCutoff,
                    trickleTime,
                    seed);
        }
    }
}
