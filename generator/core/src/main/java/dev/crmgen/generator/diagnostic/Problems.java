package dev.crmgen.generator.diagnostic;

import dev.crmgen.generator.diagnostic.Diagnostic.Input;
import dev.crmgen.generator.diagnostic.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics for one spec so that every problem is reported, not just the first. */
public final class Problems {
    private final String specName;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Problems(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** An error in the spec, at {@code pointer} (null for the whole document). */
    public void error(String tag, String pointer, String message) {
        error(Input.SPEC, tag, pointer, message);
    }

    /** An error blamed on {@code input}: the spec, or the option whose value is at fault. */
    public void error(Input input, String tag, String pointer, String message) {
        diagnostics.add(new Diagnostic(Severity.ERROR, tag, specName, pointer, message, input));
    }

    public void warning(String tag, String pointer, String message) {
        diagnostics.add(new Diagnostic(Severity.WARNING, tag, specName, pointer, message));
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
