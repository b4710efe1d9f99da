package dev.crmgen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link JsonCodecs#DATE_TIME}'s hand-written reader must agree with {@link OffsetDateTime#parse} on every text. */
class DateTimeReadTest {

    /** Reads through the codec and through the JDK; both accept with the same value or both reject. */
    private static void agrees(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            JsonDecodingException error = assertThrows(
                    JsonDecodingException.class,
                    () -> Json.decode(JsonCodecs.DATE_TIME, quoted(text)),
                    "the JDK rejects " + text);
            assertEquals("$", error.path());
            assertTrue(error.getMessage().contains("ISO-8601 date-time"), error.getMessage());
            assertTrue(error.getCause() instanceof DateTimeParseException, "the JDK's reason is kept for " + text);
            return;
        }
        OffsetDateTime actual;
        try {
            actual = Json.decode(JsonCodecs.DATE_TIME, quoted(text));
        } catch (JsonDecodingException e) {
            fail("the JDK accepts " + text + " as " + expected + " but the codec rejects it: " + e.getMessage());
            return;
        }
        assertEquals(expected, actual, text);
        assertEquals(expected.getOffset(), actual.getOffset(), text);
    }

    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch < 0x20 || ch == '"' || ch == '\\') {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private static OffsetDateTime fast(String text) {
        return Rfc3339.parse(text.toCharArray(), 0, text.length());
    }

    /** A random RFC 3339 text: any date 0000–9999, optional seconds and 1–9 fraction digits, any offset. */
    private static String randomText(Random r) {
        LocalDate date = LocalDate.ofEpochDay(LocalDate.of(0, 1, 1).toEpochDay()
                + (long) (r.nextDouble()
                        * (LocalDate.of(9999, 12, 31).toEpochDay()
                                - LocalDate.of(0, 1, 1).toEpochDay()
                                + 1)));
        StringBuilder sb = new StringBuilder(
                String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        sb.append(r.nextInt(10) == 0 ? 't' : 'T');
        sb.append(String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
        if (r.nextInt(8) != 0) {
            sb.append(String.format(":%02d", r.nextInt(60)));
            if (r.nextBoolean()) {
                int digits = 1 + r.nextInt(9);
                sb.append('.');
                for (int i = 0; i < digits; i++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        int kind = r.nextInt(4);
        if (kind == 0) {
            sb.append(r.nextInt(5) == 0 ? 'z' : 'Z');
        } else {
            int minutes = r.nextInt(18 * 60 + 1);
            sb.append(r.nextBoolean() ? '+' : '-').append(String.format("%02d:%02d", minutes / 60, minutes % 60));
        }
        return sb.toString();
    }

    @Test
    void randomRfc3339TextsReadAsTheJdkReadsThemOnTheFastPath() {
        Random r = new Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(r);
            agrees(text);
            assertNotNull(fast(text), "the common form takes the fast path: " + text);
            assertEquals(OffsetDateTime.parse(text), fast(text), text);
        }
    }

    @Test
    void randomlyDamagedTextsAreAcceptedOrRejectedAsTheJdkDoes() {
        Random r = new Random(7);
        String alphabet = "0123456789-+:.TtZz x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(randomText(r));
            int edits = 1 + r.nextInt(2);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            agrees(sb.toString());
        }
    }

    @Test
    void edgeCases() {
        List<String> texts = List.of(
                // leap days
                "2024-02-29T00:00:00Z",
                "2000-02-29T12:00:00Z",
                "1900-02-29T12:00:00Z",
                "2023-02-29T12:00:00Z",
                "0000-02-29T00:00Z",
                "2023-04-31T00:00:00Z",
                "2023-12-31T23:59:59.999999999Z",
                // offsets
                "2024-05-02T09:30:00+18:00",
                "2024-05-02T09:30:00-18:00",
                "2024-05-02T09:30:00+18:01",
                "2024-05-02T09:30:00+19:00",
                "2024-05-02T09:30:00-00:00",
                "2024-05-02T09:30:00+05:60",
                "2024-05-02T09:30:00+0530",
                "2024-05-02T09:30:00+05",
                "2024-05-02T09:30:00+05:30:15",
                "2024-05-02T09:30:00UTC",
                "2024-05-02T09:30:00",
                // fractions
                "2024-05-02T09:30:00.1Z",
                "2024-05-02T09:30:00.12Z",
                "2024-05-02T09:30:00.123Z",
                "2024-05-02T09:30:00.123456Z",
                "2024-05-02T09:30:00.000000001Z",
                "2024-05-02T09:30:00.1234567890Z",
                "2024-05-02T09:30:00.Z",
                "2024-05-02T09:30.5Z",
                "2024-05-02T09:30:00,5Z",
                // times and case
                "2024-05-02t09:30:00z",
                "2024-05-02T24:00:00Z",
                "2024-05-02T23:60:00Z",
                "2024-05-02T23:59:60Z",
                "2024-05-02T09:30Z",
                "2024-05-02 09:30:00Z",
                "2024-5-02T09:30:00Z",
                "+2024-05-02T09:30:00Z",
                "+12024-05-02T09:30:00Z",
                "-0001-05-02T09:30:00Z",
                "2024-13-02T09:30:00Z",
                "2024-00-02T09:30:00Z",
                "2024-05-00T09:30:00Z",
                "2024-05-02T09:30:00Z ",
                " 2024-05-02T09:30:00Z",
                "",
                "2024-05-02T09:3a:00Z",
                "２０２４-05-02T09:30:00Z",
                "2024-05-02T09:30:00\u0000Z");
        for (String text : texts) {
            agrees(text);
        }
        assertEquals(OffsetDateTime.parse("2024-02-29T00:00:00Z"), fast("2024-02-29T00:00:00Z"));
        assertNull(fast("2023-02-29T12:00:00Z"), "an invalid day is left to the JDK, which rejects it");
        assertNull(fast("2024-05-02T09:30:00+0530"), "other offset forms are left to the JDK");
    }

    @Test
    void readsFromInsideALargerDocument() throws Exception {
        // The fast path reads the parser's buffer at an offset; values around it must not leak in.
        String json = "[\"x2024-01-01T00:00:00Z\",\"2024-05-02T09:30:01.5+02:00\",\"2024-05-02T09:30:01.5+02:00y\"]";
        JsonDecodingException e = assertThrows(
                JsonDecodingException.class,
                () -> Json.decode(JsonCodecs.listAllowingNulls(JsonCodecs.DATE_TIME), json));
        assertEquals("$[0]", e.path());
        assertEquals(
                List.of(OffsetDateTime.parse("2024-05-02T09:30:01.5+02:00")),
                Json.decode(JsonCodecs.listAllowingNulls(JsonCodecs.DATE_TIME), "[\"2024-05-02T09:30:01.5+02:00\"]"));
        JsonDecodingException last = assertThrows(
                JsonDecodingException.class,
                () -> Json.decode(
                        JsonCodecs.listAllowingNulls(JsonCodecs.DATE_TIME), "[\"2024-05-02T09:30:01.5+02:00y\"]"));
        assertEquals("$[0]", last.path());
    }
}
