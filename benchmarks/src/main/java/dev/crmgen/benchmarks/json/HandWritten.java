package dev.crmgen.benchmarks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: what a careful engineer writes by hand on jackson-core streaming for the notes batch update —
 * plain records, one switch per object, unknown fields skipped, dates parsed to {@link OffsetDateTime} like the
 * generated codecs do. No validation beyond what the parser gives for free, so it is the floor to compare with.
 */
public final class HandWritten {

    private static final JsonFactory FACTORY = new JsonFactory();

    private HandWritten() {}

    public record Input(String id, String idProperty, String objectWriteTraceId, Map<String, String> properties) {}

    public record Note(
            String id,
            Map<String, String> properties,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            boolean archived,
            OffsetDateTime archivedAt,
            String objectWriteTraceId,
            String url) {}

    public record Failure(
            String status,
            String category,
            String message,
            String id,
            Map<String, List<String>> context,
            Map<String, String> links,
            List<Detail> errors) {}

    public record Detail(
            String message, String code, String in, String subCategory, Map<String, List<String>> context) {}

    public record BatchResult(
            String status,
            List<Note> results,
            Integer numErrors,
            List<Failure> errors,
            OffsetDateTime requestedAt,
            OffsetDateTime startedAt,
            OffsetDateTime completedAt,
            Map<String, String> links) {}

    public static byte[] encode(List<Input> inputs) throws IOException {
        try (ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler());
                JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            for (Input input : inputs) {
                g.writeStartObject();
                g.writeStringField("id", input.id());
                if (input.idProperty() != null) {
                    g.writeStringField("idProperty", input.idProperty());
                }
                if (input.objectWriteTraceId() != null) {
                    g.writeStringField("objectWriteTraceId", input.objectWriteTraceId());
                }
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, String> e : input.properties().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        }
    }

    public static BatchResult decode(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return batchResult(p);
        }
    }

    private static BatchResult batchResult(JsonParser p) throws IOException {
        String status = null;
        List<Note> results = List.of();
        Integer numErrors = null;
        List<Failure> errors = null;
        OffsetDateTime requestedAt = null;
        OffsetDateTime startedAt = null;
        OffsetDateTime completedAt = null;
        Map<String, String> links = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "status" -> status = p.getText();
                case "results" -> {
                    List<Note> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(note(p));
                    }
                    results = Collections.unmodifiableList(list);
                }
                case "numErrors" -> numErrors = p.getIntValue();
                case "errors" -> {
                    List<Failure> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(failure(p));
                    }
                    errors = Collections.unmodifiableList(list);
                }
                case "requestedAt" -> requestedAt = OffsetDateTime.parse(p.getText());
                case "startedAt" -> startedAt = OffsetDateTime.parse(p.getText());
                case "completedAt" -> completedAt = OffsetDateTime.parse(p.getText());
                case "links" -> links = stringMap(p);
                default -> p.skipChildren();
            }
        }
        return new BatchResult(status, results, numErrors, errors, requestedAt, startedAt, completedAt, links);
    }

    private static Note note(JsonParser p) throws IOException {
        String id = null;
        Map<String, String> properties = Map.of();
        OffsetDateTime createdAt = null;
        OffsetDateTime updatedAt = null;
        boolean archived = false;
        OffsetDateTime archivedAt = null;
        String traceId = null;
        String url = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = p.getText();
                case "properties" -> properties = stringMap(p);
                case "createdAt" -> createdAt = OffsetDateTime.parse(p.getText());
                case "updatedAt" -> updatedAt = OffsetDateTime.parse(p.getText());
                case "archived" -> archived = p.getBooleanValue();
                case "archivedAt" -> archivedAt = OffsetDateTime.parse(p.getText());
                case "objectWriteTraceId" -> traceId = p.getText();
                case "url" -> url = p.getText();
                default -> p.skipChildren();
            }
        }
        return new Note(id, properties, createdAt, updatedAt, archived, archivedAt, traceId, url);
    }

    private static Failure failure(JsonParser p) throws IOException {
        String status = null;
        String category = null;
        String message = null;
        String id = null;
        Map<String, List<String>> context = Map.of();
        Map<String, String> links = Map.of();
        List<Detail> details = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "status" -> status = p.getText();
                case "category" -> category = p.getText();
                case "message" -> message = p.getText();
                case "id" -> id = p.getText();
                case "context" -> context = stringListMap(p);
                case "links" -> links = stringMap(p);
                case "errors" -> {
                    List<Detail> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(detail(p));
                    }
                    details = Collections.unmodifiableList(list);
                }
                default -> p.skipChildren();
            }
        }
        return new Failure(status, category, message, id, context, links, details);
    }

    private static Detail detail(JsonParser p) throws IOException {
        String message = null;
        String code = null;
        String in = null;
        String subCategory = null;
        Map<String, List<String>> context = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "message" -> message = p.getText();
                case "code" -> code = p.getText();
                case "in" -> in = p.getText();
                case "subCategory" -> subCategory = p.getText();
                case "context" -> context = stringListMap(p);
                default -> p.skipChildren();
            }
        }
        return new Detail(message, code, in, subCategory, context);
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, p.getText());
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, List<String>> stringListMap(JsonParser p) throws IOException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            List<String> values = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                values.add(p.getText());
            }
            map.put(key, Collections.unmodifiableList(values));
        }
        return Collections.unmodifiableMap(map);
    }
}
