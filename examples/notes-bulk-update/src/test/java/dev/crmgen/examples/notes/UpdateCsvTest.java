package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateCsvTest {
    @TempDir
    Path dir;

    private Path csv(String content) throws Exception {
        Path file = dir.resolve("updates.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsRowsWithQuotedCellsAndKeepsTheirLines() throws Exception {
        List<NoteRow> rows = UpdateCsv.read(csv("id,hs_note_body,hs_timestamp\r\n"
                + "101,\"Called, left a \"\"message\"\"\",2026-01-01T00:00:00Z\r\n"
                + "102,\"two\nlines\",\r\n"
                + "103,Zoë's note,1767225600000\r\n"));

        assertEquals(3, rows.size());
        assertEquals(
                new NoteRow(
                        2,
                        "101",
                        Map.of("hs_note_body", "Called, left a \"message\"", "hs_timestamp", "2026-01-01T00:00:00Z"),
                        null),
                rows.get(0));
        assertEquals(3, rows.get(1).line());
        assertEquals(Map.of("hs_note_body", "two\nlines"), rows.get(1).properties(), "an empty cell is left out");
        assertEquals(5, rows.get(2).line(), "the quoted line break moved the next row down");
        assertEquals("Zoë's note", rows.get(2).properties().get("hs_note_body"));
        assertTrue(rows.stream().allMatch(NoteRow::sendable));
    }

    @Test
    void laterReadsOfTheFileTellDuplicatesApartAsTheFirstDid() throws Exception {
        StringBuilder content = new StringBuilder("id,hs_note_body\n");
        for (int i = 0; i < 3_000; i++) {
            // Every seventh row repeats an id from 40 rows back; a quoted line break now and then moves the lines.
            String id = i % 7 == 6 ? String.valueOf(9_000 + i - 40) : String.valueOf(9_000 + i);
            content.append(id).append(i % 11 == 0 ? ",\"two\nlines\"\n" : ",body " + i + "\n");
        }
        content.append("9000,the first id a third time\n,no id\n");
        Path file = csv(content.toString());
        List<NoteRow> fresh = UpdateCsv.read(file);
        assertTrue(fresh.stream().filter(r -> r.problem() != null).count() > 400, "the fixture has repeats");

        try (FirstLines ids = FirstLines.open()) {
            for (int read = 0; read < 3; read++) {
                List<NoteRow> rows = new ArrayList<>();
                try (UpdateCsv.Rows r = UpdateCsv.Rows.open(file, ids)) {
                    r.forEachRemaining(rows::add);
                }
                assertEquals(fresh, rows, "read " + read);
                assertTrue(ids.isComplete());
            }
        }
    }

    @Test
    void aReadThatStoppedEarlyLeavesTheNextToFillTheIndex() throws Exception {
        Path file = csv("id,hs_note_body\n1,a\n2,b\n1,c\n3,d\n2,e\n");
        List<NoteRow> fresh = UpdateCsv.read(file);
        try (FirstLines ids = FirstLines.open()) {
            try (UpdateCsv.Rows r = UpdateCsv.Rows.open(file, ids)) {
                r.next();
                r.next();
                r.next();
            }
            assertFalse(ids.isComplete());
            for (int read = 0; read < 2; read++) {
                List<NoteRow> rows = new ArrayList<>();
                try (UpdateCsv.Rows r = UpdateCsv.Rows.open(file, ids)) {
                    r.forEachRemaining(rows::add);
                }
                assertEquals(fresh, rows, "read " + read);
            }
        }
        assertEquals("duplicate of the row on line 2", fresh.get(2).problem());
        assertEquals("duplicate of the row on line 3", fresh.get(4).problem());
    }

    @Test
    void holdsBackRowsThatCannotBeSent() throws Exception {
        List<NoteRow> rows = UpdateCsv.read(csv(
                "hs_note_body,id\n" + "first,7\n" + "no id here,\n" + "again,7\n" + "too,many,cells\n" + "fine, 8 \n"));

        assertNull(rows.get(0).problem());
        assertEquals("no id", rows.get(1).problem());
        assertEquals("duplicate of the row on line 2", rows.get(2).problem());
        assertEquals("expected 2 cells, found 3", rows.get(3).problem());
        assertEquals("8", rows.get(4).id(), "ids are trimmed");
        assertTrue(rows.get(4).sendable());
    }

    @Test
    void refusesFilesItCannotUse() throws Exception {
        UpdateCsv.BadCsvException noId =
                assertThrows(UpdateCsv.BadCsvException.class, () -> UpdateCsv.read(csv("note_id,hs_note_body\n1,x\n")));
        assertTrue(noId.getMessage().contains("has no 'id' column"), noId.getMessage());

        UpdateCsv.BadCsvException missing =
                assertThrows(UpdateCsv.BadCsvException.class, () -> UpdateCsv.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

        UpdateCsv.BadCsvException duplicateHeader = assertThrows(
                UpdateCsv.BadCsvException.class, () -> UpdateCsv.read(csv("id,hs_note_body,hs_note_body\n1,a,b\n")));
        assertTrue(duplicateHeader.getMessage().contains("not a readable CSV"), duplicateHeader.getMessage());
    }

    @Test
    void readsSpreadsheetExportsThatStartWithAByteOrderMark() throws Exception {
        Path file = dir.resolve("export.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,hs_note_body\r\n1,a\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        Files.write(file, content);

        List<NoteRow> rows = UpdateCsv.read(file);

        assertEquals(List.of(new NoteRow(2, "1", Map.of("hs_note_body", "a"), null)), rows);
    }
}
