package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rareearth.dashboard.domain.Stake;

/** Equity stakes; each names its security and, optionally, the event that announced it. */
public final class StakeRepository {
    private static final String SELECT = "SELECT k.holder, s.symbol, e.code, k.date, k.amount, k.currency, k.percent,"
            + " k.instrument, k.source, k.confidence, k.note, k.source_url FROM stake k JOIN security s ON s.id = k.security_id"
            + " LEFT JOIN event e ON e.id = k.event_id";
    private final Store store;

    public StakeRepository(Store store) {
        this.store = store;
    }

    public List<Stake> all() {
        return store.read(StakeRepository::all);
    }

    static List<Stake> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY k.date, k.holder, s.symbol", StakeRepository::map);
    }

    /** Inserts or updates by (holder, security, date); true when new. */
    static boolean upsert(Connection c, long securityId, Long eventId, Stake k) throws SQLException {
        Object[] values = {eventId, k.amount(), k.currency(), k.percent(), k.instrument(), k.source(),
                k.confidence(), k.note(), k.sourceUrl(), k.holder(), securityId, k.date()};
        int n = Jdbc.update(c, "UPDATE stake SET event_id = ?, amount = ?, currency = ?, percent = ?, instrument = ?,"
                + " source = ?, confidence = ?, note = ?, source_url = ? WHERE holder = ? AND security_id = ? AND date = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO stake (event_id, amount, currency, percent, instrument, source, confidence, note,"
                + " source_url, holder, security_id, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    static void delete(Connection c, Stake k) throws SQLException {
        Jdbc.update(c, "DELETE FROM stake WHERE holder = ? AND date = ? AND security_id = (SELECT id FROM security"
                + " WHERE symbol = ?)", k.holder(), k.date(), k.symbol());
    }

    private static Stake map(ResultSet rs) throws SQLException {
        return new Stake(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.date(rs, "date"),
                Jdbc.dbl(rs, "amount"), rs.getString("currency"), Jdbc.dbl(rs, "percent"), rs.getString("instrument"),
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
