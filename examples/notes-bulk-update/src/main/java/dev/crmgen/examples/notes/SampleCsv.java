package dev.crmgen.examples.notes;

import dev.crmgen.sandbox.NotesSandbox;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a deterministic sample CSV whose ids are the embedded sandbox's seeded notes, except every
 * {@value #UNKNOWN_EVERY}th row, which names a note that does not exist so that failures show in the summary.
 * Bodies include commas, quotes, line breaks and non-ASCII text to exercise CSV quoting end to end.
 */
final class SampleCsv {
    static final int UNKNOWN_EVERY = 250;
    /** Ids in this range are never seeded. */
    static final long UNKNOWN_FIRST_ID = 99_000_000_001L;

    private static final String[] PEOPLE = {"Ana", "Bjørn", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana"};
    private static final String[] TOPICS = {
        "renewal date", "pricing, discounts and terms", "the \"premium\" tier", "onboarding call",
        "invoice #4471", "data migration", "security review", "Q3 roadmap"
    };
    private static final Instant FIRST_TIMESTAMP = Instant.parse("2026-01-05T09:00:00Z");

    private SampleCsv() {}

    /** The id in row {@code index} (0-based). */
    static String id(int index) {
        return index % UNKNOWN_EVERY == UNKNOWN_EVERY - 1
                ? Long.toString(UNKNOWN_FIRST_ID + index)
                : Long.toString(NotesSandbox.DEFAULT_FIRST_ID + index);
    }

    /** How many of {@code rows} sample rows name unknown notes. */
    static int unknownRows(int rows) {
        return rows / UNKNOWN_EVERY;
    }

    static String body(int index) {
        String person = PEOPLE[index % PEOPLE.length];
        String topic = TOPICS[(index / PEOPLE.length) % TOPICS.length];
        String body = "Follow-up " + (index + 1) + ": spoke with " + person + " about " + topic + ".";
        return index % 10 == 3 ? body + "\nNext step: send the summary by Friday." : body;
    }

    static void write(Path file, int rows) throws IOException {
        if (rows < 1) {
            throw new IllegalArgumentException("a sample needs at least one row, got " + rows);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(UpdateCsv.ID_COLUMN, "hs_note_body", "hs_timestamp");
            for (int i = 0; i < rows; i++) {
                csv.printRecord(
                        id(i),
                        body(i),
                        FIRST_TIMESTAMP.plus(i, ChronoUnit.MINUTES).toString());
            }
        }
    }
}
