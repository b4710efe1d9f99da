package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.sandbox.NotesSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCsvTest {
    @TempDir
    Path dir;

    @Test
    void sampleRoundTripsThroughTheReaderAndNamesSomeMissingNotes() throws Exception {
        Path file = dir.resolve("sample.csv");
        SampleCsv.write(file, 1_000);
        List<NoteRow> rows = UpdateCsv.read(file);

        assertEquals(1_000, rows.size());
        assertTrue(rows.stream().allMatch(NoteRow::sendable));
        long unknown = rows.stream()
                .filter(r -> Long.parseLong(r.id()) >= SampleCsv.UNKNOWN_FIRST_ID)
                .count();
        assertEquals(4, unknown);
        assertEquals(SampleCsv.unknownRows(1_000), unknown);
        assertEquals(Long.toString(NotesSandbox.DEFAULT_FIRST_ID), rows.get(0).id());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(SampleCsv.body(i), rows.get(i).properties().get("hs_note_body"));
        }
        assertTrue(rows.get(3).properties().get("hs_note_body").contains("\n"), "some bodies span lines");
        assertTrue(
                rows.stream().anyMatch(r -> r.properties().get("hs_note_body").contains("\"premium\"")));
        assertEquals("2026-01-05T09:01:00Z", rows.get(1).properties().get("hs_timestamp"));
    }

    @Test
    void sampleIsDeterministic() throws Exception {
        SampleCsv.write(dir.resolve("a.csv"), 300);
        SampleCsv.write(dir.resolve("b.csv"), 300);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    }
}
