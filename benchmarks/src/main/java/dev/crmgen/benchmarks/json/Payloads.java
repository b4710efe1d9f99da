package dev.crmgen.benchmarks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads every contender encodes or decodes: the same note updates and the same response bytes, built
 * deterministically so each run measures identical work.
 */
public final class Payloads {

    /** Inputs per request, results per 200 response, and results plus errors per 207 response. */
    public static final int BATCH_SIZE = 100;

    public static final int ERRORS_IN_207 = 50;

    private static final JsonFactory FACTORY = new JsonFactory();

    private Payloads() {}

    /** One note update as plain data; each contender maps it to its own request type before measuring. */
    public record NoteUpdate(String id, String idProperty, String traceId, Map<String, String> properties) {}

    /** {@value #BATCH_SIZE} updates; every tenth addresses its note by a unique property and carries a trace id. */
    public static List<NoteUpdate> updates() {
        List<NoteUpdate> updates = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("hs_note_body", "Called back about renewal " + i + "; the customer confirmed the date.");
            properties.put("hs_timestamp", "2024-05-02T09:" + two(i % 60) + ":00.000Z");
            boolean byProperty = i % 10 == 9;
            updates.add(new NoteUpdate(
                    byProperty ? "ext-2024-" + (1000 + i) : String.valueOf(51200000 + i),
                    byProperty ? "my_unique_property_name" : null,
                    byProperty ? "sync-run-7-item-" + i : null,
                    properties));
        }
        return updates;
    }

    /** HubSpot's 200 answer to {@link #updates()}: every note updated. */
    public static byte[] response200() {
        return response(BATCH_SIZE, 0);
    }

    /** HubSpot's 207 answer when half the inputs name notes that do not exist. */
    public static byte[] response207() {
        return response(BATCH_SIZE - ERRORS_IN_207, ERRORS_IN_207);
    }

    private static byte[] response(int results, int errors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "COMPLETE");
            g.writeArrayFieldStart("results");
            for (int i = 0; i < results; i++) {
                g.writeStartObject();
                g.writeStringField("id", String.valueOf(51200000 + i));
                g.writeObjectFieldStart("properties");
                g.writeStringField("hs_createdate", "2019-10-30T03:30:17.883Z");
                g.writeStringField("hs_lastmodifieddate", "2024-05-02T09:31:12.345Z");
                g.writeStringField(
                        "hs_note_body", "Called back about renewal " + i + "; the customer confirmed the date.");
                g.writeStringField("hs_object_id", String.valueOf(51200000 + i));
                g.writeStringField("hs_timestamp", "2024-05-02T09:" + two(i % 60) + ":00Z");
                g.writeEndObject();
                g.writeStringField("createdAt", "2019-10-30T03:30:17.883Z");
                g.writeStringField("updatedAt", "2024-05-02T09:31:12.345Z");
                g.writeBooleanField("archived", false);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (errors > 0) {
                g.writeNumberField("numErrors", errors);
                g.writeArrayFieldStart("errors");
                for (int i = 0; i < errors; i++) {
                    g.writeStartObject();
                    g.writeStringField("status", "error");
                    g.writeStringField("category", "OBJECT_NOT_FOUND");
                    g.writeStringField(
                            "message",
                            "Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.");
                    g.writeObjectFieldStart("context");
                    g.writeArrayFieldStart("ids");
                    g.writeString(String.valueOf(99900000 + i));
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeArrayFieldStart("errors");
                    g.writeEndArray();
                    g.writeObjectFieldStart("links");
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeStringField("requestedAt", "2024-05-02T09:31:12.101Z");
            g.writeStringField("startedAt", "2024-05-02T09:31:12.120Z");
            g.writeStringField("completedAt", "2024-05-02T09:31:12.402Z");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
