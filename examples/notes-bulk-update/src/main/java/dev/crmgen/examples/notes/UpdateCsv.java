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
        /** The index of ids this read fills, or null when an earlier whole read filled it. */
        private final FirstLines filling;
        /** The repeated rows an earlier whole read found, or null while this read fills the index. */
        private final FirstLines.Repeats repeats;
        /** This read's own index, closed with it; null when the caller's index is used. */
        private final FirstLines own;
        /** The parser's line count after a record is where it ended, so the next record starts one line later. */
        private long previousEnd;

        private Rows(Reader reader, CSVParser parser, List<String> header, FirstLines ids, boolean ownsIds) {
            this.reader = reader;
            this.parser = parser;
            this.header = header;
            this.records = parser.iterator();
            this.previousEnd = parser.getCurrentLineNumber();
            this.own = ownsIds ? ids : null;
            if (ids.isComplete()) {
                this.filling = null;
                this.repeats = ids.repeats();
            } else {
                this.filling = ids;
                this.repeats = null;
            }
        }

        /** Opens the file and checks its header; duplicate ids are told by an index of this read's own. */
        static Rows open(Path file) throws BadCsvException {
            FirstLines ids = FirstLines.open();
            try {
                return open(file, ids, true);
            } catch (BadCsvException | RuntimeException e) {
                ids.close();
                throw e;
            }
        }

        /**
         * Opens the file and checks its header. The first whole read of the file fills {@code ids}; a later read only
         * walks the repeated rows it found. The caller closes {@code ids}, and the file must not change in between.
         */
        static Rows open(Path file, FirstLines ids) throws BadCsvException {
            return open(file, ids, false);
        }

        private static Rows open(Path file, FirstLines ids, boolean ownsIds) throws BadCsvException {
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
                return new Rows(reader, parser, header, ids, ownsIds);
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
            boolean more = records.hasNext();
            if (!more && filling != null && !filling.isComplete()) {
                filling.complete();
            }
            return more;
        }

        @Override
        public NoteRow next() {
            CSVRecord record = records.next();
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            return row(record, line, header, this::earlierLine);
        }

        private long earlierLine(String id, long line) {
            return filling != null ? filling.putIfAbsent(id, line) : repeats.earlierLine(line);
        }

        @Override
        public void close() {
            try {
                closeQuietly(reader);
            } finally {
                if (repeats != null) {
                    repeats.close();
                }
                if (own != null) {
                    own.close();
                }
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

    /** Where a row's id was seen first. */
    @FunctionalInterface
    private interface EarlierLine {
        /** The line that first held {@code id} when it is not {@code line}, else 0. */
        long of(String id, long line);
    }

    private static NoteRow row(CSVRecord record, long line, List<String> header, EarlierLine earlierLine) {
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
        long earlier = earlierLine.of(id, line);
        if (earlier != 0) {
            // HubSpot refuses a whole batch that names an id twice, so a repeat is held back here.
            return new NoteRow(line, id, properties, "duplicate of the row on line " + earlier);
        }
        return new NoteRow(line, id, properties, null);
    }
}
