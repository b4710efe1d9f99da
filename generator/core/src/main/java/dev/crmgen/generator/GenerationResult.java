package dev.crmgen.generator;

import dev.crmgen.generator.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one generation. When {@link #hasErrors()} is true, {@code files} is empty.
 *
 * @param files the generated sources, sorted by qualified name
 * @param diagnostics errors, warnings and notes, in the order they were found
 * @param inputFiles the spec file and every local file it references, for up-to-date checks
 * @param contentKeys when asked for ({@link CrmGenerator#generate(SpecSource, GeneratorOptions, java.util.Set)}),
 *     the content key of every file of the generation by qualified name, including files left out of {@code files}
 *     because their key was still valid; otherwise empty
 */
public record GenerationResult(
        List<GeneratedFile> files,
        List<Diagnostic> diagnostics,
        List<Path> inputFiles,
        SortedMap<String, String> contentKeys) {
    public GenerationResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        inputFiles = List.copyOf(inputFiles);
        contentKeys = Collections.unmodifiableSortedMap(new TreeMap<>(contentKeys));
    }

    /** A result without content keys. */
    public GenerationResult(List<GeneratedFile> files, List<Diagnostic> diagnostics, List<Path> inputFiles) {
        this(files, diagnostics, inputFiles, new TreeMap<>());
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
