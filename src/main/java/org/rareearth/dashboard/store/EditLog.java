package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.rareearth.dashboard.domain.DataRecord;
import org.rareearth.dashboard.domain.Dataset;

/**
 * The writer of the edit log (table {@code record_edit}): one entry for each record a change adds, edits or deletes,
 * with who, when, the record's new version, its JSON before and after, and what the change came through
 * ({@code via}: null for the app's record forms, else the import). Entries are written inside the transaction of
 * the change itself, so a change and its entry are stored together or not at all.
 */
public final class EditLog {
    /** The advisory lock that orders imports against single-record edits on PostgreSQL. */
    private static final String RECORDS_LOCK = "rare-earth-dashboard|records";

    private final Store store;
    private final Function<Object, String> json;
    private final Clock clock;
    private volatile String who;

    /** {@code json} writes a record as the log keeps it (its dataset JSON). */
    public EditLog(Store store, Function<Object, String> json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the entry for one change of one record inside the caller's transaction. */
    void log(Connection c, String action, Object before, Object after, String via) throws SQLException {
        Object now = after != null ? after : before;
        String kind = RecordStore.kind(now);
        String key = RecordStore.key(now);
        String previous = before != null && after != null && !RecordStore.key(before).equals(key)
                ? RecordStore.key(before) : null;
        int version = Math.max(version(c, kind, key), previous == null ? 0 : version(c, kind, previous)) + 1;
        Jdbc.update(c, "INSERT INTO record_edit (kind, record_key, version, action, changed_at, changed_by,"
                + " previous_key, before_json, after_json, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kind, key,
                version, action, clock.instant().toString(), who(c), previous,
                before == null ? null : json.apply(before), after == null ? null : json.apply(after), via);
    }

    /**
     * Enters every record that differs between two states of the store's records (before and after an import, both
     * read inside its transaction): an add for a key only {@code after} holds, a delete for one only {@code before}
     * holds, an edit for a key whose record changed. Records that came through unchanged get no entry; daily price
     * bars are not records and get none.
     */
    void logChanges(Connection c, Dataset before, Dataset after, String via) throws SQLException {
        Map<String, Object> was = byKey(before);
        Map<String, Object> is = byKey(after);
        for (Map.Entry<String, Object> e : is.entrySet()) {
            Object old = was.get(e.getKey());
            if (old == null) {
                log(c, "add", null, e.getValue(), via);
            } else if (!Objects.equals(old, e.getValue())) {
                log(c, "edit", old, e.getValue(), via);
            }
        }
        for (Map.Entry<String, Object> e : was.entrySet()) {
            if (!is.containsKey(e.getKey())) {
                log(c, "delete", e.getValue(), null, via);
            }
        }
    }

    private static Map<String, Object> byKey(Dataset d) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object r : d.records()) {
            if (r instanceof DataRecord) {
                out.put(RecordStore.kind(r) + "\u0000" + RecordStore.key(r), r);
            }
        }
        return out;
    }

    /**
     * On PostgreSQL, an import (which may change any record) waits for the single-record edits under way and they
     * wait for it; edits still run beside each other. SQLite's write transaction already orders every writer.
     */
    void lockForImport(Connection c) throws SQLException {
        if (store.isPostgres()) {
            Jdbc.one(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> 1, RECORDS_LOCK);
        }
    }

    /** The shared side of {@link #lockForImport}, taken by a single-record edit before its record's own lock. */
    void lockForEdit(Connection c) throws SQLException {
        if (store.isPostgres()) {
            Jdbc.one(c, "SELECT pg_advisory_xact_lock_shared(hashtext(?))", rs -> 1, RECORDS_LOCK);
        }
    }

    private static int version(Connection c, String kind, String key) throws SQLException {
        return Jdbc.one(c, "SELECT max(version) FROM record_edit WHERE kind = ? AND record_key = ?",
                rs -> rs.getInt(1), kind, key).orElse(0);
    }

    /** Who is writing: the PostgreSQL role, or the system user on a store file. */
    private String who(Connection c) throws SQLException {
        String w = who;
        if (w == null) {
            w = store.isPostgres() ? Jdbc.one(c, "SELECT current_user", rs -> rs.getString(1)).orElse("?")
                    : System.getProperty("user.name", "?");
            who = w;
        }
        return w;
    }
}
