package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FirstLinesTest {
    @Test
    void remembersTheFirstLineOfEveryIdAcrossCommits() {
        try (FirstLines lines = FirstLines.open()) {
            for (int i = 0; i < 120_000; i++) {
                assertEquals(0, lines.putIfAbsent(Integer.toString(1_000_000 + i), i + 2));
            }
            for (int i = 0; i < 120_000; i += 997) {
                assertEquals(i + 2, lines.putIfAbsent(Integer.toString(1_000_000 + i), 999_999));
            }
        }
    }

    @Test
    void idsAreComparedAsTheyAreWritten() {
        try (FirstLines lines = FirstLines.open()) {
            assertEquals(0, lines.putIfAbsent("42", 2));
            assertEquals(0, lines.putIfAbsent("042", 3), "a leading zero makes another id");
            assertEquals(0, lines.putIfAbsent("note-42", 4));
            assertEquals(0, lines.putIfAbsent("99999999999999999999", 5));
            assertEquals(2, lines.putIfAbsent("42", 6));
            assertEquals(3, lines.putIfAbsent("042", 7));
            assertEquals(4, lines.putIfAbsent("note-42", 8));
            assertEquals(5, lines.putIfAbsent("99999999999999999999", 9));
        }
    }

    @Test
    void aCompleteIndexListsTheRepeatedRowsInLineOrder() {
        try (FirstLines lines = FirstLines.open()) {
            assertEquals(0, lines.putIfAbsent("a", 2));
            assertEquals(0, lines.putIfAbsent("b", 3));
            assertEquals(2, lines.putIfAbsent("a", 5));
            assertEquals(3, lines.putIfAbsent("b", 9));
            assertEquals(2, lines.putIfAbsent("a", 10));
            assertThrows(IllegalStateException.class, lines::repeats, "the index is still being filled");
            lines.complete();
            assertThrows(IllegalStateException.class, () -> lines.putIfAbsent("c", 11));

            for (int walk = 0; walk < 2; walk++) {
                try (FirstLines.Repeats repeats = lines.repeats()) {
                    long[] earlier = new long[12];
                    for (int line = 2; line < earlier.length; line++) {
                        earlier[line] = repeats.earlierLine(line);
                    }
                    assertArrayEquals(new long[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 2, 0}, earlier);
                }
            }
        }
    }
}
