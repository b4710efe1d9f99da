package dev.crmgen.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

/** HubSpot's notes endpoints over the {@link NoteStore}: request validation, semantics and response bodies. */
final class NotesApi {
    private static final String NOT_FOUND_MESSAGE =
            "Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.";
    static final List<String> DEFAULT_READ_PROPERTIES =
            List.of(NoteStore.CREATE_DATE, NoteStore.LAST_MODIFIED, NoteStore.OBJECT_ID);

    private final NoteStore store;
    private final Counters counters;
    private final int maxBatchSize;
    private final Ledger ledger;

    NotesApi(NoteStore store, Counters counters, int maxBatchSize, Ledger ledger) {
        this.store = store;
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

    /** The ids a batch body names, in order; empty when it has none (faults happen before validation). */
    static List<String> namedIds(Object body) {
        List<String> ids = new ArrayList<>();
        if (body instanceof Map<?, ?> map && map.get("inputs") instanceof List<?> inputs) {
            for (Object input : inputs) {
                if (input instanceof Map<?, ?> in && in.get("id") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
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
        List<Map<String, Object>> rawInputs = inputs(body, "BatchInputSimplePublicObjectBatchInput", correlationId);
        List<UpdateInput> inputs = new ArrayList<>(rawInputs.size());
        for (Map<String, Object> raw : rawInputs) {
            String id = requiredString(raw, "id", "SimplePublicObjectBatchInput", correlationId);
            Map<String, String> props = properties(raw, "SimplePublicObjectBatchInput", correlationId);
            inputs.add(new UpdateInput(
                    id,
                    optionalString(raw, "idProperty", correlationId),
                    optionalString(raw, "objectWriteTraceId", correlationId),
                    props));
        }
        validateProperties(inputs.stream().map(UpdateInput::properties).toList(), correlationId);
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (UpdateInput in : inputs) {
            if (in.idProperty() != null) {
                checkIdProperty(in.idProperty(), correlationId);
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
        return batchResponse(errors.isEmpty() ? 200 : 207, startedAt, completedAt, errors, g -> {
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

    private void checkIdProperty(String idProperty, String correlationId) throws Rejected {
        NoteProperty p = store.schema().get(idProperty);
        if (p == null) {
            throw new Rejected(Response.error(
                    400,
                    "VALIDATION_ERROR",
                    "Property \"" + idProperty + "\" does not exist",
                    correlationId,
                    Map.of("propertyName", List.of(idProperty)),
                    List.of(new Response.Detail(
                            "Property \"" + idProperty + "\" does not exist",
                            "PROPERTY_DOESNT_EXIST",
                            Map.of("propertyName", List.of(idProperty))))));
        }
        if (!p.unique()) {
            throw new Rejected(Response.validation(
                    "Unable to perform update/upsert by non-unique 0-46 property " + idProperty, correlationId));
        }
    }

    /** A unique property may not take a value another note holds, nor the same value twice in one batch. */
    private void checkUniqueValues(List<Target> targets, String correlationId) throws Rejected {
        Map<String, String> claimed = new HashMap<>();
        List<PropertyProblem> problems = new ArrayList<>();
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
                    problems.add(new PropertyProblem(
                            p.name(),
                            "INVALID_UNIQUE_VALUE",
                            "A note with the unique value \"" + e.getValue() + "\" for property \"" + p.name()
                                    + "\" already exists"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw propertyErrors(problems, correlationId);
        }
    }

    // ---- batch create -------------------------------------------------------------------------------------------

    Response batchCreate(Object body, String correlationId) throws Rejected {
        Instant startedAt = store.now();
        List<Map<String, Object>> rawInputs = inputs(body, "BatchInputSimplePublicObjectInputForCreate", correlationId);
        List<Map<String, String>> inputs = new ArrayList<>();
        for (Map<String, Object> raw : rawInputs) {
            inputs.add(properties(raw, "SimplePublicObjectInputForCreate", correlationId));
        }
        validateProperties(inputs, correlationId);
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
        return batchResponse(201, startedAt, store.now(), List.of(), g -> {
            for (Note note : created) {
                writeNote(g, note, note.properties().keySet(), null);
            }
        });
    }

    // ---- batch read ---------------------------------------------------------------------------------------------

    Response batchRead(Object body, String correlationId) throws Rejected {
        Instant startedAt = store.now();
        List<Map<String, Object>> rawInputs = inputs(body, "BatchReadInputSimplePublicObjectId", correlationId);
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) body;
        String idProperty = optionalString(request, "idProperty", correlationId);
        if (idProperty != null) {
            checkIdProperty(idProperty, correlationId);
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
            String id = requiredString(raw, "id", "SimplePublicObjectId", correlationId);
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
        return batchResponse(errors.isEmpty() ? 200 : 207, startedAt, store.now(), errors, g -> {
            for (Note note : found) {
                writeNote(g, note, requested, null);
            }
        });
    }

    // ---- batch archive ------------------------------------------------------------------------------------------

    Response batchArchive(Object body, String correlationId) throws Rejected {
        List<Map<String, Object>> rawInputs = inputs(body, "BatchInputSimplePublicObjectId", correlationId);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> raw : rawInputs) {
            ids.add(requiredString(raw, "id", "SimplePublicObjectId", correlationId));
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

    // ---- request parsing ----------------------------------------------------------------------------------------

    private List<Map<String, Object>> inputs(Object body, String typeName, String correlationId) throws Rejected {
        if (!(body instanceof Map<?, ?> map)) {
            throw new Rejected(Response.validation(
                    "Invalid input JSON on line 1, column 1: Cannot construct instance of " + typeName
                            + ": expected a JSON object",
                    correlationId));
        }
        Object inputs = map.get("inputs");
        if (!(inputs instanceof List<?> list)) {
            throw new Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName
                            + ", some of required attributes are not set [inputs]",
                    correlationId));
        }
        if (list.size() > maxBatchSize) {
            throw new Rejected(Response.validation(
                    "The maximum number of inputs supported in a batch request is " + maxBatchSize
                            + ". Please reduce the number of items and try again",
                    correlationId));
        }
        List<Map<String, Object>> result = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw new Rejected(Response.validation(
                        "Invalid input JSON: every element of inputs must be an object", correlationId));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> input = (Map<String, Object>) o;
            result.add(input);
        }
        return result;
    }

    private static String requiredString(Map<String, Object> raw, String field, String typeName, String correlationId)
            throws Rejected {
        String value = optionalString(raw, field, correlationId);
        if (value == null) {
            throw new Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName + ", some of required attributes are not set ["
                            + field + "]",
                    correlationId));
        }
        return value;
    }

    private static String optionalString(Map<String, Object> raw, String field, String correlationId) throws Rejected {
        Object value = raw.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal number) {
            // HubSpot's JSON binding coerces numbers to strings for string fields.
            return number.toPlainString();
        }
        throw new Rejected(
                Response.validation("Invalid input JSON: field " + field + " must be a string", correlationId));
    }

    /** An input's {@code properties}: HubSpot coerces scalars to strings and treats null as "clear". */
    private static Map<String, String> properties(Map<String, Object> raw, String typeName, String correlationId)
            throws Rejected {
        Object value = raw.get("properties");
        if (!(value instanceof Map<?, ?> map)) {
            throw new Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName
                            + ", some of required attributes are not set [properties]",
                    correlationId));
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            String s;
            if (v == null) {
                s = "";
            } else if (v instanceof String str) {
                s = str;
            } else if (v instanceof BigDecimal number) {
                s = number.toPlainString();
            } else if (v instanceof Boolean b) {
                s = b.toString();
            } else {
                throw new Rejected(Response.validation(
                        "Invalid input JSON: property " + e.getKey() + " must have a string value", correlationId));
            }
            props.put((String) e.getKey(), s);
        }
        return props;
    }

    /** HubSpot rejects the whole batch when any input names an unknown or read-only property or a bad value. */
    private void validateProperties(List<Map<String, String>> inputs, String correlationId) throws Rejected {
        List<PropertyProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Map<String, String> props : inputs) {
            for (Map.Entry<String, String> e : props.entrySet()) {
                String name = e.getKey();
                NoteProperty p = store.schema().get(name);
                PropertyProblem problem;
                if (p == null) {
                    problem = new PropertyProblem(
                            name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
                } else if (p.readOnly()) {
                    problem = new PropertyProblem(
                            name,
                            "READ_ONLY_VALUE",
                            "\"" + name + "\" is a read only property; its value cannot be set.");
                } else {
                    String code = p.validate(e.getValue());
                    problem = code == null
                            ? null
                            : new PropertyProblem(
                                    name,
                                    code,
                                    e.getValue() + " was not a valid "
                                            + (code.equals("INVALID_DATE") ? "date" : "number") + ".");
                }
                if (problem != null && reported.add(name + '\u0000' + problem.code())) {
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw propertyErrors(problems, correlationId);
        }
    }

    /** One failed property check, as HubSpot reports it inside a "Property values were not valid" message. */
    private record PropertyProblem(String name, String code, String message) {}

    /** HubSpot's "Property values were not valid" 400: the results as JSON in the message, one detail each. */
    private static Rejected propertyErrors(List<PropertyProblem> problems, String correlationId) {
        String embedded = new String(
                JsonTree.write(g -> {
                    g.writeStartArray();
                    for (PropertyProblem p : problems) {
                        g.writeStartObject();
                        g.writeBooleanField("isValid", false);
                        g.writeStringField("message", p.message());
                        g.writeStringField("error", p.code());
                        g.writeStringField("name", p.name());
                        g.writeStringField("localizedErrorMessage", p.message());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }),
                StandardCharsets.UTF_8);
        List<Response.Detail> details = new ArrayList<>();
        for (PropertyProblem p : problems) {
            details.add(new Response.Detail(p.message(), p.code(), Map.of("propertyName", List.of(p.name()))));
        }
        return new Rejected(Response.error(
                400, "VALIDATION_ERROR", "Property values were not valid: " + embedded, correlationId, null, details));
    }

    // ---- response bodies ----------------------------------------------------------------------------------------

    /** One entry of a 207 body's {@code errors} (HubSpot's StandardError), written in {@code shape}. */
    private record NoteError(String category, String message, Map<String, List<String>> context, Refusal shape) {}

    private static Response batchResponse(
            int status, Instant startedAt, Instant completedAt, List<NoteError> errors, JsonTree.Body results) {
        return Response.json(status, g -> {
            g.writeStartObject();
            g.writeStringField("status", "COMPLETE");
            g.writeArrayFieldStart("results");
            results.write(g);
            g.writeEndArray();
            if (!errors.isEmpty()) {
                g.writeNumberField("numErrors", errors.size());
                g.writeArrayFieldStart("errors");
                for (NoteError e : errors) {
                    writeError(g, e);
                }
                g.writeEndArray();
            }
            g.writeStringField("startedAt", NoteStore.format(startedAt));
            g.writeStringField("completedAt", NoteStore.format(completedAt));
            g.writeEndObject();
        });
    }

    /** HubSpot's usual entry (NONE), or one of the other shapes its documentation shows. */
    private static void writeError(JsonGenerator g, NoteError e) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", "error");
        g.writeStringField("category", e.category());
        if (e.shape() == Refusal.EMPTY_SUBCATEGORY || e.shape() == Refusal.CONTEXT_IN_DETAIL_TEXT) {
            g.writeObjectFieldStart("subCategory");
            g.writeEndObject();
        }
        g.writeStringField("message", e.message());
        switch (e.shape()) {
            case CONTEXT_IN_DETAIL_TEXT:
                g.writeObjectFieldStart("context");
                g.writeEndObject();
                g.writeArrayFieldStart("errors");
                g.writeStartObject();
                g.writeStringField("message", e.message());
                g.writeStringField("code", "INVALID_OBJECT");
                g.writeStringField("context", e.context().toString());
                g.writeEndObject();
                g.writeEndArray();
                break;
            case CONTEXT_AS_TEXT:
                g.writeStringField("context", e.context().toString());
                break;
            default:
                JsonTree.writeContext(g, e.context());
                break;
        }
        if (e.shape() != Refusal.BARE && e.shape() != Refusal.CONTEXT_AS_TEXT) {
            if (e.shape() != Refusal.CONTEXT_IN_DETAIL_TEXT) {
                g.writeArrayFieldStart("errors");
                g.writeEndArray();
            }
            g.writeObjectFieldStart("links");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

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
