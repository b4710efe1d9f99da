package dev.crmgen.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swagger Parser's deserializer without its object mappers. Swagger Parser converts {@code x-} extensions through
 * swagger-core's shared object mapper, whose first use builds a mapper with Java-time support and mix-ins for every
 * model class; here they become plain values directly. It also converts the whole document to a map with a new object
 * mapper, for JSON Schema parser extensions only, which crmgen does not install; here that map is never built.
 */
final class LightDeserializer extends OpenAPIDeserializer {

    /**
     * What Swagger Parser's {@code deserialize} does, less the map of the document: the options become the parse's
     * settings, the root is parsed, and a failure becomes the result's only message.
     */
    @Override
    public SwaggerParseResult deserialize(JsonNode rootNode, String path, ParseOptions options, boolean isOaiAuthor) {
        SwaggerParseResult result = new SwaggerParseResult();
        try {
            ParseResult parse = new ParseResult();
            parse.setOaiAuthor(options.isOaiAuthor());
            parse.setInferSchemaType(options.isInferSchemaType());
            parse.setAllowEmptyStrings(options.isAllowEmptyString());
            parse.setValidateInternalRefs(options.isValidateInternalRefs());
            parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
            result.setOpenAPI(parseRoot(rootNode, parse, path));
            result.openapi31(parse.isOpenapi31());
            result.setMessages(parse.getMessages());
        } catch (RuntimeException e) {
            String message = e.getMessage();
            // Mutable, as Swagger Parser's: resolving adds its own messages to the same list.
            result.setMessages(new ArrayList<>(
                    List.of(message == null || message.isBlank() ? "Unexpected error deserialising spec" : message)));
        }
        return result;
    }

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
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("x-")) {
                extensions.put(name, plain(node.get(name)));
            }
        }
        return extensions;
    }

    /** A tree as maps, lists, strings, numbers, booleans and nulls, as Jackson's conversion to Object gives it. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> e = fields.next();
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(plain(item));
            }
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
