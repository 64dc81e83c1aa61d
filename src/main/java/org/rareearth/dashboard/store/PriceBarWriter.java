package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.Security;

/**
 * Writes many daily bars inside one transaction, in batches, inserting or updating by (security, date). It knows
 * which dates each security already had, so it can tell insertions from updates.
 */
public final class PriceBarWriter {
    private static final int BATCH = 5000;
    private static final long EPOCH_BASE = LocalDate.of(1800, 1, 1).toEpochDay();

    private final Connection c;
    private final PreparedStatement upsert;
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<Long, BitSet> existing = new HashMap<>();
    private int pending;

    PriceBarWriter(Connection c) throws SQLException {
        this.c = c;
        this.upsert = c.prepareStatement("INSERT INTO price_bar (security_id, date, open, high, low, close, adj_close,"
                + " volume, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (security_id, date) DO UPDATE SET"
                + " open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,"
                + " adj_close = excluded.adj_close, volume = excluded.volume, source = excluded.source");
    }

    /** The id of a stored security, if there is one. */
    public Optional<Long> securityId(String symbol) throws SQLException {
        Long id = ids.get(symbol);
        if (id == null) {
            Optional<Long> found = SecurityRepository.idOf(c, symbol);
            if (found.isEmpty()) {
                return found;
            }
            id = found.get();
            ids.put(symbol, id);
        }
        return Optional.of(id);
    }

    /** Adds a security in this transaction and returns its id. */
    public long createSecurity(Security s) throws SQLException {
        SecurityRepository.upsert(c, s);
        ids.remove(s.symbol());
        return securityId(s.symbol()).orElseThrow();
    }

    /** Writes (in the current batch) one bar; returns true when the security had no bar on that date before. */
    public boolean write(long securityId, PriceBar b) throws SQLException {
        BitSet had = existing.computeIfAbsent(securityId, this::datesOf);
        int bit = (int) (b.date().toEpochDay() - EPOCH_BASE);
        boolean isNew = !had.get(bit);
        had.set(bit);
        upsert.setLong(1, securityId);
        upsert.setString(2, b.date().toString());
        setDouble(3, b.open());
        setDouble(4, b.high());
        setDouble(5, b.low());
        setDouble(6, b.close());
        setDouble(7, b.adjClose());
        if (b.volume() == null) {
            upsert.setNull(8, Types.INTEGER);
        } else {
            upsert.setLong(8, b.volume());
        }
        upsert.setString(9, b.source());
        upsert.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
        return isNew;
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            upsert.executeBatch();
            pending = 0;
        }
    }

    private void setDouble(int at, Double v) throws SQLException {
        if (v == null) {
            upsert.setNull(at, Types.REAL);
        } else {
            upsert.setDouble(at, v);
        }
    }

    private BitSet datesOf(long securityId) {
        BitSet set = new BitSet();
        try {
            for (String d : Jdbc.list(c, "SELECT date FROM price_bar WHERE security_id = ?", rs -> rs.getString(1),
                    securityId)) {
                set.set((int) (LocalDate.parse(d).toEpochDay() - EPOCH_BASE));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the stored dates: " + e.getMessage(), e);
        }
        return set;
    }

    /** For use inside {@link Store#write}. */
    public static PriceBarWriter on(Connection c) throws SQLException {
        return new PriceBarWriter(c);
    }
}
