package dev.crmgen.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.crmgen.sandbox.BatchResponses.NoteError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HubSpot's notes endpoints over the {@link NoteStore}: what each batch and single read does. {@link BatchInputs} reads
 * the request, {@link PropertyChecks} validates its properties, {@link BatchResponses} writes the answer.
 */
final class NotesApi {
    private static final String NOT_FOUND_MESSAGE =
            "Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.";
    static final List<String> DEFAULT_READ_PROPERTIES =
            List.of(NoteStore.CREATE_DATE, NoteStore.LAST_MODIFIED, NoteStore.OBJECT_ID);

    private final NoteStore store;
    private final Counters counters;
    private final int maxBatchSize;
    private final Ledger ledger;
    private final PropertyChecks propertyChecks;

    NotesApi(NoteStore store, Counters counters, int maxBatchSize, Ledger ledger) {
        this.store = store;
        this.propertyChecks = new PropertyChecks(store);
        this.counters = counters;
        this.maxBatchSize = maxBatchSize;
        this.ledger = ledger;
    }

    /** How a batch update refuses one input on purpose: not at all, or with a 207 in one documented shape. */
    enum Refusal {
        NONE,
        BARE,
        EMPTY_SUBCATEGORY,
        CONTEXT_IN_DETAIL_TEXT,
        CONTEXT_AS_TEXT;

        /** Whether the 207 names the refused input by id where a client can read it. */
        boolean named() {
            return this == BARE || this == EMPTY_SUBCATEGORY;
        }
    }

    /** A request that HubSpot would refuse as a whole. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Response response;

        Rejected(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private record UpdateInput(String id, String idProperty, String traceId, Map<String, String> properties) {}

    private record Target(UpdateInput input, String noteId) {}

    // ---- batch update -------------------------------------------------------------------------------------------

    /**
     * Applies a batch update as request number {@code request}, recording every write in the ledger; with a
     * {@code refusal} other than NONE, the first input whose note was never written is refused and reported in
     * that shape.
     */
    Response batchUpdate(Object body, String correlationId, long request, Refusal refusal) throws Rejected {
        Instant startedAt = store.now();
        List<Map<String, Object>> rawInputs =
                BatchInputs.inputs(body, "BatchInputSimplePublicObjectBatchInput", maxBatchSize, correlationId);
        List<UpdateInput> inputs = new ArrayList<>(rawInputs.size());
        for (Map<String, Object> raw : rawInputs) {
            String id = BatchInputs.requiredString(raw, "id", "SimplePublicObjectBatchInput", correlationId);
            Map<String, String> props = BatchInputs.properties(raw, "SimplePublicObjectBatchInput", correlationId);
            inputs.add(new UpdateInput(
                    id,
                    BatchInputs.optionalString(raw, "idProperty", correlationId),
                    BatchInputs.optionalString(raw, "objectWriteTraceId", correlationId),
                    props));
        }
        propertyChecks.validate(inputs.stream().map(UpdateInput::properties).toList(), correlationId);
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (UpdateInput in : inputs) {
            if (in.idProperty() != null) {
                propertyChecks.checkIdProperty(in.idProperty(), correlationId);
            }
            if (!seen.add((in.idProperty() == null ? "" : in.idProperty()) + '\u0000' + in.id())) {
                duplicates.add(in.id());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new Rejected(Response.validation(
                    "Duplicate IDs found in batch input: " + duplicates + ". IDs must be unique", correlationId));
        }

        List<Note> results = new ArrayList<>();
        List<UpdateInput> applied = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        NoteError refusedError = null;
        synchronized (store) {
            List<Target> targets = new ArrayList<>();
            for (UpdateInput in : inputs) {
                String noteId =
                        in.idProperty() == null ? liveId(in.id()) : store.findByUnique(in.idProperty(), in.id());
                if (noteId == null) {
                    missing.add(in.id());
                } else {
                    targets.add(new Target(in, noteId));
                }
            }
            checkUniqueValues(targets, correlationId);
            Target refused = refusal == Refusal.NONE
                    ? null
                    : targets.stream()
                            .filter(t -> !ledger.written(t.noteId()))
                            .findFirst()
                            .orElse(null);
            for (Target t : targets) {
                if (t == refused) {
                    continue;
                }
                results.add(store.update(t.noteId(), t.input().properties()));
                ledger.recordWrite(t.noteId(), request, t.input().properties());
                applied.add(t.input());
            }
            if (refused != null) {
                counters.partialFailures.incrementAndGet();
                ledger.recordFault(
                        request,
                        refusal.named()
                                ? Ledger.Delivery.PARTIAL_FAILURE_NAMED
                                : Ledger.Delivery.PARTIAL_FAILURE_UNNAMED,
                        List.of(refused.input().id()));
                refusedError = new NoteError(
                        "VALIDATION_ERROR",
                        "Note " + refused.input().id() + " could not be updated right now; try again",
                        Map.of("ids", List.of(refused.input().id())),
                        refusal);
            }
        }
        counters.updatesApplied.addAndGet(results.size());
        Instant completedAt = store.now();
        List<NoteError> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            errors.add(new NoteError("OBJECT_NOT_FOUND", NOT_FOUND_MESSAGE, Map.of("ids", missing), Refusal.NONE));
        }
        if (refusedError != null) {
            errors.add(refusedError);
        }
        return BatchResponses.batchResponse(errors.isEmpty() ? 200 : 207, startedAt, completedAt, errors, g -> {
            for (int i = 0; i < results.size(); i++) {
                UpdateInput in = applied.get(i);
                Set<String> shown = new LinkedHashSet<>(in.properties().keySet());
                shown.addAll(DEFAULT_READ_PROPERTIES);
                writeNote(g, results.get(i), shown, in.traceId());
            }
        });
    }

    private String liveId(String id) {
        Note note = store.get(id);
        return note != null && !note.archived() ? id : null;
    }

    /** A unique property may not take a value another note holds, nor the same value twice in one batch. */
    private void checkUniqueValues(List<Target> targets, String correlationId) throws Rejected {
        Map<String, String> claimed = new HashMap<>();
        List<PropertyChecks.Problem> problems = new ArrayList<>();
        for (Target t : targets) {
            for (Map.Entry<String, String> e : t.input().properties().entrySet()) {
                NoteProperty p = store.schema().get(e.getKey());
                if (!p.unique() || e.getValue().isEmpty()) {
                    continue;
                }
                String owner = store.uniqueOwner(p.name(), e.getValue());
                String claimant = claimed.putIfAbsent(p.name() + '\u0000' + e.getValue(), t.noteId());
                if ((owner != null && !owner.equals(t.noteId()))
                        || (claimant != null && !claimant.equals(t.noteId()))) {
                    problems.add(new PropertyChecks.Problem(
                            p.name(),
                            "INVALID_UNIQUE_VALUE",
                            "A note with the unique value \"" + e.getValue() + "\" for property \"" + p.name()
                                    + "\" already exists"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw PropertyChecks.rejection(problems, correlationId);
        }
    }

    // ---- batch create -------------------------------------------------------------------------------------------

    Response batchCreate(Object body, String correlationId) throws Rejected {
        Instant startedAt = store.now();
        List<Map<String, Object>> rawInputs =
                BatchInputs.inputs(body, "BatchInputSimplePublicObjectInputForCreate", maxBatchSize, correlationId);
        List<Map<String, String>> inputs = new ArrayList<>();
        for (Map<String, Object> raw : rawInputs) {
            inputs.add(BatchInputs.properties(raw, "SimplePublicObjectInputForCreate", correlationId));
        }
        propertyChecks.validate(inputs, correlationId);
        List<Note> created = new ArrayList<>();
        synchronized (store) {
            List<Target> targets = new ArrayList<>();
            for (Map<String, String> props : inputs) {
                targets.add(new Target(new UpdateInput("", null, null, props), "\u0000new" + targets.size()));
            }
            checkUniqueValues(targets, correlationId);
            for (Map<String, String> props : inputs) {
                created.add(store.create(props));
            }
        }
        counters.notesCreated.addAndGet(created.size());
        return BatchResponses.batchResponse(201, startedAt, store.now(), List.of(), g -> {
            for (Note note : created) {
                writeNote(g, note, note.properties().keySet(), null);
            }
        });
    }

    // ---- batch read ---------------------------------------------------------------------------------------------

    Response batchRead(Object body, String correlationId) throws Rejected {
        Instant startedAt = store.now();
        List<Map<String, Object>> rawInputs =
                BatchInputs.inputs(body, "BatchReadInputSimplePublicObjectId", maxBatchSize, correlationId);
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) body;
        String idProperty = BatchInputs.optionalString(request, "idProperty", correlationId);
        if (idProperty != null) {
            propertyChecks.checkIdProperty(idProperty, correlationId);
        }
        Set<String> requested = new LinkedHashSet<>(DEFAULT_READ_PROPERTIES);
        Object props = request.get("properties");
        if (props instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    requested.add(s);
                }
            }
        } else if (props != null) {
            throw new Rejected(
                    Response.validation("Invalid input JSON: properties must be an array of strings", correlationId));
        }
        List<Note> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> raw : rawInputs) {
            String id = BatchInputs.requiredString(raw, "id", "SimplePublicObjectId", correlationId);
            String noteId = idProperty == null ? liveId(id) : store.findByUnique(idProperty, id);
            if (noteId == null) {
                missing.add(id);
            } else {
                found.add(store.get(noteId));
            }
        }
        counters.notesRead.addAndGet(found.size());
        List<NoteError> errors = missing.isEmpty()
                ? List.of()
                : List.of(new NoteError("OBJECT_NOT_FOUND", NOT_FOUND_MESSAGE, Map.of("ids", missing), Refusal.NONE));
        return BatchResponses.batchResponse(errors.isEmpty() ? 200 : 207, startedAt, store.now(), errors, g -> {
            for (Note note : found) {
                writeNote(g, note, requested, null);
            }
        });
    }

    // ---- batch archive ------------------------------------------------------------------------------------------

    Response batchArchive(Object body, String correlationId) throws Rejected {
        List<Map<String, Object>> rawInputs =
                BatchInputs.inputs(body, "BatchInputSimplePublicObjectId", maxBatchSize, correlationId);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> raw : rawInputs) {
            ids.add(BatchInputs.requiredString(raw, "id", "SimplePublicObjectId", correlationId));
        }
        counters.notesArchived.addAndGet(store.archive(ids));
        return Response.noContent();
    }

    // ---- single read --------------------------------------------------------------------------------------------

    Response getNote(String id, Collection<String> properties, String correlationId) {
        String noteId = liveId(id);
        if (noteId == null) {
            return Response.error(
                    404,
                    "OBJECT_NOT_FOUND",
                    "Object not found.  objectId are usually numeric.",
                    correlationId,
                    Map.of("id", List.of(id)),
                    null);
        }
        counters.notesRead.incrementAndGet();
        Set<String> shown = new LinkedHashSet<>(DEFAULT_READ_PROPERTIES);
        shown.addAll(properties);
        Note note = store.get(noteId);
        return Response.json(200, g -> writeNote(g, note, shown, null));
    }

    // ---- response bodies ----------------------------------------------------------------------------------------

    static void writeNote(JsonGenerator g, Note note, Collection<String> shown, String traceId) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", note.id());
        Map<String, String> props = new LinkedHashMap<>();
        for (String name : shown) {
            String value = note.property(name);
            if (value != null) {
                props.put(name, value);
            }
        }
        g.writeFieldName("properties");
        JsonTree.writeStringMap(g, props);
        g.writeStringField("createdAt", NoteStore.format(note.createdAt()));
        g.writeStringField("updatedAt", NoteStore.format(note.updatedAt()));
        g.writeBooleanField("archived", note.archived());
        if (traceId != null) {
            g.writeStringField("objectWriteTraceId", traceId);
        }
        g.writeEndObject();
    }
}
