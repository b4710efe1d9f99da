package dev.crmgen.maven;

import dev.crmgen.generator.CrmGenerator;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which build of the generator is running, for the up-to-date check. A release is named by its version; a
 * {@code -SNAPSHOT} version is rebuilt under the same name, so for those the size and modification time of the jar
 * (or class file) holding the generator tell builds apart — otherwise a rebuilt snapshot generator would leave
 * output from the previous one in place.
 */
final class GeneratorBuild {
    private GeneratorBuild() {}

    /** The fingerprint of a snapshot build, or empty for a release (its version says it all). */
    static Optional<String> snapshotFingerprint() {
        if (!CrmGenerator.VERSION.endsWith("-SNAPSHOT")) {
            return Optional.empty();
        }
        return fingerprintOf(CrmGenerator.class.getResource("CrmGenerator.class"));
    }

    static Optional<String> fingerprintOf(URL classFile) {
        if (classFile == null) {
            return Optional.empty();
        }
        try {
            Path file = "jar".equals(classFile.getProtocol())
                    ? Path.of(((JarURLConnection) classFile.openConnection())
                            .getJarFileURL()
                            .toURI())
                    : Path.of(classFile.toURI());
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(attributes.size() + " bytes, modified " + attributes.lastModifiedTime());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Not a local file: fall back to the version alone, as for a release.
            return Optional.empty();
        }
    }
}
