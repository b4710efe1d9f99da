package dev.crmgen.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonPointerTest {
    @Test
    void slashAndTildeAreEscapedAndReadBack() {
        assertEquals("~1crm~1v3~1notes~1{noteId}", JsonPointer.escape("/crm/v3/notes/{noteId}"));
        assertEquals("a~0b~01", JsonPointer.escape("a~b~1"));
        for (String name : new String[] {"/crm/v3/notes", "a~b~1", "~01/", "Plain"}) {
            assertEquals(name, JsonPointer.unescape(JsonPointer.escape(name)));
        }
    }
}
