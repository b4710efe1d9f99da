package dev.crmgen.maven;

import dev.crmgen.generator.SpecLookup;
import dev.crmgen.generator.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the configured {@code spec} was found, by the rule both front doors share ({@link SpecLookup}): a file
 * (absolute, or relative to the project directory or its {@code src/main/resources}), or a resource on the plugin's
 * class path, which holds the plugin's own dependencies such as {@code dev.crmgen:crmgen-spec}.
 */
final class SpecLocation {

    private final Path file;
    private final String resource;
    private final URL url;

    private SpecLocation(Path file, String resource, URL url) {
        this.file = file;
        this.resource = resource;
        this.url = url;
    }

    /** Finds {@code configured} by {@link SpecLookup}'s rule, relative paths under {@code baseDirectory}. */
    static SpecLocation resolve(String configured, Path baseDirectory, ClassLoader loader) throws IOException {
        String spec = configured == null ? "" : configured.trim();
        if (spec.isEmpty()) {
            throw new IOException("no spec is configured: set <spec> to an OpenAPI file or a class-path resource"
                    + " (or pass -Dcrmgen.spec=...)");
        }
        SpecLookup lookup = SpecLookup.of(spec, baseDirectory);
        Optional<SpecLookup.Found> found = lookup.find(resource -> loader.getResource(resource) != null);
        if (found.isPresent()) {
            String resource = found.get().resource();
            return new SpecLocation(
                    found.get().file(), resource, resource == null ? null : loader.getResource(resource));
        }
        if (lookup.files().isEmpty()) {
            throw new IOException(
                    "spec " + spec + " is not on the plugin's class path; add the artifact that holds it as a"
                            + " <dependency> of crmgen-maven-plugin (for example dev.crmgen:crmgen-spec)");
        }
        throw new IOException(
                "spec " + spec + " was not found: it is not a file (looked for "
                        + lookup.files().stream().map(Path::toString).collect(Collectors.joining(" and ")) + ")"
                        + (lookup.resource() == null
                                ? ""
                                : " nor a resource on the plugin's class path (a spec jar such as"
                                        + " dev.crmgen:crmgen-spec must be a <dependency> of crmgen-maven-plugin, not of the project)"));
    }

    SpecSource toSource(ClassLoader loader) {
        return file != null ? SpecSource.file(file) : SpecSource.classpath(resource, loader);
    }

    /** Where the spec was found, for the configuration fingerprint: a different file or jar means a different spec. */
    String resolved() {
        return file != null ? file.toString() : url.toString();
    }

    /** Name for log lines: a file relative to the project directory when inside it, or the resource and its origin. */
    String describe(Path baseDirectory) {
        return file == null ? resource + " (from " + url + ")" : shortPath(baseDirectory, file);
    }

    /** {@code path} relative to {@code baseDirectory} when it lies inside it, else absolute. */
    static String shortPath(Path baseDirectory, Path path) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        return path.startsWith(base) && !path.equals(base)
                ? base.relativize(path).toString()
                : path.toString();
    }

    /**
     * The inputs to re-check on later builds: the spec file; or the resource and, when it comes from a jar, the jar
     * itself, which covers anything the spec references inside it.
     */
    List<String> inputKeys() {
        if (file != null) {
            return List.of(file.toString());
        }
        List<String> keys = new ArrayList<>();
        keys.add(SpecLookup.CLASSPATH_PREFIX + resource);
        archive().ifPresent(jar -> keys.add(jar.toString()));
        return keys;
    }

    private Optional<Path> archive() {
        try {
            if ("jar".equals(url.getProtocol())) {
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                if ("file".equals(jar.getProtocol())) {
                    return Optional.of(Path.of(jar.toURI()).toAbsolutePath().normalize());
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // An archive we cannot name as a file is still covered by the resource's own hash.
        }
        return Optional.empty();
    }

    /** Reads an input key as produced by {@link #inputKeys()} or a referenced file path. */
    static byte[] read(String key, ClassLoader loader) throws IOException {
        if (key.startsWith(SpecLookup.CLASSPATH_PREFIX)) {
            try (InputStream in = loader.getResourceAsStream(key.substring(SpecLookup.CLASSPATH_PREFIX.length()))) {
                if (in == null) {
                    throw new IOException(key + " is no longer on the class path");
                }
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(Path.of(key));
    }
}
