package dev.crmgen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.runtime.GenerateClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs that are not UTF-8, and failures inside the generator, are compiler errors on the annotation, not crashes. */
class HostileSpecTest {
    private static final String SPEC = BadSpecTest.VALID;
    /** A comment in German after the spec, on this line, to put a non-ASCII character where we know. */
    private static final int COMMENT_LINE = (int) SPEC.lines().count() + 1;

    private static final String WITH_UMLAUT = SPEC + "# Notiz über einen Kontakt.\n";

    @TempDir
    Path specRoot;

    private final JavaFileObject source = JavaFileObjects.forSourceLines(
            "com.acme.Api",
            "package com.acme;",
            "",
            "import dev.crmgen.runtime.GenerateClient;",
            "",
            "@GenerateClient(",
            "        spec = \"spec.yaml\",",
            "        packageName = \"com.acme.notes\")",
            "class Api {}");

    private Compilation compile(CrmgenProcessor processor, byte[] spec) throws IOException {
        Files.write(specRoot.resolve("spec.yaml"), spec);
        return javac().withProcessors(processor)
                .withOptions("-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + specRoot)
                .withClasspath(List.of(BadSpecTest.jar(GenerateClient.class), BadSpecTest.jar(JsonParser.class)))
                .compile(source);
    }

    private Compilation compile(byte[] spec) throws IOException {
        return compile(new CrmgenProcessor(), spec);
    }

    @Test
    void latin1SpecIsAnEncodingErrorAtTheFirstBadByte() throws IOException {
        int offset = WITH_UMLAUT.indexOf('ü');
        Compilation c = compile(WITH_UMLAUT.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(c)
                .hadErrorContaining("[CrmgenSpecEncoding] spec.yaml: " + specRoot.resolve("spec.yaml")
                        + " is not UTF-8 text: byte 0xFC at offset " + offset + " (line " + COMMENT_LINE
                        + ") is not part of any"
                        + " UTF-8 sequence; the file is probably Latin-1 or Windows-1252; save it as UTF-8")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void utf16WithoutByteOrderMarkIsAnEncodingError() throws IOException {
        Compilation c = compile(SPEC.getBytes(StandardCharsets.UTF_16LE));
        assertThat(c)
                .hadErrorContaining("is not UTF-8 text: byte 0x00 at offset 1 (line 1) is a NUL byte, so the file "
                        + "is probably UTF-16")
                .inFile(source)
                .onLineContaining("spec = ");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void utf16WithByteOrderMarkIsAnEncodingError() throws IOException {
        Compilation c = compile(SPEC.getBytes(StandardCharsets.UTF_16)); // big-endian with a mark
        assertThat(c).hadErrorContaining("byte 0xFE at offset 0 (line 1) is a UTF-16 byte-order mark");
    }

    @Test
    void multibyteSequenceCutOffAtTheEndIsAnEncodingError() throws IOException {
        byte[] whole = (SPEC + "# café").getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 1);
        Compilation c = compile(truncated);
        assertThat(c)
                .hadErrorContaining("byte 0xC3 at offset " + (whole.length - 2) + " (line " + COMMENT_LINE
                        + ") is the start of a "
                        + "multibyte sequence cut off by the end of the file");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws IOException {
        Compilation c = compile(("\uFEFF" + WITH_UMLAUT).getBytes(StandardCharsets.UTF_8)); // EF BB BF, then the text
        assertThat(c).succeeded();
        assertThat(c)
                .generatedSourceFile("com.acme.notes.Note")
                .contentsAsUtf8String()
                .contains("public record Note(");
    }

    @Test
    void runningOutOfMemoryIsACompilerErrorNamingTheSpec() throws IOException {
        BiFunction<SpecSource, GeneratorOptions, GenerationResult> exhausted = (spec, options) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Compilation c = compile(new CrmgenProcessor(exhausted), SPEC.getBytes(StandardCharsets.UTF_8));
        assertThat(c)
                .hadErrorContaining("[CrmgenInternalError] crmgen ran out of memory generating from spec "
                        + "'spec.yaml'; give the compiler more heap")
                .inFile(source)
                .onLineContaining("@GenerateClient(");
        assertThat(c).hadErrorCount(1);
        assertThat(c.errors().get(0).getMessage(null))
                .containsMatch("java.lang.OutOfMemoryError: Java heap space\\R\\s*at dev.crmgen.processor.");
    }

    @Test
    void anUnexpectedExceptionIsACompilerErrorWithAShortStackTrace() throws IOException {
        BiFunction<SpecSource, GeneratorOptions, GenerationResult> broken = (spec, options) -> {
            throw new IllegalStateException("writer bug", new IllegalArgumentException("bad model"));
        };
        Compilation c = compile(new CrmgenProcessor(broken), SPEC.getBytes(StandardCharsets.UTF_8));
        assertThat(c)
                .hadErrorContaining("[CrmgenInternalError] crmgen failed unexpectedly on spec 'spec.yaml'; please "
                        + "report this with the spec. java.lang.IllegalStateException: writer bug");
        String message = c.errors().get(0).getMessage(null);
        assertThat(message).containsMatch("Caused by: java.lang.IllegalArgumentException: bad model");
        assertThat(message).containsMatch("\\s\\.\\.\\. \\d+ more");
        assertThat(message.split("\\s+at ", -1).length - 1).isEqualTo(8);
        assertThat(c.diagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .count())
                .isEqualTo(1);
    }
}
