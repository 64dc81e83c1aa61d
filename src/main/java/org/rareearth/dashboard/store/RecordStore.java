package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;

/**
 * Single-record edits for manual data entry, each in its own transaction: add, change (the key included), and
 * delete together with the records that depend on it, which the caller names to the user first. Each is checked
 * against what the store holds now: a record someone else changed, added or deleted since it was opened is
 * refused with a {@link RecordConflict}, nothing written. Each is kept in the edit log ({@link EditLog},
 * {@link RecordEdit}): who, when, the record's new version, and the record before and after.
 */
public final class RecordStore {
    private final Store store;
    private final EditLog log;

    /** {@code json} writes a record as the edit log keeps it (its dataset JSON). */
    public RecordStore(Store store, java.util.function.Function<Object, String> json) {
        this(store, json, java.time.Clock.systemUTC());
    }

    public RecordStore(Store store, java.util.function.Function<Object, String> json, java.time.Clock clock) {
        this(store, new EditLog(store, json, clock));
    }

    public RecordStore(Store store, EditLog log) {
        this.store = store;
        this.log = log;
    }

    /**
     * Adds {@code record} ({@code old} null), or replaces {@code old}, the record as it was opened, with it (same or
     * new key), in one transaction. Returns the record as now stored. Refused with a {@link RecordConflict} when the
     * store no longer holds {@code old} as it was (or, for an add, already holds a record with that key).
     */
    public Object save(Object old, Object record) {
        return store.write(c -> {
            if (old == null) {
                lock(c, record);
            } else {
                lock(c, old, record);
                Object now = find(c, old);
                if (!old.equals(now)) {
                    throw conflict(c, old, record, now);
                }
            }
            boolean keyChanged = old != null && !key(old).equals(key(record));
            if (old == null || keyChanged) {
                Object there = find(c, record);
                if (there != null) {
                    throw conflict(c, old, record, there);
                }
            }
            if (keyChanged) {
                rekey(c, old, record);
            }
            upsert(c, record);
            Object stored = find(c, record);
            log.log(c, old == null ? "add" : "edit", old, stored, null);
            return stored;
        });
    }

    /**
     * Deletes the record and everything listed by {@link #dependents}, in one transaction; refused with a
     * {@link RecordConflict} when the store no longer holds it as given.
     */
    public void delete(Object record) {
        store.write(c -> {
            lock(c, record);
            Object now = find(c, record);
            if (!record.equals(now)) {
                throw conflict(c, record, null, now);
            }
            for (Object d : dependents(c, record)) {
                deleteOne(c, d);
                if (!(d instanceof PriceBarsOf)) {
                    log.log(c, "delete", d, null, null);
                }
            }
            deleteOne(c, record);
            log.log(c, "delete", record, null, null);
            return null;
        });
    }

    /**
     * Restores a record and its dependents (undo of a delete), in one transaction; refused with a
     * {@link RecordConflict} when someone has added a record with its key since.
     */
    public void restore(Object record, List<Object> dependents) {
        store.write(c -> {
            lock(c, record);
            Object there = find(c, record);
            if (there != null) {
                throw conflict(c, null, record, there);
            }
            upsert(c, record);
            log.log(c, "add", null, find(c, record), null);
            for (Object d : dependents) {
                upsert(c, d);
                if (!(d instanceof PriceBarsOf)) {
                    log.log(c, "add", null, find(c, d), null);
                }
            }
            return null;
        });
    }

    /**
     * The record's changes, newest first, following it through a change of key: those made in the app's forms and
     * those an import made. Empty for a record as the store was first filled with it and never changed since.
     */
    public List<RecordEdit> history(Object record) {
        return store.read(c -> history(c, kind(record), key(record)));
    }

    /** The record as the store holds it now (found by kind and key), or null. */
    public Object current(Object record) {
        return store.read(c -> find(c, record));
    }

    /** The edit log's name of a record's kind (as the review list and the dataset name them). */
    public static String kind(Object r) {
        return r instanceof Security ? "security" : r instanceof PolicyEvent ? "event" : r instanceof Reaction
                ? "reaction" : r instanceof PriceAssessment ? "assessment" : r instanceof FxRate ? "fxRate"
                : r instanceof PriceFloor ? "floor" : r instanceof Stake ? "stake"
                : r instanceof org.rareearth.dashboard.domain.CapacityProject ? "capacityProject"
                : r instanceof org.rareearth.dashboard.domain.StageShare ? "stageShare"
                : r instanceof org.rareearth.dashboard.domain.Quota ? "quota" : fail(r);
    }

    private static String fail(Object r) {
        throw new IllegalArgumentException("not a record: " + r);
    }

    private static final String SELECT_EDIT = "SELECT id, kind, record_key, version, action, changed_at, changed_by,"
            + " previous_key, before_json, after_json, via FROM record_edit";

    /** The whole edit log, oldest first (copy-store takes it along). */
    static List<RecordEdit> allEdits(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT_EDIT + " ORDER BY id", RecordStore::edit);
    }

    /** Adds an entry as it is (copy-store), after the entries already there. */
    static void insertEdit(Connection c, RecordEdit e) throws SQLException {
        Jdbc.update(c, "INSERT INTO record_edit (kind, record_key, version, action, changed_at, changed_by,"
                + " previous_key, before_json, after_json, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.kind(),
                e.key(), e.version(), e.action(), e.at().toString(), e.who(), e.previousKey(), e.before(), e.after(),
                e.via());
    }

    private static RecordEdit edit(java.sql.ResultSet rs) throws SQLException {
        return new RecordEdit(rs.getLong("id"), rs.getString("kind"), rs.getString("record_key"), rs.getInt("version"),
                rs.getString("action"), java.time.Instant.parse(rs.getString("changed_at")),
                rs.getString("changed_by"), rs.getString("previous_key"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("via"));
    }

    private static List<RecordEdit> history(Connection c, String kind, String key) throws SQLException {
        List<RecordEdit> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String k = key;
        long before = Long.MAX_VALUE;
        while (k != null && seen.add(k)) {
            List<RecordEdit> some = Jdbc.list(c, SELECT_EDIT + " WHERE kind = ? AND record_key = ? AND id < ?"
                    + " ORDER BY id DESC", RecordStore::edit, kind, k, before);
            out.addAll(some);
            // Where the record got this key from another, its earlier changes are under that key.
            RecordEdit rekey = some.stream().filter(e -> e.previousKey() != null && !e.previousKey().equals(e.key()))
                    .reduce((a, b) -> b).orElse(null);
            if (rekey == null) {
                break;
            }
            k = rekey.previousKey();
            before = rekey.id();
        }
        out.sort(java.util.Comparator.comparingLong(RecordEdit::id).reversed());
        return out;
    }

    /**
     * On PostgreSQL, edits of one record wait for each other (SQLite's write transaction already does). A change of
     * key holds both keys, taken in one order by every client, so that two renames cannot wait on each other.
     */
    private void lock(Connection c, Object... records) throws SQLException {
        if (!store.isPostgres()) {
            return;
        }
        log.lockForEdit(c);
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Object r : records) {
            names.add(kind(r) + "|" + key(r));
        }
        for (String name : names) {
            Jdbc.one(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> 1, name);
        }
    }

    private RecordConflict conflict(Connection c, Object opened, Object mine, Object theirs) throws SQLException {
        Object about = theirs != null ? theirs : opened != null ? opened : mine;
        List<RecordEdit> h = history(c, kind(about), key(about));
        return new RecordConflict("The " + kind(about) + " " + key(about), opened, mine, theirs,
                h.isEmpty() ? null : h.get(0));
    }

    /** The stored record of {@code like}'s kind with {@code like}'s key, or null. */
    private static Object find(Connection c, Object like) throws SQLException {
        String key = key(like);
        // The kinds that grow with daily data are looked up by their key's leading columns; the curated kinds
        // (tens to hundreds of records) are read whole.
        List<?> all = like instanceof Security ? SecurityRepository.all(c) : like instanceof PolicyEvent
                ? EventRepository.all(c) : like instanceof Reaction ? ReactionRepository.all(c)
                : like instanceof PriceAssessment a ? AssessmentRepository.on(c, a.commodity(), a.date())
                : like instanceof FxRate f ? FxRateRepository.on(c, f.pair(), f.date())
                : like instanceof PriceFloor ? FloorRepository.all(c)
                : like instanceof Stake ? StakeRepository.all(c)
                : like instanceof org.rareearth.dashboard.domain.CapacityProject ? SupplyChainRepository.projects(c)
                : like instanceof org.rareearth.dashboard.domain.StageShare ? SupplyChainRepository.shares(c)
                : like instanceof org.rareearth.dashboard.domain.Quota ? SupplyChainRepository.quotas(c)
                : List.of();
        for (Object r : all) {
            if (key(r).equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** What would go with the record if it were deleted: an event's reactions, a security's reactions and bars. */
    public List<Object> dependents(Object record) {
        return store.read(c -> dependents(c, record));
    }

    /** Deletes the price bars of a security between two dates (inclusive); returns how many. */
    public int deletePriceBars(String symbol, LocalDate from, LocalDate to) {
        return store.write(c -> Jdbc.update(c, "DELETE FROM price_bar WHERE security_id = (SELECT id FROM security"
                + " WHERE symbol = ?) AND date BETWEEN ? AND ?", symbol, from, to));
    }

    public long countPriceBars(String symbol, LocalDate from, LocalDate to) {
        return store.read(c -> Jdbc.one(c, "SELECT count(*) FROM price_bar WHERE security_id = (SELECT id FROM"
                + " security WHERE symbol = ?) AND date BETWEEN ? AND ?", rs -> rs.getLong(1), symbol, from, to)
                .orElse(0L));
    }

    /** A record's key, as the store identifies it. */
    public static String key(Object r) {
        if (r instanceof org.rareearth.dashboard.domain.DataRecord d) {
            return d.key();
        }
        throw new IllegalArgumentException("not a record: " + r);
    }

    private static List<Object> dependents(Connection c, Object record) throws SQLException {
        List<Object> out = new ArrayList<>();
        if (record instanceof PolicyEvent e) {
            ReactionRepository.all(c).stream().filter(r -> r.event().equals(e.code())).forEach(out::add);
            StakeRepository.all(c).stream().filter(k -> e.code().equals(k.event())).forEach(out::add);
        } else if (record instanceof Security s) {
            ReactionRepository.all(c).stream().filter(r -> r.symbol().equals(s.symbol())).forEach(out::add);
            StakeRepository.all(c).stream().filter(k -> k.symbol().equals(s.symbol())).forEach(out::add);
            long bars = Jdbc.one(c, "SELECT count(*) FROM price_bar WHERE security_id = (SELECT id FROM security"
                    + " WHERE symbol = ?)", rs -> rs.getLong(1), s.symbol()).orElse(0L);
            if (bars > 0) {
                out.add(new PriceBarsOf(s.symbol(), bars, PriceBarRepository.ofSymbol(c, s.symbol())));
            }
        }
        return out;
    }

    /** A security's daily bars, as one dependent (listed by count, restored whole on undo). */
    public record PriceBarsOf(String symbol, long count, List<org.rareearth.dashboard.domain.PriceBar> bars) {
        @Override
        public String toString() {
            return count + " daily price" + (count == 1 ? "" : "s") + " of " + symbol;
        }
    }

    private static void upsert(Connection c, Object r) throws SQLException {
        if (r instanceof PriceBarsOf p) {
            long id = SecurityRepository.idOf(c, p.symbol()).orElseThrow();
            java.util.Map<String, Long> sourceIds = new java.util.HashMap<>();
            for (var b : p.bars()) {
                PriceBarRepository.upsert(c, id, b, sourceIds);
            }
            return;
        }
        Dataset one = Dataset.of(r);
        DatasetStore.writeIn(c, one);
    }

    private static void rekey(Connection c, Object old, Object now) throws SQLException {
        if (old instanceof Security o && now instanceof Security n) {
            Jdbc.update(c, "UPDATE security SET symbol = ? WHERE symbol = ?", n.symbol(), o.symbol());
        } else if (old instanceof PolicyEvent o && now instanceof PolicyEvent n) {
            Jdbc.update(c, "UPDATE event SET code = ? WHERE code = ?", n.code(), o.code());
            // Links from other events follow the new code.
            Jdbc.update(c, "UPDATE event_related SET related_code = ? WHERE related_code = ?", n.code(), o.code());
        } else if (old instanceof org.rareearth.dashboard.domain.PriceFloor o
                && now instanceof org.rareearth.dashboard.domain.PriceFloor n) {
            // Renamed in place, so that the capacity projects tied to it stay tied.
            Jdbc.update(c, "UPDATE price_floor SET program = ? WHERE program = ?", n.program(), o.program());
        } else if (old instanceof org.rareearth.dashboard.domain.CapacityProject o
                && now instanceof org.rareearth.dashboard.domain.CapacityProject n) {
            Jdbc.update(c, "UPDATE capacity_project SET code = ? WHERE code = ?", n.id(), o.id());
        } else {
            // Records nothing refers to: the old one goes, the new one comes.
            deleteOne(c, old);
        }
    }

    private static void deleteOne(Connection c, Object r) throws SQLException {
        if (r instanceof Security s) {
            Jdbc.update(c, "DELETE FROM security WHERE symbol = ?", s.symbol());
        } else if (r instanceof PolicyEvent e) {
            Jdbc.update(c, "DELETE FROM event WHERE code = ?", e.code());
        } else if (r instanceof Reaction x) {
            Jdbc.update(c, "DELETE FROM reaction WHERE security_id = (SELECT id FROM security WHERE symbol = ?)"
                    + " AND event_id = (SELECT id FROM event WHERE code = ?) AND measure = ? AND date = ?",
                    x.symbol(), x.event(), x.measure(), x.date());
        } else if (r instanceof PriceAssessment a) {
            Jdbc.update(c, "DELETE FROM price_assessment WHERE commodity = ? AND date = ? AND basis = ? AND source = ?",
                    a.commodity(), a.date(), a.basis(), a.source());
        } else if (r instanceof FxRate f) {
            Jdbc.update(c, "DELETE FROM fx_rate WHERE pair = ? AND date = ?", f.pair(), f.date());
        } else if (r instanceof PriceFloor f) {
            Jdbc.update(c, "DELETE FROM price_floor WHERE program = ?", f.program());
        } else if (r instanceof Stake k) {
            StakeRepository.delete(c, k);
        } else if (r instanceof org.rareearth.dashboard.domain.CapacityProject p) {
            SupplyChainRepository.delete(c, p);
        } else if (r instanceof org.rareearth.dashboard.domain.StageShare x) {
            SupplyChainRepository.delete(c, x);
        } else if (r instanceof org.rareearth.dashboard.domain.Quota x) {
            SupplyChainRepository.delete(c, x);
        } else if (r instanceof PriceBarsOf p) {
            Jdbc.update(c, "DELETE FROM price_bar WHERE security_id = (SELECT id FROM security WHERE symbol = ?)",
                    p.symbol());
        } else {
            throw new IllegalArgumentException("not a record: " + r);
        }
    }
}
