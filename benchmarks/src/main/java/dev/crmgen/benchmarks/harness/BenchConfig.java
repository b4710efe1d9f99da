package dev.crmgen.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Paths and switches for one harness run; paths come from system properties the bench profile sets. */
final class BenchConfig {

    final Path root;
    final Path module;
    final Path target;
    final Path work;
    final Path fragment;
    final Path shared;
    final Path m2;
    final String version;
    final String openApiGeneratorVersion;
    final boolean quick;
    final boolean corpus;
    final boolean rateLimited;
    final Set<String> parts;
    final List<String> args;

    private BenchConfig(List<String> args) {
        this.args = List.copyOf(args);
        root = path("bench.root", ".");
        module = path("bench.module", root.resolve("benchmarks").toString());
        target = path("bench.target", module.resolve("target").toString());
        work = target.resolve("bench-work");
        fragment = path(
                "bench.fragment",
                root.resolve("spec/src/main/resources/notes-batch-update.yaml").toString());
        shared = path("bench.shared", root.resolve("../shared").toString());
        m2 = path("bench.m2", System.getProperty("user.home") + "/.m2/repository");
        version = System.getProperty("bench.version", "0.1.0-SNAPSHOT");
        openApiGeneratorVersion = System.getProperty("bench.openapiGeneratorVersion", "7.25.0");
        boolean full = args.contains("--full");
        quick = args.contains("--quick") && !full;
        corpus = full || args.contains("--corpus");
        rateLimited = full || args.contains("--rate-limited");
        Set<String> only = new LinkedHashSet<>();
        for (String a : args) {
            if (a.startsWith("--only=")) {
                only.addAll(Arrays.asList(a.substring("--only=".length()).split(",")));
            }
        }
        parts = only.isEmpty() ? Set.of("json", "generation", "plugin", "e2e", "footprint", "contention") : only;
    }

    static BenchConfig fromArgs(String[] args) {
        for (String a : args) {
            if (!a.equals("--quick")
                    && !a.equals("--full")
                    && !a.equals("--corpus")
                    && !a.equals("--rate-limited")
                    && !a.startsWith("--only=")) {
                throw new IllegalArgumentException("unknown option " + a
                        + " (use --quick, --full, --corpus, --rate-limited,"
                        + " --only=json,generation,plugin,e2e,footprint,contention)");
            }
        }
        return new BenchConfig(List.of(args));
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String javac() {
        return Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    }

    String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The jar on this JVM's class path whose file name starts with {@code artifactId-} followed by a digit. */
    Path jar(String artifactId) {
        for (String entry : classPath().split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar")
                    && name.startsWith(artifactId + "-")
                    && Character.isDigit(name.charAt(artifactId.length() + 1))) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("no " + artifactId + " jar on the class path");
    }

    /** This module's compiled classes (the first class-path entry that is a directory). */
    Path classes() {
        return Arrays.stream(classPath().split(File.pathSeparator))
                .map(Path::of)
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no classes directory on the class path"));
    }

    static String join(List<Path> entries) {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    Path openApiGeneratorCli() {
        Path cli = target.resolve("tools/openapi-generator-cli.jar");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: run through the bench profile, which copies it");
        }
        return cli;
    }

    /** The HubSpot corpus: every spec under shared/specs/hubspot/{v3,notes}, sorted. */
    List<Path> corpusSpecs() {
        List<Path> specs = new ArrayList<>();
        for (String dir : List.of("v3", "notes")) {
            Path d = shared.resolve("specs/hubspot").resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> list = Files.list(d)) {
                list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                        .sorted()
                        .forEach(specs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return specs;
    }

    Path notesV3() {
        return shared.resolve("specs/hubspot/notes/notes-v3.json");
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
