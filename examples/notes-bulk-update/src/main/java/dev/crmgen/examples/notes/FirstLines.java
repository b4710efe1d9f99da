package dev.crmgen.examples.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first CSV line of each note id, for duplicate detection over millions of rows without holding them on the heap:
 * a private SQLite file in the temporary directory, deleted on close. Nothing in it needs to survive a crash, so it
 * is written without a rollback journal or syncs, in long transactions.
 */
final class FirstLines implements AutoCloseable {
    /** Rows per transaction: large enough that commits cost nothing, small enough that the cache stays small. */
    private static final int ROWS_PER_COMMIT = 50_000;

    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement lookup;
    private int uncommitted;

    private FirstLines(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE TABLE first_line (note_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID");
        }
        db.setAutoCommit(false);
        this.insert = db.prepareStatement("INSERT OR IGNORE INTO first_line (note_id, line) VALUES (?, ?)");
        this.lookup = db.prepareStatement("SELECT line FROM first_line WHERE note_id = ?");
    }

    /** A new, empty index in a fresh temporary file. */
    static FirstLines open() {
        Path file = null;
        try {
            file = Files.createTempFile("crmgen-csv-ids-", ".db");
            return new FirstLines(file, DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the duplicate-id index: " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(file);
            throw new IllegalStateException(
                    "cannot create the duplicate-id index in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records {@code line} for {@code id} unless it was seen; returns the earlier line, or 0 (lines start at 1). */
    long putIfAbsent(String id, long line) {
        try {
            insert.setString(1, id);
            insert.setLong(2, line);
            if (insert.executeUpdate() == 1) {
                if (++uncommitted >= ROWS_PER_COMMIT) {
                    db.commit();
                    uncommitted = 0;
                }
                return 0;
            }
            lookup.setString(1, id);
            try (ResultSet rs = lookup.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the duplicate-id index in " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // Only a private scratch file: deleting it below is all that matters.
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
