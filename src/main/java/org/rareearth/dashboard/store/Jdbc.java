package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers so every statement binds its parameters the same way. */
final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                ps.setNull(at, Types.NULL);
            } else if (a instanceof LocalDate d) {
                ps.setString(at, d.toString());
            } else if (a instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else if (a instanceof Enum<?> e) {
                throw new IllegalArgumentException("bind the code of " + e + ", not the enum");
            } else {
                ps.setObject(at, a);
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> all = list(c, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static long count(Connection c, String table) throws SQLException {
        // Table names come from this package's constants only, never from input.
        return one(c, "SELECT count(*) FROM " + table, rs -> rs.getLong(1)).orElse(0L);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return date(rs, rs.findColumn(column));
    }

    /** By position, for long reads: SQLite's driver looks a column name up again on every call. */
    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return isoDate(rs.getString(column));
    }

    /**
     * A stored date ({@code yyyy-MM-dd}, as the store writes them) read without the general ISO parser, which
     * costs more than the rest of reading a daily bar; anything else goes through that parser and its checks.
     */
    static LocalDate isoDate(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7)
                && digits(s, 8, 10)) {
            return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                    Integer.parseInt(s, 8, 10, 10));
        }
        return LocalDate.parse(s);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    static Double dbl(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Long lng(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        return dbl(rs, rs.findColumn(column));
    }

    static Long lng(ResultSet rs, String column) throws SQLException {
        return lng(rs, rs.findColumn(column));
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
