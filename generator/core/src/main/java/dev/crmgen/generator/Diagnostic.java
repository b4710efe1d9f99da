package dev.crmgen.generator;

import java.util.Objects;

/**
 * A problem found in a spec or in the options.
 *
 * @param severity how bad it is
 * @param tag a stable tag such as {@code CrmgenUnresolvedRef}, for searching and testing
 * @param specName the spec's display name
 * @param pointer a JSON pointer into the spec such as {@code #/components/schemas/X/properties/y}, or null
 * @param message what is wrong and how to fix it
 */
public record Diagnostic(Severity severity, String tag, String specName, String pointer, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(message, "message");
    }

    /** {@code [CrmgenUnresolvedRef] notes.yaml#/components/schemas/X/properties/y: …}. */
    public String format() {
        StringBuilder out = new StringBuilder().append('[').append(tag).append("] ");
        if (specName != null) {
            out.append(specName);
        }
        if (pointer != null) {
            out.append(pointer.startsWith("#") ? pointer : "#" + pointer);
        }
        if (specName != null || pointer != null) {
            out.append(": ");
        }
        return out.append(message).toString();
    }

    public enum Severity {
        ERROR,
        WARNING,
        NOTE
    }
}
