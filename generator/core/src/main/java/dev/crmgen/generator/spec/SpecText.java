package dev.crmgen.generator.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Spec bytes to text, strictly UTF-8, and text to trees: JSON and YAML (without SnakeYAML's default 3 MiB ceiling)
 * through Jackson's streaming parsers. Both reject a key repeated in one object, as Swagger Parser's own readers do.
 */
final class SpecText {
    /**
     * The largest YAML spec read, in code points. SnakeYAML stops at 3 Mi by default, below some real multi-API specs;
     * this bound still keeps a runaway file from exhausting the compiler's heap.
     */
    static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;
    /** SnakeYAML's own default limit, which Swagger Parser applies when it reads YAML text itself. */
    static final int SNAKEYAML_DEFAULT_CODE_POINTS = 3 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SpecText() {}

    /** Whether {@code content} is JSON rather than YAML, by its first non-blank character. */
    static boolean isJson(String content) {
        String trimmed = content.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    /**
     * Reads {@code content} as JSON or YAML by {@link #isJson}; the YAML stack is loaded only for YAML text. The tree is
     * the one {@code ObjectMapper.readTree} gives, built straight from the parser's tokens: a mapper's set-up (its
     * configuration, type factory and deserializer caches) cost more than reading a spec in a build's cold JVM.
     */
    static JsonNode readTree(String content) throws JsonProcessingException {
        try (JsonParser parser =
                isJson(content) ? JSON.createParser(content) : YamlTrees.FACTORY.createParser(content)) {
            return tree(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a spec held in memory", e);
        }
    }

    /** The first value of {@code parser} as a tree, or the missing node when there is none; iterative, not recursive. */
    private static JsonNode tree(JsonParser parser) throws IOException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode root = MissingNode.getInstance();
        String field = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            JsonNode node;
            switch (token) {
                case FIELD_NAME -> {
                    field = parser.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    if (open.isEmpty()) {
                        return root;
                    }
                    continue;
                }
                case START_OBJECT -> node = NODES.objectNode();
                case START_ARRAY -> node = NODES.arrayNode();
                default -> node = scalar(parser, token);
            }
            ContainerNode<?> parent = open.peek();
            if (parent == null) {
                root = node;
            } else if (parent instanceof ObjectNode object) {
                object.set(field, node);
            } else {
                ((ArrayNode) parent).add(node);
            }
            if (node instanceof ContainerNode<?> container) {
                open.push(container);
            } else if (parent == null) {
                return root;
            }
        }
        return root;
    }

    /** A scalar as Jackson's tree deserializer makes it with default settings. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT ->
                switch (parser.getNumberTypeFP()) {
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
            case VALUE_EMBEDDED_OBJECT -> embedded(parser.getEmbeddedObject());
            default -> NODES.nullNode();
        };
    }

    /** YAML's tagged values, such as {@code !!binary}, as the tree deserializer keeps them. */
    private static JsonNode embedded(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        return value instanceof JsonNode node ? node : NODES.pojoNode(value);
    }

    /**
     * YAML parsing up to {@link #MAX_YAML_CODE_POINTS}; local, so the JVM's other YAML users keep theirs. A holder
     * class of its own, so that reading a JSON spec never loads SnakeYAML and Jackson's YAML module.
     */
    private static final class YamlTrees {
        static final YAMLFactory FACTORY = yamlFactory();

        private static YAMLFactory yamlFactory() {
            LoaderOptions loader = new LoaderOptions();
            loader.setCodePointLimit(MAX_YAML_CODE_POINTS);
            return YAMLFactory.builder()
                    .loaderOptions(loader)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
        }
    }

    /**
     * Decodes {@code bytes} as UTF-8 without a leading byte-order mark.
     *
     * @throws NotUtf8Exception naming the offset of the first byte that is not UTF-8 text
     */
    static String decode(byte[] bytes) throws NotUtf8Exception {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        int malformed = result.isError() ? in.position() : -1;
        // NUL is valid UTF-8 but never in a YAML or JSON text; ASCII saved as UTF-16 without a mark is full of them.
        int end = malformed >= 0 ? malformed : bytes.length;
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                throw new NotUtf8Exception(bytes, i, "a NUL byte, so the file is probably UTF-16");
            }
        }
        if (malformed >= 0) {
            throw new NotUtf8Exception(bytes, malformed, reason(bytes, malformed, result.length()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String reason(byte[] bytes, int offset, int length) {
        int lead = bytes[offset] & 0xFF;
        if (offset == 0
                && bytes.length >= 2
                && (lead == 0xFF && (bytes[1] & 0xFF) == 0xFE || lead == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return "a UTF-16 byte-order mark";
        }
        if (lead >= 0xC0 && offset + length >= bytes.length) {
            return "the start of a multibyte sequence cut off by the end of the file";
        }
        return "not part of any UTF-8 sequence; the file is probably Latin-1 or Windows-1252";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text to hand Swagger Parser when it must read the spec itself (OpenAPI 3.1). It reads YAML with SnakeYAML's
     * default limit and offers only a JVM-wide switch to raise it, so a YAML spec beyond that limit goes in as the
     * JSON of the tree already read.
     */
    static String forSwaggerParser(String content, JsonNode tree) {
        // A string's length in chars is never below its length in code points.
        return content.length() >= SNAKEYAML_DEFAULT_CODE_POINTS && !isJson(content) ? tree.toString() : content;
    }

    /** The first byte of a spec that is not UTF-8 text, with its offset and line. */
    static final class NotUtf8Exception extends Exception {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception(byte[] bytes, int offset, String reason) {
            super(String.format(
                    Locale.ROOT,
                    "byte 0x%02X at offset %d (line %d) is %s",
                    bytes[offset] & 0xFF,
                    offset,
                    line(bytes, offset),
                    reason));
        }

        private static int line(byte[] bytes, int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
