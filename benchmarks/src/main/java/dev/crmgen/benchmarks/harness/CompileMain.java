package dev.crmgen.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles each generated source tree with the JDK's javac in one fresh JVM, so the harness times the whole process
 * the same way for both generators. Usage: {@code CompileMain <classpath> <classesRoot> <sourceDir>...}; each tree
 * compiles on its own into {@code <classesRoot>/<n>}, and a tree that fails counts as a failure.
 */
public final class CompileMain {

    private CompileMain() {}

    public static void main(String[] args) throws IOException {
        String classpath = args[0];
        Path classesRoot = Path.of(args[1]);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int ok = 0;
        int total = 0;
        for (int i = 2; i < args.length; i++) {
            Path sources = Path.of(args[i]);
            List<String> files = List.of();
            if (Files.isDirectory(sources)) {
                try (Stream<Path> walk = Files.walk(sources)) {
                    files = walk.filter(p -> p.toString().endsWith(".java"))
                            .map(Path::toString)
                            .sorted()
                            .toList();
                }
            }
            total++;
            if (files.isEmpty()) {
                System.out.println("COMPILE-FAIL " + sources + " no sources");
                continue;
            }
            Path classes = classesRoot.resolve(Integer.toString(i - 2));
            Files.createDirectories(classes);
            List<String> javacArgs = new ArrayList<>(List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-nowarn",
                    "-encoding",
                    "UTF-8",
                    "-cp",
                    classpath,
                    "-d",
                    classes.toString()));
            javacArgs.addAll(files);
            long start = System.nanoTime();
            int rc = javac.run(null, null, null, javacArgs.toArray(String[]::new));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (rc == 0) {
                ok++;
                System.out.println("COMPILE-OK " + sources + " " + files.size() + " files " + ms + " ms");
            } else {
                System.out.println("COMPILE-FAIL " + sources + " " + files.size() + " files " + ms + " ms");
            }
        }
        System.out.println("COMPILE-SUMMARY " + ok + "/" + total);
    }
}
