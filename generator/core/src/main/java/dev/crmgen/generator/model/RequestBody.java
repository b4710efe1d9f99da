package dev.crmgen.generator.model;

import java.util.List;

/**
 * A request body: JSON or a form record ({@code type}), raw bytes ({@code type} null), or {@code multipart/form-data}
 * fields, each its own method parameter ({@code parts} non-empty).
 *
 * @param javaName the method parameter's identifier (unused for multipart bodies)
 */
public record RequestBody(
        String javaName, TypeRef type, String mediaType, boolean required, String description, List<Part> parts) {
    public RequestBody {
        parts = List.copyOf(parts);
    }

    public RequestBody(String javaName, TypeRef type, String mediaType, boolean required, String description) {
        this(javaName, type, mediaType, required, description, List.of());
    }

    public boolean isMultipart() {
        return !parts.isEmpty();
    }

    /**
     * One field of a multipart body.
     *
     * @param name the field name on the wire
     * @param javaName the method parameter's identifier
     * @param type the text field's type, or null for a file upload
     */
    public record Part(String name, String javaName, TypeRef type, boolean required, String description) {
        public boolean isFile() {
            return type == null;
        }
    }
}
