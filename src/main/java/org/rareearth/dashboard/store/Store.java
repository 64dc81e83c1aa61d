package org.rareearth.dashboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;

/**
 * The store: a local SQLite file the analyst owns, or a database on a PostgreSQL server a team shares
 * ({@link StoreLocation}). A SQLite file is opened in WAL mode with foreign keys on and a
 * busy timeout, and migrated forward (after copying an existing file to {@code backups/}); a PostgreSQL database
 * gets the same migrations ({@link PostgresStores}). Work runs in transactions. Writes go one at a time through one connection; reads go through a second,
 * read-only one, each in its own snapshot (WAL lets it read while a write is under way), so a screen's read never
 * waits for a long import or download to finish. This package is the only code that speaks SQL.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** How long a write waits for another program's write to finish (system property to shorten it in tests). */
    public static final int BUSY_TIMEOUT_MS = Integer.getInteger("rare-earth-dashboard.busy-timeout-ms", 10_000);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StoreLocation location;
    /** The file of a SQLite store; null for a PostgreSQL one. */
    private final Path path;
    /** The write connection; a PostgreSQL store connects again after losing it (the server went away). */
    private Connection connection;
    /** How a PostgreSQL store's connections log in (user, and PGPASSWORD's password if set); null for SQLite. */
    private final java.util.Properties login;
    /** Reads' own connection, opened at the first read; guarded by {@link #readLock}. */
    private Connection reader;
    private final Object readLock = new Object();
    private volatile boolean closed;
    private final boolean created;
    /**
     * A PostgreSQL store that no write has committed to since its schema was made: the next write marks it filled
     * in its own transaction.
     */
    private volatile boolean unfilled;
    private final Path migrationBackup;

    private Store(StoreLocation location, Connection connection, boolean created, Path migrationBackup,
                  java.util.Properties login) {
        this.location = location;
        this.path = location instanceof StoreLocation.SqliteFile f ? f.path() : null;
        this.connection = connection;
        this.created = created;
        this.unfilled = created && location instanceof StoreLocation.Postgres;
        this.migrationBackup = migrationBackup;
        this.login = login;
    }

    /** The schema version this build of the app writes. */
    public static int latestSchemaVersion() {
        List<Migration> all = Migration.bundled();
        return all.get(all.size() - 1).version();
    }

    public static Store open(Path path) {
        return open(path, Migration.bundled());
    }

    /** Opens a store file or a PostgreSQL database; a PostgreSQL password comes from {@code PGPASSWORD} if set. */
    public static Store open(StoreLocation location) {
        return open(location, System.getenv());
    }

    /** As {@link #open(StoreLocation)}, with the environment it reads {@code PGUSER} and {@code PGPASSWORD} from. */
    public static Store open(StoreLocation location, java.util.Map<String, String> env) {
        if (location instanceof StoreLocation.Postgres pg) {
            return open(pg, env, Migration.bundled());
        }
        return open(((StoreLocation.SqliteFile) location).path());
    }

    /** A PostgreSQL store taken to the last of {@code migrations} (tests make older schemas with fewer). */
    static Store open(StoreLocation.Postgres pg, java.util.Map<String, String> env, List<Migration> migrations) {
        return PostgresStores.open(pg, env, migrations, (c, created) -> {
            Store s = new Store(pg, c, created, null, pg.connectionProperties(env));
            s.writerPid = PostgresStores.pid(c);
            return s;
        });
    }

    static Store open(Path path, List<Migration> migrations) {
        Path file = path.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new StoreException("Store " + file + " is a folder, not a database file.");
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for store " + file + ": " + e.getMessage(), e);
        }
        boolean existed = Files.exists(file) && sizeOf(file) > 0;
        Connection c;
        try {
            c = sqlite("jdbc:sqlite:" + file, new java.util.Properties());
        } catch (SQLException e) {
            throw new StoreException("Cannot open store " + file + ": " + whyNotOpened(e), e);
        }
        try {
            configure(c, file);
            int latest = migrations.get(migrations.size() - 1).version();
            int version = userVersion(c);
            if (version > latest) {
                throw new StoreException("Store " + file + " was written by a newer version of Rare Earth Dashboard"
                        + " (schema " + version + "; this version knows up to " + latest + "). It was left unchanged.");
            }
            if (version == 0 && existed && hasTables(c)) {
                throw new StoreException("File " + file + " is a SQLite database but not a Rare Earth Dashboard store"
                        + " (no schema version). It was left unchanged.");
            }
            Path backup = null;
            if (version > 0 && version < latest) {
                backup = backupBeforeMigration(c, file, version);
            }
            for (Migration m : migrations) {
                if (m.version() > version) {
                    apply(c, m);
                }
            }
            return new Store(new StoreLocation.SqliteFile(file), c, version == 0, backup, null);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(file, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Page size of new stores. Price bars are most of a store and go in by the million; with 64 KiB pages SQLite
     * takes about half the time it takes with its default 4 KiB to insert a million of them (fewer pages to
     * split, fill and log; BENCHMARKS.md), and a security's bars are read in fewer, larger pages. Existing stores
     * keep the size they were made with.
     */
    static final int PAGE_SIZE = 65536;

    private static void configure(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            // Reading the header first makes a file that is not a database fail here, before anything is written.
            s.executeQuery("PRAGMA schema_version").close();
            // Takes effect only on a new, empty file (its first write fixes it): see PAGE_SIZE.
            s.execute("PRAGMA page_size = " + PAGE_SIZE);
            wal(s, file);
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /**
     * WAL mode, with a commit synced at the checkpoint rather than at every commit (durable when the store closes);
     * a store left in another mode is said in the log.
     */
    private static void wal(Statement s, Path file) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = rs.next() ? rs.getString(1) : "?";
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("Store {} runs in journal mode {} instead of WAL", file, mode);
            }
        }
        s.execute("PRAGMA synchronous = NORMAL");
    }

    private static StoreException translate(Path file, SQLException e) {
        int code = e.getErrorCode();
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new StoreException("File " + file + " is not a Rare Earth Dashboard store or is damaged ("
                    + e.getMessage() + "). It was left unchanged.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new StoreException("Store " + file + " cannot be written (" + e.getMessage() + ").", e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreException("Store " + file + " is locked by another program (" + e.getMessage() + ").", e);
        }
        return new StoreException("Store " + file + ": " + e.getMessage(), e);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static Path backupBeforeMigration(Connection c, Path file, int version) throws SQLException {
        Path target = file.resolveSibling("backups").resolve(stripDb(file.getFileName().toString())
                + "-schema-v" + version + "-" + LocalDateTime.now().format(STAMP) + ".db");
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new StoreException("Cannot create the backup folder " + target.getParent()
                    + "; the store was not migrated: " + e.getMessage(), e);
        }
        onlineBackup(c, target);
        LOG.info("Copied store {} to {} before migrating from schema {}", file, target, version);
        return target;
    }

    private static String stripDb(String name) {
        return name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    }

    private static void onlineBackup(Connection c, Path target) throws SQLException {
        String name = target.toAbsolutePath().toString();
        if (name.contains("\"")) {
            throw new StoreException("A backup path cannot contain a double quote: " + name);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("backup to \"" + name + "\"");
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = " + m.version());
            c.commit();
            LOG.info("Migrated store to schema {} ({})", m.version(), m.description());
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * A SQLite connection from the driver itself, not through DriverManager, whose first use loads every driver on
     * the class path (the PostgreSQL one too) into a start that needs none of them.
     */
    static Connection sqlite(String url, java.util.Properties p) throws SQLException {
        return new org.sqlite.JDBC().connect(url, p);
    }

    /** Why the driver could not open a connection: its native library, named with the places searched, or its word. */
    private static String whyNotOpened(SQLException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.NativeLibraryNotFoundException || t instanceof LinkageError) {
                return "SQLite's native library could not be loaded (" + t.getMessage() + ")";
            }
        }
        return e.getMessage();
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }

    /**
     * The store's file. A PostgreSQL store has none: ask {@link #location()} (and {@link #isPostgres()}) first;
     * this refuses with a message naming the server.
     */
    public Path path() {
        if (path == null) {
            throw new StoreException("The store " + location.display() + " is a PostgreSQL database, not a file.");
        }
        return path;
    }

    /** Where the store lives. */
    public StoreLocation location() {
        return location;
    }

    /**
     * True when this user may change the store: a SQLite file that can be written; on PostgreSQL, a role that may
     * insert, update and delete in the store's tables, on a server that is not a read-only standby. A store that
     * cannot be written still opens, for reading.
     */
    public boolean canWrite() {
        if (path != null) {
            return !Files.exists(path) || Files.isWritable(path);
        }
        return read(PostgresStores::canWrite);
    }

    /** True for a store on a PostgreSQL server. */
    public boolean isPostgres() {
        return location instanceof StoreLocation.Postgres;
    }

    private StoreException translate(SQLException e) {
        return path == null ? PostgresStores.translate((StoreLocation.Postgres) location, e) : translate(path, e);
    }

    /**
     * True when this open created the store (it had no schema before), or found a PostgreSQL store whose making
     * was cut off before anything was written to it.
     */
    public boolean wasCreated() {
        return created;
    }

    /**
     * Fills a store this open created ({@link #wasCreated}) with {@code work}, in one write transaction. On
     * PostgreSQL, where two starts may open a new team store at once, only the first fills it: for the other the
     * store is filled by then, and this returns null without running {@code work}. Null too for a store that was
     * not created by this open.
     */
    public synchronized <T> T fillNew(Work<T> work) {
        if (!created) {
            return null;
        }
        return write(c -> path != null || PostgresStores.claimUnfilled(c) ? work.run(c) : null);
    }

    /** The copy taken before this open migrated an existing store, if it did. */
    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(migrationBackup);
    }

    public synchronized int schemaVersion() {
        if (path == null) {
            return read(PostgresStores::version);
        }
        try {
            return userVersion(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Copies the whole store, consistently, to {@code target} with SQLite's online backup: to a temporary file
     * first, moved into place when complete, so an existing file there is replaced whole or not at all.
     */
    public synchronized void backupTo(Path target) {
        refuseOnPostgres("A file backup");
        Path abs = target.toAbsolutePath().normalize();
        if (abs.equals(path)) {
            throw new StoreException("A backup cannot overwrite the store itself (" + abs + ").");
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial");
        try {
            Files.createDirectories(abs.getParent());
            Files.deleteIfExists(tmp);
            onlineBackup(connection, tmp);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw translate(path, e);
        } catch (IOException e) {
            throw new StoreException("Cannot write the backup " + abs + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /**
     * Checks that {@code file} is a whole Rare Earth Dashboard store this version can read: a SQLite database that
     * passes {@code PRAGMA integrity_check} with a known schema version. Returns its schema version.
     */
    public static int checkBackup(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new StoreException("Backup " + abs + " does not exist.");
        }
        try (Connection c = sqlite("jdbc:sqlite:file:" + abs + "?mode=ro", readOnly())) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String result = rs.next() ? rs.getString(1) : "";
                if (!"ok".equals(result)) {
                    throw new StoreException("Backup " + abs + " is damaged (integrity check: " + result
                            + "); nothing was restored.");
                }
            }
            int version = userVersion(c);
            if (version < 1 || !hasTables(c)) {
                throw new StoreException("File " + abs + " is not a Rare Earth Dashboard store; nothing was restored.");
            }
            if (version > latestSchemaVersion()) {
                throw new StoreException("Backup " + abs + " was written by a newer version of the app (schema "
                        + version + "); nothing was restored.");
            }
            return version;
        } catch (SQLException e) {
            throw new StoreException("Backup " + abs + " cannot be read as a store (" + e.getMessage()
                    + "); nothing was restored.", e);
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        return p;
    }

    /**
     * Replaces the content of this store with a checked backup, using SQLite's online restore (all pages or
     * none). A copy of the current content is kept in {@code backups/} first; returns where.
     */
    public synchronized Path restoreFrom(Path backup) {
        refuseOnPostgres("Restoring from a file backup");
        Path abs = backup.toAbsolutePath().normalize();
        checkBackup(abs);
        if (abs.equals(path)) {
            throw new StoreException("A store cannot be restored from itself.");
        }
        Path safety = path.resolveSibling("backups").resolve(stripDb(path.getFileName().toString())
                + "-before-restore-" + LocalDateTime.now().format(STAMP) + ".db");
        backupTo(safety);
        if (abs.toString().contains("\"")) {
            throw new StoreException("A backup path cannot contain a double quote: " + abs);
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("restore from \"" + abs + "\"");
        } catch (SQLException e) {
            throw translate(e);
        }
        committed();
        return safety;
    }

    private void refuseOnPostgres(String what) {
        if (path == null) {
            throw new StoreException(what + " is for SQLite store files; " + location.display() + " is a PostgreSQL"
                    + " database, which its server backs up (pg_dump). Export a dataset JSON instead.");
        }
    }

    /** Work that uses the connection; any exception rolls the transaction back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs after every committed write (and restore), on the writing thread; keep it short. */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
    }

    public void removeCommitListener(Runnable listener) {
        commitListeners.remove(listener);
    }

    private final java.util.List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** How often a SQLite store looks for another program's commit, and a PostgreSQL one waits for a notice. */
    static final long WATCH_MS = Long.getLong("rare-earth-dashboard.watch-ms", 500);

    private final java.util.List<java.util.function.Consumer<String>> externalListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private Thread watcher;

    /**
     * Runs {@code listener}, on a watching thread, after a commit made elsewhere: by another connection to a SQLite
     * file (another program, or another copy of the app; {@code PRAGMA data_version}) or by another client of a
     * PostgreSQL store (LISTEN/NOTIFY). It gets a short note of who changed the store. The first listener starts
     * the watching: its starting point is taken before this returns (on SQLite the store's version, on PostgreSQL
     * the LISTEN), so every later commit elsewhere is told; call it off the FX thread. The watching ends when the
     * store is closed.
     */
    public synchronized void onExternalChange(java.util.function.Consumer<String> listener) {
        externalListeners.add(listener);
        if (watcher != null || closed) {
            return;
        }
        Runnable watch;
        if (path == null) {
            Connection listen = null;
            try {
                listen = listen();
            } catch (SQLException e) {
                LOG.warn("Cannot listen for changes to {} yet; trying again", location.display(), e);
            }
            Connection first = listen;
            watch = () -> watchPostgres(first);
        } else {
            long start;
            try {
                start = dataVersion();
            } catch (SQLException e) {
                throw translate(e);
            }
            watch = () -> watchSqlite(start);
        }
        watcher = new Thread(watch, "store-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void changedElsewhere(String note) {
        for (java.util.function.Consumer<String> l : externalListeners) {
            try {
                l.accept(note);
            } catch (RuntimeException e) {
                LOG.warn("A listener of store changes failed", e);
            }
        }
    }

    /** {@code PRAGMA data_version} on the write connection changes only when another connection commits. */
    private synchronized long dataVersion() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void watchSqlite(long start) {
        long last = start;
        while (!closed) {
            try {
                Thread.sleep(WATCH_MS);
                long v;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    v = dataVersion();
                }
                if (v != last) {
                    changedElsewhere("the store was changed by another program");
                }
                last = v;
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                LOG.debug("Watching the store for changes failed once", e);
            }
        }
    }

    private Connection listen() throws SQLException {
        Connection c = PostgresStores.connect((StoreLocation.Postgres) location, login);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + PostgresStores.CHANNEL);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private void watchPostgres(Connection first) {
        Connection listen = first;
        while (!closed) {
            try {
                if (listen == null) {
                    sleepQuietly();
                    if (closed) {
                        break;
                    }
                    listen = listen();
                    // Commits made while nobody listened were not announced: read again.
                    changedElsewhere("the store may have changed while its server was out of reach");
                }
                for (String note : PostgresStores.notices(listen, (int) WATCH_MS, writerPid)) {
                    changedElsewhere(note);
                }
            } catch (SQLException e) {
                if (closed) {
                    break;
                }
                LOG.debug("Listening for changes to {} failed; connecting again", location.display(), e);
                if (listen != null) {
                    closeQuietly(listen);
                    listen = null;
                }
            }
        }
        if (listen != null) {
            closeQuietly(listen);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(Math.max(WATCH_MS, 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server process of this store's write connection (PostgreSQL), whose own notices are not news. */
    private volatile int writerPid = -1;

    private void committed() {
        for (Runnable r : commitListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Store.class).warn("A listener of store changes failed", e);
            }
        }
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}, so a second writer waits for the
     * busy timeout instead of failing half-way). Everything or nothing is written.
     */
    public synchronized <T> T write(Work<T> work) {
        return write(work, false);
    }

    /**
     * Runs {@code work} in one write transaction, as {@link #write}, without SQLite's foreign-key check on every
     * row: for a bulk load whose work takes every key it refers to from the store inside the same transaction,
     * and checks those keys once itself before it returns (the price import: {@link PriceBarWriter#finish}).
     * The check of each row against its security was about a tenth of a 1,000,000-row import (BENCHMARKS.md).
     * The checks are on again for every other write, whether this one commits or not. A PostgreSQL store keeps
     * its checks: turning them off there needs a superuser, and other tools may write to a team store.
     */
    public synchronized <T> T writeBulk(Work<T> work) {
        return write(work, path != null);
    }

    /**
     * Runs {@code work} as {@link #writeBulk}, for a program that has the store to itself while the work runs (a
     * price import from the command line). Where no other connection has the file open, this store's own reads
     * included, the write goes through SQLite's rollback journal instead of the WAL, with the commit synced to disk
     * ({@code synchronous = FULL}, as durable as the WAL's commit and the checkpoint at close together). The new
     * pages are then written once, to the store file, instead of to the WAL and again at the checkpoint: 3-6%
     * of a 1,000,000-row import (BENCHMARKS.md). A program that opens the store meanwhile waits for the write to end
     * (the busy timeout). Where another connection has the file open, the write goes through the WAL as
     * {@link #writeBulk}'s, without waiting. The store is in WAL mode again when this returns, whether the work
     * committed or not; a crash in between leaves a journal that SQLite rolls back at the next opening. A
     * PostgreSQL store: as {@link #writeBulk}.
     */
    public synchronized <T> T writeBulkAlone(Work<T> work) {
        if (path == null || !rollbackJournal()) {
            return writeBulk(work);
        }
        try {
            return writeBulk(work);
        } finally {
            walAgain();
        }
    }

    /**
     * Puts the store in rollback-journal mode with every commit synced, if no other connection has it open; true if
     * it did.
     */
    private boolean rollbackJournal() {
        try (Statement s = connection.createStatement()) {
            String mode = "?";
            s.execute("PRAGMA busy_timeout = 0"); // open elsewhere: the WAL at once, not after the busy timeout
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = DELETE")) {
                mode = rs.next() ? rs.getString(1) : mode;
            } catch (SQLException refused) { // SQLITE_BUSY: another connection has the store open
                LOG.debug("{} stays in WAL mode for the bulk write ({})", path, refused.getMessage());
            } finally {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            if (!"delete".equalsIgnoreCase(mode)) {
                return false;
            }
            s.execute("PRAGMA synchronous = FULL");
            return true;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void walAgain() {
        try (Statement s = connection.createStatement()) {
            wal(s, path);
        } catch (SQLException e) {
            LOG.warn("Store {} could not go back to WAL mode; its next opening does it", path, e);
        }
    }

    /** True while the write connection's foreign-key checks are off (a bulk write could not turn them on). */
    private boolean foreignKeyChecksOff;

    private <T> T write(Work<T> work, boolean withoutForeignKeyChecks) {
        if (withoutForeignKeyChecks || foreignKeyChecksOff) {
            try {
                foreignKeyChecks(!withoutForeignKeyChecks); // takes effect only outside a transaction, as here
            } catch (SQLException e) {
                throw translate(e);
            }
        }
        try {
            return writeInTransaction(work);
        } finally {
            if (withoutForeignKeyChecks) {
                try {
                    foreignKeyChecks(true);
                } catch (SQLException e) {
                    LOG.error("Could not turn the foreign-key checks of {} back on; the next write tries first", path,
                            e);
                }
            }
        }
    }

    private void foreignKeyChecks(boolean on) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
        foreignKeyChecksOff = !on;
    }

    private <T> T writeInTransaction(Work<T> work) {
        try {
            if (path == null && connection == null) {
                connection = PostgresStores.connect((StoreLocation.Postgres) location, login);
                writerPid = PostgresStores.pid(connection);
            }
            try (Statement s = connection.createStatement()) {
                s.execute(path == null ? "BEGIN" : "BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(connection);
                boolean fills = unfilled;
                if (path == null) {
                    if (fills) {
                        PostgresStores.markFilled(connection);
                    }
                    PostgresStores.notifyChange(connection); // delivered to the other clients at the commit
                }
                try (Statement s = connection.createStatement()) {
                    s.execute("COMMIT");
                }
                if (fills) {
                    unfilled = false;
                }
                committed();
                return result;
            } catch (SQLException | RuntimeException e) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone: the server rolls back what it had
                }
                throw e;
            }
        } catch (SQLException e) {
            if (path == null && connection != null && PostgresStores.lost(e)) {
                closeQuietly(connection); // nothing of this write was committed; the next write connects again
                connection = null;
            }
            throw translate(e);
        }
    }

    /** Runs read-only work on the connection. */
    /**
     * Runs {@code work} on a consistent snapshot of the last committed state. Inside a write on the same thread it
     * runs on the write's own connection, and so sees the write's changes.
     */
    public <T> T read(Work<T> work) {
        if (Thread.holdsLock(this) && connection != null) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw translate(e);
            }
        }
        synchronized (readLock) {
            try {
                Connection c = reader();
                try (Statement s = c.createStatement()) {
                    // One snapshot for the whole read, as SQLite's read transaction gives.
                    s.execute(path != null ? "BEGIN" : "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
                }
                try {
                    return work.run(c);
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMIT");
                    }
                }
            } catch (SQLException e) {
                if (path == null && reader != null && PostgresStores.lost(e)) {
                    closeQuietly(reader); // the next read connects again (the server may be back)
                    reader = null;
                }
                throw translate(e);
            }
        }
    }

    private Connection reader() throws SQLException {
        if (closed) {
            throw new SQLException("database connection closed");
        }
        if (reader == null && path == null) {
            reader = PostgresStores.connect((StoreLocation.Postgres) location, login);
        }
        if (reader == null) {
            Connection c = sqlite("jdbc:sqlite:" + path, new java.util.Properties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA query_only = ON");
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            reader = c;
        }
        return reader;
    }

    /** Result of {@code PRAGMA integrity_check}: "ok" for a whole store. */
    public String integrityCheck() {
        if (path == null) {
            return "not checked here: the PostgreSQL server keeps its own integrity";
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check");
                 ResultSet rs = ps.executeQuery()) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(rs.getString(1));
                }
                return sb.toString();
            }
        });
    }

    public String journalMode() {
        if (path == null) {
            return "postgresql";
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("PRAGMA journal_mode"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        synchronized (readLock) {
            if (reader != null) {
                closeQuietly(reader);
                reader = null;
            }
        }
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw translate(e);
        }
    }
}
