package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        return store.read(c -> find(c, symbol));
    }

    static Optional<Security> find(Connection c, String symbol) throws SQLException {
        Map<String, String> tickers = tickersOf(c, symbol);
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM security WHERE symbol = ?", SecurityRepository::map, symbol)
                .map(s -> s.withTickers(tickers));
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "security"));
    }

    static List<Security> all(Connection c) throws SQLException {
        Map<String, Map<String, String>> tickers = new HashMap<>();
        for (String[] row : Jdbc.list(c, "SELECT s.symbol, t.source, t.ticker FROM security_ticker t JOIN security s"
                + " ON s.id = t.security_id", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            tickers.computeIfAbsent(row[0], k -> new TreeMap<>()).put(row[1], row[2]);
        }
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM security ORDER BY symbol", SecurityRepository::map).stream()
                .map(s -> s.withTickers(tickers.getOrDefault(s.symbol(), Map.of()))).toList();
    }

    private static Map<String, String> tickersOf(Connection c, String symbol) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String[] row : Jdbc.list(c, "SELECT t.source, t.ticker FROM security_ticker t JOIN security s"
                + " ON s.id = t.security_id WHERE s.symbol = ?", rs -> new String[] {rs.getString(1), rs.getString(2)},
                symbol)) {
            out.put(row[0], row[1]);
        }
        return out;
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
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO security (name, exchange, currency, country, is_benchmark, source, confidence,"
                    + " note, source_url, symbol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        long id = idOf(c, s.symbol()).orElseThrow();
        Jdbc.update(c, "DELETE FROM security_ticker WHERE security_id = ?", id);
        for (Map.Entry<String, String> t : s.tickers().entrySet()) {
            Jdbc.update(c, "INSERT INTO security_ticker (security_id, source, ticker) VALUES (?, ?, ?)", id,
                    t.getKey(), t.getValue());
        }
        return n == 0;
    }

    private static Security map(ResultSet rs) throws SQLException {
        return new Security(rs.getString("symbol"), rs.getString("name"), rs.getString("exchange"),
                rs.getString("currency"), rs.getString("country"), rs.getInt("is_benchmark") == 1,
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
