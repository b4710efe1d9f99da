package dev.crmgen.generator.model;

/**
 * A JSON request body.
 *
 * @param javaName the method parameter's identifier
 */
public record RequestBody(String javaName, TypeRef type, String mediaType, boolean required, String description) {}
