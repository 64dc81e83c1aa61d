package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rareearth.dashboard.domain.FxRate;

/** Exchange rates, one per pair and date. */
public final class FxRateRepository {
    private static final String SELECT = "SELECT pair, date, rate, source, confidence, note, source_url FROM fx_rate";
    private final Store store;

    public FxRateRepository(Store store) {
        this.store = store;
    }

    public List<FxRate> all() {
        return store.read(FxRateRepository::all);
    }

    /** The rates of one pair ("USD/CNY"), oldest first. */
    public List<FxRate> forPair(String pair) {
        return store.read(c -> Jdbc.list(c, SELECT + " WHERE pair = ? ORDER BY date", FxRateRepository::map, pair));
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "fx_rate"));
    }

    static List<FxRate> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY pair, date", FxRateRepository::map);
    }

    /** The stored rates of a pair on one date (at most one): a record's lookup by its key, not a read of all. */
    static List<FxRate> on(Connection c, String pair, java.time.LocalDate date) throws SQLException {
        return Jdbc.list(c, SELECT + " WHERE pair = ? AND date = ?", FxRateRepository::map, pair, date);
    }

    static boolean upsert(Connection c, FxRate r) throws SQLException {
        Object[] values = {r.rate(), r.source(), r.confidence(), r.note(), r.sourceUrl(), r.pair(), r.date()};
        int n = Jdbc.update(c, "UPDATE fx_rate SET rate = ?, source = ?, confidence = ?, note = ?,"
                + " source_url = ? WHERE pair = ? AND date = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO fx_rate (rate, source, confidence, note, source_url, pair, date)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                values);
        return true;
    }

    private static FxRate map(ResultSet rs) throws SQLException {
        return new FxRate(rs.getString("pair"), Jdbc.date(rs, "date"), Jdbc.dbl(rs, "rate"), rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
