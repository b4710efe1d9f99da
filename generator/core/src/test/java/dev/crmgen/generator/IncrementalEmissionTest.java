package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generation that leaves out the files whose content keys are unchanged is never stale: for real specs and real
 * kinds of edits, the files kept from the full generation before the edit plus the files emitted after it equal a
 * fresh full generation of the edited spec, byte for byte.
 */
class IncrementalEmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAGMENT = "notes-batch-update.yaml";
    /** The test spec of oneOf unions, inheritance and other shapes beyond HubSpot's notes. */
    private static final String GENERALITY = "specs/generality.yaml";
    /** Every generation reads the spec as JSON text under this name, the edited ones and the fresh one alike. */
    private static final String SPEC_NAME = "edited.json";

    private static final GeneratorOptions OPTIONS = new GeneratorOptions("com.acme.hubspot.edits", null);

    /** One spec's tree and its full generation with keys, shared by the edits of that spec. */
    private record Base(ObjectNode tree, GenerationResult result) {}

    private static final Map<String, Base> BASES = new ConcurrentHashMap<>();

    /** An edit of a spec's tree in place; false when the spec has nothing it applies to. */
    @FunctionalInterface
    private interface Edit {
        boolean apply(ObjectNode spec);
    }

    static Stream<Arguments> editsOfSpecs() {
        List<String> specs = List.of(
                FRAGMENT,
                GENERALITY,
                "notes/notes-v3.json",
                "v3/crm-contacts.json",
                "v3/marketing-forms.json",
                "v3/files-files.json",
                "v3/crm-lists.json");
        Map<String, Edit> edits = new TreeMap<>();
        edits.put("a schema's description", IncrementalEmissionTest::editSchemaDescription);
        edits.put("a property's type", IncrementalEmissionTest::changePropertyType);
        edits.put("a new property", IncrementalEmissionTest::addProperty);
        edits.put("a renamed schema", IncrementalEmissionTest::renameSchema);
        edits.put("a new enum value", IncrementalEmissionTest::addEnumValue);
        edits.put("an operation's description", IncrementalEmissionTest::editOperationDescription);
        edits.put("a deprecated property", IncrementalEmissionTest::deprecateProperty);
        edits.put("a required property made optional", IncrementalEmissionTest::makePropertyOptional);
        edits.put("the benchmark's description edit", IncrementalEmissionTest::editObjectWriteTraceId);
        edits.put("a oneOf member dropped", IncrementalEmissionTest::dropOneOfMember);
        edits.put("the operations sending a body removed", IncrementalEmissionTest::removeOperationsWithBodies);
        List<Arguments> cases = new ArrayList<>();
        for (String spec : specs) {
            edits.forEach((name, edit) -> cases.add(Arguments.of(spec, name, edit)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("editsOfSpecs")
    void keptAndEmittedFilesEqualAFreshGeneration(String spec, String editName, Edit edit) {
        Base base = BASES.computeIfAbsent(spec, IncrementalEmissionTest::base);
        ObjectNode edited = base.tree().deepCopy();
        assumeTrue(edit.apply(edited), "skipped: " + spec + " has nothing " + editName + " applies to");
        String editedText = edited.toString();
        assertNotEquals(base.tree().toString(), editedText, "the edit changed the spec");

        GenerationResult incremental =
                generate(editedText, Set.copyOf(base.result().contentKeys().values()));
        GenerationResult fresh = CrmGenerator.generate(SpecSource.inline(SPEC_NAME, editedText), OPTIONS);
        assertNoErrors(fresh);

        SortedMap<String, String> previous = sources(base.result());
        SortedMap<String, String> assembled = new TreeMap<>();
        for (Map.Entry<String, String> file : incremental.contentKeys().entrySet()) {
            if (!previous.containsKey(file.getKey())) {
                continue;
            }
            // A file left out must be one the earlier generation wrote under the very same key.
            if (base.result().contentKeys().get(file.getKey()).equals(file.getValue())) {
                assembled.put(file.getKey(), previous.get(file.getKey()));
            }
        }
        incremental.files().forEach(f -> assembled.put(f.qualifiedName(), f.source()));

        assertEquals(incremental.contentKeys().keySet(), assembled.keySet(), "every file is kept or emitted");
        SortedMap<String, String> expected = sources(fresh);
        assertEquals(expected.keySet(), assembled.keySet());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name), assembled.get(name), name + " is stale after " + editName);
        }
        assertFalse(expected.equals(previous), "the edit changed the generated code");
        if (editName.contains("description")) {
            assertTrue(
                    incremental.files().size() < expected.size(),
                    "a description edit leaves some files out; emitted "
                            + incremental.files().stream()
                                    .map(GeneratedFile::qualifiedName)
                                    .toList());
        }
        if (editName.contains("schema's description") || editName.contains("benchmark's")) {
            // The client names types but never writes their documentation.
            assertTrue(
                    incremental.files().stream()
                            .noneMatch(f -> f.qualifiedName().endsWith("Client")),
                    "a schema's documentation leaves the client out; emitted "
                            + incremental.files().stream()
                                    .map(GeneratedFile::qualifiedName)
                                    .toList());
        }
    }

    private static Base base(String spec) {
        ObjectNode tree = read(spec);
        GenerationResult result = generate(tree.toString(), Set.of());
        assertEquals(
                sources(result).keySet(),
                result.contentKeys().keySet(),
                "without reusable keys every file is emitted, each with a key");
        assertEquals(
                result.contentKeys().size(),
                Set.copyOf(result.contentKeys().values()).size(),
                "no two files share a key");
        return new Base(tree, result);
    }

    private static GenerationResult generate(String specText, Set<String> reusableKeys) {
        GenerationResult result = CrmGenerator.generate(SpecSource.inline(SPEC_NAME, specText), OPTIONS, reusableKeys);
        assertNoErrors(result);
        return result;
    }

    private static void assertNoErrors(GenerationResult result) {
        assertFalse(
                result.hasErrors(),
                () -> result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    }

    private static SortedMap<String, String> sources(GenerationResult result) {
        return result.files().stream()
                .collect(Collectors.toMap(
                        GeneratedFile::qualifiedName, GeneratedFile::source, (a, b) -> a, TreeMap::new));
    }

    private static ObjectNode read(String spec) {
        try {
            if (spec.endsWith(".yaml")) {
                try (InputStream in =
                        IncrementalEmissionTest.class.getClassLoader().getResourceAsStream(spec)) {
                    return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
                }
            }
            return (ObjectNode) JSON.readTree(Files.readString(Specs.shared("specs/hubspot/" + spec)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The edits. Each picks its target by a fixed rule, so that every run edits the same place.

    private static boolean editSchemaDescription(ObjectNode spec) {
        ObjectNode schema = referencedObjectSchema(spec);
        if (schema == null) {
            return false;
        }
        schema.put("description", schema.path("description").asText("A schema") + " (edited)");
        return true;
    }

    private static boolean changePropertyType(ObjectNode spec) {
        ObjectNode schema = referencedObjectSchema(spec);
        if (schema == null) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getValue().path("type").asText().equals("string")
                    && !property.getValue().has("enum")) {
                ObjectNode changed =
                        JSON.createObjectNode().put("type", "integer").put("format", "int64");
                ((ObjectNode) schema.get("properties")).set(property.getKey(), changed);
                return true;
            }
        }
        return false;
    }

    private static boolean addProperty(ObjectNode spec) {
        ObjectNode schema = referencedObjectSchema(spec);
        if (schema == null) {
            return false;
        }
        ((ObjectNode) schema.get("properties"))
                .set(
                        "addedByEdit",
                        JSON.createObjectNode().put("type", "string").put("description", "Added."));
        return true;
    }

    private static boolean renameSchema(ObjectNode spec) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        String name = referencedObjectSchemaName(spec);
        if (name == null) {
            return false;
        }
        String renamed = name + "Renamed";
        ObjectNode reordered = JSON.createObjectNode();
        schemas.fields()
                .forEachRemaining(e -> reordered.set(e.getKey().equals(name) ? renamed : e.getKey(), e.getValue()));
        schemas.removeAll();
        schemas.setAll(reordered);
        replaceRefs(spec, "#/components/schemas/" + name, "#/components/schemas/" + renamed);
        return true;
    }

    private static boolean addEnumValue(ObjectNode spec) {
        ArrayNode values = firstStringEnum(spec.path("components").path("schemas"));
        if (values == null) {
            return false;
        }
        values.add("ADDED_BY_EDIT");
        return true;
    }

    private static boolean editOperationDescription(ObjectNode spec) {
        for (JsonNode path : spec.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = path.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = it.next();
                if (operation.getValue().has("responses")) {
                    ObjectNode op = (ObjectNode) operation.getValue();
                    op.put("description", op.path("description").asText("An operation") + " (edited)");
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean deprecateProperty(ObjectNode spec) {
        ObjectNode schema = referencedObjectSchema(spec);
        if (schema == null) {
            return false;
        }
        Iterator<JsonNode> properties = schema.get("properties").elements();
        JsonNode property = properties.next();
        if (!(property instanceof ObjectNode object) || property.has("$ref")) {
            return false;
        }
        object.put("deprecated", true);
        return true;
    }

    private static boolean makePropertyOptional(ObjectNode spec) {
        ObjectNode schema = referencedObjectSchema(spec);
        if (schema == null || !(schema.get("required") instanceof ArrayNode required) || required.isEmpty()) {
            return false;
        }
        required.remove(0);
        return true;
    }

    private static boolean editObjectWriteTraceId(ObjectNode spec) {
        JsonNode property = spec.path("components")
                .path("schemas")
                .path("SimplePublicObjectBatchInput")
                .path("properties")
                .path("objectWriteTraceId");
        if (!(property instanceof ObjectNode object)) {
            return false;
        }
        object.put("description", object.path("description").asText("") + " (edit 1)");
        return true;
    }

    /**
     * Drops the last member of the first oneOf of schemas from every oneOf listing it: its record no longer implements
     * the interface although its own schema is unchanged.
     */
    private static boolean dropOneOfMember(ObjectNode spec) {
        ArrayNode oneOf = firstArray(spec.path("components"), "oneOf", 2);
        if (oneOf == null || !oneOf.get(oneOf.size() - 1).has("$ref")) {
            return false;
        }
        JsonNode member = oneOf.get(oneOf.size() - 1).deepCopy();
        removeMember(spec, member);
        return true;
    }

    /**
     * Removes every operation with a request body: the records only requests carried lose their builders although
     * their own schemas are unchanged.
     */
    private static boolean removeOperationsWithBodies(ObjectNode spec) {
        boolean removed = false;
        for (JsonNode path : spec.path("paths")) {
            List<String> methods = new ArrayList<>();
            path.fields().forEachRemaining(e -> {
                if (e.getValue().has("requestBody")) {
                    methods.add(e.getKey());
                }
            });
            ((ObjectNode) path).remove(methods);
            removed |= !methods.isEmpty();
        }
        return removed;
    }

    // Where the edits go.

    /** The first object schema with properties that another schema refers to: an edit there reaches further. */
    private static ObjectNode referencedObjectSchema(ObjectNode spec) {
        String name = referencedObjectSchemaName(spec);
        return name == null
                ? null
                : (ObjectNode) spec.path("components").path("schemas").get(name);
    }

    private static String referencedObjectSchemaName(ObjectNode spec) {
        JsonNode schemas = spec.path("components").path("schemas");
        Set<String> referenced = new LinkedHashSet<>();
        schemas.forEach(schema -> collectRefs(schema, referenced));
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            if (referenced.contains("#/components/schemas/" + schema.getKey())
                    && schema.getValue().path("properties").size() > 0) {
                return schema.getKey();
            }
        }
        return null;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject() && node.get("$ref") instanceof TextNode ref) {
            refs.add(ref.asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static void replaceRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object && from.equals(object.path("$ref").asText(null))) {
            object.put("$ref", to);
        }
        node.forEach(child -> replaceRefs(child, from, to));
    }

    private static ArrayNode firstArray(JsonNode node, String name, int minimumSize) {
        if (node.get(name) instanceof ArrayNode values && values.size() >= minimumSize) {
            return values;
        }
        for (JsonNode child : node) {
            ArrayNode found = firstArray(child, name, minimumSize);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void removeMember(JsonNode node, JsonNode member) {
        if (node.get("oneOf") instanceof ArrayNode members) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).equals(member)) {
                    members.remove(i);
                }
            }
        }
        node.forEach(child -> removeMember(child, member));
    }

    private static ArrayNode firstStringEnum(JsonNode node) {
        if (node.get("enum") instanceof ArrayNode values
                && !values.isEmpty()
                && values.get(0).isTextual()) {
            return values;
        }
        for (JsonNode child : node) {
            ArrayNode found = firstStringEnum(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
