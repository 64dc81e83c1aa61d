package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rareearth.dashboard.domain.PriceFloor;

/** Price-floor programmes, keyed by programme name. */
public final class FloorRepository {
    private static final String SELECT = "SELECT program, commodity, level, currency, unit, start_date, end_date,"
            + " upside_share, source, confidence, note, volume, upside_from, upside_cap, source_url FROM price_floor";
    private final Store store;

    public FloorRepository(Store store) {
        this.store = store;
    }

    public List<PriceFloor> all() {
        return store.read(FloorRepository::all);
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "price_floor"));
    }

    static List<PriceFloor> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY program", FloorRepository::map);
    }

    static boolean upsert(Connection c, PriceFloor f) throws SQLException {
        Object[] values = {f.commodity(), f.level(), f.currency(), f.unit(), f.start(), f.end(), f.upsideShare(),
                f.source(), f.confidence(), f.note(), f.volume(), f.upsideFrom(), f.upsideCap(), f.sourceUrl(), f.program()};
        int n = Jdbc.update(c, "UPDATE price_floor SET commodity = ?, level = ?, currency = ?, unit = ?,"
                + " start_date = ?, end_date = ?, upside_share = ?, source = ?, confidence = ?, note = ?, volume = ?,"
                + " upside_from = ?, upside_cap = ?, source_url = ? WHERE program = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO price_floor (commodity, level, currency, unit, start_date, end_date, upside_share,"
                + " source, confidence, note, volume, upside_from, upside_cap, source_url, program)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    private static PriceFloor map(ResultSet rs) throws SQLException {
        return new PriceFloor(rs.getString("program"), rs.getString("commodity"), Jdbc.dbl(rs, "level"),
                rs.getString("currency"), rs.getString("unit"), Jdbc.date(rs, "start_date"),
                Jdbc.date(rs, "end_date"), Jdbc.dbl(rs, "upside_share"), rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), Jdbc.dbl(rs, "volume"),
                Jdbc.dbl(rs, "upside_from"), Jdbc.dbl(rs, "upside_cap"), rs.getString("source_url"));
    }
}
