package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Any JSON ⇄ {@link JsonValue}: {@link JsonCodecs#JSON_VALUE}, and how tolerant decoding keeps a raw value. */
final class JsonValueCodec implements JsonCodec<JsonValue> {
    static final JsonValueCodec INSTANCE = new JsonValueCodec();

    private JsonValueCodec() {}

    @Override
    public JsonValue read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw JsonCodecs.mismatch(p, "a JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, read(p));
                }
                return new JsonValue.JsonObject(members);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(p));
                }
                return new JsonValue.JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(p.getDecimalValue());
            case VALUE_TRUE:
                return new JsonValue.JsonBoolean(true);
            case VALUE_FALSE:
                return new JsonValue.JsonBoolean(false);
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw JsonCodecs.mismatch(p, "a JSON value");
        }
    }

    @Override
    public void write(JsonGenerator g, JsonValue value) throws IOException {
        if (value instanceof JsonValue.JsonObject o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof JsonValue.JsonArray a) {
            g.writeStartArray();
            for (JsonValue e : a.elements()) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (value instanceof JsonValue.JsonString s) {
            g.writeString(s.value());
        } else if (value instanceof JsonValue.JsonNumber n) {
            g.writeNumber(n.value());
        } else if (value instanceof JsonValue.JsonBoolean b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }
}
