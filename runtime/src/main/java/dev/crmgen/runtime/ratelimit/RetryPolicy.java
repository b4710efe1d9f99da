package dev.crmgen.runtime.ratelimit;

import dev.crmgen.runtime.ApiRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before resending a request. Retried for every call: 429 and 423 (waiting at least
 * {@link #lockedMinimum()}), refusals made before anything was applied, and I/O failures certainly before the request
 * was sent (connection refused, connect timeout). Retried only when the request is
 * {@linkplain ApiRequest#retrySafe() retry-safe}, since the server may already have applied it: 500, 502, 503, 504,
 * and timeouts or resets after sending. Never other 4xx, other 5xx, nor a 429 of HubSpot's daily limit.
 * Waits grow exponentially with jitter; a {@code Retry-After} header is honoured up to {@link #maxRetryAfter()}
 * (a longer requested wait ends the retries); everything, waits included, stops at {@link #deadline()}.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Duration lockedMinimum;
    private final Duration deadline;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.lockedMinimum = b.lockedMinimum;
        this.deadline = b.deadline;
    }

    /** 3 retries, 500 ms doubling up to 30 s with 50% jitter, Retry-After up to 60 s, 2 minutes overall. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries at all (the deadline still bounds rate-limiter waits). */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How many times a request may be resent after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before the first retry, before jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest computed backoff. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Backoff growth per retry. */
    public double multiplier() {
        return multiplier;
    }

    /** The fraction (0..1) of each backoff that is randomised: the wait lies in {@code [d*(1-jitter), d]}. */
    public double jitter() {
        return jitter;
    }

    /** The longest {@code Retry-After} the client will wait for; a longer one ends the retries. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The shortest wait after a 423 Locked. */
    public Duration lockedMinimum() {
        return lockedMinimum;
    }

    /** The overall time budget of one call, all attempts and waits included. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * The backoff before retry number {@code retry} (0 for the first retry), given a uniform random number in
     * {@code [0, 1)}.
     */
    public long backoffNanos(int retry, double random) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, retry);
        double capped = Math.min(base, maxBackoff.toNanos());
        return (long) (capped * (1.0 - jitter * random));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder()
                .maxRetries(maxRetries)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .multiplier(multiplier)
                .jitter(jitter)
                .maxRetryAfter(maxRetryAfter)
                .lockedMinimum(lockedMinimum)
                .deadline(deadline);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff
                + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + ", lockedMinimum=" + lockedMinimum + ", deadline=" + deadline + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration lockedMinimum = Duration.ofSeconds(2);
        private Duration deadline = Duration.ofMinutes(2);

        private Builder() {}

        /** Retries after the first attempt (default 3). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first backoff (default 500 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /** The largest backoff (default 30 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** Growth per retry, at least 1 (default 2). */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Randomised fraction of each backoff, 0..1 (default 0.5; 0 makes waits deterministic). */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** The longest honoured {@code Retry-After} (default 60 s). */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** The shortest wait after 423 Locked (default 2 s). */
        public Builder lockedMinimum(Duration lockedMinimum) {
            this.lockedMinimum = nonNegative(lockedMinimum, "lockedMinimum");
            return this;
        }

        /** The overall budget of one call (default 2 minutes). */
        public Builder deadline(Duration deadline) {
            this.deadline = nonNegative(deadline, "deadline");
            if (deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive");
            }
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
