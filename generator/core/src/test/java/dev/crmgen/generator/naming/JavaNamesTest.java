package dev.crmgen.generator.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How spec names split into words, and the Java names built from them. */
class JavaNamesTest {
    @Test
    void wordsAreTheRunsOfAsciiLettersAndDigits() {
        assertEquals(List.of("hs", "note", "body"), JavaNames.words("hs_note_body"));
        assertEquals(List.of("objectWriteTraceId"), JavaNames.words("objectWriteTraceId"));
        assertEquals(List.of("hs", "object", "id"), JavaNames.words("--hs--object.id--"));
        assertEquals(List.of("caf", "2"), JavaNames.words("café 2"));
        assertEquals(List.of(), JavaNames.words(""));
        assertEquals(List.of(), JavaNames.words("-_ .\u00e9\ud83d\ude00"));
        assertEquals(List.of("a", "b"), JavaNames.words("a\ud83d\ude00b"));
    }

    @Test
    void wordsMatchSplittingOnRunsOfOtherCharactersForArbitraryNames() {
        String alphabet = "aZ09_- .$/{}\u00e9\u0130\u2028\ud83d\ude00";
        Random random = new Random(20261129L);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<String> expected = new ArrayList<>();
            for (String part : raw.toString().split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    expected.add(part);
                }
            }
            assertEquals(expected, JavaNames.words(raw.toString()), () -> "words of \"" + raw + "\"");
        }
    }

    @Test
    void namesBuiltFromWords() {
        assertEquals("hsObjectId", JavaNames.memberName("hs-object-id"));
        assertEquals("IN_PROGRESS", JavaNames.constantName("in-progress"));
        assertEquals("VALUE_123", JavaNames.constantName("123"));
        assertEquals("EMPTY", JavaNames.constantName(""));
        assertEquals("NotesClient", JavaNames.clientName("Notes"));
    }
}
