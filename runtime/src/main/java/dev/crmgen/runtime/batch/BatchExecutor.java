package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.error.RateLimitException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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
 *       {@linkplain BatchOptions#retrySafe() retry-safe}, and otherwise (or after the last round) end unconfirmed.</li>
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
    private static final System.Logger LOG = System.getLogger("dev.crmgen.runtime.batch");
    /** A waiting caller re-reads the ticker this often, so a controllable ticker can end the wait. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

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
    public <I, R> BatchReport<I, R> execute(Collection<I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys,
                                            BatchOptions options) {
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
        long deadline = options.ticker().nanoTime() + saturatedNanos(options.deadlineFor(list.size()));
        Run<I, R> run = new Run<>(list, call, keys, options, deadline, new Tally(), new HashSet<>(), null);
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
    public <I, R> BatchStreamSummary execute(Iterator<? extends I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys,
                                             BatchOptions options, BatchListener<I, R> listener) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Tally tally = new Tally();
        Set<String> unsettledIds = new HashSet<>();
        long runDeadline = options.deadline() == null ? 0
                : options.ticker().nanoTime() + saturatedNanos(options.deadline());
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
            long deadline = options.deadline() != null ? runDeadline
                    : options.ticker().nanoTime() + saturatedNanos(options.deadlineFor(chunk.size()));
            Run<I, R> run = new Run<>(chunk, call, keys, options, deadline, tally, unsettledIds, listener);
            run.execute();
            if (run.listenerFailure != null) {
                throw run.listenerFailure;
            }
            stopped = run.streamStop();
        }
        return new BatchStreamSummary(tally.total, tally.succeeded, tally.failed, tally.unconfirmed,
                tally.requestsStarted, stopped);
    }

    /**
     * The next requestable wave of {@code todo} (in input order): every input without an id, and the earliest input
     * of each id not in {@code blocked}. Inputs left for later are added to {@code rest}.
     */
    static <I> List<Integer> nextWave(List<Integer> todo, List<I> inputs, BatchKeys<I, ?> keys, Set<String> blocked,
                                      List<Integer> rest) {
        List<Integer> wave = new ArrayList<>(todo.size());
        Set<String> inWave = new HashSet<>(todo.size() * 4 / 3 + 1);
        for (int i : todo) {
            String id = keys.inputId(inputs.get(i));
            if (id != null && (blocked.contains(id) || !inWave.add(id))) {
                rest.add(i);
            } else {
                wave.add(i);
            }
        }
        return wave;
    }

    private enum Resend { NEVER, IF_SAFE }

    /** Counts over a whole run, every window of a stream included; guarded by the lock of the window's run. */
    private static final class Tally {
        int total;
        int succeeded;
        int failed;
        int unconfirmed;
        int requestsDone;
        int requestsStarted;
    }

    /** The state of one execute call; its mutable fields (not final, not volatile) are guarded by {@code lock}. */
    private final class Run<I, R> {
        final List<I> inputs;
        final BatchCall<I, R> call;
        final BatchKeys<I, R> keys;
        final BatchOptions options;
        final Ticker ticker;
        final long deadline;
        final long giveUp;
        final Thread caller = Thread.currentThread();
        final AtomicInteger requestsStarted = new AtomicInteger();
        /** Trace ids this run stamps on keyless inputs start with it; unique per run, so no input shares one. */
        final String tracePrefix = "crmgen-" + UUID.randomUUID() + "-";
        /** The input count before this window: outcome indexes are offset by it. */
        final int base;
        final Tally tally;
        /** Streaming only, else null; called under the lock. */
        final BatchListener<I, R> listener;
        /** Final outcomes not yet handed to the listener. */
        final List<BatchReport.Outcome<I, R>> undelivered = new ArrayList<>();
        RuntimeException listenerFailure;
        /** Set when a request hit HubSpot's daily limit. */
        DailyLimitException dailyLimit;

        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        /** Final outcomes; null while an input may still be sent. */
        final BatchReport.Outcome<I, R>[] outcomes;
        /** The outcome an input gets if it is not sent again. */
        final BatchReport.Outcome<I, R>[] provisional;
        /** Whether some request carrying the input may have reached the server. */
        final boolean[] maybeSent;
        final ArrayDeque<int[]> queue = new ArrayDeque<>();
        final Set<int[]> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
        int helpers;
        /** Why no more requests start, or null. */
        String stopped;
        /** Set when execute returns or gives up on requests in flight; later answers are ignored. */
        boolean closed;
        /**
         * Ids with an occurrence that ended unconfirmed; later occurrences are never sent. Shared by the windows of a
         * stream, so it holds one id per unconfirmed input with an id.
         */
        final Set<String> unsettledIds;
        boolean interrupted;
        volatile boolean lastRound;

        Run(List<I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys, BatchOptions options, long deadline,
            Tally tally, Set<String> unsettledIds, BatchListener<I, R> listener) {
            this.inputs = inputs;
            this.call = call;
            this.keys = keys;
            this.options = options;
            this.ticker = options.ticker();
            this.deadline = deadline;
            this.tally = tally;
            this.base = tally.total;
            this.unsettledIds = unsettledIds;
            this.listener = listener;
            tally.total += inputs.size();
            this.giveUp = deadline + saturatedNanos(options.inFlightGrace());
            this.outcomes = newOutcomes(inputs.size());
            this.provisional = newOutcomes(inputs.size());
            this.maybeSent = new boolean[inputs.size()];
        }

        BatchReport<I, R> execute() {
            List<Integer> pending = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                pending.add(i);
            }
            for (int round = 0; !pending.isEmpty(); round++) {
                lastRound = round >= options.resendRounds();
                pending = round(pending);
                if (lastRound || isStopped()) {
                    break;
                }
            }
            List<BatchReport.Outcome<I, R>> report = finish();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            tally.requestsStarted += requestsStarted.get();
            return new BatchReport<>(report, requestsStarted.get());
        }

        /** After a streaming window: why no further window may start, or null. */
        String streamStop() {
            if (dailyLimit != null) {
                return "HubSpot's daily limit was reached: " + dailyLimit.getMessage();
            }
            if (interrupted) {
                return "interrupted";
            }
            return stopped != null && !stopped.startsWith(LISTENER_FAILED) ? stopped : null;
        }

        /** Sends {@code pending} in waves that never name an id twice; returns the inputs left for a later round. */
        private List<Integer> round(List<Integer> pending) {
            Set<String> blocked;
            lock.lock();
            try {
                blocked = new HashSet<>(unsettledIds);
            } finally {
                lock.unlock();
            }
            List<Integer> later = new ArrayList<>();
            List<Integer> todo = pending;
            while (!todo.isEmpty() && !isStopped()) {
                List<Integer> rest = new ArrayList<>();
                List<Integer> wave = nextWave(todo, inputs, keys, blocked, rest);
                if (wave.isEmpty()) {
                    later.addAll(rest);
                    todo = List.of();
                    break;
                }
                runWave(wave);
                lock.lock();
                try {
                    for (int i : wave) {
                        BatchReport.Outcome<I, R> o = outcomes[i];
                        if (o == null || o instanceof BatchReport.Unconfirmed) {
                            // No final outcome, or one that may still be applied late: later occurrences wait.
                            String id = keys.inputId(inputs.get(i));
                            if (id != null) {
                                blocked.add(id);
                                if (o != null) {
                                    unsettledIds.add(id);
                                }
                            }
                        }
                        if (o == null) {
                            later.add(i);
                        }
                    }
                } finally {
                    lock.unlock();
                }
                todo = rest;
            }
            if (isStopped()) {
                later.addAll(todo);
            }
            Collections.sort(later);
            return later;
        }

        private void runWave(List<Integer> wave) {
            int size = options.chunkSize();
            int chunks = (wave.size() + size - 1) / size;
            int wanted;
            lock.lock();
            try {
                for (int from = 0; from < wave.size(); from += size) {
                    List<Integer> part = wave.subList(from, Math.min(wave.size(), from + size));
                    queue.add(part.stream().mapToInt(Integer::intValue).toArray());
                }
                wanted = Math.max(0, Math.min(options.concurrency(), chunks) - 1 - helpers);
                helpers += wanted;
            } finally {
                lock.unlock();
            }
            // Submitted outside the lock: an executor may run the helper on this thread.
            for (int h = 0; h < wanted; h++) {
                // Whoever claims it first runs the helper: at most once, however often the executor runs the task.
                AtomicBoolean claimed = new AtomicBoolean();
                try {
                    executor.execute(() -> {
                        if (claimed.compareAndSet(false, true)) {
                            help();
                        }
                    });
                } catch (RuntimeException e) {
                    // Rejected or broken alike: the caller's loop still sends every request. Claiming the failed
                    // task keeps it from running late; if it already started, it counts itself down when done.
                    int neverRun = wanted - h - (claimed.compareAndSet(false, true) ? 0 : 1);
                    lock.lock();
                    try {
                        helpers -= neverRun;
                    } finally {
                        lock.unlock();
                    }
                    break;
                }
            }
            work();
        }

        /** The caller's loop: take requests until none is queued, then wait (bounded) for those in flight. */
        private void work() {
            while (true) {
                int[] chunk = next();
                if (chunk != null) {
                    send(chunk);
                    continue;
                }
                lock.lock();
                try {
                    if (inFlight.isEmpty() || closed) {
                        return;
                    }
                    awaitInFlight();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** A helper's loop on the executor: take requests until none is queued. */
        private void help() {
            try {
                for (int[] chunk = next(); chunk != null; chunk = next()) {
                    send(chunk);
                }
            } finally {
                lock.lock();
                try {
                    helpers--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        private int[] next() {
            lock.lock();
            try {
                return take();
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock: the next request to send, or null when none may start. */
        private int[] take() {
            if (Thread.currentThread() == caller && Thread.interrupted()) {
                interrupted = true;
                stop("not sent: interrupted");
            }
            if (stopped == null && ticker.nanoTime() - deadline >= 0) {
                stop("not sent: the run's deadline passed");
            }
            if (stopped != null || closed) {
                return null;
            }
            int[] chunk = queue.poll();
            if (chunk != null) {
                inFlight.add(chunk);
            }
            return chunk;
        }

        /** Under the lock: inputs still queued stay without an outcome; {@link #finish} reports them unsent. */
        private void stop(String reason) {
            if (stopped == null) {
                stopped = reason;
            }
            queue.clear();
        }

        /** Under the lock: waits a slice for a request in flight; past the grace, gives up on all of them. */
        private void awaitInFlight() {
            long left = giveUp - ticker.nanoTime();
            if (left <= 0) {
                for (int[] chunk : inFlight) {
                    for (int i : chunk) {
                        if (outcomes[i] == null) {
                            record(i, new BatchReport.Unconfirmed<>(i, inputs.get(i),
                                    "sent, but no answer by the run's deadline and grace", null, true));
                        }
                    }
                }
                stop("not sent: the run's deadline passed");
                progress();
                closed = true;
                return;
            }
            try {
                changed.awaitNanos(Math.min(left, WAIT_SLICE_NANOS));
            } catch (InterruptedException e) {
                interrupted = true;
                stop("not sent: interrupted");
            }
        }

        private boolean isStopped() {
            lock.lock();
            try {
                return stopped != null || closed;
            } finally {
                lock.unlock();
            }
        }

        private void send(int[] chunk) {
            try {
                sendChunk(chunk);
            } catch (Throwable e) {
                // A throwing key function, listener or call (an Error included) must not lose the inputs, nor end a
                // helper with its request left to be sent again; the Error stays visible as the cause.
                LOG.log(System.Logger.Level.WARNING, "batch request could not be accounted for", e);
                settle(chunk, newOutcomes(chunk.length), "the batch executor failed: " + e, e, Resend.NEVER);
            } finally {
                lock.lock();
                try {
                    inFlight.remove(chunk);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        private void sendChunk(int[] idx) {
            List<I> chunkInputs = new ArrayList<>(idx.length);
            for (int i : idx) {
                chunkInputs.add(traced(i, idx.length));
            }
            requestsStarted.incrementAndGet();
            BatchResponse<R> response;
            try {
                response = call.send(chunkInputs);
            } catch (RuntimeException e) {
                if (options.isolateRejected() && idx.length > 1 && e instanceof ApiException ae && ae.status() == 400
                        && mayStart()) {
                    countRequest();
                    // A 400 wrote nothing: halve the request until the inputs that cause it stand alone.
                    int mid = idx.length / 2;
                    sendChunk(Arrays.copyOfRange(idx, 0, mid));
                    int[] second = Arrays.copyOfRange(idx, mid, idx.length);
                    if (mayStart()) {
                        sendChunk(second);
                    } else {
                        rejectedUnsent(second, e);
                    }
                    return;
                }
                wholeRequestFailed(idx, e);
                return;
            }
            if (response == null) {
                settle(idx, newOutcomes(idx.length), "the batch call returned no response", null, Resend.NEVER);
                return;
            }
            settle(idx, match(idx, chunkInputs, response), unresolvedReason(response), null, Resend.IF_SAFE);
        }

        /**
         * The input as sent: one without any key that shares its request gets a trace id of this run when the keys
         * can stamp one, so that its result can be told from the others'. Outcomes still carry the caller's input.
         */
        private I traced(int i, int requestSize) {
            I in = inputs.get(i);
            if (requestSize == 1 || keys.inputId(in) != null || keys.inputTraceId(in) != null) {
                return in;
            }
            I stamped = keys.inputWithTraceId(in, tracePrefix + i);
            return stamped == null ? in : stamped;
        }

        /** Whether a request may start now: the run is not stopped and its deadline has not passed. */
        private boolean mayStart() {
            return !isStopped() && ticker.nanoTime() - deadline < 0;
        }

        /** Fails inputs of a rejected request that isolating had no time left to resend; counts no request. */
        private void rejectedUnsent(int[] idx, RuntimeException e) {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                for (int i : idx) {
                    if (outcomes[i] == null) {
                        record(i, new BatchReport.Failed<>(i, inputs.get(i), null, e));
                    }
                }
                progress();
            } finally {
                lock.unlock();
            }
        }

        private void countRequest() {
            lock.lock();
            try {
                tally.requestsDone++;
            } finally {
                lock.unlock();
            }
        }

        private void wholeRequestFailed(int[] idx, RuntimeException e) {
            Resend resend;
            String reason;
            if (e instanceof DailyLimitException daily) {
                lock.lock();
                try {
                    if (dailyLimit == null) {
                        dailyLimit = daily;
                    }
                } finally {
                    lock.unlock();
                }
            }
            if (e instanceof TransportException te && !te.requestSent()) {
                notApplied(idx, e);
                return;
            } else if (!(e instanceof DailyLimitException)
                    && (e instanceof RateLimitException || (e instanceof ApiException ae && ae.status() == 429))) {
                notApplied(idx, e);
                return;
            } else if (e instanceof TransportException) {
                resend = Resend.IF_SAFE;
                reason = "the request failed after it may have reached the server";
            } else if (e instanceof ResponseDecodingException) {
                // The server may have applied any of them; an idempotent call resolves that by sending again.
                resend = Resend.IF_SAFE;
                reason = "the server answered but the response could not be read";
            } else if (e instanceof ApiException ae && ae.status() >= 500) {
                resend = Resend.IF_SAFE;
                reason = "server error " + ae.status();
            } else if (e instanceof ApiException) {
                BatchReport.Outcome<I, R>[] local = newOutcomes(idx.length);
                for (int k = 0; k < idx.length; k++) {
                    local[k] = new BatchReport.Failed<>(idx[k], inputs.get(idx[k]), null, e);
                }
                settle(idx, local, null, null, Resend.NEVER);
                return;
            } else {
                resend = Resend.NEVER;
                reason = "the batch call threw " + e.getClass().getName();
            }
            settle(idx, newOutcomes(idx.length), reason + ": " + e.getMessage(), e, resend);
        }

        /** The request applied nothing: a later round sends it again; after the last it fails with {@code e}. */
        private void notApplied(int[] idx, RuntimeException e) {
            lock.lock();
            try {
                tally.requestsDone++;
                if (closed) {
                    return;
                }
                for (int i : idx) {
                    BatchReport.Failed<I, R> failure = new BatchReport.Failed<>(i, inputs.get(i), null, e);
                    if (lastRound) {
                        record(i, finalFor(i, failure));
                    } else {
                        provisional[i] = failure;
                    }
                }
                progress();
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock: a failure that applied nothing, unless an earlier attempt may have been applied. */
        private BatchReport.Outcome<I, R> finalFor(int i, BatchReport.Outcome<I, R> o) {
            if (o instanceof BatchReport.Failed<I, R> f && f.error() == null && maybeSent[i]) {
                return new BatchReport.Unconfirmed<>(i, inputs.get(i), "an earlier request carrying it may have "
                        + "reached the server; the last one applied nothing: " + f.message(), f.exception(), true);
            }
            return o;
        }

        private String unresolvedReason(BatchResponse<R> response) {
            return response.errors().isEmpty() ? "the response neither confirmed nor rejected it"
                    : "the response neither confirmed nor rejected it; errors in it: " + response.errors();
        }

        private BatchReport.Outcome<I, R>[] match(int[] idx, List<I> chunkInputs, BatchResponse<R> response) {
            int n = idx.length;
            BatchReport.Outcome<I, R>[] local = newOutcomes(n);
            boolean anyKey = false;
            for (I in : chunkInputs) {
                anyKey |= keys.inputId(in) != null || keys.inputTraceId(in) != null;
            }
            if (!anyKey) {
                matchKeyless(idx, chunkInputs, response, local);
            } else if (!matchInOrder(idx, chunkInputs, response, local)) {
                matchByKey(idx, chunkInputs, response, local);
            }
            return local;
        }

        /**
         * Without any key only a lone input can be paired: with its lone result, or its lone error. Results of
         * several keyless inputs may come in any order, so none of them is credited.
         */
        private void matchKeyless(int[] idx, List<I> chunkInputs, BatchResponse<R> response,
                                  BatchReport.Outcome<I, R>[] local) {
            List<R> results = response.results();
            int n = idx.length;
            if (n == 1 && response.errors().isEmpty() && results.size() == 1 && results.get(0) != null) {
                local[0] = new BatchReport.Succeeded<>(idx[0], inputs.get(idx[0]), results.get(0));
            } else if (n == 1 && results.isEmpty() && response.errors().size() == 1) {
                local[0] = new BatchReport.Failed<>(idx[0], inputs.get(idx[0]), response.errors().get(0), null);
            }
        }

        private void matchByKey(int[] idx, List<I> chunkInputs, BatchResponse<R> response,
                                BatchReport.Outcome<I, R>[] local) {
            Map<String, Integer> byTrace = new HashMap<>();
            Map<String, Integer> byObjectId = new HashMap<>();
            Map<String, Integer> byAnyId = new HashMap<>();
            Map<String, Map<String, Integer>> byProperty = new LinkedHashMap<>();
            Set<String> sharedTraces = new HashSet<>();
            for (int k = 0; k < idx.length; k++) {
                I in = chunkInputs.get(k);
                String trace = keys.inputTraceId(in);
                if (trace != null && byTrace.putIfAbsent(trace, k) != null) {
                    sharedTraces.add(trace);
                }
                String id = keys.inputId(in);
                if (id != null) {
                    byAnyId.putIfAbsent(id, k);
                    String property = keys.inputIdProperty(in);
                    if (property == null) {
                        byObjectId.putIfAbsent(id, k);
                    } else {
                        byProperty.computeIfAbsent(property, p -> new HashMap<>()).putIfAbsent(id, k);
                    }
                }
            }
            // A trace id two inputs share names neither of them.
            byTrace.keySet().removeAll(sharedTraces);
            for (R r : response.results()) {
                if (r == null) {
                    continue;
                }
                Integer k = lookup(byTrace, keys.resultTraceId(r));
                if (k != null && !sameId(chunkInputs.get(k), r)) {
                    k = null;
                }
                if (k == null) {
                    k = lookup(byObjectId, keys.resultId(r));
                }
                for (Iterator<Map.Entry<String, Map<String, Integer>>> it = byProperty.entrySet().iterator();
                        k == null && it.hasNext(); ) {
                    Map.Entry<String, Map<String, Integer>> e = it.next();
                    k = lookup(e.getValue(), keys.resultProperty(r, e.getKey()));
                }
                if (k != null && local[k] == null) {
                    local[k] = new BatchReport.Succeeded<>(idx[k], inputs.get(idx[k]), r);
                }
            }
            for (BatchError error : response.errors()) {
                for (String trace : error.traceIds()) {
                    fail(local, idx, chunkInputs, lookup(byTrace, trace), error);
                }
                for (String id : error.ids()) {
                    fail(local, idx, chunkInputs, lookup(byAnyId, id), error);
                }
            }
        }

        /**
         * The common case without building lookup maps: no errors, and result k carries exactly the object id of
         * input k (inputs addressed by object id, no trace ids on either side). This is keyed matching: ids are
         * unique within a request, so the maps would pair them the same way. Fills {@code local} and returns true
         * only when every input is paired.
         */
        private boolean matchInOrder(int[] idx, List<I> chunkInputs, BatchResponse<R> response,
                                     BatchReport.Outcome<I, R>[] local) {
            List<R> results = response.results();
            int n = idx.length;
            if (!response.errors().isEmpty() || results.size() != n) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                I in = chunkInputs.get(k);
                R r = results.get(k);
                if (r == null || keys.inputTraceId(in) != null || keys.inputIdProperty(in) != null
                        || keys.resultTraceId(r) != null) {
                    return false;
                }
                String id = keys.inputId(in);
                if (id == null || !id.equals(keys.resultId(r))) {
                    return false;
                }
            }
            for (int k = 0; k < n; k++) {
                local[k] = new BatchReport.Succeeded<>(idx[k], inputs.get(idx[k]), results.get(k));
            }
            return true;
        }

        /** Whether the result does not contradict the input's id (object id or unique property value). */
        private boolean sameId(I in, R r) {
            String id = keys.inputId(in);
            if (id == null) {
                return true;
            }
            String property = keys.inputIdProperty(in);
            String resultId = property == null ? keys.resultId(r) : keys.resultProperty(r, property);
            return resultId == null || resultId.equals(id);
        }

        private void fail(BatchReport.Outcome<I, R>[] local, int[] idx, List<I> chunkInputs, Integer k,
                          BatchError error) {
            if (k != null && local[k] == null) {
                local[k] = new BatchReport.Failed<>(idx[k], inputs.get(idx[k]), error, null);
            }
        }

        /**
         * Records the answer to a request that may have reached the server; positions left null become unconfirmed
         * with {@code reason}, to be sent again when allowed and rounds remain.
         */
        private void settle(int[] idx, BatchReport.Outcome<I, R>[] local, String reason, Throwable cause,
                            Resend resendPolicy) {
            lock.lock();
            try {
                tally.requestsDone++;
                if (closed) {
                    return;
                }
                boolean again = !lastRound && resendPolicy == Resend.IF_SAFE && options.retrySafe();
                for (int k = 0; k < idx.length; k++) {
                    int i = idx[k];
                    if (outcomes[i] != null) {
                        continue;
                    }
                    maybeSent[i] = true;
                    BatchReport.Outcome<I, R> o = local[k];
                    if (o != null) {
                        record(i, o);
                    } else {
                        BatchReport.Unconfirmed<I, R> u =
                                new BatchReport.Unconfirmed<>(i, inputs.get(i), reason, cause, true);
                        if (again) {
                            provisional[i] = u;
                        } else {
                            record(i, u);
                        }
                    }
                }
                progress();
            } finally {
                lock.unlock();
            }
        }

        /** Under the lock: a final outcome. */
        private void record(int i, BatchReport.Outcome<I, R> o) {
            outcomes[i] = o;
            provisional[i] = null;
            if (o instanceof BatchReport.Succeeded) {
                tally.succeeded++;
            } else if (o instanceof BatchReport.Failed) {
                tally.failed++;
            } else {
                tally.unconfirmed++;
            }
            if (listener != null && listenerFailure == null) {
                undelivered.add(base == 0 ? o : reindexed(o, base + i));
            }
        }

        /** Under the lock: hands new outcomes to the outcome listener, then tells the progress listener. */
        private void progress() {
            if (!undelivered.isEmpty()) {
                List<BatchReport.Outcome<I, R>> settled = List.copyOf(undelivered);
                undelivered.clear();
                try {
                    listener.settled(settled);
                } catch (RuntimeException e) {
                    listenerFailure = e;
                    stop(LISTENER_FAILED + e);
                }
            }
            Consumer<BatchProgress> progress = options.progress();
            if (progress != null) {
                try {
                    progress.accept(new BatchProgress(tally.total, tally.succeeded, tally.failed, tally.unconfirmed,
                            tally.requestsDone));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "batch progress listener failed", e);
                }
            }
        }

        /** Gives every input without a final outcome its last one, closes the run and returns the outcomes. */
        private List<BatchReport.Outcome<I, R>> finish() {
            lock.lock();
            try {
                boolean changedAny = false;
                Map<String, Integer> earlierIds = new HashMap<>();
                for (int i = 0; i < outcomes.length; i++) {
                    String id = keys.inputId(inputs.get(i));
                    if (outcomes[i] == null) {
                        changedAny = true;
                        Integer earlier = id == null ? null : earlierIds.get(id);
                        if (provisional[i] != null) {
                            record(i, finalFor(i, provisional[i]));
                        } else if (earlier != null) {
                            record(i, new BatchReport.Unconfirmed<>(i, inputs.get(i), "not sent: input "
                                    + (base + earlier) + " with the same id did not succeed or fail", null, false));
                        } else if (id != null && unsettledIds.contains(id)) {
                            record(i, new BatchReport.Unconfirmed<>(i, inputs.get(i), "not sent: an earlier input "
                                    + "with the same id did not succeed or fail", null, false));
                        } else {
                            record(i, new BatchReport.Unconfirmed<>(i, inputs.get(i),
                                    stopped != null ? stopped : "not sent: no round left", null, false));
                        }
                        if (id != null) {
                            earlierIds.putIfAbsent(id, i);
                        }
                    } else if (id != null && outcomes[i] instanceof BatchReport.Unconfirmed) {
                        earlierIds.putIfAbsent(id, i);
                    }
                }
                for (int i = 0; i < outcomes.length; i++) {
                    String id = outcomes[i] instanceof BatchReport.Unconfirmed ? keys.inputId(inputs.get(i)) : null;
                    if (id != null) {
                        unsettledIds.add(id);
                    }
                }
                if (changedAny || !undelivered.isEmpty()) {
                    progress();
                }
                closed = true;
                return Arrays.asList(outcomes.clone());
            } finally {
                lock.unlock();
            }
        }

        @SuppressWarnings("unchecked")
        private BatchReport.Outcome<I, R>[] newOutcomes(int n) {
            // No generic array creation in Java; every element stored is an Outcome<I, R>.
            return (BatchReport.Outcome<I, R>[]) new BatchReport.Outcome<?, ?>[n];
        }
    }

    private static final String LISTENER_FAILED = "not sent: the outcome listener failed: ";

    /** The same outcome at its position in the whole stream. */
    private static <I, R> BatchReport.Outcome<I, R> reindexed(BatchReport.Outcome<I, R> o, int index) {
        if (o instanceof BatchReport.Succeeded<I, R> s) {
            return new BatchReport.Succeeded<>(index, s.input(), s.result());
        } else if (o instanceof BatchReport.Failed<I, R> f) {
            return new BatchReport.Failed<>(index, f.input(), f.error(), f.exception());
        }
        BatchReport.Unconfirmed<I, R> u = (BatchReport.Unconfirmed<I, R>) o;
        return new BatchReport.Unconfirmed<>(index, u.input(), u.reason(), u.cause(), u.sent());
    }

    private static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }

    private static Integer lookup(Map<String, Integer> map, String key) {
        return key == null ? null : map.get(key);
    }
}
