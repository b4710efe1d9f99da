package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.ratelimit.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of one {@link BatchExecutor#execute} run.
 *
 * <ul>
 *   <li>{@code chunkSize} (default 100, HubSpot's maximum for most batch endpoints): inputs per request.</li>
 *   <li>{@code concurrency} (default 4): requests in flight at once; they all pass through the client's rate limiter.</li>
 *   <li>{@code retrySafe} (default false): whether inputs whose outcome is unknown (left out of a response, or in a
 *       request that failed after it may have reached the server) may be sent again, up to {@code resendRounds}
 *       (default 1) more times. True for batch update, read, upsert and archive; false for create.</li>
 *   <li>{@code isolateRejected} (default false): when a request of several inputs is rejected with 400 as a whole,
 *       send its halves separately (recursively) so that only the inputs that cause the rejection fail. A 400 writes
 *       nothing, so this is safe for every operation; it costs about {@code 2·log2(chunkSize)} extra requests per
 *       bad input.</li>
 *   <li>{@code progress}: called after every request with a {@link BatchProgress}, one call at a time.</li>
 *   <li>{@code deadline}: how long the run may start requests. When it passes, inputs not yet sent end
 *       {@linkplain BatchReport.Unconfirmed#sent() unsent}. Default: {@link #DEFAULT_DEADLINE_BASE} plus
 *       {@link #DEFAULT_DEADLINE_PER_REQUEST} per request of the first round (a 10,000-input run with chunks of 100
 *       gets 1 h 50 min), generous next to the invoker's own per-call deadline.</li>
 *   <li>{@code inFlightGrace} (default 5 minutes): how long past the deadline the run waits for requests already
 *       sent; the invoker bounds each call, so this is only reached by calls that do not end by themselves. Their
 *       inputs are then reported unconfirmed and any later answer is ignored.</li>
 *   <li>{@code ticker} (default {@link Ticker#system()}): the clock the deadline is measured on.</li>
 *   <li>{@code streamWindow} (default {@link #DEFAULT_STREAM_WINDOW_REQUESTS} requests' worth per concurrent request,
 *       i.e. {@code chunkSize × concurrency × 8}): how many inputs a
 *       {@linkplain BatchExecutor#execute(java.util.Iterator, BatchCall, BatchKeys, BatchOptions, BatchListener)
 *       streaming run} takes from its iterator at once; what bounds its memory.</li>
 * </ul>
 */
public final class BatchOptions {
    private static final BatchOptions DEFAULTS = builder().build();

    private final int chunkSize;
    private final int concurrency;
    private final boolean retrySafe;
    private final int resendRounds;
    private final boolean isolateRejected;
    private final Consumer<BatchProgress> progress;
    private final Duration deadline;
    private final Duration inFlightGrace;
    private final Ticker ticker;
    private final int streamWindow;

    /** The fixed part of the default deadline. */
    public static final Duration DEFAULT_DEADLINE_BASE = Duration.ofMinutes(10);

    /** The part of the default deadline added per request of the first round. */
    public static final Duration DEFAULT_DEADLINE_PER_REQUEST = Duration.ofMinutes(1);

    /** Requests per concurrent request a streaming window holds by default. */
    public static final int DEFAULT_STREAM_WINDOW_REQUESTS = 8;

    private BatchOptions(Builder b) {
        this.chunkSize = b.chunkSize;
        this.concurrency = b.concurrency;
        this.retrySafe = b.retrySafe;
        this.resendRounds = b.resendRounds;
        this.isolateRejected = b.isolateRejected;
        this.progress = b.progress;
        this.deadline = b.deadline;
        this.inFlightGrace = b.inFlightGrace;
        this.ticker = b.ticker;
        this.streamWindow = b.streamWindow;
    }

    /**
     * Chunks of 100, concurrency 4, not retry-safe, one resend round, a deadline derived from the work, 5 minutes of
     * grace, no progress listener.
     */
    public static BatchOptions defaults() {
        return DEFAULTS;
    }

    /** A builder from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Inputs per request. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Requests in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** Whether inputs with an unknown outcome may be sent again. */
    public boolean retrySafe() {
        return retrySafe;
    }

    /** How many extra rounds unknown-outcome inputs get when {@link #retrySafe()}. */
    public int resendRounds() {
        return resendRounds;
    }

    /** Whether a request rejected with 400 as a whole is split to find the inputs that cause it. */
    public boolean isolateRejected() {
        return isolateRejected;
    }

    /** The progress listener, or null. */
    public Consumer<BatchProgress> progress() {
        return progress;
    }

    /** The deadline set with {@link Builder#deadline}, or null for the default derived from the work. */
    public Duration deadline() {
        return deadline;
    }

    /** The deadline of a run over {@code inputs} inputs: the one set, else the default derived from the work. */
    public Duration deadlineFor(int inputs) {
        if (deadline != null) {
            return deadline;
        }
        long requests = (inputs + (long) chunkSize - 1) / chunkSize;
        return DEFAULT_DEADLINE_BASE.plus(DEFAULT_DEADLINE_PER_REQUEST.multipliedBy(requests));
    }

    /** How long past the deadline the run waits for requests already sent. */
    public Duration inFlightGrace() {
        return inFlightGrace;
    }

    /** The clock of the deadline. */
    public Ticker ticker() {
        return ticker;
    }

    /** Inputs a streaming run holds at most: taken from its iterator and not yet reported. */
    public int streamWindow() {
        if (streamWindow > 0) {
            return streamWindow;
        }
        long derived = (long) chunkSize * concurrency * DEFAULT_STREAM_WINDOW_REQUESTS;
        return (int) Math.min(Integer.MAX_VALUE / 2, derived);
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .chunkSize(chunkSize)
                .concurrency(concurrency)
                .retrySafe(retrySafe)
                .resendRounds(resendRounds)
                .isolateRejected(isolateRejected);
        b.progress = progress;
        b.deadline = deadline;
        b.inFlightGrace = inFlightGrace;
        b.ticker = ticker;
        b.streamWindow = streamWindow;
        return b;
    }

    @Override
    public String toString() {
        return "BatchOptions[chunkSize=" + chunkSize + ", concurrency=" + concurrency + ", retrySafe=" + retrySafe
                + ", resendRounds=" + resendRounds + ", isolateRejected=" + isolateRejected
                + ", deadline=" + (deadline == null ? "derived" : deadline) + ", inFlightGrace=" + inFlightGrace
                + ", streamWindow=" + streamWindow() + "]";
    }

    /** Builds {@link BatchOptions}. */
    public static final class Builder {
        private int chunkSize = 100;
        private int concurrency = 4;
        private boolean retrySafe;
        private int resendRounds = 1;
        private boolean isolateRejected;
        private Consumer<BatchProgress> progress;
        private Duration deadline;
        private Duration inFlightGrace = Duration.ofMinutes(5);
        private Ticker ticker = Ticker.system();
        private int streamWindow;

        private Builder() {}

        /** Inputs per request, at least 1 (default 100). */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** Requests in flight at once, at least 1 (default 4). */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Whether inputs with an unknown outcome may be sent again (default false). */
        public Builder retrySafe(boolean retrySafe) {
            this.retrySafe = retrySafe;
            return this;
        }

        /** Extra rounds for unknown-outcome inputs when retry-safe, at least 0 (default 1). */
        public Builder resendRounds(int resendRounds) {
            if (resendRounds < 0) {
                throw new IllegalArgumentException("resendRounds must be >= 0, got " + resendRounds);
            }
            this.resendRounds = resendRounds;
            return this;
        }

        /** Splits a request rejected with 400 as a whole to isolate the inputs that cause it (default false). */
        public Builder isolateRejected(boolean isolateRejected) {
            this.isolateRejected = isolateRejected;
            return this;
        }

        /** Called after every request, never concurrently. */
        public Builder progress(Consumer<BatchProgress> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** How long the run may start requests, positive (default derived from the work; see the class doc). */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** How long past the deadline to wait for requests already sent, at least zero (default 5 minutes). */
        public Builder inFlightGrace(Duration inFlightGrace) {
            Objects.requireNonNull(inFlightGrace, "inFlightGrace");
            if (inFlightGrace.isNegative()) {
                throw new IllegalArgumentException("inFlightGrace must be >= 0, got " + inFlightGrace);
            }
            this.inFlightGrace = inFlightGrace;
            return this;
        }

        /** The clock the deadline is measured on (default {@link Ticker#system()}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Inputs a streaming run takes from its iterator at once, at least 1 (default: see the class doc). */
        public Builder streamWindow(int streamWindow) {
            if (streamWindow < 1) {
                throw new IllegalArgumentException("streamWindow must be >= 1, got " + streamWindow);
            }
            this.streamWindow = streamWindow;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        /** The options. */
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}
