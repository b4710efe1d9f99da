package dev.crmgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every recording under {@code recordings/} is replayed by at least one test, and every test replays an existing one. */
class RecordingsCatalogTest {
    private static final String NOTES_V3_PREFIX = "notes-";

    @Test
    void everyRecordingHasATestAndEveryTestHasARecording() throws Exception {
        Path testClasses = Path.of(RecordingsCatalogTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> recordings = recordingNames();
        Set<String> replayed = replayedRecordings(testClasses);

        Set<String> unknown = new TreeSet<>(replayed);
        unknown.removeAll(recordings);
        assertEquals(Set.of(), unknown, "tests name recordings that do not exist");

        Set<String> untested = new TreeSet<>(recordings);
        untested.removeAll(replayed);
        if (!SharedSpecs.notesV3ClientCompiled()) {
            // Those are replayed by the notes-v3 client's tests, compiled only when HubSpot's spec is present.
            untested.removeIf(name -> name.startsWith(NOTES_V3_PREFIX));
            System.out.println("[RecordingsCatalogTest] notes-v3 client not generated: recordings " + NOTES_V3_PREFIX
                    + "* are not checked for tests");
        }
        assertEquals(Set.of(), untested, "recordings without a test");
    }

    private static Set<String> recordingNames() throws URISyntaxException, IOException {
        URL root = RecordingsCatalogTest.class.getClassLoader().getResource("recordings");
        assertNotNull(root, "recordings/ on the test class path");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> names.add(d.getFileName().toString()));
        }
        assertFalse(names.isEmpty(), "no recordings found");
        return names;
    }

    private static Set<String> replayedRecordings(Path testClasses) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(testClasses.resolve("dev/crmgen/it"))) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String binary =
                        testClasses.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method m : load(binary).getDeclaredMethods()) {
                    Recording r = m.getAnnotation(Recording.class);
                    if (r != null) {
                        names.add(r.value());
                    }
                }
            });
        }
        return names;
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, RecordingsCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("cannot load " + binaryName, e));
        }
    }
}
