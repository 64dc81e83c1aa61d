package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rareearth.dashboard.domain.PriceAssessment;

/** Commodity price assessments as quoted by their sources. */
public final class AssessmentRepository {
    private static final String SELECT = "SELECT commodity, date, low, high, currency, unit, vat_included, basis,"
            + " source, confidence, note, source_url FROM price_assessment";
    private final Store store;

    public AssessmentRepository(Store store) {
        this.store = store;
    }

    public List<PriceAssessment> all() {
        return store.read(AssessmentRepository::all);
    }

    /** The assessments of one commodity, oldest first. */
    public List<PriceAssessment> forCommodity(String commodity) {
        return store.read(c -> Jdbc.list(c, SELECT + " WHERE commodity = ? ORDER BY date, basis, source",
                AssessmentRepository::map, commodity));
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "price_assessment"));
    }

    /** The stored assessments of a commodity on one date (one per basis and source). */
    static List<PriceAssessment> on(Connection c, String commodity, java.time.LocalDate date) throws SQLException {
        return Jdbc.list(c, SELECT + " WHERE commodity = ? AND date = ?", AssessmentRepository::map, commodity, date);
    }

    static List<PriceAssessment> all(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT + " ORDER BY commodity, date, basis, source", AssessmentRepository::map);
    }

    /** Inserts or updates by (commodity, date, basis, source); true when new. */
    static boolean upsert(Connection c, PriceAssessment a) throws SQLException {
        Object[] values = {a.low(), a.high(), a.currency(), a.unit(), a.vatIncluded(), a.confidence(), a.note(),
                a.sourceUrl(), a.commodity(), a.date(), a.basis(), a.source()};
        int n = Jdbc.update(c, "UPDATE price_assessment SET low = ?, high = ?, currency = ?, unit = ?,"
                + " vat_included = ?, confidence = ?, note = ?, source_url = ? WHERE commodity = ? AND date = ? AND basis = ?"
                + " AND source = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO price_assessment (low, high, currency, unit, vat_included, confidence, note,"
                + " source_url, commodity, date, basis, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    private static PriceAssessment map(ResultSet rs) throws SQLException {
        return new PriceAssessment(rs.getString("commodity"), Jdbc.date(rs, "date"), Jdbc.dbl(rs, "low"),
                Jdbc.dbl(rs, "high"), rs.getString("currency"), rs.getString("unit"),
                rs.getInt("vat_included") == 1, rs.getString("basis"), rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }
}
