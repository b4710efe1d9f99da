package dev.crmgen.examples.notes;

import java.io.IOException;
import java.io.Writer;
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
        List<RowOutcome> notUpdated = new ArrayList<>();
        Set<String> properties = new LinkedHashSet<>();
        for (RowOutcome o : outcomes) {
            if (o.status() != RowOutcome.Status.UPDATED) {
                notUpdated.add(o);
                properties.addAll(o.row().properties().keySet());
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(properties);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (RowOutcome o : notUpdated) {
                List<String> record = new ArrayList<>(header.size());
                record.add(Long.toString(o.row().line()));
                record.add(o.row().id());
                record.add(o.status().name());
                record.add(o.category() == null ? "" : o.category());
                record.add(o.reason() == null ? "" : o.reason());
                for (String p : properties) {
                    record.add(o.row().properties().getOrDefault(p, ""));
                }
                csv.printRecord(record);
            }
        }
        return notUpdated.size();
    }
}
