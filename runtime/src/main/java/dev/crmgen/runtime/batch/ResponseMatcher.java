package dev.crmgen.runtime.batch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a batch response to the inputs of its request by key only, never by position, because HubSpot does not
 * promise result order (the rules are in {@link BatchExecutor}'s documentation, "Matching"). Only a request of a
 * single keyless input is paired by position.
 */
final class ResponseMatcher<I, R> {
    /** The run's inputs as the caller gave them: outcomes carry these, not the inputs as sent. */
    private final List<I> inputs;

    private final BatchKeys<I, R> keys;

    ResponseMatcher(List<I> inputs, BatchKeys<I, R> keys) {
        this.inputs = inputs;
        this.keys = keys;
    }

    /** Why an input the response did not settle ends unconfirmed. */
    static <R> String unresolvedReason(BatchResponse<R> response) {
        return response.errors().isEmpty()
                ? "the response neither confirmed nor rejected it"
                : "the response neither confirmed nor rejected it; errors in it: " + response.errors();
    }

    /**
     * The outcome of each input of a request ({@code idx}: positions in the run; {@code chunkInputs}: the inputs as
     * sent) that the response settles; null where it settles nothing.
     */
    BatchReport.Outcome<I, R>[] match(int[] idx, List<I> chunkInputs, BatchResponse<R> response) {
        int n = idx.length;
        BatchReport.Outcome<I, R>[] local = BatchOutcomes.newArray(n);
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
    private void matchKeyless(
            int[] idx, List<I> chunkInputs, BatchResponse<R> response, BatchReport.Outcome<I, R>[] local) {
        List<R> results = response.results();
        int n = idx.length;
        if (n == 1 && response.errors().isEmpty() && results.size() == 1 && results.get(0) != null) {
            local[0] = new BatchReport.Succeeded<>(idx[0], inputs.get(idx[0]), results.get(0));
        } else if (n == 1 && results.isEmpty() && response.errors().size() == 1) {
            local[0] = new BatchReport.Failed<>(
                    idx[0], inputs.get(idx[0]), response.errors().get(0), null);
        }
    }

    private void matchByKey(
            int[] idx, List<I> chunkInputs, BatchResponse<R> response, BatchReport.Outcome<I, R>[] local) {
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
            for (Iterator<Map.Entry<String, Map<String, Integer>>> it =
                            byProperty.entrySet().iterator();
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
    private boolean matchInOrder(
            int[] idx, List<I> chunkInputs, BatchResponse<R> response, BatchReport.Outcome<I, R>[] local) {
        List<R> results = response.results();
        int n = idx.length;
        if (!response.errors().isEmpty() || results.size() != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            I in = chunkInputs.get(k);
            R r = results.get(k);
            if (r == null
                    || keys.inputTraceId(in) != null
                    || keys.inputIdProperty(in) != null
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

    private void fail(BatchReport.Outcome<I, R>[] local, int[] idx, List<I> chunkInputs, Integer k, BatchError error) {
        if (k != null && local[k] == null) {
            local[k] = new BatchReport.Failed<>(idx[k], inputs.get(idx[k]), error, null);
        }
    }

    private static Integer lookup(Map<String, Integer> map, String key) {
        return key == null ? null : map.get(key);
    }
}
