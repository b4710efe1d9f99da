package dev.crmgen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.runtime.GenerateClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code @GenerateClient} in one round generate side by side, yet javac sees the same diagnostics, in the
 * same order, and the same files as when they generate one after another.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ParallelGenerationTest {
    /** A spec with a reference to a schema it never defines: a warning under lenient references. */
    private static final String DANGLING =
            BadSpecTest.VALID.replace("body: {type: string}", "body: {$ref: '#/components/schemas/Gone'}");

    @TempDir
    Path specRoot;

    private JavaFileObject api(String name, String spec, String packageName) {
        return JavaFileObjects.forSourceLines(
                "com.acme." + name,
                "package com.acme;",
                "",
                "import dev.crmgen.runtime.GenerateClient;",
                "",
                "@GenerateClient(spec = \"" + spec + "\", packageName = \"" + packageName + "\")",
                "class " + name + " {}");
    }

    private Compilation compile(BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator, int parallelism)
            throws IOException {
        Files.writeString(specRoot.resolve("notes.yaml"), BadSpecTest.VALID);
        Files.writeString(specRoot.resolve("dangling.yaml"), DANGLING);
        return javac().withProcessors(new CrmgenProcessor(generator, parallelism))
                .withOptions(
                        "-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + specRoot,
                        "-A" + CrmgenProcessor.LENIENT_REFS_OPTION + "=true")
                .withClasspath(List.of(BadSpecTest.jar(GenerateClient.class), BadSpecTest.jar(JsonParser.class)))
                .compile(
                        api("First", "dangling.yaml", "com.acme.first"),
                        api("Second", "notes.yaml", "com.acme.second"),
                        api("Third", "dangling.yaml", "com.acme.third"),
                        api("Fourth", "notes.yaml", "com.acme.fourth"));
    }

    /** Each diagnostic's kind, place and first line: an internal error's stack trace below it names its thread. */
    private static List<String> messages(Compilation c) {
        return c.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + " "
                        + d.getMessage(null).lines().findFirst().orElse(""))
                .toList();
    }

    private static Set<String> generated(Compilation c) {
        return c.generatedSourceFiles().stream()
                .map(JavaFileObject::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void generationsThatEndInReverseOrderReportAsOneAfterAnotherWould() throws IOException {
        Set<String> sequentialThreads = ConcurrentHashMap.newKeySet();
        Compilation sequential = compile(
                (spec, options) -> {
                    sequentialThreads.add(Thread.currentThread().getName());
                    return CrmGenerator.generate(spec, options);
                },
                1);

        // The first spec's generation ends only after the last one's: the reverse of the annotations' order.
        CountDownLatch lastDone = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Compilation parallel = compile(
                (spec, options) -> {
                    threads.add(Thread.currentThread().getName());
                    if (options.packageName().equals("com.acme.first")) {
                        awaitQuietly(lastDone);
                    }
                    GenerationResult result = CrmGenerator.generate(spec, options);
                    if (options.packageName().equals("com.acme.fourth")) {
                        lastDone.countDown();
                    }
                    return result;
                },
                3);

        assertThat(sequentialThreads).hasSize(1);
        assertThat(threads.size()).isAtLeast(2);
        assertThat(sequential).succeeded();
        assertThat(messages(sequential)).isNotEmpty(); // the dangling reference, for First and for Third
        assertThat(messages(parallel))
                .containsExactlyElementsIn(messages(sequential))
                .inOrder();
        assertThat(generated(parallel)).isEqualTo(generated(sequential));
        assertThat(generated(parallel).stream()
                        .filter(n -> n.contains("/second/"))
                        .count())
                .isGreaterThan(0);
        assertThat(generated(parallel).stream()
                        .filter(n -> n.contains("/fourth/"))
                        .count())
                .isGreaterThan(0);
    }

    @Test
    void aFailureOnAGenerationThreadIsTheSameCompilerErrorOnItsOwnAnnotation() throws IOException {
        BiFunction<SpecSource, GeneratorOptions, GenerationResult> secondRunsOutOfHeap = (spec, options) -> {
            if (options.packageName().equals("com.acme.second")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return CrmGenerator.generate(spec, options);
        };
        Compilation sequential = compile(secondRunsOutOfHeap, 1);
        Compilation parallel = compile(secondRunsOutOfHeap, 3);

        assertThat(parallel)
                .hadErrorContaining("[CrmgenInternalError] crmgen ran out of memory generating from spec 'notes.yaml'")
                .inFile(api("Second", "notes.yaml", "com.acme.second"))
                .onLineContaining("@GenerateClient(");
        assertThat(messages(parallel))
                .containsExactlyElementsIn(messages(sequential))
                .inOrder();
        // First's and Third's warnings around Second's error.
        assertThat(messages(parallel).stream()
                        .filter(m -> m.startsWith("ERROR"))
                        .count())
                .isEqualTo(1);
        assertThat(messages(parallel).get(0)).contains("First.java");
        assertThat(messages(parallel).get(messages(parallel).size() - 1)).contains("Third.java");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
