package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.domain.PriceBar;

/** Daily bars, one per security and date. */
public final class PriceBarRepository {
    private static final String SELECT = "SELECT s.symbol, b.date, b.open, b.high, b.low, b.close, b.adj_close,"
            + " b.volume, b.source_id FROM price_bar b JOIN security s ON s.id = b.security_id";
    private final Store store;

    public PriceBarRepository(Store store) {
        this.store = store;
    }

    /** The bars of one security, oldest first. */
    public List<PriceBar> forSymbol(String symbol) {
        return store.read(c -> ofSymbol(c, symbol));
    }

    /** The bars of one security, oldest first, read on {@code c}. */
    static List<PriceBar> ofSymbol(Connection c, String symbol) throws SQLException {
        Map<Long, String> sources = PriceSources.all(c);
        return Jdbc.list(c, SELECT + " WHERE s.symbol = ? ORDER BY b.date", rs -> map(rs, sources), symbol);
    }

    /** The date of the last daily bar of each security that has any. */
    public java.util.Map<String, java.time.LocalDate> lastDates() {
        return store.read(c -> {
            java.util.Map<String, java.time.LocalDate> out = new java.util.TreeMap<>();
            for (Object[] row : Jdbc.list(c, "SELECT s.symbol, max(b.date) FROM price_bar b JOIN security s"
                    + " ON s.id = b.security_id GROUP BY s.symbol", rs -> new Object[] {rs.getString(1),
                    java.time.LocalDate.parse(rs.getString(2))})) {
                out.put((String) row[0], (java.time.LocalDate) row[1]);
            }
            return out;
        });
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "price_bar"));
    }

    static List<PriceBar> all(Connection c) throws SQLException {
        Map<Long, String> sources = PriceSources.all(c);
        return Jdbc.list(c, SELECT + " ORDER BY s.symbol, b.date", rs -> map(rs, sources));
    }

    /**
     * Inserts or updates one bar; true when it was new. {@code sourceIds} remembers the sources' numbers across the
     * bars of one write ({@link PriceSources#idOf(Connection, String, Map)}).
     */
    static boolean upsert(Connection c, long securityId, PriceBar b, Map<String, Long> sourceIds)
            throws SQLException {
        Object[] values = {b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume(),
                PriceSources.idOf(c, b.source(), sourceIds), securityId, b.date()};
        int n = Jdbc.update(c, "UPDATE price_bar SET open = ?, high = ?, low = ?, close = ?, adj_close = ?,"
                + " volume = ?, source_id = ? WHERE security_id = ? AND date = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO price_bar (open, high, low, close, adj_close, volume, source_id, security_id,"
                + " date)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    /**
     * By position, in the order of {@link #SELECT}: series run to tens of thousands of rows. The source's text comes
     * from {@code sources} ({@link PriceSources#all}).
     */
    private static PriceBar map(ResultSet rs, Map<Long, String> sources) throws SQLException {
        Long source = Jdbc.lng(rs, 9);
        return new PriceBar(rs.getString(1), Jdbc.date(rs, 2), Jdbc.dbl(rs, 3), Jdbc.dbl(rs, 4), Jdbc.dbl(rs, 5),
                Jdbc.dbl(rs, 6), Jdbc.dbl(rs, 7), Jdbc.lng(rs, 8), source == null ? null : sources.get(source));
    }
}
