package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is particular to a store on a PostgreSQL server: connecting, the schema version (a one-row table, where
 * SQLite has {@code PRAGMA user_version}), migrating under an advisory lock so that two copies of the app starting
 * at once do not both migrate, and error messages that name the server.
 */
final class PostgresStores {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStores.class);
    /** The table holding the schema version. */
    static final String VERSION_TABLE = "rare_earth_schema";
    /** The advisory lock taken while migrating (any fixed number the app alone uses). */
    private static final long MIGRATION_LOCK = 0x52454421L;

    private PostgresStores() {}

    static Connection connect(StoreLocation.Postgres pg, Properties login) throws SQLException {
        Connection c = new org.postgresql.Driver().connect(pg.jdbcUrl(), login);
        try (Statement s = c.createStatement()) {
            // Dates are kept as ISO text, as in a SQLite store; times of day the app writes carry their offset.
            s.execute("SET TIME ZONE 'UTC'");
        } catch (SQLException e) {
            Store.closeQuietly(c);
            throw e;
        }
        return c;
    }

    static Store open(StoreLocation.Postgres pg, Map<String, String> env, List<Migration> migrations,
                      BiFunction<Connection, Boolean, Store> make) {
        Connection c;
        try {
            c = connect(pg, pg.connectionProperties(env));
        } catch (SQLException e) {
            throw new StoreException("Cannot open store " + pg.display() + ": " + e.getMessage()
                    + hint(e), e);
        }
        try {
            boolean created = migrate(c, pg, migrations) || !filled(c);
            return make.apply(c, created);
        } catch (SQLException e) {
            Store.closeQuietly(c);
            throw translate(pg, e);
        } catch (RuntimeException e) {
            Store.closeQuietly(c);
            throw e;
        }
    }

    /** What to do about a refused connection, where the server says why. */
    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
            return " (the password comes from PGPASSWORD or ~/.pgpass; the user from the URL, else PGUSER)";
        }
        if (state.equals("3D000")) {
            return " (create it first: createdb, or CREATE DATABASE as a user who may)";
        }
        if (state.startsWith("08")) {
            return " (is the server running, and does it accept connections from this machine?)";
        }
        return "";
    }

    /** The schema version, 0 for a database the app has not set up. */
    static int version(Connection c) throws SQLException {
        if (!hasTable(c, VERSION_TABLE)) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + VERSION_TABLE)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * False while nothing has been written to a store since its schema was made. Stores made before the app kept
     * this (no "filled" column) count as filled.
     */
    static boolean filled(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = ? AND column_name = 'filled'")) {
            ps.setString(1, VERSION_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return true;
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT filled FROM " + VERSION_TABLE)) {
            return !rs.next() || rs.getBoolean(1);
        }
    }

    /**
     * Inside a write: true when the store is still unfilled, which it stays for no other writer until this write
     * ends (the row is locked); false when another writer filled it meanwhile.
     */
    static boolean claimUnfilled(Connection c) throws SQLException {
        if (!canWrite(c) || !mayMarkFilled(c)) {
            return false; // a reader, or a writer granted the record tables only: left for the store's owner to fill
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT filled FROM " + VERSION_TABLE + " FOR UPDATE")) {
            return rs.next() && !rs.getBoolean(1);
        }
    }

    /**
     * Inside a write: the store is filled from this write's commit on. A writer who may not change the version
     * table leaves the mark as it is (the store's owner fills the store at its next open).
     */
    static void markFilled(Connection c) throws SQLException {
        if (mayMarkFilled(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE " + VERSION_TABLE + " SET filled = TRUE WHERE NOT filled");
            }
        }
    }

    private static boolean mayMarkFilled(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT has_table_privilege("
                + "current_user, '" + VERSION_TABLE + "', 'UPDATE')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasAnyTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM"
                + " information_schema.tables WHERE table_schema = current_schema()")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /**
     * Applies the migrations the database lacks, each in its own transaction (PostgreSQL's DDL is transactional:
     * a step is applied whole or not at all) under an advisory lock. True when the database had no schema.
     */
    private static boolean migrate(Connection c, StoreLocation.Postgres pg, List<Migration> migrations)
            throws SQLException {
        int latest = migrations.get(migrations.size() - 1).version();
        int before = version(c);
        if (before == latest) {
            return false;
        }
        if (before > latest) {
            throw new StoreException("Store " + pg.display() + " was written by a newer version of Rare Earth"
                    + " Dashboard (schema " + before + "; this version knows up to " + latest + "). It was left"
                    + " unchanged.");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            int version = version(c); // another copy may have migrated while this one waited
            if (version == 0 && hasAnyTable(c)) {
                throw new StoreException("Database " + pg.display() + " holds tables but is not a Rare Earth"
                        + " Dashboard store (no " + VERSION_TABLE + " table). It was left unchanged; give an empty"
                        + " database.");
            }
            if (version == 0) {
                // "filled" stays false until the store's first write commits (the default dataset, a copy, an
                // import): a start cut off between the schema and that write leaves a store the next start fills.
                s.execute("CREATE TABLE " + VERSION_TABLE + " (version INTEGER NOT NULL,"
                        + " filled BOOLEAN NOT NULL DEFAULT FALSE)");
                s.execute("INSERT INTO " + VERSION_TABLE + " (version, filled) VALUES (0, FALSE)");
            }
            for (Migration m : migrations) {
                if (m.version() > version) {
                    for (String sql : m.postgresStatements()) {
                        s.execute(sql);
                    }
                    s.execute("UPDATE " + VERSION_TABLE + " SET version = " + m.version());
                    LOG.info("Migrated store {} to schema {} ({})", pg.display(), m.version(), m.description());
                }
            }
            c.commit();
            return version == 0;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The channel every committed change is announced on (LISTEN/NOTIFY). */
    static final String CHANNEL = "rare_earth_changes";

    /** Announces, inside the write's transaction, that it changed the store (sent to listeners at commit). */
    static void notifyChange(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('" + CHANNEL + "', current_user || ' changed the store')");
        }
    }

    /** The server process serving this connection. */
    static int pid(Connection c) {
        try {
            return c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Waits up to {@code millis} for notices; those sent by {@code ownPid} (this store's writes) are left out. */
    static List<String> notices(Connection listen, int millis, int ownPid) throws SQLException {
        org.postgresql.PGNotification[] got = listen.unwrap(org.postgresql.PGConnection.class)
                .getNotifications(millis);
        if (got == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (org.postgresql.PGNotification n : got) {
            if (n.getPID() != ownPid && !out.contains(n.getParameter())) {
                out.add(n.getParameter());
            }
        }
        return out;
    }

    /** The tables every kind of change writes to. */
    private static final List<String> WRITTEN = List.of("security", "event", "price_bar", "price_source", "reaction",
            "price_assessment", "fx_rate", "price_floor", "stake");

    /** The edit log, which every edit adds to. */
    private static final String EDIT_LOG = "record_edit";

    static boolean canWrite(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT NOT pg_is_in_recovery()");
        // Each privilege on its own: given a list, has_table_privilege is true when any one of them is held.
        for (String t : WRITTEN) {
            for (String p : List.of("INSERT", "UPDATE", "DELETE")) {
                sql.append(" AND has_table_privilege(current_user, '").append(t).append("', '").append(p)
                        .append("')");
            }
        }
        sql.append(" AND has_table_privilege(current_user, '").append(EDIT_LOG).append("', 'INSERT')");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** True when the connection itself is gone (the server stopped, the network dropped). */
    static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    static StoreException translate(StoreLocation.Postgres pg, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (lost(e)) {
            return new StoreException("The server of store " + pg.display() + " cannot be reached (" + e.getMessage()
                    + "). Nothing of the change under way was saved; try again once the server is back.", e);
        }
        if (state.equals("42501") || state.equals("25006")) {
            return new StoreException("Store " + pg.display() + " cannot be written by this user"
                    + (pg.user() == null ? "" : " (" + pg.user() + ")") + ": the server says " + e.getMessage()
                    + ". Nothing was changed; ask the store's owner for write access, or work on a copy"
                    + " (export-dataset).", e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new StoreException("Store " + pg.display() + ": another analyst's change got in the way ("
                    + e.getMessage() + "); nothing was saved, try again.", e);
        }
        return new StoreException("Store " + pg.display() + ": " + e.getMessage(), e);
    }
}
