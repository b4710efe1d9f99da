package dev.crmgen.runtime.batch;

import dev.crmgen.runtime.ApiException;
import dev.crmgen.runtime.ResponseDecodingException;
import dev.crmgen.runtime.TransportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a HubSpot batch operation over any number of inputs and accounts for every one of them.
 *
 * <p><b>Chunks and concurrency.</b> Inputs are sent in requests of at most {@link BatchOptions#chunkSize()}, up to
 * {@link BatchOptions#concurrency()} at a time (the calling thread is one of the workers). Each request goes
 * through the client's rate limiter and retry policy inside the {@link BatchCall}.
 *
 * <p><b>Matching.</b> A result belongs to the input with the same {@code objectWriteTraceId}, else the same object
 * id, else (for inputs addressed by a unique property) the same value of that property. An error belongs to every
 * input named by its {@code id}, {@code context.ids}/{@code context.id} or
 * {@code context.objectWriteTraceId}. If keys cannot pair them but the response reports no unattributed error and
 * exactly as many unmatched results as unresolved inputs, they are paired in order; a single unattributed error in
 * a response that leaves exactly one input unresolved is that input's error. A result beats an error naming the
 * same input (the server did write it). Anything else the response does not mention is {@linkplain
 * BatchReport.Unconfirmed unconfirmed}.
 *
 * <p><b>Whole-request failures.</b> A 4xx (429 included, after the invoker's retries) fails every input of the
 * request with that exception, unless {@link BatchOptions#isolateRejected()} splits a 400 down to its culprits. A 5xx, a transport failure or an unreadable success response leaves them
 * unconfirmed. Unconfirmed inputs are sent again (up to {@link BatchOptions#resendRounds()} more rounds) when the
 * operation is {@linkplain BatchOptions#retrySafe() retry-safe}, and always when the request was certainly never
 * sent.
 *
 * <p><b>Duplicate ids.</b> HubSpot rejects a whole batch that names one id twice. Inputs are therefore split into
 * waves: the first occurrence of every id goes in the first wave, the second occurrence in the second, and so on.
 * Waves run one after another, so requests never contain an id twice, every occurrence is reported separately, and
 * for updates the later occurrence is applied last (input order wins). Inputs without an id are never duplicates.
 */
public final class BatchExecutor {
    private static final System.Logger LOG = System.getLogger("dev.crmgen.runtime.batch");

    private final Executor executor;

    /** An executor whose extra workers run on {@code executor}. */
    public BatchExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** An executor that starts a daemon thread per extra worker. */
    public BatchExecutor() {
        this(r -> {
            Thread t = new Thread(r, "crmgen-batch");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Sends all inputs and reports each exactly once. Never throws for server or transport failures: they end up
     * in the report. If the calling thread is interrupted, requests not yet started are reported unconfirmed and
     * the interrupt flag is kept.
     *
     * @throws NullPointerException when an argument or an input is null
     */
    public <I, R> BatchReport<I, R> execute(Collection<I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys, BatchOptions options) {
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
        Run<I, R> run = new Run<>(list, call, keys, options);
        int[] pending = new int[list.size()];
        Arrays.setAll(pending, i -> i);
        for (int round = 0; pending.length > 0; round++) {
            boolean lastRound = round >= options.resendRounds();
            pending = run.round(pending, lastRound);
            if (run.cancelled) {
                break;
            }
        }
        run.finishPending(pending);
        List<BatchReport.Outcome<I, R>> outcomes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            BatchReport.Outcome<I, R> o = run.outcomes[i];
            // Defensive: an input must never go missing from the report.
            outcomes.add(o != null ? o : new BatchReport.Unconfirmed<>(i, list.get(i), "no outcome recorded", null));
        }
        if (run.cancelled) {
            Thread.currentThread().interrupt();
        }
        return new BatchReport<>(outcomes, run.requests.get());
    }

    /** Splits inputs into waves so that no wave holds one id twice; see the class documentation. */
    static <I> List<int[]> waves(int[] indices, List<I> inputs, BatchKeys<I, ?> keys) {
        // Usually every id is distinct: one wave, found without boxing an index per input.
        Set<String> distinct = new HashSet<>(indices.length * 4 / 3 + 1);
        boolean duplicates = false;
        for (int i : indices) {
            String id = keys.inputId(inputs.get(i));
            if (id != null && !distinct.add(id)) {
                duplicates = true;
                break;
            }
        }
        if (!duplicates) {
            return List.of(indices);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<List<Integer>> waves = new ArrayList<>();
        for (int i : indices) {
            String id = keys.inputId(inputs.get(i));
            int wave = 0;
            if (id != null) {
                wave = seen.merge(id, 1, Integer::sum) - 1;
            }
            while (waves.size() <= wave) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(i);
        }
        List<int[]> out = new ArrayList<>(waves.size());
        for (List<Integer> w : waves) {
            out.add(w.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private enum Resend { NEVER, IF_SAFE, ALWAYS }

    /** The mutable state of one execute call. */
    private final class Run<I, R> {
        final List<I> inputs;
        final BatchCall<I, R> call;
        final BatchKeys<I, R> keys;
        final BatchOptions options;
        final BatchReport.Outcome<I, R>[] outcomes;
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean cancelled;
        private int succeeded;
        private int failed;
        private int unconfirmed;
        private final List<Integer> resend = new ArrayList<>();

        Run(List<I> inputs, BatchCall<I, R> call, BatchKeys<I, R> keys, BatchOptions options) {
            this.inputs = inputs;
            this.call = call;
            this.keys = keys;
            this.options = options;
            this.outcomes = newOutcomes(inputs.size());
        }

        /** Runs one round over {@code indices}; returns the inputs to send again. */
        int[] round(int[] indices, boolean lastRound) {
            synchronized (this) {
                resend.clear();
            }
            for (int[] wave : waves(indices, inputs, keys)) {
                List<int[]> chunks = new ArrayList<>();
                for (int from = 0; from < wave.length; from += options.chunkSize()) {
                    chunks.add(Arrays.copyOfRange(wave, from, Math.min(wave.length, from + options.chunkSize())));
                }
                runAll(chunks, lastRound);
                if (cancelled) {
                    break;
                }
            }
            synchronized (this) {
                int[] again = resend.stream().mapToInt(Integer::intValue).sorted().toArray();
                resend.clear();
                return again;
            }
        }

        /** Inputs still pending when the loop ends (interrupted) keep or get a final unconfirmed outcome. */
        void finishPending(int[] pending) {
            for (int i : pending) {
                if (outcomes[i] == null) {
                    outcomes[i] = new BatchReport.Unconfirmed<>(i, inputs.get(i), "not sent: interrupted", null);
                }
            }
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = new BatchReport.Unconfirmed<>(i, inputs.get(i), "not sent: interrupted", null);
                }
            }
        }

        private void runAll(List<int[]> chunks, boolean lastRound) {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                int c;
                while (!cancelled && (c = next.getAndIncrement()) < chunks.size()) {
                    chunk(chunks.get(c), lastRound);
                }
            };
            Thread caller = Thread.currentThread();
            int extra = Math.min(options.concurrency(), chunks.size()) - 1;
            CountDownLatch done = new CountDownLatch(Math.max(extra, 0));
            int started = 0;
            for (int w = 0; w < extra; w++) {
                try {
                    executor.execute(() -> {
                        try {
                            worker.run();
                        } finally {
                            done.countDown();
                        }
                    });
                    started++;
                } catch (RejectedExecutionException e) {
                    break;
                }
            }
            for (int w = started; w < extra; w++) {
                done.countDown();
            }
            try {
                int c;
                // The calling thread works too, and notices its own interrupt between requests.
                while (!cancelled && !caller.isInterrupted() && (c = next.getAndIncrement()) < chunks.size()) {
                    chunk(chunks.get(c), lastRound);
                }
            } finally {
                boolean interrupted = false;
                while (true) {
                    try {
                        done.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        cancelled = true;
                    }
                }
                if (interrupted || Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    Thread.interrupted();
                }
            }
            // Chunks no worker took (after an interrupt) were never sent.
            for (int c = next.get(); c < chunks.size(); c++) {
                for (int i : chunks.get(c)) {
                    outcomes[i] = new BatchReport.Unconfirmed<>(i, inputs.get(i), "not sent: interrupted", null);
                }
            }
        }

        private void chunk(int[] idx, boolean lastRound) {
            List<I> chunkInputs = new ArrayList<>(idx.length);
            for (int i : idx) {
                chunkInputs.add(inputs.get(i));
            }
            BatchResponse<R> response;
            try {
                response = call.send(chunkInputs);
            } catch (RuntimeException e) {
                requests.incrementAndGet();
                if (Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                }
                if (options.isolateRejected() && idx.length > 1 && e instanceof ApiException ae && ae.status() == 400 && !cancelled) {
                    // A 400 wrote nothing: halve the request until the inputs that cause it stand alone.
                    int mid = idx.length / 2;
                    chunk(Arrays.copyOfRange(idx, 0, mid), lastRound);
                    chunk(Arrays.copyOfRange(idx, mid, idx.length), lastRound);
                    return;
                }
                wholeRequestFailed(idx, e, lastRound);
                return;
            }
            requests.incrementAndGet();
            if (response == null) {
                settle(idx, newOutcomes(idx.length), "the batch call returned no response", null, Resend.NEVER, lastRound);
                return;
            }
            match(idx, chunkInputs, response, lastRound);
        }

        private void wholeRequestFailed(int[] idx, RuntimeException e, boolean lastRound) {
            Resend resend;
            String reason;
            if (e instanceof TransportException te) {
                resend = te.requestSent() ? Resend.IF_SAFE : Resend.ALWAYS;
                reason = te.requestSent() ? "the request failed after it may have reached the server" : "the request was not sent";
            } else if (e instanceof ResponseDecodingException) {
                resend = Resend.NEVER;
                reason = "the server answered but the response could not be read";
            } else if (e instanceof ApiException ae && ae.status() >= 500) {
                resend = Resend.IF_SAFE;
                reason = "server error " + ae.status();
            } else if (e instanceof ApiException) {
                BatchReport.Outcome<I, R>[] local = newOutcomes(idx.length);
                for (int k = 0; k < idx.length; k++) {
                    local[k] = new BatchReport.Failed<>(idx[k], inputs.get(idx[k]), null, e);
                }
                settle(idx, local, null, null, Resend.NEVER, lastRound);
                return;
            } else {
                resend = Resend.NEVER;
                reason = "the batch call threw " + e.getClass().getName();
            }
            settle(idx, newOutcomes(idx.length), reason + ": " + e.getMessage(), e, resend, lastRound);
        }

        private void match(int[] idx, List<I> chunkInputs, BatchResponse<R> response, boolean lastRound) {
            int n = idx.length;
            BatchReport.Outcome<I, R>[] local = newOutcomes(n);
            if (matchInOrder(idx, chunkInputs, response, local)) {
                settle(idx, local, null, null, Resend.NEVER, lastRound);
                return;
            }
            Map<String, Integer> byTrace = new HashMap<>();
            Map<String, Integer> byObjectId = new HashMap<>();
            Map<String, Integer> byAnyId = new HashMap<>();
            Map<String, Map<String, Integer>> byProperty = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                I in = chunkInputs.get(k);
                String trace = keys.inputTraceId(in);
                if (trace != null) {
                    byTrace.putIfAbsent(trace, k);
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
            List<R> unmatchedResults = new ArrayList<>();
            for (R r : response.results()) {
                if (r == null) {
                    continue;
                }
                Integer k = lookup(byTrace, keys.resultTraceId(r));
                if (k == null) {
                    k = lookup(byObjectId, keys.resultId(r));
                }
                if (k == null) {
                    for (Map.Entry<String, Map<String, Integer>> e : byProperty.entrySet()) {
                        k = lookup(e.getValue(), keys.resultProperty(r, e.getKey()));
                        if (k != null) {
                            break;
                        }
                    }
                }
                if (k == null) {
                    unmatchedResults.add(r);
                } else if (local[k] == null) {
                    local[k] = new BatchReport.Succeeded<>(idx[k], chunkInputs.get(k), r);
                }
            }
            List<BatchError> unmatchedErrors = new ArrayList<>();
            for (BatchError error : response.errors()) {
                boolean matched = false;
                for (String trace : error.traceIds()) {
                    matched |= fail(local, idx, chunkInputs, lookup(byTrace, trace), error);
                }
                for (String id : error.ids()) {
                    matched |= fail(local, idx, chunkInputs, lookup(byAnyId, id), error);
                }
                matched |= fail(local, idx, chunkInputs, lookup(byAnyId, error.id()), error);
                if (!matched) {
                    unmatchedErrors.add(error);
                }
            }
            List<Integer> unresolved = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (local[k] == null) {
                    unresolved.add(k);
                }
            }
            if (!unresolved.isEmpty()) {
                if (unmatchedErrors.isEmpty() && unmatchedResults.size() == unresolved.size()) {
                    for (int j = 0; j < unresolved.size(); j++) {
                        int k = unresolved.get(j);
                        local[k] = new BatchReport.Succeeded<>(idx[k], chunkInputs.get(k), unmatchedResults.get(j));
                    }
                } else if (unresolved.size() == 1 && unmatchedErrors.size() == 1 && unmatchedResults.isEmpty()) {
                    int k = unresolved.get(0);
                    local[k] = new BatchReport.Failed<>(idx[k], chunkInputs.get(k), unmatchedErrors.get(0), null);
                }
            }
            String reason = "the response neither confirmed nor rejected it";
            if (!unmatchedErrors.isEmpty()) {
                reason += "; errors not attributable to an input: " + unmatchedErrors;
            }
            settle(idx, local, reason, null, Resend.IF_SAFE, lastRound);
        }

        /**
         * The common case without building lookup maps: no errors, and result k carries exactly the object id of
         * input k (inputs addressed by object id, no trace ids on either side). Ids are unique within a request
         * (see the waves), so the keyed matching would pair them the same way. Fills {@code local} and returns
         * true only when every input is paired.
         */
        private boolean matchInOrder(int[] idx, List<I> chunkInputs, BatchResponse<R> response, BatchReport.Outcome<I, R>[] local) {
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
                local[k] = new BatchReport.Succeeded<>(idx[k], chunkInputs.get(k), results.get(k));
            }
            return true;
        }

        private boolean fail(BatchReport.Outcome<I, R>[] local, int[] idx, List<I> chunkInputs, Integer k, BatchError error) {
            if (k == null) {
                return false;
            }
            if (local[k] == null) {
                local[k] = new BatchReport.Failed<>(idx[k], chunkInputs.get(k), error, null);
            }
            return true;
        }

        /**
         * Records final outcomes; positions left null become unconfirmed with {@code reason}, to be sent again
         * when allowed and rounds remain.
         */
        private void settle(int[] idx, BatchReport.Outcome<I, R>[] local, String reason, Throwable cause, Resend resendPolicy,
                            boolean lastRound) {
            boolean again = !lastRound && (resendPolicy == Resend.ALWAYS || (resendPolicy == Resend.IF_SAFE && options.retrySafe()));
            Consumer<BatchProgress> listener = options.progress();
            synchronized (this) {
                for (int k = 0; k < idx.length; k++) {
                    int i = idx[k];
                    BatchReport.Outcome<I, R> o = local[k];
                    if (o == null) {
                        outcomes[i] = new BatchReport.Unconfirmed<>(i, inputs.get(i), reason, cause);
                        if (again) {
                            resend.add(i);
                        } else {
                            unconfirmed++;
                        }
                    } else {
                        outcomes[i] = o;
                        if (o instanceof BatchReport.Succeeded) {
                            succeeded++;
                        } else {
                            failed++;
                        }
                    }
                }
                if (listener != null) {
                    try {
                        listener.accept(new BatchProgress(inputs.size(), succeeded, failed, unconfirmed, requests.get()));
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "batch progress listener failed", e);
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private BatchReport.Outcome<I, R>[] newOutcomes(int n) {
            // No generic array creation in Java; every element stored is an Outcome<I, R>.
            return (BatchReport.Outcome<I, R>[]) new BatchReport.Outcome<?, ?>[n];
        }
    }

    private static Integer lookup(Map<String, Integer> map, String key) {
        return key == null ? null : map.get(key);
    }
}
