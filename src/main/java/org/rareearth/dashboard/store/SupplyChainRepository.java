package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.Quota;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.TargetRevision;

/**
 * The supply-chain records: capacity projects (each with its target-year history, kept in order), China's stage
 * shares and its quotas.
 */
public final class SupplyChainRepository {
    private static final String PROJECTS = "SELECT p.id, p.code, p.operator, p.facility, p.country, p.stage,"
            + " p.capacity, p.capacity_high, p.unit, p.product, p.status, p.first_output_year, p.construction_start,"
            + " e.code AS event_code, f.program AS floor_program, p.source, p.confidence, p.note, p.source_url"
            + " FROM capacity_project p LEFT JOIN event e ON e.id = p.event_id"
            + " LEFT JOIN price_floor f ON f.id = p.floor_id";
    private final Store store;

    public SupplyChainRepository(Store store) {
        this.store = store;
    }

    public List<CapacityProject> projects() {
        return store.read(SupplyChainRepository::projects);
    }

    public List<StageShare> shares() {
        return store.read(SupplyChainRepository::shares);
    }

    public List<Quota> quotas() {
        return store.read(SupplyChainRepository::quotas);
    }

    static List<CapacityProject> projects(Connection c) throws SQLException {
        Map<Long, List<TargetRevision>> targets = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT project_id, as_of, year, source, source_url, note FROM"
                + " capacity_target ORDER BY project_id, position", rs -> new Object[] {rs.getLong(1),
                new TargetRevision(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6))})) {
            targets.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((TargetRevision) row[1]);
        }
        return Jdbc.list(c, PROJECTS + " ORDER BY p.stage, p.code", rs -> new CapacityProject(rs.getString("code"),
                rs.getString("operator"), rs.getString("facility"), rs.getString("country"), rs.getString("stage"),
                Jdbc.dbl(rs, "capacity"), Jdbc.dbl(rs, "capacity_high"), rs.getString("unit"),
                rs.getString("product"), rs.getString("status"), Jdbc.integer(rs, "first_output_year"),
                Jdbc.integer(rs, "construction_start"), rs.getString("event_code"), rs.getString("floor_program"),
                targets.getOrDefault(rs.getLong("id"), List.of()), rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), rs.getString("source_url")));
    }

    static List<StageShare> shares(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT stage, year, share, source, confidence, note, source_url FROM stage_share"
                + " ORDER BY stage, year, source", SupplyChainRepository::share);
    }

    static List<Quota> quotas(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT year, mining, smelting, published, source, confidence, note, source_url FROM"
                + " quota ORDER BY year", rs -> new Quota(rs.getInt("year"), Jdbc.dbl(rs, "mining"),
                Jdbc.dbl(rs, "smelting"), rs.getInt("published") != 0, rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), rs.getString("source_url")));
    }

    private static StageShare share(ResultSet rs) throws SQLException {
        return new StageShare(rs.getString("stage"), rs.getInt("year"), Jdbc.dbl(rs, "share"), rs.getString("source"),
                rs.getString("confidence"), rs.getString("note"), rs.getString("source_url"));
    }

    /** Inserts or updates by code, its target history replaced whole; true when new. */
    static boolean upsert(Connection c, CapacityProject p, Long eventId, Long floorId) throws SQLException {
        Object[] values = {p.operator(), p.facility(), p.country(), p.stage(), p.capacity(), p.capacityHigh(),
                p.unit(), p.product(), p.status(), p.firstOutputYear(), p.constructionStart(), eventId, floorId,
                p.source(), p.confidence(), p.note(), p.sourceUrl(), p.id()};
        int n = Jdbc.update(c, "UPDATE capacity_project SET operator = ?, facility = ?, country = ?, stage = ?,"
                + " capacity = ?, capacity_high = ?, unit = ?, product = ?, status = ?, first_output_year = ?,"
                + " construction_start = ?, event_id = ?, floor_id = ?, source = ?, confidence = ?, note = ?,"
                + " source_url = ? WHERE code = ?", values);
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO capacity_project (operator, facility, country, stage, capacity, capacity_high,"
                    + " unit, product, status, first_output_year, construction_start, event_id, floor_id, source,"
                    + " confidence, note, source_url, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)", values);
        }
        long id = Jdbc.one(c, "SELECT id FROM capacity_project WHERE code = ?", rs -> rs.getLong(1), p.id())
                .orElseThrow();
        Jdbc.update(c, "DELETE FROM capacity_target WHERE project_id = ?", id);
        int position = 0;
        for (TargetRevision t : p.targets()) {
            Jdbc.update(c, "INSERT INTO capacity_target (project_id, position, as_of, year, source, source_url, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, position++, t.asOf(), t.year(), t.source(), t.sourceUrl(),
                    t.note());
        }
        return n == 0;
    }

    static boolean upsert(Connection c, StageShare s) throws SQLException {
        Object[] values = {s.share(), s.confidence(), s.note(), s.sourceUrl(), s.stage(), s.year(), s.source()};
        int n = Jdbc.update(c, "UPDATE stage_share SET share = ?, confidence = ?, note = ?, source_url = ? WHERE"
                + " stage = ? AND year = ? AND source = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO stage_share (share, confidence, note, source_url, stage, year, source) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    static boolean upsert(Connection c, Quota q) throws SQLException {
        Object[] values = {q.mining(), q.smelting(), Boolean.TRUE.equals(q.published()) ? 1 : 0, q.source(),
                q.confidence(), q.note(), q.sourceUrl(), q.year()};
        int n = Jdbc.update(c, "UPDATE quota SET mining = ?, smelting = ?, published = ?, source = ?, confidence = ?,"
                + " note = ?, source_url = ? WHERE year = ?", values);
        if (n > 0) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO quota (mining, smelting, published, source, confidence, note, source_url, year)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
    }

    static void delete(Connection c, CapacityProject p) throws SQLException {
        Jdbc.update(c, "DELETE FROM capacity_project WHERE code = ?", p.id());
    }

    static void delete(Connection c, StageShare s) throws SQLException {
        Jdbc.update(c, "DELETE FROM stage_share WHERE stage = ? AND year = ? AND source = ?", s.stage(), s.year(),
                s.source());
    }

    static void delete(Connection c, Quota q) throws SQLException {
        Jdbc.update(c, "DELETE FROM quota WHERE year = ?", q.year());
    }
}
