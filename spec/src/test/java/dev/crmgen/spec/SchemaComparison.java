package dev.crmgen.spec;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares one of the fragment's schemas with HubSpot's schema of the same name, recursively through properties,
 * items and additionalProperties. Each disagreement becomes one line naming the JSON pointer, the fragment's value
 * and HubSpot's value, so a failing test says exactly what to fix.
 */
final class SchemaComparison {
    private record Facet(String name, Function<Schema<?>, Object> value) {}

    // Everything that changes the wire format or the generated code's types and javadoc.
    private static final List<Facet> FACETS = List.of(
            new Facet("$ref", Schema::get$ref),
            new Facet("type", Schema::getType),
            new Facet("format", Schema::getFormat),
            new Facet("description", Schema::getDescription),
            new Facet("enum", s -> s.getEnum() == null ? null : List.copyOf(s.getEnum())),
            new Facet("nullable", Schema::getNullable),
            new Facet("readOnly", Schema::getReadOnly),
            new Facet("writeOnly", Schema::getWriteOnly),
            new Facet("default", Schema::getDefault),
            new Facet("pattern", Schema::getPattern),
            new Facet("minLength", Schema::getMinLength),
            new Facet("maxLength", Schema::getMaxLength),
            new Facet("minimum", Schema::getMinimum),
            new Facet("maximum", Schema::getMaximum),
            new Facet("minItems", Schema::getMinItems),
            new Facet("maxItems", Schema::getMaxItems));

    private final List<String> problems = new ArrayList<>();

    private SchemaComparison() {}

    /** Disagreements between {@code ours} and {@code theirs}; empty when they agree. */
    static List<String> compare(String pointer, Schema<?> ours, Schema<?> theirs) {
        SchemaComparison comparison = new SchemaComparison();
        comparison.schema(pointer, ours, theirs);
        return comparison.problems;
    }

    private void schema(String pointer, Schema<?> ours, Schema<?> theirs) {
        for (Facet facet : FACETS) {
            Object a = facet.value().apply(ours);
            Object b = facet.value().apply(theirs);
            if (!Objects.equals(a, b)) {
                problems.add(pointer + " " + facet.name() + ": fragment has " + show(a) + ", HubSpot has " + show(b));
            }
        }
        required(pointer, ours.getRequired(), theirs.getRequired());
        properties(pointer, ours.getProperties(), theirs.getProperties());
        nested(pointer + "/items", ours.getItems(), theirs.getItems());
        additionalProperties(
                pointer + "/additionalProperties", ours.getAdditionalProperties(), theirs.getAdditionalProperties());
    }

    private void required(String pointer, List<String> ours, List<String> theirs) {
        Set<String> a = ours == null ? Set.of() : new LinkedHashSet<>(ours);
        Set<String> b = theirs == null ? Set.of() : new LinkedHashSet<>(theirs);
        Set<String> missing = new LinkedHashSet<>(b);
        missing.removeAll(a);
        Set<String> extra = new LinkedHashSet<>(a);
        extra.removeAll(b);
        if (!missing.isEmpty()) {
            problems.add(pointer + " required: fragment does not require " + missing + ", which HubSpot requires");
        }
        if (!extra.isEmpty()) {
            problems.add(pointer + " required: fragment requires " + extra + ", which HubSpot does not require");
        }
    }

    private void properties(String pointer, Map<String, Schema> ours, Map<String, Schema> theirs) {
        Map<String, Schema> a = ours == null ? Map.of() : ours;
        Map<String, Schema> b = theirs == null ? Map.of() : theirs;
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) {
                problems.add(pointer + "/properties/" + name + ": missing from the fragment (HubSpot has it)");
            }
        }
        for (Map.Entry<String, Schema> entry : a.entrySet()) {
            String path = pointer + "/properties/" + entry.getKey();
            Schema<?> theirsProperty = b.get(entry.getKey());
            if (theirsProperty == null) {
                problems.add(path + ": not in HubSpot's schema (typo or invented field?)");
            } else {
                schema(path, entry.getValue(), theirsProperty);
            }
        }
    }

    private void nested(String pointer, Schema<?> ours, Schema<?> theirs) {
        if (ours == null && theirs == null) {
            return;
        }
        if (ours == null || theirs == null) {
            problems.add(pointer + ": fragment has " + (ours == null ? "none" : "a schema") + ", HubSpot has "
                    + (theirs == null ? "none" : "a schema"));
            return;
        }
        schema(pointer, ours, theirs);
    }

    private void additionalProperties(String pointer, Object ours, Object theirs) {
        if (ours instanceof Schema<?> a && theirs instanceof Schema<?> b) {
            schema(pointer, a, b);
        } else if (!Objects.equals(ours, theirs)) {
            problems.add(pointer + ": fragment has " + describe(ours) + ", HubSpot has " + describe(theirs));
        }
    }

    private static String describe(Object additional) {
        if (additional instanceof Schema<?> s) {
            return "a schema of type " + show(s.get$ref() != null ? s.get$ref() : s.getType());
        }
        return show(additional);
    }

    private static String show(Object value) {
        return value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
    }
}
