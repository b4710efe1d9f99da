package dev.crmgen.generator;

import com.fasterxml.jackson.core.JsonParser;
import dev.crmgen.runtime.json.JsonCodec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with {@code -Xlint:all -Werror} against the runtime, as a consumer's build would. */
final class JavaCompilation {
    private JavaCompilation() {}

    /** Writes {@code files} below {@code dir}/src, compiles them to {@code dir}/classes and returns the classes folder. */
    static Path compile(List<GeneratedFile> files, Path dir) {
        try {
            Path src = dir.resolve("src");
            Path classes = Files.createDirectories(dir.resolve("classes"));
            List<File> sources = new ArrayList<>();
            for (GeneratedFile f : files) {
                Path path = src.resolve(f.relativePath());
                Files.createDirectories(path.getParent());
                Files.writeString(path, f.source());
                sources.add(path.toFile());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                String classpath = location(JsonCodec.class) + File.pathSeparator + location(JsonParser.class);
                List<String> options = List.of("-Xlint:all", "-Werror", "--release", "17", "-classpath", classpath, "-d", classes.toString(),
                        "-proc:none");
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(sources)).call();
                if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
                    throw new AssertionError("generated code does not compile cleanly:\n" + diagnostics.getDiagnostics().stream()
                            .limit(30).map(Object::toString).collect(Collectors.joining("\n")));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
