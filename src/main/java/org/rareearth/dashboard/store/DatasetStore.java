package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.Quota;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;

/** Whole-store reads and writes: snapshots for export, all-or-nothing loads for import. */
public final class DatasetStore {
    private final Store store;
    private final EditLog log;

    /** Reads and copies; its writes are not entered in the edit log (see {@link #DatasetStore(Store, EditLog)}). */
    public DatasetStore(Store store) {
        this(store, null);
    }

    /** A dataset store whose imports ({@code via} given) are entered in {@code log}. */
    public DatasetStore(Store store, EditLog log) {
        this.store = store;
        this.log = log;
    }

    public Counts counts() {
        return store.read(c -> new Counts(Jdbc.count(c, "security"), Jdbc.count(c, "price_bar"),
                Jdbc.count(c, "event"), Jdbc.count(c, "reaction"), Jdbc.count(c, "price_assessment"),
                Jdbc.count(c, "fx_rate"), Jdbc.count(c, "price_floor"), Jdbc.count(c, "stake"),
                Jdbc.count(c, "capacity_project"), Jdbc.count(c, "stage_share"), Jdbc.count(c, "quota")));
    }

    /** Everything in the store, in a stable order, read in one transaction. */
    public Dataset snapshot() {
        return store.write(c -> new Dataset(Dataset.FORMAT, Dataset.VERSION, SecurityRepository.all(c),
                PriceBarRepository.all(c), EventRepository.all(c), ReactionRepository.all(c),
                AssessmentRepository.all(c), FxRateRepository.all(c), FloorRepository.all(c),
                StakeRepository.all(c), SupplyChainRepository.projects(c), SupplyChainRepository.shares(c),
                SupplyChainRepository.quotas(c)));
    }

    /** Every record but the daily price bars, read in one transaction (for views of the record as a whole). */
    public Dataset records() {
        return store.read(DatasetStore::records);
    }

    private static Dataset records(Connection c) throws SQLException {
        return new Dataset(Dataset.FORMAT, Dataset.VERSION, SecurityRepository.all(c), List.of(),
                EventRepository.all(c), ReactionRepository.all(c), AssessmentRepository.all(c),
                FxRateRepository.all(c), FloorRepository.all(c), StakeRepository.all(c),
                SupplyChainRepository.projects(c), SupplyChainRepository.shares(c), SupplyChainRepository.quotas(c));
    }

    public Set<String> symbols() {
        return store.read(c -> new HashSet<>(Jdbc.list(c, "SELECT symbol FROM security", rs -> rs.getString(1))));
    }

    public Set<String> floorPrograms() {
        return store.read(c -> new HashSet<>(Jdbc.list(c, "SELECT program FROM price_floor", rs -> rs.getString(1))));
    }

    public Set<String> eventCodes() {
        return store.read(c -> new HashSet<>(Jdbc.list(c, "SELECT code FROM event", rs -> rs.getString(1))));
    }

    /**
     * Fills a store its open created with {@code d} (the bundled dataset), as {@link #write(Dataset, boolean)}
     * does; nothing when the store was not created by this open, or (a new team store opened by two starts at once)
     * another start filled it first. Returns what was written, or null.
     */
    public Counts fill(Dataset d) {
        return store.fillNew(c -> writeIn(c, d));
    }

    /**
     * Writes a validated dataset in one transaction, without entries in the edit log: for filling a new store with
     * the bundled dataset (its records start at version 0). Imports use {@link #write(Dataset, boolean, String)}.
     */
    public Counts write(Dataset d, boolean replace) {
        return write(d, replace, null);
    }

    /**
     * Writes a validated dataset in one transaction. With {@code replace} the store is emptied first;
     * otherwise records are inserted or updated by their keys. Returns how many records were new. With {@code via}
     * (what the change comes through, e.g. "dataset import desk.json"), every record the import adds, changes or
     * (with {@code replace}) removes is entered in the edit log in the same transaction.
     */
    public Counts write(Dataset d, boolean replace, String via) {
        return store.write(c -> {
            Dataset before = via == null ? null : beforeImport(c);
            if (replace) {
                clear(c);
            }
            Counts added = writeIn(c, d);
            if (via != null) {
                log.logChanges(c, before, records(c), via);
            }
            return added;
        });
    }

    /** The records as they are before an import that will be logged, with other writers of records held off. */
    private Dataset beforeImport(Connection c) throws SQLException {
        if (log == null) {
            throw new IllegalStateException("this dataset store has no edit log to enter an import in");
        }
        log.lockForImport(c);
        return records(c);
    }

    /**
     * Adds the records of {@code d} whose keys the store lacks and leaves every existing record as it is, in one
     * transaction; the plan names the records that differ from the store. Each record added is entered in the edit
     * log as coming through {@code via}.
     */
    public org.rareearth.dashboard.domain.DatasetDiff.Plan writeNew(Dataset d, String via) {
        return store.write(c -> {
            Dataset before = beforeImport(c);
            // The records just read, with the stored bars when the file brings bars to compare with.
            Dataset existing = d.priceBars().isEmpty() ? before : new Dataset(Dataset.FORMAT, Dataset.VERSION,
                    before.securities(), PriceBarRepository.all(c), before.events(), before.reactions(),
                    before.assessments(), before.fxRates(), before.floors(), before.stakes(),
                    before.capacityProjects(), before.stageShares(), before.quotas());
            var plan = org.rareearth.dashboard.domain.DatasetDiff.plan(d, existing, RecordStore::key);
            writeIn(c, plan.additions());
            log.logChanges(c, before, records(c), via);
            return plan;
        });
    }

    /** What {@link #writeNew} would add and list, without writing. */
    public org.rareearth.dashboard.domain.DatasetDiff.Plan planNew(Dataset d) {
        return org.rareearth.dashboard.domain.DatasetDiff.plan(d, records(), RecordStore::key);
    }

    /**
     * Makes this store a copy of {@code from}, in one transaction of this store: everything it held is deleted, then
     * every record, every daily bar (a security at a time, with its source) and the record of every price download
     * is written; a failure anywhere leaves this store as it was. {@code progress} gets the fraction of the bars
     * written. Returns the counts now held.
     */
    public Counts copyFrom(Store from, java.util.function.DoubleConsumer progress) {
        if (from.location().equals(store.location())) {
            throw new StoreException("A store cannot be copied onto itself (" + store.location().display() + ").");
        }
        Dataset records = new DatasetStore(from).records();
        Map<String, Long> bars = from.read(c -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (Object[] row : Jdbc.list(c, "SELECT s.symbol, count(*) FROM price_bar b JOIN security s"
                    + " ON s.id = b.security_id GROUP BY s.symbol ORDER BY s.symbol", rs -> new Object[] {
                        rs.getString(1), rs.getLong(2)})) {
                out.put((String) row[0], (Long) row[1]);
            }
            return out;
        });
        List<PriceFetch> fetches = from.read(PriceFetchRepository::all);
        List<RecordEdit> edits = from.read(RecordStore::allEdits);
        long total = bars.values().stream().mapToLong(Long::longValue).sum();
        PriceBarRepository fromBars = new PriceBarRepository(from);
        store.write(c -> {
            clear(c);
            writeIn(c, records);
            long done = 0;
            // One writer per source of bars (a writer binds its source once), shared by every security.
            Map<String, PriceBarWriter> writers = new java.util.HashMap<>();
            for (String symbol : bars.keySet()) {
                long id = securityId(c, symbol);
                List<PriceBar> list = fromBars.forSymbol(symbol);
                for (PriceBar b : list) {
                    PriceBarWriter w = writers.get(b.source() == null ? "" : b.source());
                    if (w == null) {
                        w = PriceBarWriter.on(c, java.util.EnumSet.allOf(PriceBarWriter.Column.class), b.source());
                        writers.put(b.source() == null ? "" : b.source(), w);
                    }
                    w.write(id, b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume());
                }
                done += list.size();
                progress.accept(total == 0 ? 1 : (double) done / total);
            }
            for (PriceBarWriter w : writers.values()) {
                w.flush();
            }
            for (PriceFetch f : fetches) {
                PriceFetchRepository.insert(c, securityId(c, f.symbol()), f);
            }
            // The records' history goes with them (and replaces the target's, whose records it no longer has).
            Jdbc.update(c, "DELETE FROM record_edit");
            for (RecordEdit e : edits) {
                RecordStore.insertEdit(c, e);
            }
            return null;
        });
        progress.accept(1);
        return counts();
    }

    /** Writes (inserts or updates by key) inside the caller's transaction; returns how many were new. */
    static Counts writeIn(Connection c, Dataset d) throws SQLException {
        {
            long sec = 0, bars = 0, ev = 0, rx = 0, as = 0, fx = 0, fl = 0, st = 0, cp = 0, ss = 0, q = 0;
            for (Security s : d.securities()) {
                sec += SecurityRepository.upsert(c, s) ? 1 : 0;
            }
            for (PolicyEvent e : d.events()) {
                ev += EventRepository.upsert(c, e) ? 1 : 0;
            }
            java.util.Map<String, Long> sourceIds = new java.util.HashMap<>();
            for (PriceBar b : d.priceBars()) {
                bars += PriceBarRepository.upsert(c, securityId(c, b.symbol()), b, sourceIds) ? 1 : 0;
            }
            for (Reaction r : d.reactions()) {
                long eventId = EventRepository.idOf(c, r.event())
                        .orElseThrow(() -> new StoreException("unknown event '" + r.event() + "'"));
                rx += ReactionRepository.upsert(c, securityId(c, r.symbol()), eventId, r) ? 1 : 0;
            }
            for (PriceAssessment a : d.assessments()) {
                as += AssessmentRepository.upsert(c, a) ? 1 : 0;
            }
            for (FxRate r : d.fxRates()) {
                fx += FxRateRepository.upsert(c, r) ? 1 : 0;
            }
            for (PriceFloor f : d.floors()) {
                fl += FloorRepository.upsert(c, f) ? 1 : 0;
            }
            for (Stake k : d.stakes()) {
                Long eventId = k.event() == null || k.event().isBlank() ? null : EventRepository.idOf(c, k.event())
                        .orElseThrow(() -> new StoreException("unknown event '" + k.event() + "'"));
                st += StakeRepository.upsert(c, securityId(c, k.symbol()), eventId, k) ? 1 : 0;
            }
            for (CapacityProject p : d.capacityProjects()) {
                Long eventId = p.event() == null || p.event().isBlank() ? null : EventRepository.idOf(c, p.event())
                        .orElseThrow(() -> new StoreException("unknown event '" + p.event() + "'"));
                Long floorId = p.floor() == null || p.floor().isBlank() ? null : Jdbc.one(c,
                        "SELECT id FROM price_floor WHERE program = ?", rs -> rs.getLong(1), p.floor())
                        .orElseThrow(() -> new StoreException("unknown price floor '" + p.floor() + "'"));
                cp += SupplyChainRepository.upsert(c, p, eventId, floorId) ? 1 : 0;
            }
            for (StageShare x : d.stageShares()) {
                ss += SupplyChainRepository.upsert(c, x) ? 1 : 0;
            }
            for (Quota x : d.quotas()) {
                q += SupplyChainRepository.upsert(c, x) ? 1 : 0;
            }
            return new Counts(sec, bars, ev, rx, as, fx, fl, st, cp, ss, q);
        }
    }

    private static long securityId(Connection c, String symbol) throws SQLException {
        return SecurityRepository.idOf(c, symbol)
                .orElseThrow(() -> new StoreException("unknown security '" + symbol + "'"));
    }

    private static void clear(Connection c) throws SQLException {
        for (String table : new String[] {"capacity_target", "capacity_project", "stage_share", "quota", "stake",
            "reaction", "price_bar", "price_source", "price_fetch", "security_ticker", "event_material",
            "event_related", "event", "price_assessment", "fx_rate", "price_floor", "security"}) {
            Jdbc.update(c, "DELETE FROM " + table);
        }
    }
}
