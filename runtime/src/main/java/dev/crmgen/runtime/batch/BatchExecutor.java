package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.error.DailyLimitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs a HubSpot batch operation over any number of inputs and accounts for every one of them exactly once, in
 * bounded time, on any {@link Executor}.
 *
 * <p><b>Chunks and threads.</b> Inputs are sent in requests of at most {@link BatchOptions#chunkSize()}, up to
 * {@link BatchOptions#concurrency()} at a time. Requests wait in one queue per run; the calling thread takes requests
 * from it like every helper it hands to the executor, so the run completes even when no helper ever gets a thread
 * (the executor is saturated, single-threaded, the caller's own pool, or rejects the task or throws any other
 * runtime exception on submit), and with a direct executor everything runs on the calling thread. A helper task runs
 * at most once, even on an executor that runs it twice, so concurrency is never exceeded. Each request goes through
 * the client's rate limiter and retry policy inside the {@link BatchCall}. A request whose call or accounting throws
 * anything, an {@link Error} included, ends unconfirmed and is never sent again; the throwable is its cause.
 *
 * <p><b>Deadline.</b> No request starts after {@link BatchOptions#deadlineFor the run's deadline}; inputs not sent by
 * then end {@linkplain BatchReport.Unconfirmed#sent() unconfirmed and unsent}. Requests already in flight are
 * awaited until {@link BatchOptions#inFlightGrace()} past the deadline (the invoker bounds each call long before
 * that); inputs of a request still unanswered then end unconfirmed and sent, and a later answer is ignored. The
 * caller never waits longer for a helper. A request the calling thread runs itself is bounded only by the call.
 * Isolating a rejected request (below) starts no request after the deadline either: what is left of it fails.
 * Interrupting the caller stops new requests the same way.
 *
 * <p><b>Matching.</b> Results and errors are matched to inputs by key only, never by position, because HubSpot does
 * not promise result order. A result belongs to the input with the same {@code objectWriteTraceId} (unless the
 * result's id contradicts the input's), else the same object id, else (for inputs addressed by a unique property)
 * the same value of that property. A trace id two inputs of one request share is no key for either. An error belongs
 * to every input named by its {@code context.objectWriteTraceId(s)} or {@code context.ids}/{@code context.id}; its own
 * top-level {@code id} identifies the error instance and is never read as an input id. A result beats an error naming
 * the same input (the server did write it). An input without any key that shares its request is sent with a trace id
 * of this run ({@link BatchKeys#inputWithTraceId}; HubSpot echoes it on the result); the report still holds the
 * caller's input. Only a request of a single input without any key is paired by position: its lone result or its
 * lone error. Anything else the response does not settle is {@linkplain BatchReport.Unconfirmed unconfirmed}.
 *
 * <p><b>Whole-request failures and rounds.</b> Inputs without a final outcome go to a later round, up to
 * {@link BatchOptions#resendRounds()} more rounds:
 * <ul>
 *   <li>A 429 still there after the invoker's retries, and a request certainly never sent, applied nothing: they are
 *       always sent again in a later round, and after the last round reported {@linkplain BatchReport.Failed failed}
 *       with that exception (unless an earlier attempt may have been applied: then unconfirmed).</li>
 *   <li>A 5xx, a transport failure after sending, an unreadable success response or inputs a response left out may
 *       have been applied: they are sent again only when the operation is
 *       {@linkplain BatchOptions#retrySafe() retry-safe}, and otherwise (or after the last round) end unconfirmed.
 *       A response longer than the transport reads
 *       ({@link dev.crmgen.runtime.error.TransportException#isResponseTooLarge()}) ends them
 *       unconfirmed at once: sent again, they would draw an answer as long.</li>
 *   <li>HubSpot's daily limit ({@link DailyLimitException}) fails the request's inputs at once: nothing more can
 *       succeed before the reset, and the inputs are certainly not applied, so the caller can send them again
 *       then.</li>
 *   <li>Any other 4xx fails every input of the request with that exception, unless
 *       {@link BatchOptions#isolateRejected()} splits a 400 down to its culprits.</li>
 * </ul>
 *
 * <p><b>Duplicate ids.</b> HubSpot rejects a whole batch that names one id twice, and the last input for an id must be
 * what the server ends with. So occurrence k+1 of an id is sent only after occurrence k has a final outcome
 * (succeeded or failed), in a later request of the same round or in a later round; requests never name an id twice.
 * When occurrence k ends unconfirmed it might still be applied late (a request the server is still processing), so
 * later occurrences are not sent at all: they end unconfirmed and unsent, with a reason naming input k. Hence whenever
 * the report says an input succeeded, no earlier input with its id is applied after it. Inputs without an id are
 * never duplicates.
 *
 * <p><b>Streaming.</b> {@link #execute(Iterator, BatchCall, BatchKeys, BatchOptions, BatchListener)} takes inputs from
 * an iterator in windows of {@link BatchOptions#streamWindow()} inputs and hands each outcome to a
 * {@link BatchListener} as soon as it is final, so memory is bounded by the window, not by the input count. A window
 * runs exactly as a collection run (rounds, matching, duplicate ids) and the next one is taken when every input of
 * the current one is delivered. Duplicate ids across windows keep the rule above: an earlier occurrence is final
 * before a later window starts, and the ids of inputs that ended unconfirmed are remembered for the rest of the run
 * (later occurrences are not sent), so that set grows only with unconfirmed inputs that have an id.
 */
public final class BatchExecutor {
    private final Executor executor;

    /** An executor whose helpers run on {@code executor}; any executor works, a direct one included. */
    public BatchExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** An executor that starts a daemon thread per helper. */
    public BatchExecutor() {
        this(r -> {
            Thread t = new Thread(r, "crmgen-batch");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Sends all inputs and reports each exactly once, returning by the deadline plus the in-flight grace (see the
     * class documentation). Never throws for server or transport failures: they end up in the report. If the
     * calling thread is interrupted, requests not yet started are reported unconfirmed and unsent and the interrupt
     * flag is kept.
     *
     * @throws NullPointerException when an argument or an input is null
     */
    public <I, R> BatchReport<I, R> execute(
            Collection<I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys, BatchOptions options) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(options, "options");
        List<I> list = new ArrayList<>(inputs);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new NullPointerException("input " + i + " is null");
            }
        }
        long deadline = options.ticker().nanoTime() + BatchRun.saturatedNanos(options.deadlineFor(list.size()));
        BatchRun<I, R> run = new BatchRun<>(
                executor, list, call, keys, options, deadline, new BatchRun.Tally(), new HashSet<>(), null);
        return run.execute();
    }

    /**
     * Sends inputs as they come from {@code inputs} and delivers each outcome to {@code listener} as soon as it is
     * final (see the class documentation and {@link BatchListener} for the calling discipline). At most
     * {@link BatchOptions#streamWindow()} inputs are held at once: taken from the iterator and not yet delivered.
     *
     * <p>A deadline set in the options bounds the whole run; without one each window gets the default derived from
     * its size. The run stops taking inputs when the deadline passes, when the calling thread is interrupted (the
     * flag is kept) or when a request hits HubSpot's daily limit (nothing more can succeed before the reset; the
     * inputs of that window are delivered as failed with the {@link DailyLimitException}). Inputs never taken are not
     * reported: the summary says why the run stopped, and a caller that keeps its own position can resume.
     *
     * @throws NullPointerException when an argument or an input is null
     * @throws RuntimeException the listener's first exception, after the requests in flight are accounted for
     */
    public <I, R> BatchStreamSummary execute(
            Iterator<? extends I> inputs,
            BatchCall<I, R> call,
            BatchKeys<I, R> keys,
            BatchOptions options,
            BatchListener<I, R> listener) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        BatchRun.Tally tally = new BatchRun.Tally();
        Set<String> unsettledIds = new HashSet<>();
        long runDeadline = options.deadline() == null
                ? 0
                : options.ticker().nanoTime() + BatchRun.saturatedNanos(options.deadline());
        int window = options.streamWindow();
        String stopped = null;
        while (stopped == null && inputs.hasNext()) {
            List<I> chunk = new ArrayList<>(Math.min(window, 1 << 16));
            while (chunk.size() < window && inputs.hasNext()) {
                I input = inputs.next();
                if (input == null) {
                    throw new NullPointerException("input " + (tally.total + chunk.size()) + " is null");
                }
                chunk.add(input);
            }
            long deadline = options.deadline() != null
                    ? runDeadline
                    : options.ticker().nanoTime() + BatchRun.saturatedNanos(options.deadlineFor(chunk.size()));
            BatchRun<I, R> run =
                    new BatchRun<>(executor, chunk, call, keys, options, deadline, tally, unsettledIds, listener);
            run.execute();
            RuntimeException listenerFailure = run.listenerFailure();
            if (listenerFailure != null) {
                throw listenerFailure;
            }
            stopped = run.streamStop();
        }
        return new BatchStreamSummary(
                tally.total, tally.succeeded, tally.failed, tally.unconfirmed, tally.requestsStarted, stopped);
    }
}
