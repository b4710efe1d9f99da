package dev.crmgen.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox's own record of batch updates: per note, every write it applied, in order, with the number of the
 * request that carried it; and how each batch-update request that was not plainly answered ended. Tests check a
 * client's report against it: a reported success must be here with its value, a reported failure must not.
 *
 * <p>Thread-safe. Lean enough for hundreds of thousands of writes: one small list per written note, holding the
 * request's own (unmodifiable) property map, and one entry per request that met a fault.
 */
public final class Ledger {
    private final Map<String, List<Write>> writes = new ConcurrentHashMap<>();
    private final Map<Long, Fault> faults = new ConcurrentHashMap<>();

    Ledger() {}

    /**
     * One applied write.
     *
     * @param request the sandbox's number of the HTTP request that carried it (1 for the first request received)
     * @param properties the properties it wrote, as sent
     */
    public record Write(long request, Map<String, String> properties) {}

    /** How a batch-update request that met a fault ended, from the sandbox's side. */
    public enum Delivery {
        /** Answered 5xx before processing: nothing applied, but the client cannot know that. */
        SERVER_ERROR(true),
        /** Answered 429 before processing: nothing applied, and the client is told so. */
        RATE_LIMITED(false),
        /** Closed without an answer before processing: nothing applied. */
        ABORTED(true),
        /** Processed, then closed without an answer: applied, and the client cannot know. */
        RESPONSE_LOST(true),
        /** Processed, half a body sent, then silence: applied, and the client cannot know. */
        BODY_STALLED(true),
        /** Processed and the body sent slowly: applied; a client that gave up cannot know. */
        BODY_TRICKLED(true),
        /** Processed with one input refused, and a 207 that names it by id. */
        PARTIAL_FAILURE_NAMED(false),
        /** Processed with one input refused, and a 207 that names it only in text. */
        PARTIAL_FAILURE_UNNAMED(true);

        private final boolean ambiguous;

        Delivery(boolean ambiguous) {
            this.ambiguous = ambiguous;
        }

        /** Whether a client, from what it received, cannot tell whether an input of the request was applied. */
        public boolean ambiguous() {
            return ambiguous;
        }
    }

    /**
     * A batch-update request that met a fault.
     *
     * @param request the request's number
     * @param delivery how it ended
     * @param ids the ids the fault leaves in doubt or refused: every id the request named, in order (empty when its
     *     body could not be read), or for a partial failure only the refused input's
     */
    public record Fault(long request, Delivery delivery, List<String> ids) {}

    void recordWrite(String noteId, long request, Map<String, String> properties) {
        writes.computeIfAbsent(noteId, id -> new CopyOnWriteArrayList<>())
                .add(new Write(request, Collections.unmodifiableMap(properties)));
    }

    void recordFault(long request, Delivery delivery, List<String> ids) {
        faults.put(request, new Fault(request, delivery, List.copyOf(ids)));
    }

    /** Every write applied to the note with this id, in the order applied; empty if none. */
    public List<Write> writes(String noteId) {
        List<Write> list = writes.get(noteId);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Whether any write was applied to this note. */
    boolean written(String noteId) {
        return writes.containsKey(noteId);
    }

    /** The number of writes applied to all notes. */
    public long writeCount() {
        long count = 0;
        for (List<Write> list : writes.values()) {
            count += list.size();
        }
        return count;
    }

    /** How the request with this number ended, if it was a batch update that met a fault. */
    public Optional<Fault> fault(long request) {
        return Optional.ofNullable(faults.get(request));
    }

    /** The faulted batch-update requests that named this id, in request order. */
    public List<Fault> faultsNaming(String id) {
        List<Fault> found = new ArrayList<>();
        for (Fault f : faults.values()) {
            if (f.ids().contains(id)) {
                found.add(f);
            }
        }
        found.sort((a, b) -> Long.compare(a.request(), b.request()));
        return found;
    }

    @Override
    public String toString() {
        return "Ledger[" + writes.size() + " notes written, " + faults.size() + " faulted requests]";
    }
}
