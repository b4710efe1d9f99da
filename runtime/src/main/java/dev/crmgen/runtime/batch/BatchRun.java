package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.batch.RequestFailure.Resend;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.error.DailyLimitException;
import dev.crmgen.runtime.ratelimit.Ticker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execute call (one window of a stream): the scheduling of its requests on the caller and the executor's helpers
 * in rounds and waves, within the deadline. Its mutable fields (not final, not volatile) and its
 * {@link OutcomeLedger} are guarded by {@code lock}.
 *
 * <p>Kept as one class on purpose: the queue, the requests in flight, the helpers and the stop reason change
 * together under that one lock, and one class keeps the locking discipline in view. What needs no lock of its own
 * stands apart: {@link OutcomeLedger}, {@link ResponseMatcher}, {@link RoundPlanner}, {@link RequestFailure}.
 */
final class BatchRun<I, R> {
    private static final System.Logger LOG = System.getLogger("dev.crmgen.runtime.batch");
    /** A waiting caller re-reads the ticker this often, so a controllable ticker can end the wait. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final String LISTENER_FAILED = "not sent: the outcome listener failed: ";

    /** Counts over a whole run, every window of a stream included; guarded by the lock of the window's run. */
    static final class Tally {
        int total;
        int succeeded;
        int failed;
        int unconfirmed;
        int requestsDone;
        int requestsStarted;
    }

    final Executor executor;
    final List<I> inputs;
    final BatchCall<I, R> call;
    final BatchKeys<I, R> keys;
    final ResponseMatcher<I, R> matcher;
    final BatchOptions options;
    final Ticker ticker;
    final long deadline;
    final long giveUp;
    final Thread caller = Thread.currentThread();
    final AtomicInteger requestsStarted = new AtomicInteger();
    /** Trace ids this run stamps on keyless inputs start with it; unique per run, so no input shares one. */
    final String tracePrefix = "crmgen-" + UUID.randomUUID() + "-";

    final Tally tally;
    final OutcomeLedger<I, R> ledger;
    /** Set when a request hit HubSpot's daily limit. */
    DailyLimitException dailyLimit;

    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    final ArrayDeque<int[]> queue = new ArrayDeque<>();
    final Set<int[]> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    int helpers;
    /** Why no more requests start, or null. */
    String stopped;
    /** Set when execute returns or gives up on requests in flight; later answers are ignored. */
    boolean closed;

    boolean interrupted;
    volatile boolean lastRound;

    BatchRun(
            Executor executor,
            List<I> inputs,
            BatchCall<I, R> call,
            BatchKeys<I, R> keys,
            BatchOptions options,
            long deadline,
            Tally tally,
            Set<String> unsettledIds,
            BatchListener<I, R> listener) {
        this.executor = executor;
        this.inputs = inputs;
        this.call = call;
        this.keys = keys;
        this.matcher = new ResponseMatcher<>(inputs, keys);
        this.options = options;
        this.ticker = options.ticker();
        this.deadline = deadline;
        this.tally = tally;
        this.ledger = new OutcomeLedger<>(inputs, keys, options, tally, unsettledIds, listener);
        this.giveUp = deadline + saturatedNanos(options.inFlightGrace());
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
            blocked = new HashSet<>(ledger.unsettledIds());
        } finally {
            lock.unlock();
        }
        List<Integer> later = new ArrayList<>();
        List<Integer> todo = pending;
        while (!todo.isEmpty() && !isStopped()) {
            List<Integer> rest = new ArrayList<>();
            List<Integer> wave = RoundPlanner.nextWave(todo, inputs, keys, blocked, rest);
            if (wave.isEmpty()) {
                later.addAll(rest);
                todo = List.of();
                break;
            }
            runWave(wave);
            lock.lock();
            try {
                for (int i : wave) {
                    BatchReport.Outcome<I, R> o = ledger.outcome(i);
                    if (o == null || o instanceof BatchReport.Unconfirmed) {
                        // No final outcome, or one that may still be applied late: later occurrences wait.
                        String id = keys.inputId(inputs.get(i));
                        if (id != null) {
                            blocked.add(id);
                            if (o != null) {
                                ledger.unsettledIds().add(id);
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
            queue.addAll(RoundPlanner.chunks(wave, size));
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
                ledger.unanswered(chunk);
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
            settle(chunk, BatchOutcomes.newArray(chunk.length), "the batch executor failed: " + e, e, Resend.NEVER);
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
            if (options.isolateRejected()
                    && idx.length > 1
                    && e instanceof ApiException ae
                    && ae.status() == 400
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
            settle(idx, BatchOutcomes.newArray(idx.length), "the batch call returned no response", null, Resend.NEVER);
            return;
        }
        settle(
                idx,
                matcher.match(idx, chunkInputs, response),
                ResponseMatcher.unresolvedReason(response),
                null,
                Resend.IF_SAFE);
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
            ledger.rejectedUnsent(idx, e);
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
        RequestFailure failure = RequestFailure.of(e);
        switch (failure.kind()) {
            case NOT_APPLIED -> notApplied(idx, e);
            case REJECTED -> {
                BatchReport.Outcome<I, R>[] local = BatchOutcomes.newArray(idx.length);
                for (int k = 0; k < idx.length; k++) {
                    local[k] = new BatchReport.Failed<>(idx[k], inputs.get(idx[k]), null, e);
                }
                settle(idx, local, null, null, Resend.NEVER);
            }
            default ->
                settle(
                        idx,
                        BatchOutcomes.newArray(idx.length),
                        failure.reason() + ": " + e.getMessage(),
                        e,
                        failure.resend());
        }
    }

    /** The request applied nothing: a later round sends it again; after the last it fails with {@code e}. */
    private void notApplied(int[] idx, RuntimeException e) {
        lock.lock();
        try {
            tally.requestsDone++;
            if (closed) {
                return;
            }
            ledger.notApplied(idx, e, lastRound);
            progress();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records the answer to a request that may have reached the server; positions left null become unconfirmed
     * with {@code reason}, to be sent again when allowed and rounds remain.
     */
    private void settle(
            int[] idx, BatchReport.Outcome<I, R>[] local, String reason, Throwable cause, Resend resendPolicy) {
        lock.lock();
        try {
            tally.requestsDone++;
            if (closed) {
                return;
            }
            boolean again = !lastRound && resendPolicy == Resend.IF_SAFE && options.retrySafe();
            ledger.settle(idx, local, reason, cause, again);
            progress();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: hands new outcomes to the listeners; a failing outcome listener stops the run. */
    private void progress() {
        RuntimeException listenerFailed = ledger.deliver();
        if (listenerFailed != null) {
            stop(LISTENER_FAILED + listenerFailed);
        }
    }

    /** Gives every input without a final outcome its last one, closes the run and returns the outcomes. */
    private List<BatchReport.Outcome<I, R>> finish() {
        lock.lock();
        try {
            if (ledger.finish(stopped)) {
                progress();
            }
            closed = true;
            return ledger.outcomes();
        } finally {
            lock.unlock();
        }
    }

    /** The outcome listener's first exception, or null. */
    RuntimeException listenerFailure() {
        lock.lock();
        try {
            return ledger.listenerFailure();
        } finally {
            lock.unlock();
        }
    }

    /** {@code d} in nanoseconds, or a quarter of the long range when it does not fit (an effectively endless wait). */
    static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
