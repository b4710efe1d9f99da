package dev.crmgen.maven;

import dev.crmgen.generator.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one generation depended on and what it wrote, kept beside the generated sources so that the next build can
 * prove that nothing affecting the output changed without parsing the spec again.
 *
 * <p>{@code configuration} holds every setting that shapes the output (generator version, spec location, package,
 * client name) in clear text so that a rebuild can say which one changed; {@code inputs} maps each file or class-path
 * resource read (the spec and everything it references) to its {@link Fingerprint}; {@code outputs} maps each generated file,
 * relative to the output directory with '/' separators, to the fingerprint of the bytes written; {@code keys} maps each
 * generated file to its content key (the generator's fingerprint of all that shapes the file), so that after an edit
 * the generator can leave out files whose key did not change. A state of the first format has no keys: the next
 * generation then emits every file.
 *
 * <p>The file is line based and sorted, so identical generations leave identical state files.
 */
record GenerationState(
        Map<String, String> configuration,
        Map<String, String> inputs,
        Map<String, String> outputs,
        Map<String, String> keys) {

    private static final String HEADER =
            "# crmgen generation state v3: inputs, outputs and their content keys of the last generation";
    /**
     * Earlier formats (v1 without content keys, v2 with SHA-256 where v3 has fingerprints); still read, so that their
     * outputs are known (and deleted if stale). The generator's build is part of the configuration, so a state an
     * earlier crmgen wrote never passes the up-to-date check and none of its keys is reused.
     */
    private static final List<String> EARLIER_HEADERS = List.of(
            "# crmgen generation state v1: inputs and outputs of the last generation",
            "# crmgen generation state v2: inputs, outputs and their content keys of the last generation");

    GenerationState {
        configuration = Collections.unmodifiableMap(new TreeMap<>(configuration));
        inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
        outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
        keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** Reads a state file; empty when it is absent or not one this version wrote (which just forces a regeneration). */
    static Optional<GenerationState> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !(lines[0].equals(HEADER) || EARLIER_HEADERS.contains(lines[0]))) {
            return Optional.empty();
        }
        Map<String, String> configuration = new TreeMap<>();
        Map<String, String> inputs = new TreeMap<>();
        Map<String, String> outputs = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            switch (parts[0]) {
                case "config" -> configuration.put(parts[1], parts[2]);
                case "input" -> inputs.put(parts[2], parts[1]);
                case "output" -> outputs.put(parts[2], parts[1]);
                case "key" -> keys.put(parts[2], parts[1]);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new GenerationState(configuration, inputs, outputs, keys));
    }

    /** Writes the state through a temporary file so that an interrupted build never leaves a half-written record. */
    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        configuration.forEach((key, value) ->
                text.append("config\t").append(key).append('\t').append(value).append('\n'));
        inputs.forEach((key, hash) ->
                text.append("input\t").append(hash).append('\t').append(key).append('\n'));
        outputs.forEach((path, hash) ->
                text.append("output\t").append(hash).append('\t').append(path).append('\n'));
        keys.forEach((path, key) ->
                text.append("key\t").append(key).append('\t').append(path).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
