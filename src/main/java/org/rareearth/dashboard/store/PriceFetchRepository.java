package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFetch;

/**
 * Downloaded daily prices and the record of each download. A security's download is written in one transaction:
 * all of its bars and the download's record, or nothing.
 */
public final class PriceFetchRepository {
    private static final String SELECT = "SELECT s.symbol, f.source, f.ticker, f.fetched_at, f.first_date,"
            + " f.last_date, f.rows, f.inserted, f.updated FROM price_fetch f JOIN security s ON s.id = f.security_id";
    private final Store store;

    public PriceFetchRepository(Store store) {
        this.store = store;
    }

    /** How many bars of a download were new and how many replaced stored ones. */
    public record Written(long inserted, long updated) {}

    /**
     * Writes the bars (inserting or replacing by date; a replaced bar takes the downloaded values whole) and records
     * the download, in one transaction. {@code fetch}'s counts are filled in here.
     */
    public Written write(List<PriceBar> bars, PriceFetch fetch, String barSource) {
        return store.write(c -> {
            long id = SecurityRepository.idOf(c, fetch.symbol()).orElseThrow(() -> new StoreException(
                    "unknown security '" + fetch.symbol() + "'"));
            PriceBarWriter w = PriceBarWriter.on(c, EnumSet.allOf(PriceBarWriter.Column.class), barSource);
            long inserted = 0;
            long updated = 0;
            for (PriceBar b : bars) {
                if (w.write(id, b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(), b.volume())) {
                    inserted++;
                } else {
                    updated++;
                }
            }
            w.flush();
            Jdbc.update(c, "INSERT INTO price_fetch (security_id, source, ticker, fetched_at, first_date, last_date,"
                    + " rows, inserted, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, fetch.source(),
                    fetch.ticker(), fetch.fetchedAt().toString(), fetch.firstDate(), fetch.lastDate(), fetch.rows(),
                    inserted, updated);
            return new Written(inserted, updated);
        });
    }

    /** The latest download of each security that has one, by symbol. */
    public Map<String, PriceFetch> latestBySymbol() {
        return store.read(c -> {
            Map<String, PriceFetch> out = new LinkedHashMap<>();
            for (PriceFetch f : Jdbc.list(c, SELECT + " ORDER BY s.symbol, f.fetched_at, f.id",
                    PriceFetchRepository::map)) {
                out.put(f.symbol(), f);
            }
            return out;
        });
    }

    /** The latest download of any security. */
    public Optional<PriceFetch> latest() {
        return store.read(c -> Jdbc.one(c, SELECT + " ORDER BY f.fetched_at DESC, f.id DESC LIMIT 1",
                PriceFetchRepository::map));
    }

    /** Every download of one security, oldest first. */
    public List<PriceFetch> forSymbol(String symbol) {
        return store.read(c -> Jdbc.list(c, SELECT + " WHERE s.symbol = ? ORDER BY f.fetched_at, f.id",
                PriceFetchRepository::map, symbol));
    }

    /** Every download of every security, oldest first (for a copy of the whole store). */
    static List<PriceFetch> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY f.fetched_at, f.id", PriceFetchRepository::map);
    }

    /** Records a download as it was, inside the caller's transaction. */
    static void insert(Connection c, long securityId, PriceFetch f) throws SQLException {
        Jdbc.update(c, "INSERT INTO price_fetch (security_id, source, ticker, fetched_at, first_date, last_date,"
                + " rows, inserted, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", securityId, f.source(), f.ticker(),
                f.fetchedAt().toString(), f.firstDate(), f.lastDate(), f.rows(), f.inserted(), f.updated());
    }

    private static PriceFetch map(ResultSet rs) throws SQLException {
        return new PriceFetch(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
                Jdbc.date(rs, 5), Jdbc.date(rs, 6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }

}
