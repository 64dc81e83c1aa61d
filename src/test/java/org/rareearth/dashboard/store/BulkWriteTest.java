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
 * and every other write has the checks back, whether the bulk write committed or not. A bulk write with the store
 * to itself goes past the WAL where nobody else has the store open, and leaves the store in WAL mode.
 */
class BulkWriteTest {
    @TempDir
    Path dir;

    private static boolean foreignKeysOn(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static String pragma(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The journal mode, synchronous level and foreign-key checks {@code c} runs with. */
    private static String settings(java.sql.Connection c) throws java.sql.SQLException {
        return pragma(c, "journal_mode") + " synchronous=" + pragma(c, "synchronous") + " foreign_keys="
                + pragma(c, "foreign_keys");
    }

    /** Writes {@code n} bars for {@code id} and returns the settings it ran with. */
    private static String bulkAlone(Store s, long id, int n) {
        return s.writeBulkAlone(c -> {
            PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), "t");
            for (int i = 0; i < n; i++) {
                w.write(id, LocalDate.of(2000, 1, 1).plusDays(i), null, null, null, 1 + i, null, null);
            }
            w.finish();
            return settings(c);
        });
    }

    private static String modeAfter(Store s) {
        return s.write(BulkWriteTest::settings);
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

    @Test
    void a_bulk_write_alone_goes_past_the_wal_with_a_synced_commit_and_leaves_the_store_in_wal_mode() throws Exception {
        Path db = dir.resolve("s.db");
        try (Store s = Store.open(db)) {
            long id = TestSecurities.add(s, "MP");
            assertThat(bulkAlone(s, id, 2_500)).isEqualTo("delete synchronous=2 foreign_keys=0");
            assertThat(modeAfter(s)).isEqualTo("wal synchronous=1 foreign_keys=1");
            assertThat(bars(s)).isEqualTo(2_500);
        }
        assertThat(Path.of(db + "-journal")).doesNotExist();
        byte[] header = java.nio.file.Files.readAllBytes(db);
        assertThat(header[18]).as("the file's header says WAL").isEqualTo((byte) 2);
        try (Store s = Store.open(db)) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            assertThat(bars(s)).isEqualTo(2_500);
        }
    }

    @Test
    void a_bulk_write_alone_on_a_store_open_elsewhere_goes_through_the_wal_at_once() throws Exception {
        Path db = dir.resolve("s.db");
        try (Store s = Store.open(db);
             java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            long id = TestSecurities.add(s, "MP");
            assertThat(pragma(other, "journal_mode")).isEqualTo("wal");
            long started = System.nanoTime();
            assertThat(bulkAlone(s, id, 100)).isEqualTo("wal synchronous=1 foreign_keys=0");
            assertThat(System.nanoTime() - started).as("not after the busy timeout")
                    .isLessThan(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Store.BUSY_TIMEOUT_MS));
            try (Statement st = other.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM price_bar")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(100);
            }
        }
        // This store's own reads count as a connection too: a screen may read while the rows go in.
        try (Store s = Store.open(db)) {
            assertThat(bars(s)).isEqualTo(100);
            long id = s.read(c -> SecurityRepository.idOf(c, "MP").orElseThrow());
            assertThat(bulkAlone(s, id, 200)).isEqualTo("wal synchronous=1 foreign_keys=0");
            assertThat(modeAfter(s)).isEqualTo("wal synchronous=1 foreign_keys=1");
            assertThat(bars(s)).isEqualTo(200);
        }
    }

    @Test
    void a_bulk_write_alone_that_fails_writes_nothing_and_leaves_the_store_in_wal_mode() throws Exception {
        Path db = dir.resolve("s.db");
        try (Store s = Store.open(db)) {
            long id = TestSecurities.add(s, "MP");
            assertThatThrownBy(() -> s.writeBulkAlone(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, EnumSet.noneOf(PriceBarWriter.Column.class), "t");
                for (int i = 0; i < 5_000; i++) {
                    w.write(id, LocalDate.of(2000, 1, 1).plusDays(i), null, null, null, 1 + i, null, null);
                }
                w.flush();
                assertThat(pragma(c, "journal_mode")).isEqualTo("delete");
                throw new java.sql.SQLException("broken on purpose");
            })).isInstanceOf(StoreException.class).hasMessageContaining("broken on purpose");
            assertThat(modeAfter(s)).isEqualTo("wal synchronous=1 foreign_keys=1");
            assertThat(bars(s)).isZero();
        }
        assertThat(Path.of(db + "-journal")).doesNotExist();
    }
}
