package dev.crmgen.generator;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param packageName the package of every generated type
 * @param clientName the client's simple class name, or null to derive it from the spec's {@code info.title}
 */
public record GeneratorOptions(String packageName, String clientName) {
    public GeneratorOptions {
        Objects.requireNonNull(packageName, "packageName");
        if (clientName != null && clientName.isBlank()) {
            clientName = null;
        }
    }
}
