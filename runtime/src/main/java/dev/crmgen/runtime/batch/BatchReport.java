package dev.crmgen.runtime.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a {@link BatchExecutor#execute} run: every input appears exactly once, in input order, as
 * {@link Succeeded} (with its result), {@link Failed} (with the server's error or the exception that covers it) or
 * {@link Unconfirmed} (the server neither confirmed nor rejected it).
 *
 * @param <I> the input type
 * @param <R> the result type
 */
public final class BatchReport<I, R> {
    private final List<Outcome<I, R>> outcomes;
    private final int requests;
    private final List<Succeeded<I, R>> succeeded = new ArrayList<>();
    private final List<Failed<I, R>> failed = new ArrayList<>();
    private final List<Unconfirmed<I, R>> unconfirmed = new ArrayList<>();

    /**
     * @param outcomes one per input, in input order
     * @param requests batch requests sent
     */
    public BatchReport(List<Outcome<I, R>> outcomes, int requests) {
        this.outcomes = Collections.unmodifiableList(new ArrayList<>(outcomes));
        this.requests = requests;
        for (Outcome<I, R> o : this.outcomes) {
            if (o instanceof Succeeded<I, R> s) {
                succeeded.add(s);
            } else if (o instanceof Failed<I, R> f) {
                failed.add(f);
            } else {
                unconfirmed.add((Unconfirmed<I, R>) o);
            }
        }
    }

    /** One outcome per input, in input order. */
    public List<Outcome<I, R>> outcomes() {
        return outcomes;
    }

    /** The succeeded inputs, in input order. */
    public List<Succeeded<I, R>> succeeded() {
        return Collections.unmodifiableList(succeeded);
    }

    /** The failed inputs, in input order. */
    public List<Failed<I, R>> failed() {
        return Collections.unmodifiableList(failed);
    }

    /** The unconfirmed inputs, in input order. */
    public List<Unconfirmed<I, R>> unconfirmed() {
        return Collections.unmodifiableList(unconfirmed);
    }

    /** The results of the succeeded inputs, in input order. */
    public List<R> results() {
        List<R> results = new ArrayList<>(succeeded.size());
        for (Succeeded<I, R> s : succeeded) {
            results.add(s.result());
        }
        return results;
    }

    /** The number of inputs. */
    public int size() {
        return outcomes.size();
    }

    /** Batch requests sent, resends included. */
    public int requests() {
        return requests;
    }

    /** Whether every input succeeded. */
    public boolean allSucceeded() {
        return succeeded.size() == outcomes.size();
    }

    @Override
    public String toString() {
        return "BatchReport[inputs=" + outcomes.size() + ", succeeded=" + succeeded.size() + ", failed=" + failed.size()
                + ", unconfirmed=" + unconfirmed.size() + ", requests=" + requests + "]";
    }

    /** One input's outcome. */
    public sealed interface Outcome<I, R> permits Succeeded, Failed, Unconfirmed {
        /** The input's position in the collection passed to {@code execute}. */
        int index();

        /** The input. */
        I input();
    }

    /**
     * The server confirmed the input.
     *
     * @param index the input's position
     * @param input the input
     * @param result the server's result for it
     */
    public record Succeeded<I, R>(int index, I input, R result) implements Outcome<I, R> {}

    /**
     * The server rejected the input, or it was certainly not applied: {@code error} when a batch response named it,
     * otherwise {@code exception} for a request that failed as a whole (a 4xx after any retries, a 429 still there
     * after the last round, or a request that was never sent in any round) and that no earlier attempt may have
     * applied.
     *
     * @param index the input's position
     * @param input the input
     * @param error the per-input error, or null
     * @param exception the request's exception, or null
     */
    public record Failed<I, R>(int index, I input, BatchError error, RuntimeException exception)
            implements Outcome<I, R> {
        /** The error message, whichever form it took. */
        public String message() {
            if (error != null) {
                return error.message();
            }
            return exception == null ? null : exception.getMessage();
        }
    }

    /**
     * Neither confirmed nor rejected. When {@link #sent()}, a request carrying it may have reached the server (5xx,
     * timeout, I/O, an unreadable response, a response that did not mention it, no answer before the run's deadline)
     * and an update may or may not have been applied. When not sent, nothing was applied: the run ended (deadline,
     * interrupt) before it was sent, or an earlier input with the same id never got a final outcome.
     *
     * @param index the input's position
     * @param input the input
     * @param reason why the outcome is unknown
     * @param cause the exception behind it, or null
     * @param sent whether a request carrying it may have reached the server
     */
    public record Unconfirmed<I, R>(int index, I input, String reason, Throwable cause, boolean sent)
            implements Outcome<I, R> {
        /** An input a request carrying it may have reached the server with. */
        public Unconfirmed(int index, I input, String reason, Throwable cause) {
            this(index, input, reason, cause, true);
        }
    }
}
