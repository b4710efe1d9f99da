package dev.crmgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGenerationTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    private Path spec;
    private Path referenced;
    private Path out;
    private final AtomicInteger generatorCalls = new AtomicInteger();

    /** The keys each generator call was told it may leave out, in call order. */
    private final List<Set<String>> reusableKeysSeen = new ArrayList<>();

    /**
     * A stand-in generator: one class per line of the spec ("Name body"), one more per line of the referenced file,
     * so that tests control exactly which outputs change. A line "!error" yields an error diagnostic. A file's content
     * key is its package and line, and a file whose key it is given as reusable is left out, as the real generator
     * does.
     */
    private final IncrementalGeneration.Generator generator = (source, options, reusableKeys) -> {
        generatorCalls.incrementAndGet();
        reusableKeysSeen.add(Set.copyOf(reusableKeys));
        try {
            Map<String, String> keys = new TreeMap<>();
            List<GeneratedFile> files = new ArrayList<>();
            List<Diagnostic> diagnostics = new ArrayList<>();
            List<String> lines = new ArrayList<>(Files.readAllLines(spec));
            if (Files.exists(referenced)) {
                lines.addAll(Files.readAllLines(referenced));
            }
            for (String line : lines) {
                if (line.equals("!error")) {
                    diagnostics.add(new Diagnostic(
                            Diagnostic.Severity.ERROR, "CrmgenTest", "spec.yaml", "/components/schemas/X", "fix X"));
                } else if (line.equals("!warning")) {
                    diagnostics.add(new Diagnostic(
                            Diagnostic.Severity.WARNING, "CrmgenTestWarning", "spec.yaml", null, "consider Y"));
                } else if (!line.isBlank()) {
                    String[] parts = line.split(" ", 2);
                    String qualifiedName = options.packageName() + "." + parts[0];
                    String key = keyOf(options.packageName(), line);
                    keys.put(qualifiedName, key);
                    if (!reusableKeys.contains(key)) {
                        files.add(new GeneratedFile(
                                qualifiedName,
                                "package " + options.packageName() + ";\nclass " + parts[0] + " {} // " + parts[1]
                                        + "\n"));
                    }
                }
            }
            return new GenerationResult(
                    files,
                    diagnostics,
                    Files.exists(referenced) ? List.of(spec, referenced) : List.of(spec),
                    new TreeMap<>(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private static String keyOf(String packageName, String line) {
        return packageName + "|" + line;
    }

    private final IncrementalGeneration generation =
            new IncrementalGeneration(generator, key -> Files.readAllBytes(Path.of(key)));

    @BeforeEach
    void setUp() throws IOException {
        spec = dir.resolve("spec.yaml");
        referenced = dir.resolve("schemas.yaml");
        out = dir.resolve("out");
        Files.writeString(spec, "Alpha one\nBeta two\n");
        Files.writeString(referenced, "Gamma three\n");
    }

    private IncrementalGeneration.Request request(String packageName) {
        return request(packageName, "1.0");
    }

    private IncrementalGeneration.Request request(String packageName, String version) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("generator.version", version);
        configuration.put("spec", spec.toString());
        configuration.put("packageName", packageName);
        configuration.put("clientName", "");
        return new IncrementalGeneration.Request(
                out,
                out.resolve(".crmgen-default.state"),
                configuration,
                SpecSource.file(spec),
                new GeneratorOptions(packageName, null),
                List.of(spec.toString()));
    }

    private IncrementalGeneration.Outcome.Generated generated(IncrementalGeneration.Outcome outcome) {
        return assertInstanceOf(IncrementalGeneration.Outcome.Generated.class, outcome);
    }

    @Test
    void firstRunGeneratesEveryFileAndRecordsState() throws IOException {
        var outcome = generated(generation.run(request("com.acme")));

        assertEquals("no earlier generation is recorded", outcome.reason());
        assertEquals(3, outcome.written());
        assertEquals("package com.acme;\nclass Beta {} // two\n", Files.readString(out.resolve("com/acme/Beta.java")));
        GenerationState state =
                GenerationState.read(out.resolve(".crmgen-default.state")).orElseThrow();
        assertEquals(
                List.of("com/acme/Alpha.java", "com/acme/Beta.java", "com/acme/Gamma.java"),
                List.copyOf(state.outputs().keySet()));
        assertEquals(
                List.of(referenced.toString(), spec.toString()),
                List.copyOf(state.inputs().keySet()));
        assertEquals("com.acme", state.configuration().get("packageName"));
    }

    @Test
    void unchangedInputsSkipWithoutRunningTheGenerator() throws IOException {
        generation.run(request("com.acme"));
        Path alpha = out.resolve("com/acme/Alpha.java");
        Files.setLastModifiedTime(alpha, LONG_AGO);

        var outcome = generation.run(request("com.acme"));

        var upToDate = assertInstanceOf(IncrementalGeneration.Outcome.UpToDate.class, outcome);
        assertEquals(3, upToDate.files());
        assertEquals(2, upToDate.inputs());
        assertEquals(1, generatorCalls.get());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(alpha));
    }

    @Test
    void editingTheSpecRegeneratesAndRewritesOnlyChangedFiles() throws IOException {
        generation.run(request("com.acme"));
        Path alpha = out.resolve("com/acme/Alpha.java");
        Path beta = out.resolve("com/acme/Beta.java");
        Files.setLastModifiedTime(alpha, LONG_AGO);
        Files.setLastModifiedTime(beta, LONG_AGO);
        Files.writeString(spec, "Alpha one\nBeta changed\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals("input " + spec + " changed", outcome.reason());
        assertEquals(1, outcome.written());
        assertEquals(2, outcome.unchanged());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(alpha), "unchanged file must keep its timestamp");
        assertTrue(Files.readString(beta).contains("changed"));
        assertInstanceOf(IncrementalGeneration.Outcome.UpToDate.class, generation.run(request("com.acme")));
    }

    @Test
    void anEditEmitsOnlyTheFilesWhoseContentKeyChanged() throws IOException {
        generation.run(request("com.acme"));
        Files.writeString(spec, "Alpha one\nBeta changed\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals(
                Set.of(keyOf("com.acme", "Alpha one"), keyOf("com.acme", "Beta two"), keyOf("com.acme", "Gamma three")),
                reusableKeysSeen.get(1),
                "every earlier file is intact, so each of its keys may be reused");
        assertEquals(1, outcome.written());
        assertEquals(2, outcome.reused(), "Alpha and Gamma were not emitted again");
        assertEquals(2, outcome.unchanged());
        GenerationState state =
                GenerationState.read(out.resolve(".crmgen-default.state")).orElseThrow();
        assertEquals(keyOf("com.acme", "Beta changed"), state.keys().get("com/acme/Beta.java"));
        assertEquals(keyOf("com.acme", "Alpha one"), state.keys().get("com/acme/Alpha.java"));
        assertEquals(3, state.outputs().size(), "the files not emitted are still recorded as outputs");
        assertInstanceOf(IncrementalGeneration.Outcome.UpToDate.class, generation.run(request("com.acme")));
    }

    @Test
    void aModifiedOrDeletedOutputIsEmittedAgainThoughItsKeyIsUnchanged() throws IOException {
        generation.run(request("com.acme"));
        Path alpha = out.resolve("com/acme/Alpha.java");
        String original = Files.readString(alpha);
        Files.writeString(alpha, original + "// edited by hand\n");
        Files.delete(out.resolve("com/acme/Gamma.java"));
        Files.writeString(spec, "Alpha one\nBeta changed\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals(Set.of(keyOf("com.acme", "Beta two")), reusableKeysSeen.get(1));
        assertEquals(original, Files.readString(alpha));
        assertTrue(Files.exists(out.resolve("com/acme/Gamma.java")));
        assertEquals(0, outcome.reused());
        assertEquals(3, outcome.written());
    }

    @Test
    void aChangedConfigurationReusesNothing() throws IOException {
        generation.run(request("com.acme", "1.0"));
        Files.writeString(spec, "Alpha one\nBeta changed\n");

        var outcome = generated(generation.run(request("com.acme", "1.1")));

        assertEquals(Set.of(), reusableKeysSeen.get(1), "a key does not cover which generator build wrote a file");
        assertEquals(0, outcome.reused());
        assertEquals(2, outcome.unchanged(), "files of unchanged bytes still keep their timestamps");
    }

    @Test
    void aStateOfTheFirstFormatMeansAFullGenerationThatStillDeletesStaleFiles() throws IOException {
        generation.run(request("com.acme"));
        Path stateFile = out.resolve(".crmgen-default.state");
        String v1 = "# crmgen generation state v1: inputs and outputs of the last generation\n"
                + Files.readString(stateFile)
                        .lines()
                        .skip(1)
                        .filter(line -> !line.startsWith("key\t"))
                        .map(line -> line + "\n")
                        .reduce("", String::concat);
        Files.writeString(stateFile, v1);
        Files.writeString(spec, "Alpha one\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals(Set.of(), reusableKeysSeen.get(1));
        assertEquals(1, outcome.deleted());
        assertFalse(Files.exists(out.resolve("com/acme/Beta.java")));
        assertTrue(Files.readString(stateFile).startsWith("# crmgen generation state v3"));
        assertEquals(
                keyOf("com.acme", "Alpha one"),
                GenerationState.read(stateFile).orElseThrow().keys().get("com/acme/Alpha.java"));
    }

    @Test
    void aFileLeftOutUnderAKeyRecordedForAnotherFileIsEmittedAfterAll() throws IOException {
        generation.run(request("com.acme"));
        Files.writeString(spec, "Alpha one\nBeta changed\n");
        // A generator that leaves out Beta under Alpha's key: the bookkeeping must not trust it.
        IncrementalGeneration.Generator confused = (source, options, reusableKeys) -> {
            GenerationResult result = generator.generate(source, options, reusableKeys);
            if (reusableKeys.isEmpty()) {
                return result;
            }
            Map<String, String> keys = new TreeMap<>(result.contentKeys());
            keys.put("com.acme.Beta", keyOf("com.acme", "Alpha one"));
            List<GeneratedFile> files = result.files().stream()
                    .filter(f -> !f.qualifiedName().equals("com.acme.Beta"))
                    .toList();
            return new GenerationResult(files, result.diagnostics(), result.inputFiles(), new TreeMap<>(keys));
        };

        var outcome = generated(
                new IncrementalGeneration(confused, key -> Files.readAllBytes(Path.of(key))).run(request("com.acme")));

        assertEquals(Set.of(), reusableKeysSeen.get(reusableKeysSeen.size() - 1), "the second call reuses nothing");
        assertTrue(Files.readString(out.resolve("com/acme/Beta.java")).contains("changed"));
        assertEquals(0, outcome.reused());
    }

    @Test
    void editingAReferencedFileRegenerates() throws IOException {
        generation.run(request("com.acme"));
        Files.writeString(referenced, "Gamma three\nDelta four\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals("input " + referenced + " changed", outcome.reason());
        assertTrue(Files.exists(out.resolve("com/acme/Delta.java")));
    }

    @Test
    void changingThePackageRegeneratesAndDeletesTheOldFilesAndDirectories() throws IOException {
        generation.run(request("com.acme.old"));
        Path userFile = out.resolve("com/acme/Handwritten.java");
        Files.writeString(userFile, "class Handwritten {}");

        var outcome = generated(generation.run(request("com.acme.fresh")));

        assertEquals("packageName changed from 'com.acme.old' to 'com.acme.fresh'", outcome.reason());
        assertEquals(3, outcome.deleted());
        assertFalse(Files.exists(out.resolve("com/acme/old")), "emptied package directory must go");
        assertTrue(Files.exists(out.resolve("com/acme/fresh/Alpha.java")));
        assertTrue(Files.exists(userFile), "files the goal did not write are never deleted");
    }

    @Test
    void removingASchemaDeletesItsFile() throws IOException {
        generation.run(request("com.acme"));
        Files.writeString(spec, "Alpha one\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals(1, outcome.deleted());
        assertFalse(Files.exists(out.resolve("com/acme/Beta.java")));
        assertTrue(Files.exists(out.resolve("com/acme/Alpha.java")));
    }

    @Test
    void anEditDuringGenerationIsSeenByTheNextBuild() throws IOException {
        IncrementalGeneration.Generator editedMeanwhile = (source, options, reusableKeys) -> {
            GenerationResult result = generator.generate(source, options, reusableKeys);
            try {
                Files.writeString(spec, "Alpha one\nBeta edited while generating\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return result;
        };
        new IncrementalGeneration(editedMeanwhile, key -> Files.readAllBytes(Path.of(key))).run(request("com.acme"));

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals("input " + spec + " changed", outcome.reason());
        assertTrue(Files.readString(out.resolve("com/acme/Beta.java")).contains("edited while generating"));
    }

    @Test
    void aNewGeneratorVersionRegenerates() throws IOException {
        generation.run(request("com.acme", "1.0"));

        var outcome = generated(generation.run(request("com.acme", "1.1")));

        assertEquals("generator.version changed from '1.0' to '1.1'", outcome.reason());
        assertEquals(2, generatorCalls.get());
    }

    @Test
    void aModifiedOrDeletedGeneratedFileIsRestored() throws IOException {
        generation.run(request("com.acme"));
        Path beta = out.resolve("com/acme/Beta.java");
        String original = Files.readString(beta);
        Files.writeString(beta, "tampered");

        assertEquals(
                "generated file com/acme/Beta.java was modified",
                generated(generation.run(request("com.acme"))).reason());
        assertEquals(original, Files.readString(beta));

        Files.delete(beta);
        assertEquals(
                "generated file com/acme/Beta.java is missing",
                generated(generation.run(request("com.acme"))).reason());
        assertEquals(original, Files.readString(beta));
    }

    @Test
    void aDeletedInputRegenerates() throws IOException {
        generation.run(request("com.acme"));
        Files.delete(referenced);

        assertEquals(
                "input " + referenced + " can no longer be read",
                generated(generation.run(request("com.acme"))).reason());
        assertFalse(Files.exists(out.resolve("com/acme/Gamma.java")));
        assertInstanceOf(IncrementalGeneration.Outcome.UpToDate.class, generation.run(request("com.acme")));
    }

    @Test
    void errorsWriteNothingAndKeepThePreviousState() throws IOException {
        generation.run(request("com.acme"));
        Path stateFile = out.resolve(".crmgen-default.state");
        String stateBefore = Files.readString(stateFile);
        Files.writeString(spec, "Alpha one\n!error\nBeta two\nZeta new\n");

        var failed = assertInstanceOf(IncrementalGeneration.Outcome.Failed.class, generation.run(request("com.acme")));

        assertEquals(
                "[CrmgenTest] spec.yaml#/components/schemas/X: fix X",
                failed.diagnostics().get(0).format());
        assertFalse(Files.exists(out.resolve("com/acme/Zeta.java")));
        assertEquals(stateBefore, Files.readString(stateFile));
        // Still failing on the next build: the broken spec is not recorded as generated.
        assertInstanceOf(IncrementalGeneration.Outcome.Failed.class, generation.run(request("com.acme")));
    }

    @Test
    void warningsAreReturnedWithTheGeneratedOutcome() throws IOException {
        Files.writeString(spec, "Alpha one\n!warning\n");

        var outcome = generated(generation.run(request("com.acme")));

        assertEquals(
                List.of("[CrmgenTestWarning] spec.yaml: consider Y"),
                outcome.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void anUnreadableStateFileForcesRegeneration() throws IOException {
        generation.run(request("com.acme"));
        Files.writeString(out.resolve(".crmgen-default.state"), "garbage\n");

        assertEquals(
                "no earlier generation is recorded",
                generated(generation.run(request("com.acme"))).reason());
    }

    @Test
    void stateFilesAreDeterministic() throws IOException {
        generation.run(request("com.acme"));
        String first = Files.readString(out.resolve(".crmgen-default.state"));
        Files.delete(out.resolve(".crmgen-default.state"));
        generation.run(request("com.acme"));

        assertEquals(first, Files.readString(out.resolve(".crmgen-default.state")));
        assertEquals(
                Optional.of(GenerationState.read(out.resolve(".crmgen-default.state"))
                        .orElseThrow()),
                GenerationState.read(out.resolve(".crmgen-default.state")));
    }

    @Test
    void generatedPathsCannotEscapeTheOutputDirectory() {
        assertThrows(IOException.class, () -> IncrementalGeneration.resolveOutput(out, "../evil/X.java"));
        assertThrows(IOException.class, () -> IncrementalGeneration.resolveOutput(out, "com/../../X.java"));
    }

    @Test
    void aTamperedStateCannotDeleteFilesOutsideTheOutputDirectory() throws IOException {
        generation.run(request("com.acme"));
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        GenerationState state =
                GenerationState.read(out.resolve(".crmgen-default.state")).orElseThrow();
        Map<String, String> outputs = new LinkedHashMap<>(state.outputs());
        outputs.put("../victim.txt", "0");
        new GenerationState(state.configuration(), state.inputs(), outputs, state.keys())
                .write(out.resolve(".crmgen-default.state"));

        assertThrows(IOException.class, () -> generation.run(request("com.acme")));
        assertTrue(Files.exists(victim));
    }
}
