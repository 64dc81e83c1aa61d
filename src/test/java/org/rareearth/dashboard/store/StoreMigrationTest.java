package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMigrationTest {

    @TempDir
    Path dir;

    private static final int LATEST = Migration.bundled().size();
    private static final Migration V2 = new Migration(LATEST + 1, "test: add a column",
            List.of("ALTER TABLE security ADD COLUMN isin TEXT"));

    private static List<Migration> upToV2() {
        List<Migration> all = new ArrayList<>(Migration.bundled());
        all.add(V2);
        return all;
    }

    @Test
    void a_new_file_gets_the_latest_schema_in_wal_mode_with_foreign_keys() throws Exception {
        Path db = dir.resolve("sub/folder/new.db");
        try (Store s = Store.open(db)) {
            assertThat(s.wasCreated()).isTrue();
            assertThat(s.schemaVersion()).isEqualTo(Store.latestSchemaVersion());
            assertThat(s.journalMode()).isEqualTo("wal");
            assertThat(q(s, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(q(s, "PRAGMA busy_timeout")).isEqualTo(String.valueOf(Store.BUSY_TIMEOUT_MS));
            assertThat(s.migrationBackup()).isEmpty();
        }
        assertThat(db).exists();
    }

    @Test
    void new_stores_get_large_pages_and_an_older_store_keeps_its_own() throws Exception {
        try (Store s = Store.open(dir.resolve("new.db"))) {
            assertThat(q(s, "PRAGMA page_size")).isEqualTo(String.valueOf(Store.PAGE_SIZE)).isEqualTo("65536");
        }
        // A store made before, with SQLite's default page size, and a security in it.
        Path old = dir.resolve("old.db");
        try (Store s = Store.open(old)) {
            s.write(c -> Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                    + " VALUES ('MP', 'MP Materials', 'NYSE', 'USD', 'test')"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("PRAGMA page_size = 4096");
            st.execute("VACUUM");
        }
        try (Store s = Store.open(old)) {
            assertThat(q(s, "PRAGMA page_size")).isEqualTo("4096");
            assertThat(new SecurityRepository(s).count()).isEqualTo(1);
            assertThat(s.journalMode()).isEqualTo("wal");
        }
    }

    @Test
    void reopening_a_current_store_keeps_its_data_and_takes_no_backup() {
        Path db = dir.resolve("a.db");
        try (Store s = Store.open(db)) {
            s.write(c -> Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                    + " VALUES ('MP', 'MP Materials', 'NYSE', 'USD', 'test')"));
        }
        try (Store s = Store.open(db)) {
            assertThat(s.wasCreated()).isFalse();
            assertThat(s.migrationBackup()).isEmpty();
            assertThat(new SecurityRepository(s).count()).isEqualTo(1);
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void migrating_an_existing_store_copies_it_first_and_records_the_new_version() throws Exception {
        Path db = dir.resolve("old.db");
        try (Store s = Store.open(db, List.of(Migration.bundled().get(0)))) {
            s.write(c -> Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                    + " VALUES ('LYC', 'Lynas', 'ASX', 'AUD', 'test')"));
        }
        Path backup;
        try (Store s = Store.open(db, upToV2())) {
            assertThat(s.schemaVersion()).isEqualTo(LATEST + 1);
            assertThat(s.wasCreated()).isFalse();
            assertThat(q(s, "SELECT count(*) FROM sqlite_master WHERE name = 'stake'")).as("every step ran")
                    .isEqualTo("1");
            backup = s.migrationBackup().orElseThrow();
            assertThat(q(s, "SELECT count(*) FROM pragma_table_info('security') WHERE name = 'isin'"))
                    .isEqualTo("1");
            assertThat(new SecurityRepository(s).count()).isEqualTo(1);
        }
        assertThat(backup.getParent()).isEqualTo(dir.resolve("backups"));
        assertThat(backup.getFileName().toString()).startsWith("old-schema-v1-");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertThat(scalar(c, "PRAGMA user_version")).isEqualTo("1");
            assertThat(scalar(c, "SELECT symbol FROM security")).isEqualTo("LYC");
            assertThat(scalar(c, "SELECT count(*) FROM pragma_table_info('security') WHERE name = 'isin'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void a_schema_2_store_migrates_to_source_urls_event_links_and_floor_terms_keeping_its_records() throws Exception {
        Path db = storeAt("v2.db", 2, "INSERT INTO event (code, actor, category, title, announced, status, source)"
                + " VALUES ('mine', 'china', 'export-control', 'My record', '2025-01-01', 'in-force', 'my notes')",
                "INSERT INTO price_floor (program, commodity, level, currency, unit, start_date, upside_share, source)"
                + " VALUES ('F', 'NdPr oxide', 110, 'USD', 'kg', '2025-10-01', 0.3, 'x')");
        try (Store s = Store.open(db, Migration.bundled().subList(0, 3))) {
            assertThat(s.schemaVersion()).isEqualTo(3);
            var events = new EventRepository(s).all();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.title()).isEqualTo("My record");
                assertThat(e.sourceUrl()).isNull();
                assertThat(e.related()).isEmpty();
            });
            var floor = new FloorRepository(s).all().get(0);
            assertThat(floor.upsideShare()).isEqualTo(0.3);
            assertThat(floor.volume()).isNull();
            assertThat(floor.upsideThreshold()).as("the floor itself, when no threshold is set").isEqualTo(110.0);
        }
        assertThat(Files.list(dir.resolve("backups")).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("v2-schema-v2-"));
    }

    @Test
    void a_schema_3_store_migrates_to_tickers_per_source_and_download_records() throws Exception {
        Path db = storeAt("v3.db", 3, "INSERT INTO security (symbol, name, exchange, currency, is_benchmark, source,"
                + " confidence) VALUES ('LYC', 'Lynas', 'ASX', 'AUD', 0, 'ASX', 'S')");
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(LATEST);
            SecurityRepository securities = new SecurityRepository(s);
            org.rareearth.dashboard.domain.Security lyc = securities.find("LYC").orElseThrow();
            assertThat(lyc.tickers()).isEmpty();
            assertThat(org.rareearth.dashboard.domain.QuoteTickers.tickerFor(lyc, "yahoo")).contains("LYC.AX");
            s.write(c -> SecurityRepository.upsert(c, lyc.withTickers(java.util.Map.of("stooq", "lyc.au"))));
            assertThat(securities.find("LYC").orElseThrow().tickers()).containsEntry("stooq", "lyc.au");
            assertThat(new PriceFetchRepository(s).latest()).isEmpty();
        }
    }

    @Test
    void a_schema_6_store_keeps_its_edit_log_and_its_entries_read_as_made_in_the_app() throws Exception {
        Path db = dir.resolve("v6.db");
        try (Store s = Store.open(db, Migration.bundled().subList(0, 6))) {
            s.write(c -> Jdbc.update(c, "INSERT INTO record_edit (kind, record_key, version, action, changed_at,"
                    + " changed_by, after_json) VALUES ('security', 'MP', 1, 'add', '2026-11-30T10:00:00Z', 'ana',"
                    + " '{\"symbol\":\"MP\"}')"));
        }
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(LATEST).isEqualTo(8);
            List<RecordEdit> log = s.read(RecordStore::allEdits);
            assertThat(log).singleElement().satisfies(e -> {
                assertThat(e.who()).isEqualTo("ana");
                assertThat(e.via()).isNull();
                assertThat(e.through()).isEqualTo("the app");
            });
        }
    }

    @Test
    void a_schema_7_store_keeps_each_bars_source_with_every_text_stored_once() throws Exception {
        Path db = storeAt("v7.db", 7, "INSERT INTO security (symbol, name, exchange, currency, source)"
                + " VALUES ('MP', 'MP Materials', 'NYSE', 'USD', 'test')",
                "INSERT INTO price_bar (security_id, date, close, volume, source) VALUES"
                + " (1, '2025-07-09', 30.0, 1000, 'mp.csv'), (1, '2025-07-10', 45.2, NULL, 'yahoo'),"
                + " (1, '2025-07-11', 46.5, 7, NULL), (1, '2025-07-14', 47.0, NULL, 'mp.csv')");
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(LATEST);
            List<org.rareearth.dashboard.domain.PriceBar> bars = new PriceBarRepository(s).forSymbol("MP");
            assertThat(bars).extracting(org.rareearth.dashboard.domain.PriceBar::source)
                    .containsExactly("mp.csv", "yahoo", null, "mp.csv");
            assertThat(bars).extracting(org.rareearth.dashboard.domain.PriceBar::close)
                    .containsExactly(30.0, 45.2, 46.5, 47.0);
            assertThat(bars.get(0).volume()).isEqualTo(1000L);
            assertThat(q(s, "SELECT group_concat(name, '|') FROM (SELECT name FROM price_source ORDER BY name)"))
                    .isEqualTo("mp.csv|yahoo");
            assertThat(q(s, "SELECT count(*) FROM pragma_table_info('price_bar') WHERE name = 'source'"))
                    .as("the text column is gone").isEqualTo("0");
            assertThat(q(s, "SELECT count(*) FROM pragma_foreign_key_check")).isEqualTo("0");
        }
    }

    @Test
    void a_failing_migration_leaves_the_store_at_its_old_version() throws Exception {
        Path db = dir.resolve("fail.db");
        Store.open(db).close();
        List<Migration> broken = new ArrayList<>(Migration.bundled());
        broken.add(new Migration(LATEST + 1, "broken", List.of("ALTER TABLE security ADD COLUMN x TEXT",
                "THIS IS NOT SQL")));
        assertThatThrownBy(() -> Store.open(db, broken)).isInstanceOf(StoreException.class);
        try (Store s = Store.open(db)) {
            assertThat(s.schemaVersion()).isEqualTo(LATEST);
            assertThat(q(s, "SELECT count(*) FROM pragma_table_info('security') WHERE name = 'x'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void a_store_from_a_newer_version_is_refused_and_left_unchanged() throws Exception {
        Path db = dir.resolve("newer.db");
        Store.open(db, upToV2()).close();
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> Store.open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version")
                .hasMessageContaining("schema " + (LATEST + 1));
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_and_never_overwritten() throws Exception {
        Path db = dir.resolve("notes.db");
        byte[] text = "These are my notes, not a database.\n".repeat(200).getBytes();
        Files.write(db, text);
        assertThatThrownBy(() -> Store.open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("not a Rare Earth Dashboard store");
        assertThat(Files.readAllBytes(db)).isEqualTo(text);
    }

    @Test
    void another_programs_database_is_refused() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> Store.open(db)).hasMessageContaining("not a Rare Earth Dashboard store");
    }

    @Test
    void a_failed_write_transaction_writes_nothing() {
        try (Store s = Store.open(dir.resolve("tx.db"))) {
            assertThatThrownBy(() -> s.write(c -> {
                Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                        + " VALUES ('MP', 'MP Materials', 'NYSE', 'USD', 'test')");
                return Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                        + " VALUES ('MP', 'duplicate', 'NYSE', 'USD', 'test')");
            })).isInstanceOf(StoreException.class);
            assertThat(new SecurityRepository(s).count()).isZero();
        }
    }

    @Test
    void script_splitting_keeps_statements_whole_and_drops_comments() {
        assertThat(Migration.split("-- c\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n y INT\n);\n"))
                .containsExactly("CREATE TABLE a (x INT);", "CREATE TABLE b (\n y INT\n);");
    }

    /** A store file made with the first {@code version} migrations only, holding what {@code sql} inserts. */
    private Path storeAt(String name, int version, String... sql) {
        Path db = dir.resolve(name);
        try (Store s = Store.open(db, Migration.bundled().subList(0, version))) {
            assertThat(s.schemaVersion()).isEqualTo(version);
            s.write(c -> {
                try (Statement st = c.createStatement()) {
                    for (String one : sql) {
                        st.execute(one);
                    }
                }
                return null;
            });
        }
        return db;
    }

    private static String q(Store s, String sql) {
        return s.<String>read(c -> scalar(c, sql));
    }

    private static String scalar(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
