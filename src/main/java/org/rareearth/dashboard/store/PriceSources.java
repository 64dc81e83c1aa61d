package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The texts that name where daily bars came from ("import of prices.csv on 2026-12-06", a quote feed's download),
 * each kept once in {@code price_source}; a bar holds the number ({@code price_bar.source_id}). A text no bar
 * names any more stays: it is a few bytes, and removing it would mean reading every bar.
 */
final class PriceSources {
    private PriceSources() {
    }

    /** The number of {@code text}, added when the store has not seen it; null for no source. */
    static Long idOf(Connection c, String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Jdbc.update(c, "INSERT INTO price_source (name) VALUES (?) ON CONFLICT (name) DO NOTHING", text);
        return Jdbc.one(c, "SELECT id FROM price_source WHERE name = ?", rs -> rs.getLong(1), text).orElseThrow();
    }

    /** {@link #idOf(Connection, String)}, remembered in {@code known} for the many bars of one write. */
    static Long idOf(Connection c, String text, Map<String, Long> known) throws SQLException {
        if (text == null) {
            return null;
        }
        Long id = known.get(text);
        if (id == null) {
            id = idOf(c, text);
            known.put(text, id);
        }
        return id;
    }

    /**
     * Every source by number. A read of bars takes the texts from here rather than joining each bar to its source:
     * the table holds a handful of rows, a series tens of thousands.
     */
    static Map<Long, String> all(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT id, name FROM price_source",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            out.put((Long) row[0], (String) row[1]);
        }
        return out;
    }
}
