package dev.crmgen.generator.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.model.TypeRef.Scalar;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.NameTable;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter.StyleEnum;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OpenAPI 3 spec into the generation model. The only class that sees Swagger Parser; every problem becomes a
 * diagnostic in {@link Problems}, none is thrown.
 */
@SuppressWarnings("rawtypes") // Swagger Parser's Schema is used raw throughout its own API
public final class SpecReader {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Pattern HUBSPOT_OPERATION_ID = Pattern.compile("^(get|put|post|patch|delete|head|options)-(/.*)_([A-Za-z0-9]+)$");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> RETRY_SAFE_BATCH = Set.of("update", "read", "upsert", "archive");

    private final Problems problems;
    private final GeneratorOptions options;
    private OpenAPI api;
    private Map<String, Schema> components = Map.of();
    private final NameTable typeNames = new NameTable(true);
    private final Map<String, TypeDecl> types = new LinkedHashMap<>();
    /** Component name → its Java type, for components that declare a type. */
    private final Map<String, String> componentTypeNames = new HashMap<>();
    /** Component name → resolved use, for every component (aliases included). */
    private final Map<String, TypeRef> componentRefs = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    /** Inline enums declared so far, by what makes them the same type; see {@link #typeOf}. */
    private final Map<List<Object>, TypeRef> inlineEnums = new HashMap<>();
    /** The name of the component being resolved: a oneOf that is a whole component is named after it. */
    private String componentHint;
    private final List<Path> inputFiles = new ArrayList<>();

    private SpecReader(Problems problems, GeneratorOptions options) {
        this.problems = problems;
        this.options = options;
    }

    /** The model, or null when the spec has errors (all of them are in {@code problems}). */
    public record Result(ApiModel model, List<Path> inputFiles) {}

    public static Result read(SpecSource source, GeneratorOptions options, Problems problems) {
        SpecReader reader = new SpecReader(problems, options);
        ApiModel model = reader.read(source);
        return new Result(problems.hasErrors() ? null : model, List.copyOf(reader.inputFiles));
    }

    private ApiModel read(SpecSource source) {
        String content = load(source);
        if (content == null) {
            return null;
        }
        JsonNode tree = parseTree(content);
        if (tree == null) {
            return null;
        }
        if (!tree.isObject() || !tree.has("openapi")) {
            if (tree.isObject() && tree.has("swagger")) {
                problems.error(Tags.UNSUPPORTED, "#/swagger", "Swagger " + tree.get("swagger").asText()
                        + " specs are not supported; convert the spec to OpenAPI 3 (for example with swagger2openapi).");
            } else {
                problems.error(Tags.SPEC_INVALID, null,
                        "not an OpenAPI document: the top level needs an 'openapi: 3.x' field, 'info' and 'paths'.");
            }
            return null;
        }
        String version = tree.get("openapi").asText();
        if (!version.startsWith("3.")) {
            problems.error(Tags.UNSUPPORTED, "#/openapi", "OpenAPI version " + version + " is not supported; use 3.0 or 3.1.");
            return null;
        }
        collectLocalFiles(tree, source.location(), new HashSet<>());
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(SpecText.forSwaggerParser(content, tree), null,
                parseOptions,
                source.location() == null ? null : source.location().toString());
        api = parsed == null ? null : parsed.getOpenAPI();
        List<String> messages = parsed == null || parsed.getMessages() == null ? List.of() : parsed.getMessages();
        if (api == null) {
            problems.error(Tags.SPEC_INVALID, null, "the spec could not be read: " + String.join("; ", messages));
            return null;
        }
        for (String message : messages) {
            problems.warning(Tags.SPEC_WARNING, null, message + " (the spec does not follow OpenAPI 3 here; fix it to silence this)");
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            components = new LinkedHashMap<>(api.getComponents().getSchemas());
        }
        String clientName = clientName();
        if (clientName == null) {
            return null;
        }
        declareComponentNames(clientName);
        for (Map.Entry<String, Schema> e : components.entrySet()) {
            componentRef(e.getKey());
        }
        List<Operation> operations = readOperations();
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        String description = api.getInfo() == null ? null : api.getInfo().getDescription();
        return new ApiModel(problems.specName(), options.packageName(), clientName, title, description, types, operations);
    }

    // ---- loading ----

    private String load(SpecSource source) {
        if (source.content() != null) {
            if (source.location() != null && "file".equals(source.location().getScheme())) {
                inputFiles.add(Path.of(source.location()));
            }
            return source.content();
        }
        URI location = source.location();
        byte[] bytes;
        try {
            if ("file".equals(location.getScheme())) {
                Path path = Path.of(location);
                inputFiles.add(path);
                bytes = Files.readAllBytes(path);
            } else {
                try (InputStream in = location.toURL().openStream()) {
                    bytes = in.readAllBytes();
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.error(Tags.SPEC_NOT_FOUND, null, "cannot read the spec at " + location + " (" + e + "); check the path.");
            return null;
        }
        return decode(bytes, displayLocation(location));
    }

    private static String displayLocation(URI location) {
        return "file".equals(location.getScheme()) ? Path.of(location).toString() : location.toString();
    }

    /** The text of a spec file, or null after reporting where it stops being UTF-8. */
    private String decode(byte[] bytes, String where) {
        try {
            return SpecText.decode(bytes);
        } catch (SpecText.NotUtf8Exception e) {
            problems.error(Tags.SPEC_ENCODING, null, where + " is not UTF-8 text: " + e.getMessage()
                    + "; save it as UTF-8 (OpenAPI documents are UTF-8; a UTF-8 byte-order mark is fine).");
            return null;
        }
    }

    private JsonNode parseTree(String content) {
        String trimmed = content.stripLeading();
        if (trimmed.isEmpty()) {
            problems.error(Tags.SPEC_INVALID, null, "the spec is empty; it needs 'openapi: 3.x', 'info' and 'paths'.");
            return null;
        }
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
        try {
            return (json ? Json.mapper() : SpecText.YAML_TREES).readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            problems.error(Tags.SPEC_SYNTAX, null, (json ? "JSON" : "YAML") + " syntax error" + at + ": "
                    + e.getOriginalMessage() + "; fix the spec text there.");
            return null;
        }
    }

    /** Adds every local file reached through a relative {@code $ref}, so build tools can tell when to regenerate. */
    private void collectLocalFiles(JsonNode node, URI base, Set<Path> seen) {
        if (base == null || !"file".equals(base.getScheme())) {
            return;
        }
        List<JsonNode> refs = new ArrayList<>();
        node.findValues("$ref").forEach(refs::add);
        for (JsonNode ref : refs) {
            String text = ref.asText();
            int hash = text.indexOf('#');
            String file = hash >= 0 ? text.substring(0, hash) : text;
            if (file.isEmpty() || file.contains("://")) {
                continue;
            }
            Path path = Path.of(base.resolve(file));
            if (seen.add(path) && Files.isRegularFile(path)) {
                inputFiles.add(path);
                try {
                    String content = decode(Files.readAllBytes(path), path.toString());
                    if (content == null) {
                        continue;
                    }
                    JsonNode tree = (content.stripLeading().startsWith("{") ? Json.mapper() : SpecText.YAML_TREES)
                            .readTree(content);
                    collectLocalFiles(tree, path.toUri(), seen);
                } catch (IOException e) {
                    problems.error(Tags.UNRESOLVED_REF, null, "cannot read " + path + " referenced by the spec: " + e.getMessage());
                }
            }
        }
    }

    // ---- naming ----

    private String clientName() {
        String explicit = options.clientName();
        if (!JavaNames.isPackageName(options.packageName())) {
            problems.error(Tags.INVALID_PACKAGE, null, "'" + options.packageName()
                    + "' is not a valid Java package name; use dot-separated identifiers such as com.acme.hubspot.notes.");
        }
        String name;
        if (explicit != null) {
            if (!JavaNames.isTypeName(explicit)) {
                problems.error(Tags.INVALID_CLIENT_NAME, null, "clientName '" + explicit
                        + "' is not a usable Java class name; use an identifier such as NotesClient.");
                return null;
            }
            name = explicit;
        } else {
            String title = api.getInfo() == null ? null : api.getInfo().getTitle();
            name = JavaNames.typeName((title == null || title.isBlank() ? "Api" : title) + " Client");
        }
        for (String component : components.keySet()) {
            if (declaresType(components.get(component)) && JavaNames.typeName(component).equalsIgnoreCase(name)) {
                problems.error(Tags.NAME_COLLISION, pointerOfComponent(component), "the client class " + name
                        + " has the same name as the type generated for schema '" + component
                        + "'; set clientName in @GenerateClient to another name, such as " + name + "Api.");
            }
        }
        return name;
    }

    private void declareComponentNames(String clientName) {
        typeNames.reserve(clientName);
        Map<String, String> firstOwner = new HashMap<>();
        for (Map.Entry<String, Schema> e : components.entrySet()) {
            if (!declaresType(e.getValue())) {
                continue;
            }
            String wanted = JavaNames.typeName(e.getKey());
            String name = typeNames.allocate(wanted);
            String key = wanted.toLowerCase(Locale.ROOT);
            if (!name.equals(wanted)) {
                problems.warning(Tags.NAME_COLLISION, pointerOfComponent(e.getKey()), "schema '" + e.getKey() + "' and schema '"
                        + firstOwner.get(key) + "' both map to the Java name " + wanted + "; this one is generated as " + name
                        + ". Rename one of the schemas to choose the names yourself.");
            } else {
                firstOwner.put(key, e.getKey());
            }
            componentTypeNames.put(e.getKey(), name);
        }
    }

    /** Whether a schema becomes a generated type (record or enum) rather than a scalar, list, map or JSON value. */
    private boolean declaresType(Schema s) {
        if (s == null || s.get$ref() != null) {
            return false;
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            Scalar scalar = scalarOf(s);
            return scalar == Scalar.STRING || scalar == Scalar.INT32 || scalar == Scalar.INT64;
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return s.getAllOf().size() > 1 || (s.getProperties() != null && !s.getProperties().isEmpty());
        }
        return (s.getOneOf() == null && s.getAnyOf() == null) && s.getProperties() != null && !s.getProperties().isEmpty();
    }

    // ---- schemas ----

    private TypeRef componentRef(String component) {
        TypeRef known = componentRefs.get(component);
        if (known != null) {
            return known;
        }
        String pointer = pointerOfComponent(component);
        if (!resolving.add(component)) {
            String typeName = componentTypeNames.get(component);
            if (typeName != null) {
                return new TypeRef.NamedRef(typeName);
            }
            problems.error(Tags.INVALID_SCHEMA, pointer, "schema '" + component
                    + "' refers to itself without an object in between; break the $ref cycle.");
            return TypeRef.scalar(Scalar.JSON_VALUE);
        }
        try {
            Schema schema = components.get(component);
            String typeName = componentTypeNames.get(component);
            String previousHint = componentHint;
            componentHint = JavaNames.typeName(component);
            TypeRef ref;
            try {
                ref = typeName != null ? declare(schema, pointer, typeName) : typeOf(schema, pointer, componentHint);
            } finally {
                componentHint = previousHint;
            }
            componentRefs.put(component, ref);
            return ref;
        } finally {
            resolving.remove(component);
        }
    }

    /** The Java type of a schema use; inline records and enums are declared under names built from {@code hint}. */
    private TypeRef typeOf(Schema s, String pointer, String hint) {
        if (s == null) {
            return TypeRef.scalar(Scalar.JSON_VALUE);
        }
        if (s.get$ref() != null) {
            return refOf(s.get$ref(), pointer);
        }
        if (s.getAllOf() != null && s.getAllOf().size() == 1 && (s.getProperties() == null || s.getProperties().isEmpty())) {
            return typeOf((Schema) s.getAllOf().get(0), pointer + "/allOf/0", hint);
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            List<Schema> members = keyword.equals("oneOf") ? s.getOneOf() : s.getAnyOf();
            if (members != null && !members.isEmpty()) {
                if (members.size() == 1) {
                    return typeOf(members.get(0), pointer + "/" + keyword + "/0", hint);
                }
                TypeRef common = null;
                boolean same = true;
                for (int i = 0; i < members.size(); i++) {
                    TypeRef t = typeOf(members.get(i), pointer + "/" + keyword + "/" + i, hint + "Option" + (i + 1));
                    same &= common == null || common.equals(t);
                    common = t;
                }
                if (same) {
                    return common;
                }
                TypeRef union = oneOf(members, pointer, hint);
                if (union != null) {
                    return union;
                }
                problems.warning(Tags.DEGRADED, pointer, keyword + " with differing member types is represented as a JSON value "
                        + "(JsonValue); callers inspect it themselves.");
                return TypeRef.scalar(Scalar.JSON_VALUE);
            }
        }
        if (declaresType(s)) {
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                // An inline enum with the same values (and type) as one already declared is that type: HubSpot
                // repeats long lists, such as 800 language codes, at every property that takes them. Each property
                // keeps its own description in its record's javadoc; the shared type keeps one only if all agree.
                List<Object> key = Arrays.asList(scalarOf(s), new ArrayList<Object>(s.getEnum()), isTrue(s.getDeprecated()));
                TypeRef same = inlineEnums.get(key);
                if (same instanceof TypeRef.NamedRef named
                        && types.get(named.javaName()) instanceof TypeDecl.EnumDecl shared) {
                    if (shared.description() != null && !shared.description().equals(s.getDescription())) {
                        types.put(shared.javaName(), new TypeDecl.EnumDecl(shared.javaName(), shared.pointer(), null,
                                shared.deprecated(), shared.valueType(), shared.constants(), shared.unknownConstant()));
                    }
                    return same;
                }
                TypeRef declared = declare(s, pointer, typeNames.allocate(hint));
                inlineEnums.put(key, declared);
                return declared;
            }
            return declare(s, pointer, typeNames.allocate(hint));
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty() && scalarOf(s) != Scalar.JSON_VALUE) {
            problems.warning(Tags.DEGRADED, pointer, "an enum of type " + s.getType() + " is generated as its plain type.");
        }
        String type = typeName(s);
        if ("array".equals(type)) {
            if (s.getItems() == null) {
                problems.warning(Tags.DEGRADED, pointer, "array without 'items' is generated as List<JsonValue>; add 'items'.");
                return new TypeRef.ListRef(TypeRef.scalar(Scalar.JSON_VALUE));
            }
            return new TypeRef.ListRef(typeOf(s.getItems(), pointer + "/items", hint + "Item"));
        }
        if ("object".equals(type) || type == null) {
            Object additional = s.getAdditionalProperties();
            if (additional instanceof Schema valueSchema) {
                return new TypeRef.MapRef(typeOf(valueSchema, pointer + "/additionalProperties", hint + "Value"));
            }
            return TypeRef.scalar(Scalar.JSON_VALUE);
        }
        Scalar scalar = scalarOf(s);
        if (scalar == Scalar.JSON_VALUE) {
            problems.error(Tags.INVALID_SCHEMA, pointer + "/type", "unknown type '" + type
                    + "'; use one of string, integer, number, boolean, array, object.");
        }
        return TypeRef.scalar(scalar);
    }

    private static String typeName(Schema s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            Set<String> types = s.getTypes();
            return types.stream().filter(t -> !"null".equals(t)).sorted().findFirst().orElse(null);
        }
        if (s.getProperties() != null && !s.getProperties().isEmpty()) {
            return "object";
        }
        if (s.getItems() != null) {
            return "array";
        }
        return null;
    }

    private static Scalar scalarOf(Schema s) {
        String type = typeName(s);
        String format = s.getFormat() == null ? "" : s.getFormat();
        if (type == null) {
            return Scalar.JSON_VALUE;
        }
        return switch (type) {
            case "string" -> switch (format) {
                case "date-time" -> Scalar.DATE_TIME;
                case "date" -> Scalar.DATE;
                case "uuid" -> Scalar.UUID;
                default -> Scalar.STRING;
            };
            case "integer" -> "int32".equals(format) ? Scalar.INT32 : Scalar.INT64;
            case "number" -> switch (format) {
                case "float" -> Scalar.FLOAT;
                case "double" -> Scalar.DOUBLE;
                case "int32" -> Scalar.INT32;
                case "int64" -> Scalar.INT64;
                default -> Scalar.DECIMAL;
            };
            case "boolean" -> Scalar.BOOLEAN;
            default -> Scalar.JSON_VALUE;
        };
    }

    private TypeRef refOf(String ref, String pointer) {
        if (ref.startsWith(SCHEMAS)) {
            String component = unescapePointer(ref.substring(SCHEMAS.length()));
            if (components.containsKey(component)) {
                return componentRef(component);
            }
        }
        unresolved(ref, pointer, "generated as a JSON value (JsonValue)");
        return TypeRef.scalar(Scalar.JSON_VALUE);
    }

    /** A dangling schema ref: an error, or with {@code lenientRefs} a warning saying what was generated instead. */
    private void unresolved(String ref, String pointer, String instead) {
        String fix = ref.startsWith("#") ? "define it under components/schemas or correct the reference." : "check the file and pointer.";
        if (options.lenientRefs()) {
            problems.warning(Tags.DEGRADED, pointer, "$ref '" + ref + "' does not resolve, so it is " + instead + "; " + fix);
        } else {
            problems.error(Tags.UNRESOLVED_REF, pointer, "$ref '" + ref + "' does not resolve; " + fix);
        }
    }

    /** Member component names → the union generated for them, so the same set is one type. */
    private final Map<List<String>, String> unions = new HashMap<>();

    /**
     * A sealed interface for a oneOf of object components that a fixed-value property tells apart, or null when the
     * members are not like that.
     */
    private TypeRef oneOf(List<Schema> members, String pointer, String hint) {
        List<String> memberComponents = new ArrayList<>();
        for (Schema m : members) {
            String ref = m.get$ref();
            String component = ref != null && ref.startsWith(SCHEMAS) ? unescapePointer(ref.substring(SCHEMAS.length())) : null;
            if (component == null || !components.containsKey(component) || componentTypeNames.get(component) == null
                    || components.get(component).getEnum() != null || memberComponents.contains(component)) {
                return null;
            }
            memberComponents.add(component);
        }
        String known = unions.get(memberComponents);
        if (known != null) {
            return new TypeRef.NamedRef(known);
        }
        String discriminator = discriminator(memberComponents);
        if (discriminator == null) {
            return null;
        }
        List<String> memberNames = memberComponents.stream().map(componentTypeNames::get).toList();
        String name = typeNames.allocate(hint.equals(componentHint) ? hint : unionName(memberNames, hint));
        unions.put(memberComponents, name);
        List<TypeDecl.OneOfMember> oneOfMembers = new ArrayList<>();
        for (String component : memberComponents) {
            componentRef(component);
            String tag = tag(components.get(component), properties(component).get(discriminator).schema());
            oneOfMembers.add(new TypeDecl.OneOfMember(tag, componentTypeNames.get(component)));
        }
        types.put(name, new TypeDecl.OneOfDecl(name, pointer, null, false, discriminator, oneOfMembers));
        return new TypeRef.NamedRef(name);
    }

    /**
     * The first property that every member has with one fixed string value (an enum of one value or, failing that,
     * the member's {@code title}, which HubSpot sets to the same value), different in each member.
     */
    private String discriminator(List<String> members) {
        List<Map<String, PropertyUse>> all = new ArrayList<>();
        for (String member : members) {
            all.add(properties(member));
        }
        candidates:
        for (String candidate : all.get(0).keySet()) {
            Set<String> tags = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                PropertyUse use = all.get(i).get(candidate);
                String tag = use == null ? null : tag(components.get(members.get(i)), use.schema());
                if (tag == null || !tags.add(tag)) {
                    continue candidates;
                }
            }
            return candidate;
        }
        return null;
    }

    private static String tag(Schema member, Schema property) {
        if (!"string".equals(typeName(property))) {
            return null;
        }
        if (property.getEnum() != null) {
            return property.getEnum().size() == 1 ? String.valueOf(property.getEnum().get(0)) : null;
        }
        return member.getTitle();
    }

    private Map<String, PropertyUse> properties(String component) {
        Map<String, PropertyUse> properties = new LinkedHashMap<>();
        collectProperties(components.get(component), pointerOfComponent(component), properties, new HashSet<>());
        return properties;
    }

    /**
     * The inheritance pattern: a component whose oneOf members each extend it with {@code allOf: [$ref: it, …]}.
     * Its own (empty) properties add nothing to a member, so a member reaching it is not a lost oneOf.
     */
    private boolean isPolymorphicParent(String component) {
        Schema parent = components.get(component);
        List<Schema> members = parent.getOneOf() != null ? parent.getOneOf() : parent.getAnyOf();
        if (members == null || (parent.getProperties() != null && !parent.getProperties().isEmpty())) {
            return false;
        }
        String self = SCHEMAS + escapePointer(component);
        for (Schema m : members) {
            Schema member = m.get$ref() == null ? null : components.get(unescapePointer(m.get$ref().substring(SCHEMAS.length())));
            if (member == null || member.getAllOf() == null
                    || member.getAllOf().stream().noneMatch(a -> self.equals(((Schema) a).get$ref()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code PublicOrFilterBranch, PublicAndFilterBranch} → {@code PublicFilterBranch}; else the hint. */
    static String unionName(List<String> members, String hint) {
        List<List<String>> words = members.stream().map(SpecReader::pascalWords).toList();
        int shortest = words.stream().mapToInt(List::size).min().orElse(0);
        int prefix = 0;
        while (prefix < shortest - 1 && sameWord(words, prefix, false)) {
            prefix++;
        }
        int suffix = 0;
        while (prefix + suffix < shortest - 1 && sameWord(words, suffix, true)) {
            suffix++;
        }
        List<String> first = words.get(0);
        String name = String.join("", first.subList(0, prefix)) + String.join("", first.subList(first.size() - suffix, first.size()));
        return name.isEmpty() || members.contains(name) ? hint : name;
    }

    private static boolean sameWord(List<List<String>> words, int index, boolean fromEnd) {
        String first = null;
        for (List<String> w : words) {
            String word = fromEnd ? w.get(w.size() - 1 - index) : w.get(index);
            if (first != null && !first.equals(word)) {
                return false;
            }
            first = word;
        }
        return true;
    }

    private static List<String> pascalWords(String name) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i)) && !Character.isUpperCase(name.charAt(i - 1))) {
                out.add(name.substring(start, i));
                start = i;
            }
        }
        out.add(name.substring(start));
        return out;
    }

    private TypeRef declare(Schema s, String pointer, String javaName) {
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return declareEnum(s, pointer, javaName);
        }
        // Registered before the fields so that recursive references find it.
        TypeRef ref = new TypeRef.NamedRef(javaName);
        types.put(javaName, new TypeDecl.RecordDecl(javaName, pointer, s.getDescription(), isTrue(s.getDeprecated()), List.of()));
        Map<String, PropertyUse> properties = new LinkedHashMap<>();
        collectProperties(s, pointer, properties, new HashSet<>());
        NameTable fieldNames = new NameTable(false);
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, PropertyUse> e : properties.entrySet()) {
            PropertyUse use = e.getValue();
            Schema p = use.schema();
            String javaField = fieldNames.allocate(JavaNames.memberName(e.getKey()));
            TypeRef type = typeOf(p, use.pointer(), javaName + JavaNames.typeName(e.getKey()));
            boolean oneWay = isTrue(p.getReadOnly()) || isTrue(p.getWriteOnly());
            boolean required = use.required() && !oneWay && !isTrue(p.getNullable());
            fields.add(new Field(e.getKey(), javaField, type, required, description(p), isTrue(p.getDeprecated()), null));
        }
        fields = withAdders(fields);
        types.put(javaName, new TypeDecl.RecordDecl(javaName, pointer, s.getDescription(), isTrue(s.getDeprecated()), fields));
        return ref;
    }

    private record PropertyUse(Schema schema, String pointer, boolean required) {}

    /** Own properties plus those of {@code allOf} members, in order. */
    private void collectProperties(Schema s, String pointer, Map<String, PropertyUse> out, Set<String> visited) {
        if (s.get$ref() != null) {
            String ref = s.get$ref();
            String component = ref.startsWith(SCHEMAS) ? unescapePointer(ref.substring(SCHEMAS.length())) : null;
            if (component == null || !components.containsKey(component)) {
                unresolved(ref, pointer, "left out of the properties");
                return;
            }
            if (visited.add(component) && !isPolymorphicParent(component)) {
                collectProperties(components.get(component), pointerOfComponent(component), out, visited);
            }
            return;
        }
        if (s.getAllOf() != null) {
            for (int i = 0; i < s.getAllOf().size(); i++) {
                collectProperties((Schema) s.getAllOf().get(i), pointer + "/allOf/" + i, out, visited);
            }
        }
        if (s.getOneOf() != null || s.getAnyOf() != null) {
            problems.warning(Tags.DEGRADED, pointer, "oneOf/anyOf inside allOf is not merged; its properties are skipped when reading.");
        }
        Set<String> required = s.getRequired() == null ? Set.of() : new HashSet<>(s.getRequired());
        if (s.getProperties() != null) {
            Map<String, Schema> properties = s.getProperties();
            for (Map.Entry<String, Schema> e : properties.entrySet()) {
                out.put(e.getKey(), new PropertyUse(e.getValue(), pointer + "/properties/" + escapePointer(e.getKey()), required.contains(e.getKey())));
            }
        }
        for (String name : required) {
            PropertyUse use = out.get(name);
            if (use != null && !use.required()) {
                out.put(name, new PropertyUse(use.schema(), use.pointer(), true));
            }
        }
    }

    /** Builder adders: {@code properties} → {@code property(k, v)}, else {@code putX}/{@code addX}. */
    private static List<Field> withAdders(List<Field> fields) {
        Set<String> names = new HashSet<>();
        fields.forEach(f -> names.add(f.javaName()));
        names.add("build");
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            String adder = null;
            if (f.type() instanceof TypeRef.ListRef || f.type() instanceof TypeRef.MapRef) {
                String singular = JavaNames.singular(f.javaName());
                if (singular != null && !names.contains(singular) && JavaNames.memberName(singular).equals(singular)) {
                    adder = singular;
                } else {
                    adder = (f.type() instanceof TypeRef.ListRef ? "add" : "put") + JavaNames.capitalize(f.javaName());
                }
                names.add(adder);
            }
            out.add(new Field(f.jsonName(), f.javaName(), f.type(), f.required(), f.description(), f.deprecated(), adder));
        }
        return out;
    }

    private TypeRef declareEnum(Schema s, String pointer, String javaName) {
        Scalar valueType = scalarOf(s);
        NameTable constantNames = new NameTable(false);
        constantNames.reserve("CODEC"); // the open enum's codec field
        constantNames.reserve("LISTED"); // and its map of listed values
        List<TypeDecl.EnumConstant> constants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Object value : s.getEnum()) {
            if (value == null) {
                continue; // a nullable enum lists null; null means absent here
            }
            String text = value.toString();
            if (valueType != Scalar.STRING && !text.matches("-?[0-9]+")) {
                problems.error(Tags.INVALID_SCHEMA, pointer + "/enum", "enum value '" + text + "' is not an integer; fix the value or the type.");
                continue;
            }
            if (seen.add(text)) {
                constants.add(new TypeDecl.EnumConstant(constantNames.allocate(JavaNames.constantName(text)), text));
            }
        }
        String unknown = constantNames.allocate("UNKNOWN");
        types.put(javaName, new TypeDecl.EnumDecl(javaName, pointer, s.getDescription(), isTrue(s.getDeprecated()), valueType, constants, unknown));
        return new TypeRef.NamedRef(javaName);
    }

    // ---- operations ----

    private List<Operation> readOperations() {
        List<Operation> out = new ArrayList<>();
        if (api.getPaths() == null) {
            return out;
        }
        NameTable methodNames = new NameTable(false);
        methodNames.reserve("invoker");
        Map<String, Integer> baseCounts = new HashMap<>();
        List<String> prefix = commonPrefix(api.getPaths().keySet());
        List<Map.Entry<String, Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation>>> all = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op : path.getValue().readOperationsMap().entrySet()) {
                all.add(Map.entry(path.getKey(), op));
                baseCounts.merge(baseMethodName(path.getKey(), op.getKey(), op.getValue(), prefix), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation>> e : all) {
            String path = e.getKey();
            PathItem item = api.getPaths().get(path);
            PathItem.HttpMethod method = e.getValue().getKey();
            io.swagger.v3.oas.models.Operation op = e.getValue().getValue();
            String base = baseMethodName(path, method, op, prefix);
            if (baseCounts.get(base) > 1) {
                base = base + qualifier(path, prefix);
            }
            String name = base;
            for (int i = 2; methodNames.isTaken(name) || methodNames.isTaken(name + "Async") || methodNames.isTaken(name + "All"); i++) {
                name = base + i;
            }
            methodNames.reserve(name);
            methodNames.reserve(name + "Async");
            methodNames.reserve(name + "All");
            out.add(readOperation(path, item, method, op, name));
        }
        return out;
    }

    /** The HubSpot operation id forms without an action: {@code post-/crm/v3/contacts/batch/read}, {@code get-/x_/x}. */
    private static final Pattern HUBSPOT_PATH_ONLY = Pattern.compile("^(get|put|post|patch|delete|head|options)-(/[^_]*)(_/.*)?$");

    /**
     * HubSpot's {@code post-/crm/v3/objects/notes/batch/update_update} → {@code batchUpdate}; ids that only repeat the
     * path are named from method and path like HubSpot's own ({@code getPage}, {@code getById}, {@code batchRead});
     * other readable ids are kept.
     *
     * @param prefix the literal path segments every path of the spec starts with
     */
    static String baseMethodName(String path, PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation op, List<String> prefix) {
        String id = op.getOperationId();
        if (id == null || id.isBlank() || HUBSPOT_PATH_ONLY.matcher(id).matches()) {
            return nameFromPath(path, method, prefix);
        }
        Matcher m = HUBSPOT_OPERATION_ID.matcher(id);
        if (m.matches()) {
            String action = m.group(3);
            List<String> segments = literalSegments(m.group(2));
            boolean batch = segments.size() >= 2 && segments.get(segments.size() - 2).equals("batch")
                    && !action.toLowerCase(Locale.ROOT).startsWith("batch");
            return JavaNames.methodName(batch ? "batch " + action : action);
        }
        return JavaNames.methodName(id);
    }

    private static String nameFromPath(String path, PathItem.HttpMethod method, List<String> prefix) {
        List<String> rest = new ArrayList<>();
        int literal = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!segment.contains("{") && literal < prefix.size() && rest.isEmpty() && segment.equals(prefix.get(literal))) {
                literal++;
                continue;
            }
            rest.add(segment);
        }
        boolean endsWithParam = !rest.isEmpty() && rest.get(rest.size() - 1).contains("{");
        List<String> literals = rest.stream().filter(x -> !x.contains("{")).toList();
        String last = literals.isEmpty() ? "" : literals.get(literals.size() - 1);
        boolean batch = literals.size() >= 1 && rest.size() >= 2 && rest.get(rest.size() - 2).equals("batch");
        String verb = method.name().toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || (rest.size() == 1 && endsWithParam)) {
            return switch (method) {
                case GET -> rest.isEmpty() ? "getPage" : "getById";
                case POST -> "create";
                case PATCH -> "update";
                case PUT -> "replace";
                case DELETE -> "archive";
                default -> verb;
            };
        }
        if (batch && !endsWithParam) {
            return JavaNames.methodName("batch " + last);
        }
        if (last.equals("search") && !endsWithParam) {
            return "doSearch";
        }
        // Actions (POST, and PUT/PATCH on a literal segment) are named by their segments alone, others get their verb;
        // path parameters are left to the collision qualifier.
        StringBuilder words = new StringBuilder(switch (method) {
            case POST -> "";
            case PATCH, PUT -> endsWithParam ? "update " : "";
            default -> verb + " ";
        });
        literals.forEach(segment -> words.append(segment).append(' '));
        return JavaNames.methodName(words.toString());
    }

    /** The literal segments every path starts with, such as {@code [crm, v3, objects, notes]}. */
    private static List<String> commonPrefix(Set<String> paths) {
        List<String> prefix = null;
        for (String path : paths) {
            List<String> leading = new ArrayList<>();
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.contains("{")) {
                    break;
                }
                leading.add(segment);
            }
            if (prefix == null) {
                prefix = leading;
            } else {
                int i = 0;
                while (i < prefix.size() && i < leading.size() && prefix.get(i).equals(leading.get(i))) {
                    i++;
                }
                prefix = new ArrayList<>(prefix.subList(0, i));
            }
        }
        if (prefix == null) {
            return List.of();
        }
        // Batch and search segments name operations, and a lone path keeps its last segment to name it by.
        int batch = prefix.indexOf("batch");
        if (batch >= 0) {
            prefix = prefix.subList(0, batch);
        }
        if (paths.size() == 1 && !prefix.isEmpty()) {
            prefix = prefix.subList(0, prefix.size() - 1);
        }
        return prefix;
    }

    /** What tells two same-named operations apart: the path after the common prefix, such as {@code GroupsByObjectType}. */
    private static String qualifier(String path, List<String> prefix) {
        StringBuilder out = new StringBuilder();
        int literal = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!segment.contains("{") && literal < prefix.size() && out.length() == 0 && segment.equals(prefix.get(literal))) {
                literal++;
                continue;
            }
            out.append(segment.contains("{") ? "By" + JavaNames.typeName(segment.replaceAll("[{}]", "")) : JavaNames.typeName(segment));
        }
        return out.toString();
    }

    private static List<String> literalSegments(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.contains("{")) {
                out.add(segment);
            }
        }
        return out;
    }

    private Operation readOperation(String path, PathItem item, PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation op, String name) {
        String pointer = "#/paths/" + escapePointer(path) + "/" + method.name().toLowerCase(Locale.ROOT);
        String pascal = JavaNames.capitalize(name);
        NameTable paramNames = new NameTable(false);
        // Names the client's batch methods use beside the operation's own parameters.
        List.of("inputs", "request", "options", "chunk").forEach(paramNames::reserve);
        List<Parameter> parameters = new ArrayList<>();
        Set<String> declaredPath = new HashSet<>();
        List<io.swagger.v3.oas.models.parameters.Parameter> specParams = new ArrayList<>();
        Map<String, String> paramPointers = new HashMap<>();
        Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged = new LinkedHashMap<>();
        if (item.getParameters() != null) {
            for (int i = 0; i < item.getParameters().size(); i++) {
                addParameter(merged, paramPointers, item.getParameters().get(i), "#/paths/" + escapePointer(path) + "/parameters/" + i);
            }
        }
        if (op.getParameters() != null) {
            for (int i = 0; i < op.getParameters().size(); i++) {
                addParameter(merged, paramPointers, op.getParameters().get(i), pointer + "/parameters/" + i);
            }
        }
        specParams.addAll(merged.values());
        if (options.lenientRefs()) {
            addUndeclaredPathVariables(path, pointer, specParams, paramPointers);
        }
        // Path parameters first, in the order the path names them.
        specParams.sort((a, b) -> Integer.compare(pathOrder(path, a), pathOrder(path, b)));
        for (io.swagger.v3.oas.models.parameters.Parameter p : specParams) {
            String ppointer = paramPointers.get(p.getIn() + ":" + p.getName());
            Parameter.Location location = switch (p.getIn() == null ? "" : p.getIn()) {
                case "path" -> Parameter.Location.PATH;
                case "query" -> Parameter.Location.QUERY;
                case "header" -> Parameter.Location.HEADER;
                default -> null;
            };
            if (location == null) {
                problems.warning(Tags.UNSUPPORTED, ppointer, "parameter '" + p.getName() + "' in '" + p.getIn()
                        + "' is not supported and is left out of the method; set it with a custom transport if needed.");
                continue;
            }
            if (location == Parameter.Location.PATH) {
                declaredPath.add(p.getName());
            }
            if (p.getStyle() == StyleEnum.DEEPOBJECT) {
                problems.warning(Tags.UNSUPPORTED, ppointer, "deepObject parameter '" + p.getName() + "' is sent as its text form.");
            }
            Schema schema = p.getSchema();
            if (schema == null && p.getContent() != null && !p.getContent().isEmpty()) {
                schema = p.getContent().values().iterator().next().getSchema();
            }
            TypeRef type = typeOf(schema, ppointer + "/schema", pascal + JavaNames.typeName(p.getName()));
            boolean required = location == Parameter.Location.PATH || isTrue(p.getRequired());
            parameters.add(new Parameter(p.getName(), paramNames.allocate(JavaNames.memberName(p.getName())), location, type,
                    required, p.getDescription(), isTrue(p.getDeprecated())));
        }
        for (Matcher m = PATH_PARAM.matcher(path); m.find(); ) {
            if (!declaredPath.contains(m.group(1))) {
                problems.error(Tags.MISSING_PATH_PARAM, pointer, "path '" + path + "' names {" + m.group(1)
                        + "} but the operation declares no parameter '" + m.group(1) + "' with 'in: path'; declare it.");
            }
        }
        RequestBody body = readBody(op, pointer, pascal, paramNames);
        Operation.Result result = readResult(op, pointer, pascal, method.name() + " " + path);
        boolean retrySafe = retrySafe(method, path);
        Operation.Batch batch = batchOf(name, body, result);
        return new Operation(op.getOperationId(), name, method.name(), path, op.getSummary(), op.getDescription(),
                isTrue(op.getDeprecated()), retrySafe, parameters, body, result, batch, pointer);
    }

    /**
     * Lenient mode: a variable of the path template that no parameter declares (some published specs have them) becomes
     * a required {@code String} path parameter, with a warning; in strict mode it stays an error.
     */
    private void addUndeclaredPathVariables(String path, String pointer,
            List<io.swagger.v3.oas.models.parameters.Parameter> specParams, Map<String, String> pointers) {
        for (Matcher m = PATH_PARAM.matcher(path); m.find(); ) {
            String name = m.group(1);
            boolean declared = specParams.stream().anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
            if (!declared) {
                specParams.add(new PathParameter().name(name).required(true).schema(new StringSchema()));
                pointers.put("path:" + name, pointer);
                problems.warning(Tags.DEGRADED, pointer, "path '" + path + "' names {" + name + "} but the operation"
                        + " declares no such path parameter, so it is generated as a required String parameter; declare it"
                        + " with 'in: path' to give it a type and a description.");
            }
        }
    }

    private void addParameter(Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged, Map<String, String> pointers,
            io.swagger.v3.oas.models.parameters.Parameter p, String pointer) {
        if (p.get$ref() != null) {
            String ref = p.get$ref();
            String prefix = "#/components/parameters/";
            io.swagger.v3.oas.models.parameters.Parameter target = null;
            if (ref.startsWith(prefix) && api.getComponents() != null && api.getComponents().getParameters() != null) {
                target = api.getComponents().getParameters().get(unescapePointer(ref.substring(prefix.length())));
            }
            if (target == null) {
                problems.error(Tags.UNRESOLVED_REF, pointer, "$ref '" + ref + "' does not resolve; define it under components/parameters.");
                return;
            }
            p = target;
        }
        String key = p.getIn() + ":" + p.getName();
        merged.put(key, p);
        pointers.put(key, pointer);
    }

    private static int pathOrder(String path, io.swagger.v3.oas.models.parameters.Parameter p) {
        if (!"path".equals(p.getIn())) {
            return Integer.MAX_VALUE;
        }
        int at = path.indexOf("{" + p.getName() + "}");
        return at < 0 ? Integer.MAX_VALUE - 1 : at;
    }

    private static boolean retrySafe(PathItem.HttpMethod method, String path) {
        switch (method) {
            case GET, PUT, DELETE, HEAD, OPTIONS:
                return true;
            case POST:
                List<String> segments = literalSegments(path);
                String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
                boolean batch = segments.size() >= 2 && segments.get(segments.size() - 2).equals("batch");
                return last.equals("search") || (batch && RETRY_SAFE_BATCH.contains(last));
            default:
                return false;
        }
    }

    private RequestBody readBody(io.swagger.v3.oas.models.Operation op, String pointer, String pascal, NameTable paramNames) {
        io.swagger.v3.oas.models.parameters.RequestBody rb = op.getRequestBody();
        String bpointer = pointer + "/requestBody";
        if (rb == null) {
            return null;
        }
        if (rb.get$ref() != null) {
            String prefix = "#/components/requestBodies/";
            String ref = rb.get$ref();
            io.swagger.v3.oas.models.parameters.RequestBody target = null;
            if (ref.startsWith(prefix) && api.getComponents() != null && api.getComponents().getRequestBodies() != null) {
                target = api.getComponents().getRequestBodies().get(unescapePointer(ref.substring(prefix.length())));
            }
            if (target == null) {
                problems.error(Tags.UNRESOLVED_REF, bpointer, "$ref '" + ref + "' does not resolve; define it under components/requestBodies.");
                return null;
            }
            rb = target;
        }
        Map.Entry<String, MediaType> media = pickMedia(rb.getContent());
        if (media == null) {
            problems.warning(Tags.UNSUPPORTED, bpointer, "request body without content is left out of the method.");
            return null;
        }
        boolean required = isTrue(rb.getRequired());
        if (media.getKey().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            List<RequestBody.Part> parts = multipartParts(media.getValue().getSchema(), paramNames);
            if (!parts.isEmpty()) {
                return new RequestBody(null, null, "multipart/form-data", required, rb.getDescription(), parts);
            }
        }
        String javaName = paramNames.allocate("body");
        String form = "application/x-www-form-urlencoded";
        if (media.getKey().equalsIgnoreCase(form) && media.getValue().getSchema() != null) {
            TypeRef type = typeOf(media.getValue().getSchema(), bpointer + "/content/" + escapePointer(media.getKey()) + "/schema",
                    pascal + "Request");
            if (isFormRecord(type)) {
                return new RequestBody(javaName, type, form, required, rb.getDescription());
            }
        }
        if (!isJson(media.getKey())) {
            if (media.getKey().startsWith("multipart/") || media.getKey().equalsIgnoreCase(form)) {
                problems.warning(Tags.DEGRADED, bpointer, "this '" + media.getKey() + "' body is sent as raw bytes the caller encodes"
                        + (media.getKey().startsWith("multipart/form-data") ? " (with MultipartBody)" : "")
                        + ": only objects whose properties are all files (format: binary) or scalars become typed parameters.");
            }
            return new RequestBody(javaName, null, media.getKey(), required, rb.getDescription());
        }
        String mpointer = bpointer + "/content/" + escapePointer(media.getKey()) + "/schema";
        TypeRef type = typeOf(media.getValue().getSchema(), mpointer, pascal + "Request");
        return new RequestBody(javaName, type, "application/json", required, rb.getDescription());
    }

    /**
     * The fields of a multipart object schema whose properties are all files ({@code format: binary}) or scalars; empty
     * when the schema is anything else, so the body stays raw bytes.
     */
    private List<RequestBody.Part> multipartParts(Schema schema, NameTable paramNames) {
        if (schema != null && schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
            schema = components.get(unescapePointer(schema.get$ref().substring(SCHEMAS.length())));
        }
        if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()
                || (schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null)) {
            return List.of();
        }
        List<String> requiredNames = schema.getRequired() == null ? List.of() : schema.getRequired();
        List<Schema> properties = new ArrayList<>();
        for (Object value : schema.getProperties().values()) {
            Schema p = (Schema) value;
            boolean file = "string".equals(typeName(p)) && "binary".equals(p.getFormat());
            if (p.get$ref() != null || (!file && (scalarOf(p) == Scalar.JSON_VALUE || p.getEnum() != null))) {
                return List.of();
            }
            properties.add(p);
        }
        List<RequestBody.Part> parts = new ArrayList<>();
        int i = 0;
        for (Object key : schema.getProperties().keySet()) {
            String name = (String) key;
            Schema p = properties.get(i++);
            boolean file = "binary".equals(p.getFormat());
            parts.add(new RequestBody.Part(name, paramNames.allocate(JavaNames.memberName(name)), file ? null : TypeRef.scalar(scalarOf(p)),
                    requiredNames.contains(name), p.getDescription()));
        }
        return parts;
    }

    /** A record of scalars, enums and lists of those: what a form body can carry. */
    private boolean isFormRecord(TypeRef type) {
        if (!(type instanceof TypeRef.NamedRef named) || !(types.get(named.javaName()) instanceof TypeDecl.RecordDecl record)) {
            return false;
        }
        return record.fields().stream().allMatch(f -> isFormValue(f.type())
                || (f.type() instanceof TypeRef.ListRef list && isFormValue(list.element())));
    }

    private boolean isFormValue(TypeRef type) {
        return (type instanceof TypeRef.ScalarRef s && s.scalar() != Scalar.JSON_VALUE && s.scalar() != Scalar.BINARY)
                || (type instanceof TypeRef.NamedRef n && types.get(n.javaName()) instanceof TypeDecl.EnumDecl);
    }

    private static Map.Entry<String, MediaType> pickMedia(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            if (isJson(e.getKey())) {
                return e;
            }
        }
        return content.entrySet().iterator().next();
    }

    private static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.equals("application/json") || m.startsWith("application/json;") || m.equals("*/*") || m.endsWith("+json")
                || m.equals("application/*");
    }

    /** @param trace such as {@code POST /crm/v3/objects/notes/batch/update}, for the union's javadoc */
    private Operation.Result readResult(io.swagger.v3.oas.models.Operation op, String pointer, String pascal, String trace) {
        TreeMap<Integer, TypeRef> bodies = new TreeMap<>();
        TreeMap<Integer, String> descriptions = new TreeMap<>();
        List<Integer> empty = new ArrayList<>();
        if (op.getResponses() != null) {
            for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
                int status;
                try {
                    status = Integer.parseInt(e.getKey());
                } catch (NumberFormatException notNumeric) {
                    continue; // "default" and ranges describe errors, which the runtime maps to exceptions
                }
                if (status < 200 || status > 299) {
                    continue;
                }
                String rpointer = pointer + "/responses/" + e.getKey();
                ApiResponse response = e.getValue();
                if (response.get$ref() != null) {
                    String prefix = "#/components/responses/";
                    String ref = response.get$ref();
                    ApiResponse target = null;
                    if (ref.startsWith(prefix) && api.getComponents() != null && api.getComponents().getResponses() != null) {
                        target = api.getComponents().getResponses().get(unescapePointer(ref.substring(prefix.length())));
                    }
                    if (target == null) {
                        problems.error(Tags.UNRESOLVED_REF, rpointer, "$ref '" + ref + "' does not resolve; define it under components/responses.");
                        continue;
                    }
                    response = target;
                }
                descriptions.put(status, response.getDescription());
                Map.Entry<String, MediaType> media = pickMedia(response.getContent());
                if (media == null || (isJson(media.getKey()) && media.getValue().getSchema() == null)) {
                    empty.add(status);
                } else if (!isJson(media.getKey())) {
                    bodies.put(status, TypeRef.scalar(Scalar.BINARY));
                } else {
                    String hint = pascal + "Response" + (status == 200 ? "" : String.valueOf(status));
                    bodies.put(status, typeOf(media.getValue().getSchema(), rpointer + "/content/" + escapePointer(media.getKey()) + "/schema", hint));
                }
            }
        }
        if (bodies.isEmpty()) {
            if (empty.isEmpty()) {
                problems.warning(Tags.NO_SUCCESS_RESPONSE, pointer + "/responses", "no 2xx response is declared; the method accepts "
                        + "200, 201, 202 and 204 and ignores any body. Declare the success responses to get typed results.");
                empty = List.of(200, 201, 202, 204);
            }
            return new Operation.Result.Empty(empty);
        }
        Set<TypeRef> distinct = new LinkedHashSet<>(bodies.values());
        if (distinct.size() == 1) {
            return new Operation.Result.Single(distinct.iterator().next(), List.copyOf(bodies.keySet()), empty);
        }
        String unionName = typeNames.allocate(pascal + "Response");
        List<TypeDecl.Variant> variants = new ArrayList<>();
        TreeMap<Integer, TypeRef> all = new TreeMap<>(bodies);
        empty.forEach(s -> all.put(s, null));
        NameTable variantNames = new NameTable(false);
        variantNames.reserve(unionName);
        for (Map.Entry<Integer, TypeRef> v : all.entrySet()) {
            variants.add(new TypeDecl.Variant(v.getKey(), variantNames.allocate(statusName(v.getKey())), v.getValue(), descriptions.get(v.getKey())));
        }
        types.put(unionName, new TypeDecl.ResponseUnionDecl(unionName, pointer + "/responses", trace, false, variants));
        return new Operation.Result.Union(unionName);
    }

    private static String statusName(int status) {
        return switch (status) {
            case 200 -> "Ok";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "NonAuthoritative";
            case 204 -> "NoContent";
            case 206 -> "PartialContent";
            case 207 -> "MultiStatus";
            default -> "Status" + status;
        };
    }

    /** A HubSpot batch: request {@code {inputs: [I]}}, every success body a record with {@code results: [R]}. */
    private Operation.Batch batchOf(String methodName, RequestBody body, Operation.Result result) {
        if (body == null || !(body.type() instanceof TypeRef.NamedRef request)
                || !(types.get(request.javaName()) instanceof TypeDecl.RecordDecl requestDecl)) {
            return null;
        }
        Field inputs = requestDecl.field("inputs");
        if (inputs == null || !inputs.required() || !(inputs.type() instanceof TypeRef.ListRef inputList)
                || !(inputList.element() instanceof TypeRef.NamedRef input) || !(types.get(input.javaName()) instanceof TypeDecl.RecordDecl)) {
            return null;
        }
        List<TypeRef> successBodies = new ArrayList<>();
        if (result instanceof Operation.Result.Single single) {
            successBodies.add(single.type());
        } else if (result instanceof Operation.Result.Union union) {
            for (TypeDecl.Variant v : ((TypeDecl.ResponseUnionDecl) types.get(union.unionName())).variants()) {
                if (v.body() != null) {
                    successBodies.add(v.body());
                }
            }
        }
        String resultType = null;
        for (TypeRef t : successBodies) {
            if (!(t instanceof TypeRef.NamedRef named) || !(types.get(named.javaName()) instanceof TypeDecl.RecordDecl decl)) {
                return null;
            }
            Field results = decl.field("results");
            if (results == null || !(results.type() instanceof TypeRef.ListRef list) || !(list.element() instanceof TypeRef.NamedRef r)) {
                return null;
            }
            if (resultType != null && !resultType.equals(r.javaName())) {
                return null;
            }
            resultType = r.javaName();
        }
        if (resultType == null || !(types.get(resultType) instanceof TypeDecl.RecordDecl)) {
            return null;
        }
        return new Operation.Batch(methodName + "All", request.javaName(), input.javaName(), resultType);
    }

    // ---- helpers ----

    private static String description(Schema s) {
        return s.getDescription();
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String pointerOfComponent(String component) {
        return SCHEMAS + escapePointer(component);
    }

    static String escapePointer(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String unescapePointer(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
