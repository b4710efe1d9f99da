package dev.crmgen.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as plain Java trees (Map, List, String, Number, Boolean, null) and response bodies written with
 * jackson-core's streaming generator. Bodies are small (at most 100 inputs), so a tree is the simplest honest model.
 */
final class JsonTree {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonTree() {}

    /** Thrown for a body that is not JSON; carries HubSpot's "line, column" location. */
    static final class InvalidJson extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message);
        }
    }

    static Object parse(byte[] body) throws InvalidJson {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidJson("Invalid input JSON on line 1, column 1: No content to map due to end-of-input");
            }
            Object value = read(p);
            if (p.nextToken() != null) {
                throw new InvalidJson(location(p) + ": Trailing token after the JSON value");
            }
            return value;
        } catch (JsonParseException e) {
            throw new InvalidJson(location(e.getProcessor()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidJson("Invalid input JSON: " + e.getMessage());
        }
    }

    private static String location(JsonParser p) {
        var loc = p.currentLocation();
        return "Invalid input JSON on line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "Unexpected token " + p.currentToken());
        }
    }

    /** Writes one JSON document. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void writeStringMap(JsonGenerator g, Map<String, String> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    static void writeContext(JsonGenerator g, Map<String, List<String>> context) throws IOException {
        g.writeObjectFieldStart("context");
        for (Map.Entry<String, List<String>> e : context.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
