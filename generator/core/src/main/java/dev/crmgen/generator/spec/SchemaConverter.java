package dev.crmgen.generator.spec;

import static dev.crmgen.generator.spec.SchemaShapes.declaresType;
import static dev.crmgen.generator.spec.SchemaShapes.fixedValue;
import static dev.crmgen.generator.spec.SchemaShapes.isTrue;
import static dev.crmgen.generator.spec.SchemaShapes.scalarOf;
import static dev.crmgen.generator.spec.SchemaShapes.typeName;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.model.TypeRef.Scalar;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import dev.crmgen.generator.naming.UnionNames;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts Swagger Parser schemas into the model's types: component schemas and inline ones become records, open
 * enums and oneOf unions under names from {@code naming}; every other use becomes a scalar, list, map or JSON value.
 */
@SuppressWarnings("rawtypes") // Swagger Parser's Schema is used raw throughout its own API
final class SchemaConverter {
    private final ComponentRefs refs;
    private final Map<String, Schema> components;
    private final Problems problems;
    private final boolean lenientRefs;
    private final NameTable typeNames = new NameTable(true);
    private final Map<String, TypeDecl> types = new LinkedHashMap<>();
    /** Component name → its Java type, for components that declare a type. */
    private final Map<String, String> componentTypeNames = new HashMap<>();
    /** Component name → resolved use, for every component (aliases included). */
    private final Map<String, TypeRef> componentRefs = new HashMap<>();

    private final Set<String> resolving = new HashSet<>();
    /** Inline enums declared so far, by what makes them the same type; see {@link #typeOf}. */
    private final Map<List<Object>, TypeRef> inlineEnums = new HashMap<>();
    /** Member component names → the union generated for them, so the same set is one type. */
    private final Map<List<String>, String> unions = new HashMap<>();
    /** The name of the component being resolved: a oneOf that is a whole component is named after it. */
    private String componentHint;

    SchemaConverter(ComponentRefs refs, Problems problems, boolean lenientRefs) {
        this.refs = refs;
        this.components = refs.schemas();
        this.problems = problems;
        this.lenientRefs = lenientRefs;
    }

    /** The types declared so far, by Java name, in declaration order; read-only. */
    Map<String, TypeDecl> types() {
        return Collections.unmodifiableMap(types);
    }

    /** Declares an operation's response union, named by {@link #allocateTypeName}. */
    void addResponseUnion(TypeDecl.ResponseUnionDecl union) {
        types.put(union.javaName(), union);
    }

    /** A type name no generated type has yet, reserved for the caller. */
    String allocateTypeName(String wanted) {
        return typeNames.allocate(wanted);
    }

    /**
     * Names every component that declares a type, then converts them all, in spec order.
     *
     * @param clientName the client's name, which no type may take
     */
    void declareComponents(String clientName) {
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
                problems.warning(
                        Tags.NAME_COLLISION,
                        ComponentRefs.schemaPointer(e.getKey()),
                        "schema '" + e.getKey()
                                + "' and schema '" + firstOwner.get(key) + "' both map to the Java name " + wanted
                                + "; this one is generated as " + name
                                + ". Rename one of the schemas to choose the names yourself.");
            } else {
                firstOwner.put(key, e.getKey());
            }
            componentTypeNames.put(e.getKey(), name);
        }
        for (String component : components.keySet()) {
            componentRef(component);
        }
    }

    private TypeRef componentRef(String component) {
        TypeRef known = componentRefs.get(component);
        if (known != null) {
            return known;
        }
        String pointer = ComponentRefs.schemaPointer(component);
        if (!resolving.add(component)) {
            String typeName = componentTypeNames.get(component);
            if (typeName != null) {
                return new TypeRef.NamedRef(typeName);
            }
            problems.error(
                    Tags.INVALID_SCHEMA,
                    pointer,
                    "schema '" + component + "' refers to itself without an object in between; break the $ref cycle.");
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
    TypeRef typeOf(Schema s, String pointer, String hint) {
        if (s == null) {
            return TypeRef.scalar(Scalar.JSON_VALUE);
        }
        if (s.get$ref() != null) {
            return refOf(s.get$ref(), pointer);
        }
        if (s.getAllOf() != null
                && s.getAllOf().size() == 1
                && (s.getProperties() == null || s.getProperties().isEmpty())) {
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
                problems.warning(
                        Tags.DEGRADED,
                        pointer,
                        keyword
                                + " with differing member types is represented as a JSON value "
                                + "(JsonValue); callers inspect it themselves.");
                return TypeRef.scalar(Scalar.JSON_VALUE);
            }
        }
        if (declaresType(s)) {
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                // An inline enum with the same values (and type) as one already declared is that type: HubSpot
                // repeats long lists, such as 800 language codes, at every property that takes them. Each property
                // keeps its own description in its record's javadoc; the shared type keeps one only if all agree.
                List<Object> key =
                        Arrays.asList(scalarOf(s), new ArrayList<Object>(s.getEnum()), isTrue(s.getDeprecated()));
                TypeRef same = inlineEnums.get(key);
                if (same instanceof TypeRef.NamedRef named
                        && types.get(named.javaName()) instanceof TypeDecl.EnumDecl shared) {
                    if (shared.description() != null && !shared.description().equals(s.getDescription())) {
                        types.put(
                                shared.javaName(),
                                new TypeDecl.EnumDecl(
                                        shared.javaName(),
                                        shared.pointer(),
                                        null,
                                        shared.deprecated(),
                                        shared.valueType(),
                                        shared.constants(),
                                        shared.unknownConstant()));
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
            problems.warning(
                    Tags.DEGRADED, pointer, "an enum of type " + s.getType() + " is generated as its plain type.");
        }
        String type = typeName(s);
        if ("array".equals(type)) {
            if (s.getItems() == null) {
                problems.warning(
                        Tags.DEGRADED, pointer, "array without 'items' is generated as List<JsonValue>; add 'items'.");
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
            problems.error(
                    Tags.INVALID_SCHEMA,
                    pointer + "/type",
                    "unknown type '" + type + "'; use one of string, integer, number, boolean, array, object.");
        }
        return TypeRef.scalar(scalar);
    }

    private TypeRef refOf(String ref, String pointer) {
        String component = refs.schemaName(ref);
        if (component != null && components.containsKey(component)) {
            return componentRef(component);
        }
        unresolved(ref, pointer, "generated as a JSON value (JsonValue)");
        return TypeRef.scalar(Scalar.JSON_VALUE);
    }

    /** A dangling schema ref: an error, or with {@code lenientRefs} a warning saying what was generated instead. */
    private void unresolved(String ref, String pointer, String instead) {
        String fix = ref.startsWith("#")
                ? "define it under components/schemas or correct the reference."
                : "check the file and pointer.";
        if (lenientRefs) {
            problems.warning(
                    Tags.DEGRADED, pointer, "$ref '" + ref + "' does not resolve, so it is " + instead + "; " + fix);
        } else {
            problems.error(Tags.UNRESOLVED_REF, pointer, "$ref '" + ref + "' does not resolve; " + fix);
        }
    }

    /**
     * A sealed interface for a oneOf of object components that a fixed-value property tells apart, or null when the
     * members are not like that.
     */
    private TypeRef oneOf(List<Schema> members, String pointer, String hint) {
        List<String> memberComponents = new ArrayList<>();
        for (Schema m : members) {
            String ref = m.get$ref();
            String component = ref != null ? refs.schemaName(ref) : null;
            if (component == null
                    || !components.containsKey(component)
                    || componentTypeNames.get(component) == null
                    || components.get(component).getEnum() != null
                    || memberComponents.contains(component)) {
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
        List<String> memberNames =
                memberComponents.stream().map(componentTypeNames::get).toList();
        String name = typeNames.allocate(hint.equals(componentHint) ? hint : UnionNames.oneOf(memberNames, hint));
        unions.put(memberComponents, name);
        List<TypeDecl.OneOfMember> oneOfMembers = new ArrayList<>();
        for (String component : memberComponents) {
            componentRef(component);
            String tag = fixedValue(
                    components.get(component),
                    properties(component).get(discriminator).schema());
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
                String tag = use == null ? null : fixedValue(components.get(members.get(i)), use.schema());
                if (tag == null || !tags.add(tag)) {
                    continue candidates;
                }
            }
            return candidate;
        }
        return null;
    }

    private Map<String, PropertyUse> properties(String component) {
        Map<String, PropertyUse> properties = new LinkedHashMap<>();
        collectProperties(
                components.get(component), ComponentRefs.schemaPointer(component), properties, new HashSet<>());
        return properties;
    }

    /**
     * The inheritance pattern: a component whose oneOf members each extend it with {@code allOf: [$ref: it, …]}.
     * Its own (empty) properties add nothing to a member, so a member reaching it is not a lost oneOf.
     */
    private boolean isPolymorphicParent(String component) {
        Schema parent = components.get(component);
        List<Schema> members = parent.getOneOf() != null ? parent.getOneOf() : parent.getAnyOf();
        if (members == null
                || (parent.getProperties() != null && !parent.getProperties().isEmpty())) {
            return false;
        }
        String self = ComponentRefs.schemaPointer(component);
        for (Schema m : members) {
            Schema member = m.get$ref() == null ? null : refs.schema(m.get$ref());
            if (member == null
                    || member.getAllOf() == null
                    || member.getAllOf().stream().noneMatch(a -> self.equals(((Schema) a).get$ref()))) {
                return false;
            }
        }
        return true;
    }

    private TypeRef declare(Schema s, String pointer, String javaName) {
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return declareEnum(s, pointer, javaName);
        }
        // Registered before the fields so that recursive references find it.
        TypeRef ref = new TypeRef.NamedRef(javaName);
        types.put(
                javaName,
                new TypeDecl.RecordDecl(javaName, pointer, s.getDescription(), isTrue(s.getDeprecated()), List.of()));
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
            fields.add(new Field(e.getKey(), javaField, type, required, p.getDescription(), isTrue(p.getDeprecated())));
        }
        types.put(
                javaName,
                new TypeDecl.RecordDecl(javaName, pointer, s.getDescription(), isTrue(s.getDeprecated()), fields));
        return ref;
    }

    private record PropertyUse(Schema schema, String pointer, boolean required) {}

    /** Own properties plus those of {@code allOf} members, in order. */
    private void collectProperties(Schema s, String pointer, Map<String, PropertyUse> out, Set<String> visited) {
        if (s.get$ref() != null) {
            String ref = s.get$ref();
            String component = refs.schemaName(ref);
            if (component == null || !components.containsKey(component)) {
                unresolved(ref, pointer, "left out of the properties");
                return;
            }
            if (visited.add(component) && !isPolymorphicParent(component)) {
                collectProperties(components.get(component), ComponentRefs.schemaPointer(component), out, visited);
            }
            return;
        }
        if (s.getAllOf() != null) {
            for (int i = 0; i < s.getAllOf().size(); i++) {
                collectProperties((Schema) s.getAllOf().get(i), pointer + "/allOf/" + i, out, visited);
            }
        }
        if (s.getOneOf() != null || s.getAnyOf() != null) {
            problems.warning(
                    Tags.DEGRADED,
                    pointer,
                    "oneOf/anyOf inside allOf is not merged; its properties are skipped when reading.");
        }
        Set<String> required = s.getRequired() == null ? Set.of() : new HashSet<>(s.getRequired());
        if (s.getProperties() != null) {
            Map<String, Schema> properties = s.getProperties();
            for (Map.Entry<String, Schema> e : properties.entrySet()) {
                String propertyPointer = pointer + "/properties/" + JsonPointer.escape(e.getKey());
                out.put(e.getKey(), new PropertyUse(e.getValue(), propertyPointer, required.contains(e.getKey())));
            }
        }
        for (String name : required) {
            PropertyUse use = out.get(name);
            if (use != null && !use.required()) {
                out.put(name, new PropertyUse(use.schema(), use.pointer(), true));
            }
        }
    }

    private TypeRef declareEnum(Schema s, String pointer, String javaName) {
        Scalar valueType = scalarOf(s);
        NameTable constantNames = MemberNames.enumConstants();
        List<TypeDecl.EnumConstant> constants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Object value : s.getEnum()) {
            if (value == null) {
                continue; // a nullable enum lists null; null means absent here
            }
            String text = value.toString();
            if (valueType != Scalar.STRING && !text.matches("-?[0-9]+")) {
                problems.error(
                        Tags.INVALID_SCHEMA,
                        pointer + "/enum",
                        "enum value '" + text + "' is not an integer; fix the value or the type.");
                continue;
            }
            if (seen.add(text)) {
                constants.add(new TypeDecl.EnumConstant(constantNames.allocate(JavaNames.constantName(text)), text));
            }
        }
        String unknown = constantNames.allocate(MemberNames.ENUM_UNKNOWN);
        types.put(
                javaName,
                new TypeDecl.EnumDecl(
                        javaName,
                        pointer,
                        s.getDescription(),
                        isTrue(s.getDeprecated()),
                        valueType,
                        constants,
                        unknown));
        return new TypeRef.NamedRef(javaName);
    }
}
