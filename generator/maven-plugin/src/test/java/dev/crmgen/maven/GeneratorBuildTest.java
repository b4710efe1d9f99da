package dev.crmgen.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.generator.CrmGenerator;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorBuildTest {
    @TempDir
    Path dir;

    @Test
    void aRebuiltJarHasAnotherFingerprint() throws Exception {
        Path jar = dir.resolve("crmgen-generator.jar");
        writeJar(jar, "first build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        URL classFile = new URL("jar:" + jar.toUri() + "!/dev/crmgen/generator/CrmGenerator.class");
        Optional<String> first = GeneratorBuild.fingerprintOf(classFile);
        assertEquals(Optional.of(Files.size(jar) + " bytes, modified 2026-01-01T00:00:00Z"), first);

        writeJar(jar, "second build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:05:00Z")));
        assertNotEquals(first, GeneratorBuild.fingerprintOf(classFile));
    }

    @Test
    void aClassDirectoryIsFingerprintedByTheClassFile() throws Exception {
        Path classFile = dir.resolve("CrmGenerator.class");
        Files.writeString(classFile, "bytes");
        assertEquals(
                Optional.of("5 bytes, modified " + Files.getLastModifiedTime(classFile)),
                GeneratorBuild.fingerprintOf(classFile.toUri().toURL()));
    }

    @Test
    void somethingThatIsNotALocalFileFallsBackToTheVersion() throws Exception {
        assertEquals(Optional.empty(), GeneratorBuild.fingerprintOf(null));
        assertEquals(
                Optional.empty(),
                GeneratorBuild.fingerprintOf(
                        dir.resolve("missing.class").toUri().toURL()));
    }

    @Test
    void thisSnapshotBuildHasAFingerprint() {
        assertTrue(CrmGenerator.VERSION.endsWith("-SNAPSHOT"), "the tests run against a snapshot");
        assertTrue(GeneratorBuild.snapshotFingerprint().orElseThrow().matches("\\d+ bytes, modified .+"));
    }

    private static void writeJar(Path jar, String content) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("dev/crmgen/generator/CrmGenerator.class"));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
