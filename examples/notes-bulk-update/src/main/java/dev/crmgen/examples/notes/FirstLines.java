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
 *
 * <p>The job reads its CSV several times (to plan, to send, to account for every row). The first whole read fills the
 * index and also lists the repeated rows by line; the later reads only walk that list alongside the rows
 * ({@link #repeats()}), without a lookup per row.
 */
final class FirstLines implements AutoCloseable {
    /** Rows per transaction: large enough that commits cost nothing, small enough that the cache stays small. */
    private static final int ROWS_PER_COMMIT = 50_000;

    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement lookup;
    private final PreparedStatement insertRepeat;
    private int uncommitted;
    /** Whether every row of the file has been through {@link #putIfAbsent}. */
    private boolean complete;

    private FirstLines(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE TABLE first_line (note_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID");
            s.execute("CREATE TABLE repeat (line INTEGER PRIMARY KEY, first_line INTEGER NOT NULL)");
        }
        db.setAutoCommit(false);
        this.insert = db.prepareStatement("INSERT OR IGNORE INTO first_line (note_id, line) VALUES (?, ?)");
        this.lookup = db.prepareStatement("SELECT line FROM first_line WHERE note_id = ?");
        this.insertRepeat = db.prepareStatement("INSERT OR IGNORE INTO repeat (line, first_line) VALUES (?, ?)");
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

    /**
     * Records {@code line} for {@code id} unless it was seen; returns the earlier line, or 0 (lines start at 1). Lines
     * come in increasing order.
     */
    long putIfAbsent(String id, long line) {
        if (complete) {
            throw new IllegalStateException("the index is complete: read it through repeats()");
        }
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
            long first;
            lookup.setString(1, id);
            try (ResultSet rs = lookup.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
            }
            if (first == line) {
                // This very row, recorded by an earlier read that stopped before the end.
                return 0;
            }
            insertRepeat.setLong(1, line);
            insertRepeat.setLong(2, first);
            insertRepeat.executeUpdate();
            return first;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Marks the file as read whole: from now on rows are told apart by {@link #repeats()}. */
    void complete() {
        try {
            db.commit();
            uncommitted = 0;
            complete = true;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Whether the whole file went through {@link #putIfAbsent}. */
    boolean isComplete() {
        return complete;
    }

    /** A walk over the repeated rows in line order, for one more read of the same file. */
    Repeats repeats() {
        if (!complete) {
            throw new IllegalStateException("the index is still being filled");
        }
        try {
            Statement s = db.createStatement();
            return new Repeats(s, s.executeQuery("SELECT line, first_line FROM repeat ORDER BY line"));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The repeated rows of a complete index, asked about in increasing line order. */
    final class Repeats implements AutoCloseable {
        private final Statement statement;
        private final ResultSet rows;
        /** The next repeated row's line and its id's first line; MAX_VALUE once none is left. */
        private long nextLine;

        private long nextFirstLine;

        private Repeats(Statement statement, ResultSet rows) throws SQLException {
            this.statement = statement;
            this.rows = rows;
            advance();
        }

        /** The first line of the id on {@code line} when that row repeats an earlier one, else 0. */
        long earlierLine(long line) {
            try {
                while (nextLine < line) {
                    advance();
                }
                return nextLine == line ? nextFirstLine : 0;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private void advance() throws SQLException {
            if (rows.next()) {
                nextLine = rows.getLong(1);
                nextFirstLine = rows.getLong(2);
            } else {
                nextLine = Long.MAX_VALUE;
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                // A read-only cursor over a scratch file: nothing to lose.
            }
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the duplicate-id index in " + file + " failed: " + e.getMessage(), e);
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
