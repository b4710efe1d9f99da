package dev.crmgen.processor;

import dev.crmgen.generator.SpecSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the spec named by {@code @GenerateClient(spec = …)}: as a file (absolute; or relative to the processor option
 * {@code crmgen.specRoot}, which defaults to the project directory, also trying its {@code src/main/resources}), else
 * as a class-path resource on the processor path (for example the {@code crmgen-spec} jar).
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

    /** The spec, or null; {@code tried} receives every place looked at. */
    SpecSource locate(String spec, List<String> tried) {
        Path asPath = path(spec);
        if (asPath != null && asPath.isAbsolute()) {
            tried.add(asPath.toString());
            return Files.isRegularFile(asPath) ? SpecSource.file(asPath) : null;
        }
        if (asPath != null) {
            for (Path candidate : candidates(asPath)) {
                tried.add(candidate.toString());
                if (Files.isRegularFile(candidate)) {
                    return SpecSource.file(candidate);
                }
            }
        }
        String resource = spec.startsWith("/") ? spec.substring(1) : spec;
        tried.add("class-path resource " + resource + " on the processor path");
        if (processorPath != null && processorPath.getResource(resource) != null) {
            return SpecSource.classpath(resource, processorPath);
        }
        return null;
    }

    private List<Path> candidates(Path relative) {
        List<Path> out = new ArrayList<>();
        if (specRootOption != null && !specRootOption.isBlank()) {
            out.add(Path.of(specRootOption).resolve(relative).normalize());
            return out;
        }
        Path project = projectDir();
        out.add(project.resolve(relative).normalize());
        out.add(project.resolve("src/main/resources").resolve(relative).normalize());
        return out;
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

    private static Path path(String spec) {
        try {
            return Path.of(spec);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
