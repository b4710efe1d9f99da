package dev.crmgen.benchmarks.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The run-time dependencies each generated client needs: what a user ships next to their code. */
final class Classpaths {

    /** OpenAPI Generator's java/native client, as its generated pom.xml declares (Jakarta flavour). */
    static final List<String> OPENAPI_GENERATOR_NATIVE = List.of(
            "jackson-core",
            "jackson-annotations",
            "jackson-databind",
            "jackson-datatype-jsr310",
            "jackson-databind-nullable",
            "jakarta.annotation-api");

    private Classpaths() {}

    /** Jars on this JVM's class path that only the benchmarks themselves need, not crmgen's processor. */
    private static final List<String> NOT_FOR_PROCESSOR = List.of(
            "jmh-core",
            "jopt-simple",
            "commons-math3",
            "crmgen-sandbox",
            "jackson-databind-nullable",
            "jakarta.annotation-api",
            // crmgen-ratelimit-redis and its Redis client, for the fleet benchmark's client processes
            "crmgen-ratelimit-redis",
            "redisson",
            "netty",
            "reactor-core",
            "reactive-streams",
            "rxjava",
            "kryo",
            "minlog",
            "reflectasm",
            "objenesis",
            "byte-buddy",
            "jodd-util",
            "cache-api");

    /** The annotation processor and what it needs: this module's class path less the benchmark-only jars. */
    static List<Path> processorPath(BenchConfig config) {
        return Arrays.stream(config.classPath().split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().endsWith(".jar"))
                .filter(p -> NOT_FOR_PROCESSOR.stream()
                        .noneMatch(n -> p.getFileName().toString().startsWith(n + "-")))
                .toList();
    }

    static List<Path> crmgenRuntimeJars(BenchConfig config) {
        return List.of(crmgenJar(config, "crmgen-runtime"), config.jar("jackson-core"));
    }

    static List<Path> openApiGeneratorRuntimeJars(BenchConfig config) {
        return OPENAPI_GENERATOR_NATIVE.stream().map(config::jar).toList();
    }

    static String crmgenRuntime(BenchConfig config) {
        return BenchConfig.join(crmgenRuntimeJars(config));
    }

    static String openApiGeneratorRuntime(BenchConfig config) {
        return BenchConfig.join(openApiGeneratorRuntimeJars(config));
    }

    /** An installed crmgen artifact: the jar in the local repository, which is what a user's build resolves. */
    static Path crmgenJar(BenchConfig config, String artifactId) {
        Path jar = config.m2
                .resolve("dev/crmgen")
                .resolve(artifactId)
                .resolve(config.version)
                .resolve(artifactId + "-" + config.version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw install -DskipTests first");
        }
        return jar;
    }
}
