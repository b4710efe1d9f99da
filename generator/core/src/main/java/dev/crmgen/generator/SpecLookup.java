package dev.crmgen.generator;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one rule by which the annotation processor and the Maven plugin find the spec a user names:
 * <ol>
 *   <li>{@code classpath:NAME}: only the resource {@code NAME} on the generator's class path (the processor path, or
 *       the plugin's own dependencies), such as {@code notes-batch-update.yaml} from {@code crmgen-spec};
 *   <li>an absolute path: that file, and nothing else;
 *   <li>a relative path: the file under the base directory (the project directory; for the processor
 *       {@code -Acrmgen.specRoot} when set), then under its {@code src/main/resources};
 *   <li>failing those, the resource of that name on the generator's class path.
 * </ol>
 * A file wins over a resource of the same name.
 *
 * @param files the files to try, in order
 * @param resource the class-path resource to try after them, or null when none applies
 */
public record SpecLookup(List<Path> files, String resource) {
    public static final String CLASSPATH_PREFIX = "classpath:";

    public SpecLookup {
        files = List.copyOf(files);
    }

    /** Where to look for {@code spec}, relative paths under {@code baseDirectory}. */
    public static SpecLookup of(String spec, Path baseDirectory) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        String name = spec.trim();
        if (name.startsWith(CLASSPATH_PREFIX)) {
            return new SpecLookup(List.of(), withoutLeadingSlash(name.substring(CLASSPATH_PREFIX.length())));
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            // Not a usable file name on this system; it may still name a resource.
            return new SpecLookup(List.of(), withoutLeadingSlash(name));
        }
        if (path.isAbsolute()) {
            return new SpecLookup(List.of(path.normalize()), null);
        }
        List<Path> files = new ArrayList<>(2);
        Path base = baseDirectory.toAbsolutePath();
        files.add(base.resolve(path).normalize());
        files.add(base.resolve("src/main/resources").resolve(path).normalize());
        return new SpecLookup(files, withoutLeadingSlash(name));
    }

    /**
     * The first of {@link #files()} that is a regular file, else the {@link #resource()} when {@code onClassPath} has
     * it; empty when the rule finds nothing.
     *
     * @param onClassPath whether the front door's class path holds a resource
     */
    public Optional<Found> find(Predicate<String> onClassPath) {
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                return Optional.of(new Found(file, null));
            }
        }
        return resource != null && onClassPath.test(resource)
                ? Optional.of(new Found(null, resource))
                : Optional.empty();
    }

    /**
     * Where the spec was found: exactly one of the two is set.
     *
     * @param file the spec file, or null
     * @param resource the class-path resource, or null
     */
    public record Found(Path file, String resource) {}

    private static String withoutLeadingSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
