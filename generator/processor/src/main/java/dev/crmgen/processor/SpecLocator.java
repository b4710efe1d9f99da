package dev.crmgen.processor;

import dev.crmgen.generator.SpecLookup;
import dev.crmgen.generator.SpecSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the spec named by {@code @GenerateClient(spec = …)} by the rule both front doors share ({@link SpecLookup}):
 * {@code classpath:NAME}; an absolute file; a file relative to the processor option {@code crmgen.specRoot}, which
 * defaults to the project directory, or to its {@code src/main/resources}; else a class-path resource on the processor
 * path (for example the {@code crmgen-spec} jar).
 */
final class SpecLocator {
    static final String SPEC_ROOT_OPTION = "crmgen.specRoot";

    private final String specRootOption;
    private final Filer filer;
    private final ClassLoader processorPath;

    SpecLocator(String specRootOption, Filer filer, ClassLoader processorPath) {
        this.specRootOption = specRootOption;
        this.filer = filer;
        this.processorPath = processorPath;
    }

    /** The spec found by {@link SpecLookup}'s rule, or null; {@code tried} receives every place looked at. */
    SpecSource locate(String spec, List<String> tried) {
        SpecLookup lookup = SpecLookup.of(spec, baseDirectory());
        for (Path file : lookup.files()) {
            tried.add(file.toString());
        }
        if (lookup.resource() != null) {
            tried.add("class-path resource " + lookup.resource() + " on the processor path");
        }
        SpecLookup.Found found = lookup.find(
                        resource -> processorPath != null && processorPath.getResource(resource) != null)
                .orElse(null);
        if (found == null) {
            return null;
        }
        return found.file() != null
                ? SpecSource.file(found.file())
                : SpecSource.classpath(found.resource(), processorPath);
    }

    /** Where relative spec paths start: {@code -Acrmgen.specRoot} when set, else the project directory. */
    private Path baseDirectory() {
        return specRootOption != null && !specRootOption.isBlank() ? Path.of(specRootOption) : projectDir();
    }

    /** The project directory: above {@code target/} or {@code build/} holding the class output, else the working directory. */
    Path projectDir() {
        try {
            FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "crmgen-spec-root-probe");
            URI uri = probe.toUri();
            if ("file".equals(uri.getScheme())) {
                for (Path p = Path.of(uri).getParent(); p != null; p = p.getParent()) {
                    String name = String.valueOf(p.getFileName());
                    if ((name.equals("target") || name.equals("build")) && p.getParent() != null) {
                        return p.getParent();
                    }
                }
            }
        } catch (Exception e) {
            // No usable class output location (for example in-memory compilation): fall back to the working directory.
        }
        return Path.of(System.getProperty("user.dir"));
    }
}
