package dev.crmgen.generator.spec;

import dev.crmgen.generator.Diagnostic;
import dev.crmgen.generator.Diagnostic.Severity;
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

    public void error(String tag, String pointer, String message) {
        diagnostics.add(new Diagnostic(Severity.ERROR, tag, specName, pointer, message));
    }

    public void warning(String tag, String pointer, String message) {
        diagnostics.add(new Diagnostic(Severity.WARNING, tag, specName, pointer, message));
    }

    public void note(String tag, String pointer, String message) {
        diagnostics.add(new Diagnostic(Severity.NOTE, tag, specName, pointer, message));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
