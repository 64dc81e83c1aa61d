package org.rareearth.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rareearth.dashboard.domain.Security;

/**
 * Writes many daily bars inside one transaction, inserting or replacing by (security, date). Rows go out in
 * multi-row statements that bind only the columns the source has (a bar is replaced whole: a column the file
 * lacks becomes empty), with the source's number ({@code price_source}) bound once per statement, and the security
 * too when every row of the statement is for the same one (as in a file sorted by security: a third fewer values to
 * pass to SQLite). It knows which dates each security already had, so it can tell insertions from updates.
 */
public final class PriceBarWriter {
    /** The optional price columns a file may have besides the close. */
    public enum Column { OPEN, HIGH, LOW, ADJ_CLOSE, VOLUME }

    /**
     * Rows a statement. 1,000 took a tenth to a quarter off a 1,000,000-row import's rows against 250; 3,000 took
     * about 40 ms more off the whole import (1,139-1,268 ms against 1,143-1,301 ms, eleven alternating pairs;
     * BENCHMARKS.md). A row binds at most 8 values (security, date, close and five optional columns), so a
     * statement binds at most 24,001: under SQLite's default limit of 32,766 (the driver's build allows 250,000).
     */
    static final int ROWS_PER_STATEMENT = 3000;
    private static final long EPOCH_BASE = LocalDate.of(1800, 1, 1).toEpochDay();

    private final Connection c;
    private final List<Column> columns;
    private final String source;
    /** The number of {@link #source} in {@code price_source}, looked up (or added) when the first row goes out. */
    private Long sourceId;
    private boolean sourceKnown;
    /**
     * The statements of a full batch, prepared when the first one is sent (a short write never needs them): rows of
     * several securities, and rows of one security, which binds its id once.
     */
    private PreparedStatement full;
    private PreparedStatement fullOneSecurity;
    private final Map<String, Long> symbolIds = new HashMap<>();
    private final Map<Long, BitSet> existing = new HashMap<>();
    private final long[] ids = new long[ROWS_PER_STATEMENT];
    private final String[] dates = new String[ROWS_PER_STATEMENT];
    private final double[] closes = new double[ROWS_PER_STATEMENT];
    private final Object[][] optional;
    /** Date texts by day, shared by every security: a long file repeats the same dates many times. */
    private final String[] dateText = new String[(int) (LocalDate.of(2101, 1, 1).toEpochDay() - EPOCH_BASE)];
    private int pending;
    private long lastId = Long.MIN_VALUE;
    private BitSet lastExisting;

    /** True on PostgreSQL: bars go by COPY ({@link #copy}), not by the many-row INSERTs below. */
    private final boolean postgres;

    private PriceBarWriter(Connection c, Set<Column> columns, String source) throws SQLException {
        this.c = c;
        this.postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        this.columns = List.copyOf(columns.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(columns));
        this.source = source;
        this.optional = new Object[this.columns.size()][ROWS_PER_STATEMENT];
    }

    /** A writer for use inside {@link Store#write}: every bar it writes gets {@code source}. */
    public static PriceBarWriter on(Connection c, Set<Column> columns, String source) throws SQLException {
        return new PriceBarWriter(c, columns, source);
    }

    /**
     * {@code rows} rows a statement, the source's number bound once as ?1; with {@code oneSecurity} the security is
     * bound once too, as ?2, and each row binds its date, close and optional columns.
     */
    private String sql(int rows, boolean oneSecurity) {
        String names = columns.stream().map(PriceBarWriter::name).collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder("INSERT INTO price_bar (source_id, security_id, date, close")
                .append(names.isEmpty() ? "" : ", " + names).append(") VALUES ");
        int per = (oneSecurity ? 2 : 3) + columns.size();
        int p = oneSecurity ? 3 : 2;
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "(?1" : ", (?1").append(oneSecurity ? ", ?2" : "");
            for (int k = 0; k < per; k++) {
                sb.append(", ?").append(p++);
            }
            sb.append(')');
        }
        return sb.append(" ON CONFLICT (security_id, date) DO UPDATE SET close = excluded.close,"
                + " open = excluded.open, high = excluded.high, low = excluded.low, adj_close = excluded.adj_close,"
                + " volume = excluded.volume, source_id = excluded.source_id").toString();
    }

    private static String name(Column col) {
        return switch (col) {
            case OPEN -> "open";
            case HIGH -> "high";
            case LOW -> "low";
            case ADJ_CLOSE -> "adj_close";
            case VOLUME -> "volume";
        };
    }

    /** The id of a stored security, if there is one. */
    public Optional<Long> securityId(String symbol) throws SQLException {
        Long id = symbolIds.get(symbol);
        if (id == null) {
            Optional<Long> found = SecurityRepository.idOf(c, symbol);
            if (found.isEmpty()) {
                return found;
            }
            id = found.get();
            symbolIds.put(symbol, id);
        }
        return Optional.of(id);
    }

    /**
     * Adds a security in this transaction and returns its id. It is not entered in the edit log: its source and note
     * name the import that made it, and writing its entry's JSON would load the data-binding mapper into every
     * command-line import that creates one (about 0.1 s of a 1.6 s import, measured in the import benchmark).
     */
    public long createSecurity(Security s) throws SQLException {
        SecurityRepository.upsert(c, s);
        symbolIds.remove(s.symbol());
        return securityId(s.symbol()).orElseThrow();
    }

    /**
     * Queues one bar (its source is the writer's); returns true when the security had no bar on that date
     * before. Values of columns the writer was not made for are ignored.
     */
    public boolean write(long securityId, LocalDate date, Double open, Double high, Double low, double close,
                         Double adjClose, Long volume) throws SQLException {
        if (securityId != lastId) {
            lastId = securityId;
            lastExisting = existing.computeIfAbsent(securityId, this::datesOf);
        }
        int bit = (int) (date.toEpochDay() - EPOCH_BASE);
        boolean isNew = !lastExisting.get(bit);
        lastExisting.set(bit);
        String text = dateText[bit];
        if (text == null) {
            text = date.toString();
            dateText[bit] = text;
        }
        if (postgres) {
            copyAllNew &= isNew;
            copy(securityId, text, open, high, low, close, adjClose, volume);
            return isNew;
        }
        int n = pending;
        ids[n] = securityId;
        dates[n] = text;
        closes[n] = close;
        for (int k = 0; k < columns.size(); k++) {
            optional[k][n] = switch (columns.get(k)) {
                case OPEN -> open;
                case HIGH -> high;
                case LOW -> low;
                case ADJ_CLOSE -> adjClose;
                case VOLUME -> volume;
            };
        }
        if (++pending == ROWS_PER_STATEMENT) {
            sendQueued();
        }
        return isNew;
    }

    /** Rows a PostgreSQL writer sends in one COPY (and one upsert from the staging table). */
    private static final int ROWS_PER_COPY = 50_000;
    /** The rows queued for the next COPY, as CSV: n, security_id, date, close, then the optional columns. */
    private final StringBuilder copyRows = new StringBuilder();
    private int copyCount;
    private long copySeq;
    private boolean staging;
    /** True while every queued row is a key the store lacks, given once: they can go straight into price_bar. */
    private boolean copyAllNew = true;
    /** The number of the writer's source as a CSV cell, or empty for none. */
    private String sourceCell;

    /**
     * On PostgreSQL bars go in through COPY into a temporary staging table, then one INSERT … SELECT … ON CONFLICT
     * moves them into price_bar, inside the caller's transaction: COPY is PostgreSQL's bulk path, several times
     * faster than many-row INSERTs (BENCHMARKS.md). A key given twice keeps its last row, as the INSERTs do.
     */
    private void copy(long securityId, String date, Double open, Double high, Double low, double close,
                      Double adjClose, Long volume) throws SQLException {
        StringBuilder b = copyRows;
        if (sourceCell == null) {
            Long id = sourceId();
            sourceCell = id == null ? "" : id.toString();
        }
        b.append(copySeq++).append(',').append(sourceCell).append(',').append(securityId).append(',').append(date)
                .append(',').append(close);
        for (Column col : columns) {
            Object v = switch (col) {
                case OPEN -> open;
                case HIGH -> high;
                case LOW -> low;
                case ADJ_CLOSE -> adjClose;
                case VOLUME -> volume;
            };
            b.append(',');
            if (v != null) {
                b.append(v);
            }
        }
        b.append('\n');
        if (++copyCount == ROWS_PER_COPY) {
            flushCopy();
        }
    }

    private void flushCopy() throws SQLException {
        if (copyCount == 0) {
            return;
        }
        String names = columns.stream().map(PriceBarWriter::name).collect(Collectors.joining(", "));
        String cols = "source_id, security_id, date, close" + (names.isEmpty() ? "" : ", " + names);
        try (java.sql.Statement st = c.createStatement()) {
            if (copyAllNew) {
                // New keys only, each once (the fresh import): straight into price_bar, no upsert needed. The
                // running number is read by the staging table only, so it is left out here.
                copyIn("COPY price_bar (" + cols + ") FROM STDIN WITH (FORMAT csv)", withoutNumbers());
            } else {
                if (!staging) {
                    st.execute("CREATE TEMPORARY TABLE IF NOT EXISTS price_bar_in (n BIGINT NOT NULL,"
                            + " source_id BIGINT, security_id BIGINT NOT NULL, date TEXT NOT NULL,"
                            + " close DOUBLE PRECISION NOT NULL, open DOUBLE PRECISION, high DOUBLE PRECISION, low DOUBLE PRECISION,"
                            + " adj_close DOUBLE PRECISION, volume BIGINT) ON COMMIT DROP");
                    staging = true;
                }
                copyIn("COPY price_bar_in (n, " + cols + ") FROM STDIN WITH (FORMAT csv)", copyRows.toString());
                st.executeUpdate("INSERT INTO price_bar (" + cols + ") SELECT DISTINCT ON (security_id, date) "
                        + cols + " FROM price_bar_in ORDER BY security_id, date, n DESC"
                        + " ON CONFLICT (security_id, date) DO UPDATE SET close = excluded.close, open = excluded.open,"
                        + " high = excluded.high, low = excluded.low, adj_close = excluded.adj_close,"
                        + " volume = excluded.volume, source_id = excluded.source_id");
                st.execute("TRUNCATE price_bar_in");
            }
        }
        copyRows.setLength(0);
        copyCount = 0;
        copyAllNew = true;
    }

    private void copyIn(String sql, String rows) throws SQLException {
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql, new java.io.StringReader(rows));
        } catch (java.io.IOException e) {
            throw new SQLException("cannot send the daily prices to the server: " + e.getMessage(), "08006", e);
        }
    }

    /** The queued rows without their leading running number. */
    private String withoutNumbers() {
        StringBuilder out = new StringBuilder(copyRows.length());
        int i = 0;
        int n = copyRows.length();
        while (i < n) {
            int comma = copyRows.indexOf(",", i);
            int end = copyRows.indexOf("\n", comma);
            out.append(copyRows, comma + 1, end + 1);
            i = end + 1;
        }
        return out.toString();
    }

    /** Sends what is queued; the writer may be written to again. */
    public void flush() throws SQLException {
        if (postgres) {
            flushCopy();
            return;
        }
        sendQueued();
        // A desktop session keeps its connection open: statements are not left on it.
        PreparedStatement several = full;
        PreparedStatement one = fullOneSecurity;
        full = null;
        fullOneSecurity = null;
        try (several; one) {
            // both are closed here (a null one is skipped), the second even when closing the first fails
        }
    }

    private void sendQueued() throws SQLException {
        if (pending == 0) {
            return;
        }
        boolean one = true;
        for (int r = 1; r < pending && one; r++) {
            one = ids[r] == ids[0];
        }
        if (pending == ROWS_PER_STATEMENT) {
            if (one && fullOneSecurity == null) {
                fullOneSecurity = c.prepareStatement(sql(ROWS_PER_STATEMENT, true));
            } else if (!one && full == null) {
                full = c.prepareStatement(sql(ROWS_PER_STATEMENT, false));
            }
            send(one ? fullOneSecurity : full, one);
        } else {
            try (PreparedStatement ps = c.prepareStatement(sql(pending, one))) {
                send(ps, one);
            }
        }
        pending = 0;
    }

    /**
     * Sends what is queued, then checks once that every security a bar was written for is in the store: the
     * check that a write without per-row foreign-key checks ({@link Store#writeBulk}) leaves to its work.
     */
    public void finish() throws SQLException {
        flush();
        if (existing.isEmpty()) {
            return;
        }
        Set<Long> missing = new java.util.TreeSet<>(existing.keySet());
        String ids = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
        missing.removeAll(Jdbc.list(c, "SELECT id FROM security WHERE id IN (" + ids + ")", rs -> rs.getLong(1)));
        if (!missing.isEmpty()) {
            throw new StoreException("the daily prices are for securities the store does not have (ids " + missing
                    + "); nothing was written");
        }
    }

    /** The number of the writer's source, added to {@code price_source} on first use; null for no source. */
    private Long sourceId() throws SQLException {
        if (!sourceKnown) {
            sourceId = PriceSources.idOf(c, source);
            sourceKnown = true;
        }
        return sourceId;
    }

    private void send(PreparedStatement ps, boolean oneSecurity) throws SQLException {
        Long sid = sourceId();
        if (sid == null) {
            ps.setNull(1, java.sql.Types.INTEGER);
        } else {
            ps.setLong(1, sid);
        }
        int p = 2;
        if (oneSecurity) {
            ps.setLong(p++, ids[0]);
        }
        for (int r = 0; r < pending; r++) {
            if (!oneSecurity) {
                ps.setLong(p++, ids[r]);
            }
            ps.setString(p++, dates[r]);
            ps.setDouble(p++, closes[r]);
            for (Object[] col : optional) {
                Object v = col[r];
                if (v == null) {
                    ps.setNull(p++, java.sql.Types.NULL);
                } else if (v instanceof Long l) {
                    ps.setLong(p++, l);
                } else {
                    ps.setDouble(p++, (Double) v);
                }
            }
        }
        ps.executeUpdate();
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
}
