package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rareearth.dashboard.domain.Reaction;

/** Reported stock reactions; each names its security and its event. */
public final class ReactionRepository {
    private static final String SELECT = "SELECT s.symbol, e.code, r.date, r.measure, r.percent, r.from_price,"
            + " r.to_price, r.source, r.confidence, r.note, r.source_url FROM reaction r"
            + " JOIN security s ON s.id = r.security_id JOIN event e ON e.id = r.event_id";
    private final Store store;

    public ReactionRepository(Store store) {
        this.store = store;
    }

    public List<Reaction> all() {
        return store.read(ReactionRepository::all);
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "reaction"));
    }

    static List<Reaction> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY e.code, s.symbol, r.measure, r.date", ReactionRepository::map);
    }

    /** Inserts or updates by (security, event, measure, date); true when new. */
    static boolean upsert(Connection c, long securityId, long eventId, Reaction r) throws SQLException {
        Object[] values = {r.percent(), r.fromPrice(), r.toPrice(), r.source(), r.confidence(), r.note(), r.sourceUrl(),
                securityId, eventId, r.measure(), r.date()};
        int n = Jdbc.update(c, "UPDATE reaction SET percent = ?, from_price = ?, to_price = ?, source = ?,"
                + " confidence = ?, note = ?, source_url = ? WHERE security_id = ? AND event_id = ? AND measure = ? AND date = ?",
                values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO reaction (percent, from_price, to_price, source, confidence, note,"
                + " source_url, security_id, event_id, measure, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    private static Reaction map(ResultSet rs) throws SQLException {
        return new Reaction(rs.getString(1), rs.getString(2), Jdbc.date(rs, "date"), rs.getString("measure"),
                Jdbc.dbl(rs, "percent"), Jdbc.dbl(rs, "from_price"), Jdbc.dbl(rs, "to_price"),
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
