package dev.crmgen.generator.model;

/**
 * A record component.
 *
 * @param jsonName the property name on the wire
 * @param javaName the component's Java identifier
 * @param required required components are non-null; optional ones are null when absent
 */
public record Field(
        String jsonName, String javaName, TypeRef type, boolean required, String description, boolean deprecated) {}
