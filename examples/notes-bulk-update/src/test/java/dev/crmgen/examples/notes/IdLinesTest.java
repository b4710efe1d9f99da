package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdLinesTest {
    @Test
    void remembersTheFirstLineOfEveryIdThroughGrowth() {
        IdLines lines = new IdLines();
        for (int i = 0; i < 100_000; i++) {
            assertEquals(0, lines.putIfAbsent(Integer.toString(1_000_000 + i), i + 2));
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals(i + 2, lines.putIfAbsent(Integer.toString(1_000_000 + i), 999_999));
        }
    }

    @Test
    void numericLookingIdsThatAreNotPlainNumbersStayDistinct() {
        IdLines lines = new IdLines();
        assertEquals(0, lines.putIfAbsent("42", 2));
        assertEquals(0, lines.putIfAbsent("042", 3), "a leading zero makes another id");
        assertEquals(0, lines.putIfAbsent("note-42", 4));
        assertEquals(0, lines.putIfAbsent("0", 5));
        assertEquals(0, lines.putIfAbsent("99999999999999999999", 6), "too long for a long: compared as text");
        assertEquals(2, lines.putIfAbsent("42", 7));
        assertEquals(3, lines.putIfAbsent("042", 8));
        assertEquals(4, lines.putIfAbsent("note-42", 9));
        assertEquals(5, lines.putIfAbsent("0", 10));
        assertEquals(6, lines.putIfAbsent("99999999999999999999", 11));
    }
}
