package dev.crmgen.generator.naming;

import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of a record builder's single-element methods: {@code properties} → {@code property(k, v)}, else
 * {@code putX}/{@code addX} when the singular is taken or not a plain identifier.
 */
public final class BuilderAdders {
    private static final String BUILD = "build";
    private final Map<String, String> byComponent;

    private BuilderAdders(Map<String, String> byComponent) {
        this.byComponent = byComponent;
    }

    /** The adders of a record with {@code fields}, in order: an earlier component's adder takes the name first. */
    public static BuilderAdders of(List<Field> fields) {
        Set<String> taken = new HashSet<>();
        for (Field f : fields) {
            taken.add(f.javaName());
        }
        taken.add(BUILD);
        Map<String, String> adders = new HashMap<>();
        for (Field f : fields) {
            if (!(f.type() instanceof TypeRef.ListRef) && !(f.type() instanceof TypeRef.MapRef)) {
                continue;
            }
            String singular = JavaNames.singular(f.javaName());
            String adder;
            if (singular != null
                    && !taken.contains(singular)
                    && JavaNames.memberName(singular).equals(singular)) {
                adder = singular;
            } else {
                adder = (f.type() instanceof TypeRef.ListRef ? "add" : "put") + JavaNames.capitalize(f.javaName());
            }
            taken.add(adder);
            adders.put(f.javaName(), adder);
        }
        return new BuilderAdders(adders);
    }

    /** The adder of a list or map component; null for other components. */
    public String adder(Field field) {
        return byComponent.get(field.javaName());
    }
}
