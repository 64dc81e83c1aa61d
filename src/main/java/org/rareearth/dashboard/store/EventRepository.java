package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

/** Policy and market events with their materials, keyed by code. */
public final class EventRepository {
    private static final String COLUMNS = "id, code, actor, category, title, summary, announced, effective, ends,"
            + " suspended_from, suspended_until, status, source, confidence, note, source_url";
    private final Store store;

    public EventRepository(Store store) {
        this.store = store;
    }

    /** All events, oldest announcement first. */
    public List<PolicyEvent> all() {
        return store.read(EventRepository::all);
    }

    public Optional<PolicyEvent> find(String code) {
        return all().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public long count() {
        return store.read(c -> Jdbc.count(c, "event"));
    }

    static List<PolicyEvent> all(Connection c) throws SQLException {
        Map<Long, List<String>> materials = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT event_id, material FROM event_material ORDER BY material",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            materials.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<Long, List<String>> related = new HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT event_id, related_code FROM event_related ORDER BY related_code",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            related.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM event ORDER BY announced, code",
                rs -> map(rs, materials.getOrDefault(rs.getLong("id"), List.of()),
                        related.getOrDefault(rs.getLong("id"), List.of())));
    }

    static Optional<Long> idOf(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM event WHERE code = ?", rs -> rs.getLong(1), code);
    }

    /** Inserts or updates by code, replacing its materials; true when a new row was inserted. */
    static boolean upsert(Connection c, PolicyEvent e) throws SQLException {
        Object[] values = {e.actor().code(), e.category().code(), e.title(), e.summary(), e.announced(),
                e.effective(), e.ends(), e.suspendedFrom(), e.suspendedUntil(), e.status(), e.source(),
                e.confidence(), e.note(), e.sourceUrl(), e.code()};
        int n = Jdbc.update(c, "UPDATE event SET actor = ?, category = ?, title = ?, summary = ?, announced = ?,"
                + " effective = ?, ends = ?, suspended_from = ?, suspended_until = ?, status = ?, source = ?,"
                + " confidence = ?, note = ?, source_url = ? WHERE code = ?", values);
        if (n == 0) {
            Jdbc.update(c, "INSERT INTO event (actor, category, title, summary, announced, effective, ends,"
                    + " suspended_from, suspended_until, status, source, confidence, note, source_url, code)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        long id = idOf(c, e.code()).orElseThrow();
        Jdbc.update(c, "DELETE FROM event_material WHERE event_id = ?", id);
        for (String m : e.materials()) {
            Jdbc.update(c, "INSERT INTO event_material (event_id, material) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    id, m);
        }
        Jdbc.update(c, "DELETE FROM event_related WHERE event_id = ?", id);
        for (String r : e.related()) {
            Jdbc.update(c, "INSERT INTO event_related (event_id, related_code) VALUES (?, ?)"
                    + " ON CONFLICT DO NOTHING", id, r);
        }
        return n == 0;
    }

    private static PolicyEvent map(ResultSet rs, List<String> materials, List<String> related) throws SQLException {
        return new PolicyEvent(rs.getString("code"), Actor.fromCode(rs.getString("actor")),
                Category.fromCode(rs.getString("category")), rs.getString("title"), rs.getString("summary"),
                materials, Jdbc.date(rs, "announced"), Jdbc.date(rs, "effective"), Jdbc.date(rs, "ends"),
                Jdbc.date(rs, "suspended_from"), Jdbc.date(rs, "suspended_until"), rs.getString("status"),
                rs.getString("source"), rs.getString("confidence"), rs.getString("note"), related,
                rs.getString("source_url"));
    }
}
