package dev.crmgen.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The bodies of HubSpot's batch answers: {@code results}, the 207's {@code errors} in each documented shape. */
final class BatchResponses {
    private BatchResponses() {}

    /** One entry of a 207 body's {@code errors} (HubSpot's StandardError), written in {@code shape}. */
    record NoteError(String category, String message, Map<String, List<String>> context, NotesApi.Refusal shape) {}

    /** A batch answer with {@code status} COMPLETE, the {@code results} that {@code results} writes, and errors. */
    static Response batchResponse(
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
        if (e.shape() == NotesApi.Refusal.EMPTY_SUBCATEGORY || e.shape() == NotesApi.Refusal.CONTEXT_IN_DETAIL_TEXT) {
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
        if (e.shape() != NotesApi.Refusal.BARE && e.shape() != NotesApi.Refusal.CONTEXT_AS_TEXT) {
            if (e.shape() != NotesApi.Refusal.CONTEXT_IN_DETAIL_TEXT) {
                g.writeArrayFieldStart("errors");
                g.writeEndArray();
            }
            g.writeObjectFieldStart("links");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
