package dev.crmgen.examples.notes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of the input CSV.
 *
 * @param line the 1-based line where the row starts (the header is line 1; quoted cells may span lines)
 * @param id the note id (or unique property value with {@code --id-property}); empty when the cell was empty
 * @param properties the non-empty property cells, in column order
 * @param problem why the row cannot be sent, or null when it can
 */
record NoteRow(long line, String id, Map<String, String> properties, String problem) {
    NoteRow {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    boolean sendable() {
        return problem == null;
    }
}
