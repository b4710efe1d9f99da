package dev.crmgen.generator;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param packageName the package of every generated type
 * @param clientName the client's simple class name, or null to derive it from the spec's {@code info.title}
 * @param lenientRefs whether references the spec never defines degrade with a {@code CrmgenDegraded} warning instead
 *     of an error: a schema {@code $ref} that does not resolve becomes {@code JsonValue}, and a path-template
 *     variable no parameter declares becomes a required {@code String} path parameter; for published specs one
 *     cannot fix
 */
public record GeneratorOptions(String packageName, String clientName, boolean lenientRefs) {
    public GeneratorOptions {
        Objects.requireNonNull(packageName, "packageName");
        if (clientName != null && clientName.isBlank()) {
            clientName = null;
        }
    }

    /** Strict about references: a dangling schema {@code $ref} is an error. */
    public GeneratorOptions(String packageName, String clientName) {
        this(packageName, clientName, false);
    }
}
