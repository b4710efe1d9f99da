package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule both front doors follow; each door's own tests show it finds specs there. */
class SpecLookupRuleTest {
    private static final Path BASE = Path.of("/work/acme-service");

    @Test
    void aRelativeNameIsAFileUnderTheBaseThenUnderItsResourcesThenAResource() {
        SpecLookup lookup = SpecLookup.of("openapi/notes-v3.json", BASE);
        assertEquals(
                List.of(
                        BASE.resolve("openapi/notes-v3.json"),
                        BASE.resolve("src/main/resources/openapi/notes-v3.json")),
                lookup.files());
        assertEquals("openapi/notes-v3.json", lookup.resource());
    }

    @Test
    void anAbsolutePathIsThatFileOnly() {
        SpecLookup lookup = SpecLookup.of("/specs/../specs/notes.yaml", BASE);
        assertEquals(List.of(Path.of("/specs/notes.yaml")), lookup.files());
        assertNull(lookup.resource());
    }

    @Test
    void theClassPathPrefixIsAResourceOnly() {
        SpecLookup lookup = SpecLookup.of(" classpath:/notes-batch-update.yaml ", BASE);
        assertEquals(List.of(), lookup.files());
        assertEquals("notes-batch-update.yaml", lookup.resource());
    }

    @Test
    void findTakesTheFirstFileThatExistsThenTheResourceThenNothing(@TempDir Path base) throws IOException {
        SpecLookup lookup = SpecLookup.of("notes.yaml", base);
        assertEquals(Optional.of(new SpecLookup.Found(null, "notes.yaml")), lookup.find("notes.yaml"::equals));
        assertEquals(Optional.empty(), lookup.find(resource -> false));

        Path resources = Files.createDirectories(base.resolve("src/main/resources"));
        Files.writeString(resources.resolve("notes.yaml"), "openapi: 3.0.1");
        assertEquals(
                Optional.of(new SpecLookup.Found(resources.resolve("notes.yaml"), null)),
                lookup.find("notes.yaml"::equals),
                "a file wins over a resource");

        Files.writeString(base.resolve("notes.yaml"), "openapi: 3.0.1");
        assertEquals(
                Optional.of(new SpecLookup.Found(base.resolve("notes.yaml"), null)), lookup.find(resource -> true));
    }
}
