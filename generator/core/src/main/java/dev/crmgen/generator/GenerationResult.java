package dev.crmgen.generator;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one generation. When {@link #hasErrors()} is true, {@code files} is empty.
 *
 * @param files the generated sources, sorted by qualified name
 * @param diagnostics errors, warnings and notes, in the order they were found
 * @param inputFiles the spec file and every local file it references, for up-to-date checks
 */
public record GenerationResult(List<GeneratedFile> files, List<Diagnostic> diagnostics, List<Path> inputFiles) {
    public GenerationResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        inputFiles = List.copyOf(inputFiles);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
