package dev.crmgen.generator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a spec comes from. {@code content} may be null, in which case the generator reads it from {@code location}.
 *
 * @param displayName the name used in diagnostics and in {@code @Generated}, such as {@code notes-v3.json}
 * @param location the spec's location; relative {@code $ref}s resolve against it; null for inline specs
 * @param content the spec text, or null to read it from {@code location}
 */
public record SpecSource(String displayName, URI location, String content) {
    public SpecSource {
        Objects.requireNonNull(displayName, "displayName");
        if (location == null && content == null) {
            throw new IllegalArgumentException("a spec needs a location or content");
        }
    }

    /** A spec file; it is read when generating. */
    public static SpecSource file(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new SpecSource(String.valueOf(absolute.getFileName()), absolute.toUri(), null);
    }

    /**
     * A class-path resource; it is read when generating.
     *
     * @throws IllegalArgumentException when the loader has no such resource
     */
    public static SpecSource classpath(String resource, ClassLoader loader) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no class-path resource " + name);
        }
        try {
            return new SpecSource(name.substring(name.lastIndexOf('/') + 1), url.toURI(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "class-path resource " + name + " has no usable URI: " + e.getMessage(), e);
        }
    }

    /** A spec given as text; relative {@code $ref}s to other files cannot be resolved. */
    public static SpecSource inline(String displayName, String content) {
        return new SpecSource(displayName, null, Objects.requireNonNull(content, "content"));
    }
}
