package dev.crmgen.generator;

import com.fasterxml.jackson.core.JsonParser;
import dev.crmgen.runtime.json.JsonCodec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with {@code -Xlint:all -Werror} against the runtime, as a consumer's build would. One
 * instance keeps javac's file manager (opened jars and the platform class table) across compilations, so compiling
 * many specs in a row pays for that once.
 */
final class JavaCompilation implements AutoCloseable {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager fileManager = javac.getStandardFileManager(null, Locale.ROOT, null);
    private final String classpath = location(JsonCodec.class) + File.pathSeparator + location(JsonParser.class);

    /** Writes {@code files} below {@code dir}/src, compiles them to {@code dir}/classes and returns the classes folder. */
    static Path compile(List<GeneratedFile> files, Path dir) {
        try (JavaCompilation compilation = new JavaCompilation()) {
            Path src = dir.resolve("src");
            for (GeneratedFile f : files) {
                Path path = src.resolve(f.relativePath());
                Files.createDirectories(path.getParent());
                Files.writeString(path, f.source());
            }
            Path classes = dir.resolve("classes");
            List<String> problems = compilation.problems(files, classes);
            if (!problems.isEmpty()) {
                throw new AssertionError("generated code does not compile cleanly:\n"
                        + problems.stream().limit(30).collect(Collectors.joining("\n")));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code files} (from memory) into {@code classes}; returns every error and warning, empty when clean. */
    List<String> problems(List<GeneratedFile> files, Path classes) throws IOException {
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of(
                "-Xlint:all",
                "-Werror",
                "--release",
                "17",
                "-classpath",
                classpath,
                "-d",
                classes.toString(),
                "-proc:none",
                "-implicit:none");
        List<JavaFileObject> units =
                files.stream().<JavaFileObject>map(Source::new).toList();
        boolean ok = javac.getTask(null, fileManager, diagnostics, options, null, units)
                .call();
        List<String> problems =
                diagnostics.getDiagnostics().stream().map(Object::toString).toList();
        return ok || !problems.isEmpty() ? problems : List.of("javac failed without a diagnostic");
    }

    @Override
    public void close() throws IOException {
        fileManager.close();
    }

    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generated file handed to javac from memory, named by its path so diagnostics point at it. */
    private static final class Source extends SimpleJavaFileObject {
        private final String content;

        Source(GeneratedFile file) {
            super(URI.create("mem:///" + file.relativePath()), Kind.SOURCE);
            this.content = file.source();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
