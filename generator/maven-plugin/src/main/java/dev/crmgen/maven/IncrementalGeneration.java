package dev.crmgen.maven;

import dev.crmgen.generator.Fingerprint;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates sources only when something that shapes them changed, and then touches only what changed.
 *
 * <p>The up-to-date check reads the previous {@link GenerationState}, compares the configuration, re-hashes the inputs
 * recorded last time and the files written last time. It never runs the generator, so a no-change build costs a few
 * small file reads. When anything differs the generator runs; files whose bytes are unchanged keep their timestamps
 * (so the compiler sees nothing new), and files the previous generation wrote but this one does not are deleted.
 *
 * <p>When only inputs changed (the configuration, and so the generator's build, is the same), the generator is told
 * the content keys of the files still on disk as they were written, and does not emit a file whose key it computes
 * again: a key covers everything that shapes its file, so after a one-description edit only the files that
 * description reaches (and the client) are emitted.
 */
final class IncrementalGeneration {

    /** The generator library's entry point; a function so that the bookkeeping can be tested on its own. */
    @FunctionalInterface
    interface Generator {
        /**
         * Generates, with content keys; a file whose key is in {@code reusableKeys} need not be emitted (the
         * signature of {@code CrmGenerator.generate}).
         */
        GenerationResult generate(SpecSource spec, GeneratorOptions options, Set<String> reusableKeys);
    }

    /** Reads an input recorded in the state: an absolute file path, or {@code classpath:<resource>}. */
    @FunctionalInterface
    interface InputReader {
        byte[] read(String key) throws IOException;
    }

    /**
     * One generation to bring up to date.
     *
     * @param configuration every setting that shapes the output, by name, including the generator's version
     * @param specInputs inputs known before generating (the spec file, or its resource and the archive holding it)
     */
    record Request(
            Path outputDirectory,
            Path stateFile,
            Map<String, String> configuration,
            SpecSource spec,
            GeneratorOptions options,
            List<String> specInputs) {
        Request {
            outputDirectory = outputDirectory.toAbsolutePath().normalize();
            configuration = Map.copyOf(configuration);
            specInputs = List.copyOf(specInputs);
        }
    }

    sealed interface Outcome {
        /** Nothing changed: {@code files} generated files from {@code inputs} inputs are current. */
        record UpToDate(int files, int inputs) implements Outcome {}

        /**
         * Regenerated because of {@code reason}; {@code unchanged} counts the files left as they were, of which
         * {@code reused} were not even emitted (their content keys were unchanged); {@code diagnostics} holds
         * warnings and notes worth showing.
         */
        record Generated(
                String reason, int written, int unchanged, int reused, int deleted, List<Diagnostic> diagnostics)
                implements Outcome {}

        /** The spec has errors; nothing was written and the previous output and state are left as they were. */
        record Failed(List<Diagnostic> diagnostics) implements Outcome {}
    }

    /** Marks an input that could not be read when the state was recorded, so that the next check never matches it. */
    private static final String UNREADABLE = "unreadable";

    private final Generator generator;
    private final InputReader reader;

    IncrementalGeneration(Generator generator, InputReader reader) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    Outcome run(Request request) throws IOException {
        Optional<GenerationState> previous = GenerationState.read(request.stateFile());
        if (previous.isPresent()) {
            Optional<String> reason = staleReason(previous.get(), request);
            if (reason.isEmpty()) {
                return new Outcome.UpToDate(
                        previous.get().outputs().size(), previous.get().inputs().size());
            }
            return generate(request, previous.get(), reason.get());
        }
        return generate(request, null, "no earlier generation is recorded");
    }

    /** Why the previous output no longer matches the request, or empty when it still does. */
    Optional<String> staleReason(GenerationState previous, Request request) throws IOException {
        List<String> changed = new ArrayList<>();
        Set<String> keys = new TreeSet<>(previous.configuration().keySet());
        keys.addAll(request.configuration().keySet());
        for (String key : keys) {
            String before = previous.configuration().get(key);
            String now = request.configuration().get(key);
            if (!Objects.equals(before, now)) {
                changed.add(key + " changed from " + show(before) + " to " + show(now));
            }
        }
        if (!changed.isEmpty()) {
            return Optional.of(String.join("; ", changed));
        }
        for (Map.Entry<String, String> input : previous.inputs().entrySet()) {
            String hash = hashInput(input.getKey());
            if (!input.getValue().equals(hash)) {
                return Optional.of(
                        "input " + input.getKey() + (hash.equals(UNREADABLE) ? " can no longer be read" : " changed"));
            }
        }
        for (String spec : request.specInputs()) {
            if (!previous.inputs().containsKey(spec)) {
                return Optional.of("input " + spec + " was not read by the earlier generation");
            }
        }
        for (Map.Entry<String, String> output : previous.outputs().entrySet()) {
            Path file = resolveOutput(request.outputDirectory(), output.getKey());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return Optional.of("generated file " + output.getKey() + " is missing");
            }
            if (!output.getValue().equals(Fingerprint.of(bytes))) {
                return Optional.of("generated file " + output.getKey() + " was modified");
            }
        }
        return Optional.empty();
    }

    private Outcome generate(Request request, GenerationState previous, String reason) throws IOException {
        // The spec is hashed before it is read for generation: an edit made meanwhile then shows as a change next time.
        Map<String, String> inputs = new TreeMap<>();
        for (String key : request.specInputs()) {
            inputs.put(key, hashInput(key));
        }
        Map<String, String> intact = intactOutputKeys(previous, request);
        GenerationResult result = generator.generate(request.spec(), request.options(), intact.keySet());
        if (!result.hasErrors() && !keptFilesAreIntact(result, intact)) {
            // Never happens with keys that name their file; if it did, a full generation is the safe answer.
            result = generator.generate(request.spec(), request.options(), Set.of());
        }
        if (result.hasErrors()) {
            return new Outcome.Failed(result.diagnostics());
        }

        Map<String, String> outputs = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        int written = 0;
        int unchanged = 0;
        for (GeneratedFile file : result.files()) {
            String relative = file.relativePath();
            byte[] bytes = file.source().getBytes(StandardCharsets.UTF_8);
            if (writeIfChanged(resolveOutput(request.outputDirectory(), relative), bytes)) {
                written++;
            } else {
                unchanged++;
            }
            outputs.put(relative, Fingerprint.of(bytes));
        }
        int reused = 0;
        for (Map.Entry<String, String> file : result.contentKeys().entrySet()) {
            String relative = GeneratedFile.relativePath(file.getKey());
            keys.put(relative, file.getValue());
            if (!outputs.containsKey(relative)) {
                outputs.put(relative, previous.outputs().get(relative));
                unchanged++;
                reused++;
            }
        }

        int deleted = 0;
        if (previous != null) {
            for (String old : previous.outputs().keySet()) {
                if (!outputs.containsKey(old)) {
                    Path file = resolveOutput(request.outputDirectory(), old);
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                    pruneEmptyDirectories(file.getParent(), request.outputDirectory());
                }
            }
        }

        for (Path input : result.inputFiles()) {
            // Files inside archives are covered by the archive the spec input names; only plain files are re-read.
            if (input.getFileSystem() == FileSystems.getDefault()) {
                inputs.computeIfAbsent(input.toAbsolutePath().normalize().toString(), this::hashInput);
            }
        }
        new GenerationState(request.configuration(), inputs, outputs, keys).write(request.stateFile());

        List<Diagnostic> notes = result.diagnostics().stream()
                .filter(d -> d.severity() != Diagnostic.Severity.ERROR)
                .toList();
        return new Outcome.Generated(reason, written, unchanged, reused, deleted, notes);
    }

    /**
     * The content keys of the previous generation's files that are still on disk exactly as written, each with its
     * file; none when the configuration changed (a key does not cover, say, which build of a snapshot generator
     * wrote the file) or the previous state recorded no keys.
     */
    private static Map<String, String> intactOutputKeys(GenerationState previous, Request request) throws IOException {
        Map<String, String> intact = new TreeMap<>();
        if (previous == null || !previous.configuration().equals(request.configuration())) {
            return intact;
        }
        for (Map.Entry<String, String> output : previous.keys().entrySet()) {
            String recordedHash = previous.outputs().get(output.getKey());
            if (recordedHash == null) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(resolveOutput(request.outputDirectory(), output.getKey()));
            } catch (NoSuchFileException e) {
                continue;
            }
            if (recordedHash.equals(Fingerprint.of(bytes))) {
                intact.put(output.getValue(), output.getKey());
            }
        }
        return intact;
    }

    /** Whether each file the generator left out is the intact file recorded under the same key and path. */
    private static boolean keptFilesAreIntact(GenerationResult result, Map<String, String> intact) {
        Set<String> emitted = new TreeSet<>();
        result.files().forEach(file -> emitted.add(file.qualifiedName()));
        for (Map.Entry<String, String> file : result.contentKeys().entrySet()) {
            if (!emitted.contains(file.getKey())
                    && !GeneratedFile.relativePath(file.getKey()).equals(intact.get(file.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private String hashInput(String key) {
        try {
            return Fingerprint.of(reader.read(key));
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    /** Writes {@code bytes} unless the file already holds exactly them; returns whether it wrote. */
    static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        try {
            if (Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
        }
        // Through a temporary file: a compiler or IDE reading concurrently never sees half a source file.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Resolves a '/'-separated generated path, refusing anything that would land outside the output directory. */
    static Path resolveOutput(Path outputDirectory, String relativePath) throws IOException {
        Path file = outputDirectory;
        for (String segment : relativePath.split("/")) {
            file = file.resolve(segment);
        }
        file = file.normalize();
        if (!file.startsWith(outputDirectory) || file.equals(outputDirectory)) {
            throw new IOException("generated path " + relativePath + " lies outside " + outputDirectory);
        }
        return file;
    }

    private static void pruneEmptyDirectories(Path directory, Path outputDirectory) throws IOException {
        for (Path dir = directory;
                dir != null && !dir.equals(outputDirectory) && dir.startsWith(outputDirectory);
                dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static String show(String value) {
        return value == null ? "(unset)" : value.isEmpty() ? "(empty)" : "'" + value + "'";
    }
}
