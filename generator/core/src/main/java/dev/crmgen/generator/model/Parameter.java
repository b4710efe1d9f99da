package dev.crmgen.generator.model;

/**
 * A path, query or header parameter.
 *
 * @param name the name on the wire
 * @param javaName the method parameter's identifier
 */
public record Parameter(
        String name,
        String javaName,
        Location in,
        TypeRef type,
        boolean required,
        String description,
        boolean deprecated) {
    public enum Location {
        PATH,
        QUERY,
        HEADER
    }
}
