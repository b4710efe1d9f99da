package dev.crmgen.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HubSpot's checks of the property names and values a batch writes against the notes schema, and the
 * "Property values were not valid" 400 with which it rejects the whole batch.
 */
final class PropertyChecks {
    /** One failed property check, as HubSpot reports it inside a "Property values were not valid" message. */
    record Problem(String name, String code, String message) {}

    private final NoteStore store;

    PropertyChecks(NoteStore store) {
        this.store = store;
    }

    /** HubSpot rejects the whole batch when any input names an unknown or read-only property or a bad value. */
    void validate(List<Map<String, String>> inputs, String correlationId) throws NotesApi.Rejected {
        List<Problem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Map<String, String> props : inputs) {
            for (Map.Entry<String, String> e : props.entrySet()) {
                String name = e.getKey();
                NoteProperty p = store.schema().get(name);
                Problem problem;
                if (p == null) {
                    problem = new Problem(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
                } else if (p.readOnly()) {
                    problem = new Problem(
                            name,
                            "READ_ONLY_VALUE",
                            "\"" + name + "\" is a read only property; its value cannot be set.");
                } else {
                    String code = p.validate(e.getValue());
                    problem = code == null
                            ? null
                            : new Problem(
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
            throw rejection(problems, correlationId);
        }
    }

    /** An {@code idProperty} must name a property that exists and is unique. */
    void checkIdProperty(String idProperty, String correlationId) throws NotesApi.Rejected {
        NoteProperty p = store.schema().get(idProperty);
        if (p == null) {
            throw new NotesApi.Rejected(Response.error(
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
            throw new NotesApi.Rejected(Response.validation(
                    "Unable to perform update/upsert by non-unique 0-46 property " + idProperty, correlationId));
        }
    }

    /** HubSpot's "Property values were not valid" 400: the results as JSON in the message, one detail each. */
    static NotesApi.Rejected rejection(List<Problem> problems, String correlationId) {
        String embedded = new String(
                JsonTree.write(g -> {
                    g.writeStartArray();
                    for (Problem p : problems) {
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
        for (Problem p : problems) {
            details.add(new Response.Detail(p.message(), p.code(), Map.of("propertyName", List.of(p.name()))));
        }
        return new NotesApi.Rejected(Response.error(
                400, "VALIDATION_ERROR", "Property values were not valid: " + embedded, correlationId, null, details));
    }
}
