package dev.crmgen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.crmgen.runtime.GenerateClient;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Where the processor finds a spec when no -Acrmgen.specRoot is given. */
class SpecLookupTest {
    private static Compilation compile(String spec, String... options) {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.acme.package-info",
                "@GenerateClient(spec = \"" + spec + "\", packageName = \"com.acme.gen\")",
                "package com.acme;",
                "",
                "import dev.crmgen.runtime.GenerateClient;");
        return javac().withProcessors(new CrmgenProcessor())
                .withOptions(List.of(options))
                .withClasspath(List.of(BadSpecTest.jar(GenerateClient.class), BadSpecTest.jar(JsonParser.class)))
                .compile(source);
    }

    @Test
    void relativePathResolvesAgainstTheProjectDirectory() {
        // Without a file class output (in-memory compilation) the project directory is the working directory,
        // which is this module's directory under Maven.
        Compilation c = compile("src/test/resources/specs/mini.yaml");
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.gen.MiniClient")
                .contentsAsUtf8String()
                .contains("public PingResponse ping()");
    }

    @Test
    void specRootOptionWins() {
        Path root = Path.of("src/test/resources/specs").toAbsolutePath();
        Compilation c = compile("mini.yaml", "-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + root);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.acme.gen.MiniClient");
    }

    @Test
    void classPathResourceOnTheProcessorPathIsTheFallback() {
        // crmgen-spec is on this test's class path, which is the processor's class path here.
        Compilation c = compile("notes-batch-update.yaml");
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.gen.NotesClient")
                .contentsAsUtf8String()
                .contains("public BatchUpdateResponse batchUpdate(BatchInputSimplePublicObjectBatchInput body)");
    }

    @Test
    void theClassPathPrefixLooksOnlyOnTheProcessorPathAsInThePlugin() {
        // mini.yaml is a file under this root, but classpath: never looks at files.
        Path root = Path.of("src/test/resources/specs").toAbsolutePath();
        Compilation prefixed =
                compile("classpath:notes-batch-update.yaml", "-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + root);
        assertThat(prefixed).succeededWithoutWarnings();
        assertThat(prefixed).generatedSourceFile("com.acme.gen.NotesClient");

        Compilation missing = compile("classpath:mini.yaml", "-A" + SpecLocator.SPEC_ROOT_OPTION + "=" + root);
        assertThat(missing).hadErrorContaining("class-path resource mini.yaml on the processor path");
    }
}
