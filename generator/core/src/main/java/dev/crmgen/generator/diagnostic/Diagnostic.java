package dev.crmgen.generator.diagnostic;

import java.util.Objects;

/**
 * A problem found in a spec or in the options.
 *
 * @param severity how bad it is
 * @param tag a stable tag such as {@code CrmgenUnresolvedRef}, for searching and testing
 * @param specName the spec's display name
 * @param pointer a JSON pointer into the spec such as {@code #/components/schemas/X/properties/y}, or null
 * @param message what is wrong and how to fix it
 * @param input the input at fault, so that a front door can point at the setting that holds it
 */
public record Diagnostic(Severity severity, String tag, String specName, String pointer, String message, Input input) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(input, "input");
    }

    /** A problem in the spec itself. */
    public Diagnostic(Severity severity, String tag, String specName, String pointer, String message) {
        this(severity, tag, specName, pointer, message, Input.SPEC);
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

    /** What the user gave that a diagnostic is about: the spec, or one of the generator options. */
    public enum Input {
        SPEC,
        PACKAGE_NAME,
        CLIENT_NAME
    }
}
