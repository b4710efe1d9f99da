package dev.crmgen.generator.model;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the writers need, free of parser types.
 *
 * @param specName the spec's display name
 * @param types the generated types by Java simple name, in a stable order
 */
public record ApiModel(
        String specName,
        String packageName,
        String clientName,
        String title,
        String description,
        Map<String, TypeDecl> types,
        List<Operation> operations) {
    public ApiModel {
        types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
        operations = List.copyOf(operations);
    }

    public TypeDecl type(String javaName) {
        return types.get(javaName);
    }

    /**
     * The Java names of the declarations {@code roots} use, directly or through fields, list elements, map values,
     * oneOf members and response variants, sorted.
     */
    public SortedSet<String> typesReachedFrom(Collection<TypeRef> roots) {
        SortedSet<String> reached = new TreeSet<>();
        Deque<TypeRef> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            TypeRef ref = pending.pop();
            if (ref instanceof TypeRef.ListRef list) {
                pending.add(list.element());
            } else if (ref instanceof TypeRef.MapRef map) {
                pending.add(map.value());
            } else if (ref instanceof TypeRef.NamedRef named && reached.add(named.javaName())) {
                TypeDecl decl = type(named.javaName());
                if (decl instanceof TypeDecl.RecordDecl record) {
                    for (Field f : record.fields()) {
                        pending.add(f.type());
                    }
                } else if (decl instanceof TypeDecl.OneOfDecl oneOf) {
                    for (TypeDecl.OneOfMember m : oneOf.members()) {
                        pending.add(new TypeRef.NamedRef(m.javaName()));
                    }
                } else if (decl instanceof TypeDecl.ResponseUnionDecl union) {
                    for (TypeDecl.Variant v : union.variants()) {
                        if (v.body() != null) {
                            pending.add(v.body());
                        }
                    }
                }
            }
        }
        return reached;
    }
}
