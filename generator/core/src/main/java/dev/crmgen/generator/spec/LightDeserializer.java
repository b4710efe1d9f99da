package dev.crmgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swagger Parser's deserializer, with {@code x-} extensions converted to plain values directly. Swagger Parser
 * converts them through swagger-core's shared object mapper, whose first use builds a mapper with Java-time support
 * and mix-ins for every model class; HubSpot specs carry extensions, so that cost fell on every build although the
 * converter never reads an extension.
 */
final class LightDeserializer extends OpenAPIDeserializer {

    /** The extensions of {@code node}, or of its {@code extensions} object when it has none of its own. */
    @Override
    public Map<String, Object> getExtensions(ObjectNode node) {
        Map<String, Object> extensions = directExtensions(node);
        JsonNode wrapped = node.get("extensions");
        if (extensions.isEmpty() && wrapped instanceof ObjectNode wrapper) {
            extensions.putAll(directExtensions(wrapper));
        }
        return extensions;
    }

    private static Map<String, Object> directExtensions(ObjectNode node) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-")) {
                extensions.put(name, plain(node.get(name)));
            }
        });
        return extensions;
    }

    /** A tree as maps, lists, strings, numbers, booleans and nulls, as Jackson's conversion to Object gives it. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node instanceof POJONode pojo) {
            return pojo.getPojo();
        }
        return node.asText();
    }
}
