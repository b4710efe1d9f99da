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
 * @param minLatency least added delay per request
 * @param maxLatency most added delay per request (uniform between the two)
 * @param seed the seed that fixes which requests fail
 */
public record Faults(double serverErrorRate, double connectionAbortRate, double lostResponseRate,
                     Duration minLatency, Duration maxLatency, long seed) {
    private static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, Duration.ZERO, 0);

    public Faults {
        checkRate("serverErrorRate", serverErrorRate);
        checkRate("connectionAbortRate", connectionAbortRate);
        checkRate("lostResponseRate", lostResponseRate);
        if (serverErrorRate + connectionAbortRate + lostResponseRate > 1.0) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        Objects.requireNonNull(minLatency, "minLatency");
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("need 0 <= minLatency <= maxLatency, got " + minLatency + " and " + maxLatency);
        }
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
    }

    /** No faults and no added latency. */
    public static Faults none() {
        return NONE;
    }

    /** A builder starting from no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether any fault or latency is configured. */
    public boolean any() {
        return serverErrorRate > 0 || connectionAbortRate > 0 || lostResponseRate > 0 || maxLatency.compareTo(Duration.ZERO) > 0;
    }

    /** What happens to one request. */
    enum Kind { NONE, SERVER_ERROR, ABORT, LOST_RESPONSE }

    record Plan(Kind kind, int status, long latencyNanos) {}

    /** The plan for the request numbered {@code sequence} (0-based). */
    Plan plan(long sequence) {
        // A fresh generator per request keyed by (seed, sequence) keeps decisions independent of thread timing.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sequence);
        double u = random.nextDouble();
        int status = SERVER_ERROR_STATUSES[random.nextInt(SERVER_ERROR_STATUSES.length)];
        long min = minLatency.toNanos();
        long max = maxLatency.toNanos();
        long latency = max > min ? min + random.nextLong(max - min + 1) : min;
        Kind kind;
        if (u < serverErrorRate) {
            kind = Kind.SERVER_ERROR;
        } else if (u < serverErrorRate + connectionAbortRate) {
            kind = Kind.ABORT;
        } else if (u < serverErrorRate + connectionAbortRate + lostResponseRate) {
            kind = Kind.LOST_RESPONSE;
        } else {
            kind = Kind.NONE;
        }
        return new Plan(kind, kind == Kind.SERVER_ERROR ? status : 0, latency);
    }

    private static final int[] SERVER_ERROR_STATUSES = {500, 502, 503, 504};

    /** Builds {@link Faults}. */
    public static final class Builder {
        private double serverErrorRate;
        private double connectionAbortRate;
        private double lostResponseRate;
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;
        private long seed = 1;

        private Builder() {}

        public Builder serverErrorRate(double rate) {
            this.serverErrorRate = rate;
            return this;
        }

        public Builder connectionAbortRate(double rate) {
            this.connectionAbortRate = rate;
            return this;
        }

        public Builder lostResponseRate(double rate) {
            this.lostResponseRate = rate;
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

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Faults build() {
            return new Faults(serverErrorRate, connectionAbortRate, lostResponseRate, minLatency, maxLatency, seed);
        }
    }
}
