package dev.crmgen.generator.model;

import java.util.List;
import java.util.Map;

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
}
