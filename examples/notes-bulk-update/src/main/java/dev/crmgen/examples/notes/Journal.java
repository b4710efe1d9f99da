package dev.crmgen.examples.notes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every run over one CSV has established, kept in a SQLite file so that a run that dies half way loses nothing.
 *
 * <p>One row per CSV line that got an outcome: the note id, a hash of the row's values, and its status (updated or
 * failed, which are final, or unconfirmed, which a later run sends again) with HubSpot's reason. Each batch request's
 * outcomes are written in one transaction, in WAL mode: after a crash the journal holds exactly the requests whose
 * outcomes were committed, and anything else is simply sent again (updates are idempotent).
 *
 * <p>A file is used only when it is a SQLite database carrying our format marker and version; anything else is
 * refused and never written to.
 */
final class Journal implements AutoCloseable {
    static final String FORMAT = "crmgen-notes-bulk-update-journal";
    static final String VERSION = "1";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The journal cannot be used; the message says why and what to do. */
    static final class JournalException extends Exception {
        private static final long serialVersionUID = 1L;

        JournalException(String message) {
            super(message);
        }
    }

    /** What the journal holds for one CSV line. */
    record Entry(long line, String id, String hash, RowOutcome.Status status, String category, String reason) {
        boolean confirmed() {
            return status != RowOutcome.Status.UNCONFIRMED;
        }
    }

    private final Path file;
    private final Connection db;
    private final PreparedStatement lookup;
    private final PreparedStatement upsert;
    private final int run;

    private Journal(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        this.lookup = db.prepareStatement(
                "SELECT note_id, row_hash, status, category, reason FROM row_outcome WHERE line = ?");
        this.upsert = db.prepareStatement("INSERT OR REPLACE INTO row_outcome"
                + " (line, note_id, row_hash, status, category, reason, run) VALUES (?, ?, ?, ?, ?, ?, ?)");
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO journal_run (started) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
            try (ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                this.run = rs.getInt(1);
            }
        }
    }

    /**
     * Opens the journal at {@code file}, creating it when there is no file there.
     *
     * @throws JournalException when the file is not a SQLite database, or one without our marker and version
     */
    static Journal open(Path file) throws JournalException {
        boolean exists = Files.exists(file);
        if (exists) {
            checkSqliteHeader(file);
        }
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                if (exists) {
                    checkMarker(file, db);
                } else {
                    create(db);
                }
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    // Durable across a crash of this process (the case that matters); a power cut may lose the last
                    // transactions, whose rows are then simply sent again.
                    s.execute("PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA busy_timeout=10000");
                }
                return new Journal(file, db);
            } catch (SQLException | JournalException e) {
                db.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException(file + ": the journal cannot be opened: " + e.getMessage());
        }
    }

    /** Deletes the journal at {@code file} (with its WAL files) if it is one of ours; refuses any other file. */
    static void discard(Path file) throws JournalException {
        if (!Files.exists(file)) {
            return;
        }
        checkSqliteHeader(file);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            checkMarker(file, db);
        } catch (SQLException e) {
            throw new JournalException(file + ": not a readable journal: " + e.getMessage());
        }
        try {
            for (String suffix : List.of("-wal", "-shm", "")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new JournalException(file + ": the old journal cannot be removed: " + e.getMessage());
        }
    }

    private static void checkSqliteHeader(Path file) throws JournalException {
        byte[] head = new byte[SQLITE_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new JournalException(file + ": the journal cannot be read: " + e.getMessage());
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new JournalException(file + " exists and is not a notes-bulk-update journal (not a SQLite "
                    + "database); it was left untouched. Choose another file with --journal.");
        }
    }

    private static void checkMarker(Path file, Connection db) throws SQLException, JournalException {
        Map<String, String> meta = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet tables = s.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'journal_meta'")) {
            if (tables.next()) {
                try (Statement m = db.createStatement();
                        ResultSet rs = m.executeQuery("SELECT key, value FROM journal_meta")) {
                    while (rs.next()) {
                        meta.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        if (!FORMAT.equals(meta.get("format"))) {
            throw new JournalException(file + " is a SQLite database but not a notes-bulk-update journal (no '" + FORMAT
                    + "' marker); it was left untouched. Choose another file with --journal.");
        }
        if (!VERSION.equals(meta.get("version"))) {
            throw new JournalException(file + " is a notes-bulk-update journal of version " + meta.get("version")
                    + "; this program reads version " + VERSION + ". It was left untouched.");
        }
    }

    private static void create(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("CREATE TABLE journal_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.executeUpdate(
                    "INSERT INTO journal_meta VALUES ('format', '" + FORMAT + "'), ('version', '" + VERSION + "')");
            s.executeUpdate("CREATE TABLE journal_run (run INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL)");
            s.executeUpdate(
                    "CREATE TABLE row_outcome (line INTEGER PRIMARY KEY, note_id TEXT NOT NULL,"
                            + " row_hash TEXT NOT NULL, status TEXT NOT NULL, category TEXT, reason TEXT, run INTEGER NOT NULL)");
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** This run's number: 1 for the first run over the journal. */
    int run() {
        return run;
    }

    Path file() {
        return file;
    }

    /** What the journal holds for {@code line}, or null. */
    synchronized Entry entry(long line) {
        try {
            lookup.setLong(1, line);
            try (ResultSet rs = lookup.executeQuery()) {
                return rs.next() ? entry(line, rs, 1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": the journal cannot be read: " + e.getMessage(), e);
        }
    }

    /** Records outcomes in one transaction: once it returns they survive a crash of this process. */
    synchronized void record(List<RowOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try {
            db.setAutoCommit(false);
            try {
                for (RowOutcome o : outcomes) {
                    upsert.setLong(1, o.row().line());
                    upsert.setString(2, o.row().id());
                    upsert.setString(3, hash(o.row()));
                    upsert.setString(4, o.status().name());
                    upsert.setString(5, o.category());
                    upsert.setString(6, o.reason());
                    upsert.setInt(7, run);
                    upsert.addBatch();
                }
                upsert.executeBatch();
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": the journal cannot be written: " + e.getMessage(), e);
        }
    }

    /** Every entry, in line order (for summaries and the failures CSV; streamed, not held). */
    synchronized void forEach(Consumer<Entry> action) {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT line, note_id, row_hash, status, category, reason FROM row_outcome ORDER BY line")) {
            while (rs.next()) {
                action.accept(entry(rs.getLong(1), rs, 2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": the journal cannot be read: " + e.getMessage(), e);
        }
    }

    private static Entry entry(long line, ResultSet rs, int first) throws SQLException {
        return new Entry(
                line,
                rs.getString(first),
                rs.getString(first + 1),
                RowOutcome.Status.valueOf(rs.getString(first + 2)),
                rs.getString(first + 3),
                rs.getString(first + 4));
    }

    /** A hash of what the row asks for (id and non-empty cells by column name), to notice a changed CSV. */
    static String hash(NoteRow row) {
        return hash(row.id(), row.properties());
    }

    /** The same hash over an id and property values, e.g. as the sandbox recorded them. */
    static String hash(String id, Map<String, String> properties) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, id);
            properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                update(sha, e.getKey());
                update(sha, e.getValue());
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Length-prefixed, so that no two different rows feed the same bytes. */
    private static void update(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    @Override
    public synchronized void close() {
        try {
            lookup.close();
            upsert.close();
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": the journal cannot be closed: " + e.getMessage(), e);
        }
    }
}
