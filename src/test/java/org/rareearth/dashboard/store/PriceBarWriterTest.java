package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer sends a statement's rows with the security bound once when they are all for one security, and per row
 * otherwise: every mix of full and short statements, of one and of several securities, stores each bar as given.
 */
class PriceBarWriterTest {
    @TempDir
    Path dir;

    private record Bar(long id, LocalDate date, Double open, double close, Long volume) {}

    @Test
    void statements_of_one_security_and_of_several_store_every_bar_as_given() {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            long a = TestSecurities.add(s, "MP");
            long b = TestSecurities.add(s, "LYC.AX");
            LocalDate start = LocalDate.of(1990, 1, 1);
            List<Bar> bars = new ArrayList<>();
            // A full statement of one security, a full one alternating two, a short one of one, a short mixed one.
            int full = PriceBarWriter.ROWS_PER_STATEMENT;
            for (int i = 0; i < full; i++) {
                bars.add(new Bar(a, start.plusDays(i), i % 7 == 0 ? null : 10.0 + i, 10.5 + i, (long) i));
            }
            for (int i = 0; i < full; i++) {
                bars.add(new Bar(i % 2 == 0 ? a : b, start.plusDays(full + i), 20.0 + i, 20.25 + i,
                        i % 5 == 0 ? null : 1_000L + i));
            }
            for (int i = 0; i < 300; i++) {
                bars.add(new Bar(b, start.plusDays(2 * full + i), 30.0 + i, 30.75 + i, 2_000L + i));
            }
            for (int i = 0; i < 5; i++) {
                bars.add(new Bar(i % 2 == 0 ? b : a, start.plusDays(2 * full + 300 + i), null, 40.125 + i, null));
            }
            int inserted = s.writeBulk(c -> {
                PriceBarWriter w = PriceBarWriter.on(c,
                        EnumSet.of(PriceBarWriter.Column.OPEN, PriceBarWriter.Column.VOLUME), "file.csv");
                int n = 0;
                for (Bar bar : bars) {
                    n += w.write(bar.id(), bar.date(), bar.open(), null, null, bar.close(), null, bar.volume()) ? 1 : 0;
                }
                w.finish();
                return n;
            });
            assertThat(inserted).isEqualTo(bars.size());
            List<Bar> stored = s.read(c -> Jdbc.list(c,
                    "SELECT b.security_id, b.date, b.open, b.close, b.volume, p.name FROM price_bar b"
                            + " JOIN price_source p ON p.id = b.source_id ORDER BY b.date",
                    rs -> {
                        assertThat(rs.getString(6)).isEqualTo("file.csv");
                        double open = rs.getDouble(3);
                        Double o = rs.wasNull() ? null : open;
                        double close = rs.getDouble(4);
                        long volume = rs.getLong(5);
                        Long v = rs.wasNull() ? null : volume;
                        return new Bar(rs.getLong(1), LocalDate.parse(rs.getString(2)), o, close, v);
                    }));
            assertThat(stored).containsExactlyElementsOf(bars);
        }
    }

    @Test
    void each_source_text_is_stored_once_and_a_bar_written_again_takes_the_new_source() {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            long a = TestSecurities.add(s, "MP");
            LocalDate day = LocalDate.of(2025, 7, 10);
            for (String source : new String[] {"mp.csv", "mp.csv", null, "yahoo"}) {
                s.writeBulk(c -> {
                    PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), source);
                    // one bar of its own per write, and the shared day written again each time
                    w.write(a, day.plusDays(1 + (source == null ? 10 : source.length())), null, null, null, 1.0,
                            null, null);
                    w.write(a, day, null, null, null, 2.0, null, null);
                    w.finish();
                    return null;
                });
            }
            List<org.rareearth.dashboard.domain.PriceBar> bars = new PriceBarRepository(s).forSymbol("MP");
            assertThat(bars).extracting(b -> b.date() + " " + b.source()).containsExactly(
                    "2025-07-10 yahoo", "2025-07-16 yahoo", "2025-07-17 mp.csv", "2025-07-21 null");
            assertThat(s.<List<String>>read(c -> Jdbc.list(c, "SELECT name FROM price_source ORDER BY id", rs -> rs.getString(1))))
                    .containsExactly("mp.csv", "yahoo");
        }
    }

    @Test
    void a_full_statement_of_several_securities_with_every_column_stores_every_value() {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            long a = TestSecurities.add(s, "MP");
            long b = TestSecurities.add(s, "LYC.AX");
            LocalDate start = LocalDate.of(1995, 1, 2);
            int rows = PriceBarWriter.ROWS_PER_STATEMENT + 7; // one full statement (8 values a row) and a short one
            s.writeBulk(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, EnumSet.allOf(PriceBarWriter.Column.class), "all.csv");
                for (int i = 0; i < rows; i++) {
                    w.write(i % 2 == 0 ? a : b, start.plusDays(i), 1.0 + i, 3.0 + i, 0.5 + i, 2.0 + i, 1.9 + i,
                            (long) i);
                }
                w.finish();
                return null;
            });
            List<org.rareearth.dashboard.domain.PriceBar> stored = new ArrayList<>(
                    new PriceBarRepository(s).forSymbol("MP"));
            stored.addAll(new PriceBarRepository(s).forSymbol("LYC.AX"));
            assertThat(stored).hasSize(rows);
            for (org.rareearth.dashboard.domain.PriceBar bar : stored) {
                int n = (int) (bar.date().toEpochDay() - start.toEpochDay());
                assertThat(bar.symbol()).isEqualTo(n % 2 == 0 ? "MP" : "LYC.AX");
                assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close(), bar.adjClose()))
                        .as("bar %d", n).containsExactly(1.0 + n, 3.0 + n, 0.5 + n, 2.0 + n, 1.9 + n);
                assertThat(bar.volume()).isEqualTo((long) n);
                assertThat(bar.source()).isEqualTo("all.csv");
            }
        }
    }
}
