package dev.crmgen.examples.notes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the update CSV: a header row with an {@code id} column and one column per HubSpot property, then one row per
 * note. An empty cell leaves that property unchanged (HubSpot would clear it for an empty string). Rows that cannot be
 * sent (no id, wrong number of cells, an id already seen) are kept with a problem, so that the summary accounts for
 * every row.
 */
final class UpdateCsv {
    static final String ID_COLUMN = "id";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setIgnoreEmptyLines(true)
            .get();

    private UpdateCsv() {}

    /** A CSV that cannot be read at all (missing file, no id column, bad quoting). */
    static final class BadCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        BadCsvException(String message) {
            super(message);
        }
    }

    /** Reads every row into memory (small files and tests; the job streams with {@link Rows}). */
    static List<NoteRow> read(Path file) throws BadCsvException {
        try (Rows rows = Rows.open(file)) {
            List<NoteRow> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return all;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadCsvException(file + ": not a readable CSV: " + e.getMessage());
        }
    }

    /**
     * The rows of a CSV, read one at a time: memory does not grow with the file (the ids seen so far, for duplicate
     * detection, are kept in a temporary SQLite file).
     */
    static final class Rows implements Iterator<NoteRow>, AutoCloseable {
        private final Reader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private final FirstLines firstLine = FirstLines.open();
        /** The parser's line count after a record is where it ended, so the next record starts one line later. */
        private long previousEnd;

        private Rows(Reader reader, CSVParser parser, List<String> header) {
            this.reader = reader;
            this.parser = parser;
            this.header = header;
            this.records = parser.iterator();
            this.previousEnd = parser.getCurrentLineNumber();
        }

        /** Opens the file and checks its header. */
        static Rows open(Path file) throws BadCsvException {
            Reader reader = null;
            try {
                reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser parser = FORMAT.parse(reader);
                List<String> header = new ArrayList<>(parser.getHeaderNames());
                if (!header.contains(ID_COLUMN)) {
                    throw new BadCsvException(file + ": the header row " + header + " has no '" + ID_COLUMN
                            + "' column; expected for example: id,hs_note_body");
                }
                for (String name : header) {
                    if (name.isBlank()) {
                        throw new BadCsvException(file + ": the header row " + header + " has an empty column name");
                    }
                }
                return new Rows(reader, parser, header);
            } catch (NoSuchFileException e) {
                throw new BadCsvException(file + ": no such file (write a sample with --generate-sample 10000)");
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                closeQuietly(reader);
                throw new BadCsvException(file + ": not a readable CSV: " + e.getMessage());
            } catch (BadCsvException e) {
                closeQuietly(reader);
                throw e;
            }
        }

        /** The header's column names, {@code id} included. */
        List<String> header() {
            return header;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public NoteRow next() {
            NoteRow row = row(records.next(), previousEnd + 1, header, firstLine);
            previousEnd = parser.getCurrentLineNumber();
            return row;
        }

        @Override
        public void close() {
            try {
                closeQuietly(reader);
            } finally {
                firstLine.close();
            }
        }

        private static void closeQuietly(Reader reader) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    // Only read from: nothing is lost.
                }
            }
        }
    }

    /** Spreadsheet exports (Excel's "CSV UTF-8") start with a byte-order mark; it is not part of the first name. */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static NoteRow row(CSVRecord record, long line, List<String> header, FirstLines firstLine) {
        if (!record.isConsistent()) {
            String id = record.size() > 0 ? record.get(0).trim() : "";
            return new NoteRow(line, id, Map.of(), "expected " + header.size() + " cells, found " + record.size());
        }
        String id = record.get(ID_COLUMN).trim();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : header) {
            String value = record.get(name);
            if (!name.equals(ID_COLUMN) && !value.isEmpty()) {
                properties.put(name, value);
            }
        }
        if (id.isEmpty()) {
            return new NoteRow(line, id, properties, "no id");
        }
        long earlier = firstLine.putIfAbsent(id, line);
        if (earlier != 0) {
            // HubSpot refuses a whole batch that names an id twice, so a repeat is held back here.
            return new NoteRow(line, id, properties, "duplicate of the row on line " + earlier);
        }
        return new NoteRow(line, id, properties, null);
    }
}
