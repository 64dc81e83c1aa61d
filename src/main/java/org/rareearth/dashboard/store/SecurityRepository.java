package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.rareearth.dashboard.domain.Security;

/** Securities and benchmarks, keyed by symbol. */
public final class SecurityRepository {
    private static final String COLUMNS =
            "symbol, name, exchange, currency, country, is_benchmark, source, confidence, note, source_url";
    private final Store store;

    public SecurityRepository(Store store) {
        this.store = store;
    }

    public List<Security> all() {
        return store.read(SecurityRepository::all);
    }

    public Optional<Security> find(String symbol) {
        return store.read(c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM security WHERE symbol = ?",
                SecurityRepository::map, symbol));
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "security"));
    }

    static List<Security> all(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM security ORDER BY symbol", SecurityRepository::map);
    }

    static Optional<Long> idOf(Connection c, String symbol) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM security WHERE symbol = ?", rs -> rs.getLong(1), symbol);
    }

    /** Inserts or updates by symbol; true when a new row was inserted. */
    static boolean upsert(Connection c, Security s) throws SQLException {
        Object[] values = {s.name(), s.exchange(), s.currency(), s.country(), s.benchmark(), s.source(),
                s.confidence(), s.note(), s.sourceUrl(), s.symbol()};
        int n = Jdbc.update(c, "UPDATE security SET name = ?, exchange = ?, currency = ?, country = ?,"
                + " is_benchmark = ?, source = ?, confidence = ?, note = ?, source_url = ? WHERE symbol = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO security (name, exchange, currency, country, is_benchmark, source, confidence,"
                + " note, source_url, symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    private static Security map(ResultSet rs) throws SQLException {
        return new Security(rs.getString("symbol"), rs.getString("name"), rs.getString("exchange"),
                rs.getString("currency"), rs.getString("country"), rs.getInt("is_benchmark") == 1,
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
