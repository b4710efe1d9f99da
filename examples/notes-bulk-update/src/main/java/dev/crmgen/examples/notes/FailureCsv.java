package dev.crmgen.examples.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the rows that were not updated, in file order: where they came from, what happened, and their values,
 * so they can be fixed and sent again.
 */
final class FailureCsv {
    static final List<String> COLUMNS = List.of("line", "id", "outcome", "category", "reason");

    private FailureCsv() {}

    /** Writes every failed or unconfirmed row and returns how many; writes just the header when there are none. */
    static int write(Path file, List<RowOutcome> outcomes) throws IOException {
        Set<String> properties = new LinkedHashSet<>();
        for (RowOutcome o : outcomes) {
            if (o.status() != RowOutcome.Status.UPDATED) {
                properties.addAll(o.row().properties().keySet());
            }
        }
        try (Writer writer = new Writer(file, List.copyOf(properties))) {
            outcomes.forEach(writer::add);
            return writer.written();
        }
    }

    /** Writes rows as they come, keeping none: the header names {@code properties}, the columns written. */
    static final class Writer implements AutoCloseable {
        private final List<String> properties;
        private final CSVPrinter csv;
        private int written;

        Writer(Path file, List<String> properties) throws IOException {
            this.properties = properties;
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.csv = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.RFC4180);
            List<String> header = new ArrayList<>(COLUMNS);
            header.addAll(properties);
            csv.printRecord(header);
        }

        /** Writes the row unless it was updated. */
        void add(RowOutcome o) {
            if (o.status() == RowOutcome.Status.UPDATED) {
                return;
            }
            List<String> record = new ArrayList<>(COLUMNS.size() + properties.size());
            record.add(Long.toString(o.row().line()));
            record.add(o.row().id());
            record.add(o.status().name());
            record.add(o.category() == null ? "" : o.category());
            record.add(o.reason() == null ? "" : o.reason());
            for (String p : properties) {
                record.add(o.row().properties().getOrDefault(p, ""));
            }
            try {
                csv.printRecord(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written++;
        }

        int written() {
            return written;
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
