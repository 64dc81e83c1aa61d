package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk write leaves SQLite's per-row foreign-key check out; the price writer checks its securities once instead,
 * and every other write has the checks back, whether the bulk write committed or not.
 */
class BulkWriteTest {
    @TempDir
    Path dir;

    private static boolean foreignKeysOn(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static long bars(Store s) {
        return s.read(c -> Jdbc.count(c, "price_bar"));
    }

    @Test
    void a_bulk_write_runs_without_per_row_checks_and_the_next_write_has_them_again() throws Exception {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            long id = TestSecurities.add(s, "MP");
            boolean during = s.writeBulk(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), "t");
                // 2,500 rows: two full statements and a shorter last one.
                for (int i = 0; i < 2_500; i++) {
                    w.write(id, LocalDate.of(2000, 1, 1).plusDays(i), null, null, null, 1 + i, null, null);
                }
                w.finish();
                return foreignKeysOn(c);
            });
            assertThat(during).isFalse();
            assertThat(bars(s)).isEqualTo(2_500);
            assertThat(s.write(BulkWriteTest::foreignKeysOn)).isTrue();
            // And they act: a bar for a security the store lacks is refused by an ordinary write.
            assertThatThrownBy(() -> s.write(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), "t");
                w.write(id + 99, LocalDate.of(2030, 1, 1), null, null, null, 1, null, null);
                w.flush();
                return null;
            })).isInstanceOf(StoreException.class);
            assertThat(bars(s)).isEqualTo(2_500);
        }
    }

    @Test
    void bars_for_a_security_the_store_lacks_are_refused_at_the_end_of_a_bulk_write_and_nothing_is_written() {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            long id = TestSecurities.add(s, "MP");
            assertThatThrownBy(() -> s.writeBulk(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), "t");
                w.write(id, LocalDate.of(2025, 7, 10), null, null, null, 10, null, null);
                w.write(id + 7, LocalDate.of(2025, 7, 10), null, null, null, 11, null, null);
                w.finish();
                return null;
            })).isInstanceOf(StoreException.class)
                    .hasMessageContaining("securities the store does not have (ids [" + (id + 7) + "])")
                    .hasMessageContaining("nothing was written");
            assertThat(bars(s)).isZero();
            assertThat(s.write(BulkWriteTest::foreignKeysOn)).isTrue();
        }
    }

    @Test
    void a_bulk_write_that_fails_leaves_the_checks_on() {
        try (Store s = Store.open(dir.resolve("s.db"))) {
            assertThatThrownBy(() -> s.writeBulk(c -> {
                throw new java.sql.SQLException("broken on purpose");
            })).isInstanceOf(StoreException.class);
            assertThat(s.write(BulkWriteTest::foreignKeysOn)).isTrue();
        }
    }
}
