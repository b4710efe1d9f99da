package dev.crmgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule both front doors follow; each door's own tests show it finds specs there. */
class SpecLookupRuleTest {
    private static final Path BASE = Path.of("/work/acme-service");

    @Test
    void aRelativeNameIsAFileUnderTheBaseThenUnderItsResourcesThenAResource() {
        SpecLookup lookup = SpecLookup.of("openapi/notes-v3.json", BASE);
        assertEquals(List.of(BASE.resolve("openapi/notes-v3.json"), BASE.resolve("src/main/resources/openapi/notes-v3.json")),
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
}
