package dev.crmgen.runtime.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The outcomes of one run's inputs: the final ones, the provisional ones inputs get if they are not sent again, which
 * inputs may have reached the server, and the hand-over to the outcome and progress listeners. Not thread-safe: its
 * {@link BatchRun} calls it under the run's lock only.
 */
final class OutcomeLedger<I, R> {
    private static final System.Logger LOG = System.getLogger("dev.crmgen.runtime.batch");

    private final List<I> inputs;
    private final BatchKeys<I, R> keys;
    private final BatchOptions options;
    private final BatchRun.Tally tally;
    /** The input count before this window: outcome indexes are offset by it. */
    private final int base;
    /** Streaming only, else null. */
    private final BatchListener<I, R> listener;
    /**
     * Ids with an occurrence that ended unconfirmed; later occurrences are never sent. Shared by the windows of a
     * stream, so it holds one id per unconfirmed input with an id.
     */
    private final Set<String> unsettledIds;
    /** Final outcomes not yet handed to the listener. */
    private final List<BatchReport.Outcome<I, R>> undelivered = new ArrayList<>();

    private RuntimeException listenerFailure;
    /** Final outcomes; null while an input may still be sent. */
    private final BatchReport.Outcome<I, R>[] outcomes;
    /** The outcome an input gets if it is not sent again. */
    private final BatchReport.Outcome<I, R>[] provisional;
    /** Whether some request carrying the input may have reached the server. */
    private final boolean[] maybeSent;

    /** A ledger for {@code inputs}, counted in {@code tally} after the inputs it already holds. */
    OutcomeLedger(
            List<I> inputs,
            BatchKeys<I, R> keys,
            BatchOptions options,
            BatchRun.Tally tally,
            Set<String> unsettledIds,
            BatchListener<I, R> listener) {
        this.inputs = inputs;
        this.keys = keys;
        this.options = options;
        this.tally = tally;
        this.base = tally.total;
        this.unsettledIds = unsettledIds;
        this.listener = listener;
        tally.total += inputs.size();
        this.outcomes = BatchOutcomes.newArray(inputs.size());
        this.provisional = BatchOutcomes.newArray(inputs.size());
        this.maybeSent = new boolean[inputs.size()];
    }

    /** The input's final outcome, or null while it may still be sent. */
    BatchReport.Outcome<I, R> outcome(int i) {
        return outcomes[i];
    }

    /** The ids whose later occurrences are never sent, as of now. */
    Set<String> unsettledIds() {
        return unsettledIds;
    }

    /** The outcome listener's first exception, or null. */
    RuntimeException listenerFailure() {
        return listenerFailure;
    }

    /** Inputs of requests still unanswered when the run gives up on them end unconfirmed and sent. */
    void unanswered(int[] idx) {
        for (int i : idx) {
            if (outcomes[i] == null) {
                record(
                        i,
                        new BatchReport.Unconfirmed<>(
                                i, inputs.get(i), "sent, but no answer by the run's deadline and grace", null, true));
            }
        }
    }

    /** Inputs of a rejected request that isolating had no time left to resend fail with {@code e}. */
    void rejectedUnsent(int[] idx, RuntimeException e) {
        for (int i : idx) {
            if (outcomes[i] == null) {
                record(i, new BatchReport.Failed<>(i, inputs.get(i), null, e));
            }
        }
    }

    /** The request applied nothing: a later round sends it again; after the last it fails with {@code e}. */
    void notApplied(int[] idx, RuntimeException e, boolean lastRound) {
        for (int i : idx) {
            BatchReport.Failed<I, R> failure = new BatchReport.Failed<>(i, inputs.get(i), null, e);
            if (lastRound) {
                record(i, finalFor(i, failure));
            } else {
                provisional[i] = failure;
            }
        }
    }

    /**
     * The answer to a request that may have reached the server; positions of {@code local} left null become
     * unconfirmed with {@code reason}, provisionally when the inputs are to be sent {@code again}.
     */
    void settle(int[] idx, BatchReport.Outcome<I, R>[] local, String reason, Throwable cause, boolean again) {
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
                BatchReport.Unconfirmed<I, R> u = new BatchReport.Unconfirmed<>(i, inputs.get(i), reason, cause, true);
                if (again) {
                    provisional[i] = u;
                } else {
                    record(i, u);
                }
            }
        }
    }

    /**
     * Gives every input without a final outcome its last one ({@code stopped}: why no more requests started, or
     * null) and remembers the ids of unconfirmed inputs; returns whether there is anything to deliver.
     */
    boolean finish(String stopped) {
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
                    record(
                            i,
                            new BatchReport.Unconfirmed<>(
                                    i,
                                    inputs.get(i),
                                    "not sent: input " + (base + earlier) + " with the same id did not succeed or fail",
                                    null,
                                    false));
                } else if (id != null && unsettledIds.contains(id)) {
                    record(
                            i,
                            new BatchReport.Unconfirmed<>(
                                    i,
                                    inputs.get(i),
                                    "not sent: an earlier input " + "with the same id did not succeed or fail",
                                    null,
                                    false));
                } else {
                    record(
                            i,
                            new BatchReport.Unconfirmed<>(
                                    i,
                                    inputs.get(i),
                                    stopped != null ? stopped : "not sent: no round left",
                                    null,
                                    false));
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
        return changedAny || !undelivered.isEmpty();
    }

    /** Every input's final outcome, in input order. */
    List<BatchReport.Outcome<I, R>> outcomes() {
        return Arrays.asList(outcomes.clone());
    }

    /**
     * Hands new outcomes to the outcome listener, then tells the progress listener; returns the outcome listener's
     * exception when it failed just now, else null.
     */
    RuntimeException deliver() {
        RuntimeException failed = null;
        if (!undelivered.isEmpty()) {
            List<BatchReport.Outcome<I, R>> settled = List.copyOf(undelivered);
            undelivered.clear();
            try {
                listener.settled(settled);
            } catch (RuntimeException e) {
                listenerFailure = e;
                failed = e;
            }
        }
        Consumer<BatchProgress> progress = options.progress();
        if (progress != null) {
            try {
                progress.accept(new BatchProgress(
                        tally.total, tally.succeeded, tally.failed, tally.unconfirmed, tally.requestsDone));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "batch progress listener failed", e);
            }
        }
        return failed;
    }

    /** A failure that applied nothing, unless an earlier attempt may have been applied. */
    private BatchReport.Outcome<I, R> finalFor(int i, BatchReport.Outcome<I, R> o) {
        if (o instanceof BatchReport.Failed<I, R> f && f.error() == null && maybeSent[i]) {
            return new BatchReport.Unconfirmed<>(
                    i,
                    inputs.get(i),
                    "an earlier request carrying it may have " + "reached the server; the last one applied nothing: "
                            + f.message(),
                    f.exception(),
                    true);
        }
        return o;
    }

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
            undelivered.add(base == 0 ? o : BatchOutcomes.reindexed(o, base + i));
        }
    }
}
