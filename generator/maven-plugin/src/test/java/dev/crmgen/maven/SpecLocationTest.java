package dev.crmgen.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLocationTest {

    @TempDir
    Path dir;

    private Path jar;
    private URLClassLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        jar = dir.resolve("specs.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("notes.yaml"));
            out.write("openapi: 3.0.3\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    @Test
    void aFileIsResolvedAgainstTheProjectDirectory() throws IOException {
        Files.createDirectories(dir.resolve("src/main/openapi"));
        Path spec = Files.writeString(dir.resolve("src/main/openapi/notes.yaml"), "openapi: 3.0.3\n");

        SpecLocation location = SpecLocation.resolve("src/main/openapi/notes.yaml", dir, loader);

        assertEquals(spec.toString(), location.resolved());
        assertEquals(List.of(spec.toString()), location.inputKeys());
        assertEquals(Path.of("src", "main", "openapi", "notes.yaml").toString(), location.describe(dir));
        assertEquals(spec.toString(), location.describe(dir.resolve("elsewhere")));
    }

    @Test
    void aFileWinsOverAResourceOfTheSameName() throws IOException {
        Path spec = Files.writeString(dir.resolve("notes.yaml"), "local");

        assertEquals(
                spec.toString(), SpecLocation.resolve("notes.yaml", dir, loader).resolved());
    }

    @Test
    void aResourceIsFoundOnThePluginClassPathAndItsJarIsAnInput() throws IOException {
        SpecLocation location = SpecLocation.resolve("notes.yaml", dir.resolve("elsewhere"), loader);

        assertTrue(location.resolved().startsWith("jar:file:"), location.resolved());
        assertTrue(location.resolved().endsWith("specs.jar!/notes.yaml"), location.resolved());
        assertEquals(
                List.of("classpath:notes.yaml", jar.toAbsolutePath().normalize().toString()), location.inputKeys());
        assertArrayEquals(
                "openapi: 3.0.3\n".getBytes(StandardCharsets.UTF_8), SpecLocation.read("classpath:notes.yaml", loader));
    }

    @Test
    void theClasspathPrefixSkipsFiles() throws IOException {
        Files.writeString(dir.resolve("notes.yaml"), "local");

        SpecLocation location = SpecLocation.resolve("classpath:/notes.yaml", dir, loader);

        assertEquals(
                List.of("classpath:notes.yaml", jar.toAbsolutePath().normalize().toString()), location.inputKeys());
    }

    @Test
    void aMissingSpecNamesWhereItLooked() {
        IOException e = assertThrows(IOException.class, () -> SpecLocation.resolve("nope.yaml", dir, loader));

        assertTrue(e.getMessage().contains(dir.resolve("nope.yaml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("dev.crmgen:crmgen-spec"), e.getMessage());
        IOException missingResource =
                assertThrows(IOException.class, () -> SpecLocation.resolve("classpath:nope.yaml", dir, loader));
        assertTrue(missingResource.getMessage().contains("not on the plugin's class path"));
        assertThrows(IOException.class, () -> SpecLocation.resolve("  ", dir, loader));
    }

    @Test
    void aResourceThatDisappearsCannotBeRead() {
        assertThrows(IOException.class, () -> SpecLocation.read("classpath:gone.yaml", loader));
    }
}
