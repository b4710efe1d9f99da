package dev.crmgen.generator;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param qualifiedName the top-level type's qualified name, such as {@code com.acme.notes.NotesClient}
 * @param source the file's text
 */
public record GeneratedFile(String qualifiedName, String source) {
    public GeneratedFile {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(source, "source");
    }

    /** The path below a source root, such as {@code com/acme/notes/NotesClient.java}. */
    public String relativePath() {
        return relativePath(qualifiedName);
    }

    /** The path below a source root of the file of top-level type {@code qualifiedName}. */
    public static String relativePath(String qualifiedName) {
        return qualifiedName.replace('.', '/') + ".java";
    }
}
