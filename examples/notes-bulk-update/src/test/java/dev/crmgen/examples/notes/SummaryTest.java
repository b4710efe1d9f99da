package dev.crmgen.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.batch.BatchError;
import dev.crmgen.runtime.batch.BatchReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
    @TempDir
    Path dir;

    private static NoteRow row(long line, String id) {
        return new NoteRow(line, id, Map.of("hs_note_body", "body " + id), null);
    }

    private static List<RowOutcome> outcomes() {
        List<NoteRow> sent = List.of(row(2, "1"), row(3, "2"), row(4, "3"), row(6, "5"));
        BatchError notFound = new BatchError(
                "error",
                "OBJECT_NOT_FOUND",
                null,
                "Could not get some NOTE objects",
                Map.of("ids", List.of("2")),
                null,
                null);
        List<BatchReport.Outcome<String, String>> reported = List.of(
                new BatchReport.Succeeded<>(0, "in-1", "out-1"),
                new BatchReport.Failed<>(1, "in-2", notFound, null),
                new BatchReport.Unconfirmed<>(2, "in-3", "the connection closed", new java.io.IOException("closed")),
                new BatchReport.Succeeded<>(3, "in-5", "out-5"));
        List<RowOutcome> outcomes = new ArrayList<>(RowOutcome.fromReport(sent, new BatchReport<>(reported, 5)));
        outcomes.add(RowOutcome.notSent(new NoteRow(5, "1", Map.of(), "duplicate of the row on line 2")));
        outcomes.sort(Summary.byLine());
        return outcomes;
    }

    @Test
    void pairsReportOutcomesWithRows() {
        List<RowOutcome> outcomes = outcomes();
        assertEquals(
                List.of(2L, 3L, 4L, 5L, 6L),
                outcomes.stream().map(o -> o.row().line()).toList());
        assertEquals(RowOutcome.Status.UPDATED, outcomes.get(0).status());
        assertEquals("OBJECT_NOT_FOUND", outcomes.get(1).category());
        assertEquals(RowOutcome.Status.UNCONFIRMED, outcomes.get(2).status());
        assertEquals("IOException", outcomes.get(2).category());
        assertEquals(RowOutcome.LOCAL_CATEGORY, outcomes.get(3).category());

        BatchReport<String, String> tooShort = new BatchReport<>(List.of(new BatchReport.Succeeded<>(0, "a", "b")), 1);
        assertThrows(
                IllegalStateException.class, () -> RowOutcome.fromReport(List.of(row(2, "1"), row(3, "2")), tooShort));
    }

    @Test
    void printsAnAccountInWhichEveryRowAppears() {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("429", 0L);
        reasons.put("5xx", 2L);
        reasons.put("no response", 1L);
        Summary summary = new Summary(outcomes(), 1, 4, reasons, 2_000_000_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(5, summary.total());
        assertEquals(3, summary.retried());
        assertEquals(1.0, summary.notesPerSecond(), 1e-9);
        assertTrue(text.contains("updated              2"), text);
        assertTrue(text.contains("failed               2"), text);
        assertTrue(text.contains("      1  OBJECT_NOT_FOUND  Could not get some NOTE objects"), text);
        assertTrue(text.contains("      1  INVALID_ROW  duplicate of the row on line 2"), text);
        assertTrue(text.contains("unconfirmed          1"), text);
        assertTrue(text.contains("total                5\n"), text);
        assertTrue(
                text.contains(
                        "retried              3  HTTP requests (4 sent for 1 batches); responses that led to retries: 5xx: 2, no response: 1"),
                text);
    }

    @Test
    void failuresCsvListsEveryRowNotUpdated() throws Exception {
        Path file = dir.resolve("out/failures.csv");
        assertEquals(3, FailureCsv.write(file, outcomes()));
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file)) {
            records = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
        assertEquals(
                List.of("3", "4", "5"), records.stream().map(r -> r.get("line")).toList());
        assertEquals("FAILED", records.get(0).get("outcome"));
        assertEquals("OBJECT_NOT_FOUND", records.get(0).get("category"));
        assertEquals("body 2", records.get(0).get("hs_note_body"));
        assertEquals("UNCONFIRMED", records.get(1).get("outcome"));
        assertEquals("the connection closed", records.get(1).get("reason"));
        assertEquals("", records.get(2).get("hs_note_body"));
    }
}
