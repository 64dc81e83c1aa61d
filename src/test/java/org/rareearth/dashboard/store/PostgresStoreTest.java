package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.PostgresServer;

/**
 * The store on a real PostgreSQL server (started by the test from the machine's server binaries): the same
 * migrations make it, the default dataset fills it, and it holds what a SQLite store holds, byte for byte in the
 * dataset export.
 */
class PostgresStoreTest {
    private static final Map<String, String> ENV = Map.of();

    @TempDir
    Path dir;

    private StoreLocation.Postgres newStore() {
        PostgresServer server = PostgresServer.shared();
        return (StoreLocation.Postgres) StoreLocation.parse(server.url(server.newDatabase()), "--db");
    }

    @Test
    void a_new_database_gets_the_schema_and_the_default_dataset_and_exports_as_a_sqlite_store_does() throws Exception {
        StoreLocation.Postgres pg = newStore();
        Path fromPg = dir.resolve("pg.json");
        Path fromSqlite = dir.resolve("sqlite.json");
        try (Workspace s = Workspace.open(pg, ENV)) {
            assertThat(s.store().isPostgres()).isTrue();
            assertThat(s.store().wasCreated()).isTrue();
            assertThat(s.store().schemaVersion()).isEqualTo(Store.latestSchemaVersion());
            assertThat(s.store().location().display()).isEqualTo(pg.display());
            s.exportDataset(fromPg);
        }
        try (Workspace s = Workspace.open(dir.resolve("store.db"))) {
            s.exportDataset(fromSqlite);
        }
        assertThat(Files.readString(fromPg)).isEqualTo(Files.readString(fromSqlite));
        try (Workspace again = Workspace.open(pg, ENV)) {
            assertThat(again.store().wasCreated()).as("opened again").isFalse();
            assertThat(again.datasets.counts()).isEqualTo(Workspace.open(dir.resolve("store.db")).datasets.counts());
        }
    }

    /** A first start stopped after making the schema, before the default dataset went in (killed, cut off). */
    @Test
    void a_team_store_left_without_its_records_by_a_stopped_first_start_is_filled_by_the_next() {
        StoreLocation.Postgres pg = newStore();
        Store.open(pg, ENV).close(); // the schema only, as a start stopped right after it leaves the store
        Counts full;
        try (Workspace s = Workspace.open(pg, ENV)) {
            assertThat(s.store().wasCreated()).as("still to be filled").isTrue();
            full = s.datasets.counts();
            assertThat(full.events()).isEqualTo(Workspace.defaultDataset().events().size());
        }
        try (Workspace again = Workspace.open(pg, ENV)) {
            assertThat(again.store().wasCreated()).isFalse();
            assertThat(again.datasets.counts()).isEqualTo(full);
        }
    }

    /** The first write to a new team store fills it, whatever it is: the default dataset never goes in on top. */
    @Test
    void a_team_store_whose_first_write_was_a_copy_or_an_edit_is_not_filled_with_the_default_dataset() {
        StoreLocation.Postgres pg = newStore();
        try (Store s = Store.open(pg, ENV)) {
            assertThat(s.wasCreated()).isTrue();
            TestSecurities.add(s, "OWN");
        }
        try (Workspace s = Workspace.open(pg, ENV)) {
            assertThat(s.store().wasCreated()).isFalse();
            assertThat(s.datasets.counts().securities()).isEqualTo(1);
            assertThat(s.datasets.counts().events()).isZero();
        }
    }

    /** Two starts open a new team store at once: the second finds it filled and leaves what is there alone. */
    @Test
    void of_two_starts_opening_a_new_team_store_at_once_only_the_first_fills_it() {
        StoreLocation.Postgres pg = newStore();
        try (Store first = Store.open(pg, ENV); Store second = Store.open(pg, ENV)) {
            assertThat(second.wasCreated()).as("both found it unfilled").isTrue();
            assertThat(new DatasetStore(first).fill(Workspace.defaultDataset())).isNotNull();
            first.write(c -> {
                try (var st = c.createStatement()) {
                    st.execute("UPDATE event SET title = 'edited meanwhile' WHERE code = 'dod-mp-2025'");
                }
                return null;
            });
            assertThat(new DatasetStore(second).fill(Workspace.defaultDataset())).as("nothing written").isNull();
            assertThat(second.<String>read(c -> Jdbc.list(c, "SELECT title FROM event WHERE code = 'dod-mp-2025'",
                    rs -> rs.getString(1)).get(0))).isEqualTo("edited meanwhile");
        }
    }

    @Test
    void daily_prices_import_into_postgresql_in_one_transaction_and_read_back() throws Exception {
        StoreLocation.Postgres pg = newStore();
        Path csv = dir.resolve("mp.csv");
        Files.writeString(csv, "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2025-07-09,30.1,31.0,29.5,30.0,30.0,1000\n"
                + "2025-07-10,45.0,48.2,44.0,45.2,,2500\n"
                + "2025-07-11,46.0,47.0,45.0,46.5,46.5,\n");
        try (Workspace s = Workspace.open(pg, ENV)) {
            PriceImportService.Result r = PriceImportService.run(s.store(), csv, PriceImportService.Options.of("MP"));
            assertThat(r.inserted()).isEqualTo(3);
            List<PriceBar> bars = s.priceBars.forSymbol("MP");
            assertThat(bars).hasSize(3);
            assertThat(bars.get(1).close()).isEqualTo(45.2);
            assertThat(bars.get(1).adjClose()).isNull();
            assertThat(bars.get(2).volume()).isNull();
            assertThat(bars.get(0).volume()).isEqualTo(1000L);
            // The same file again updates, inserting nothing.
            PriceImportService.Result again = PriceImportService.run(s.store(), csv,
                    PriceImportService.Options.of("MP"));
            assertThat(again.inserted()).isZero();
            assertThat(again.updated()).isEqualTo(3);
            assertThat(s.priceBars.forSymbol("MP")).isEqualTo(bars);
        }
    }

    @Test
    void the_bulk_writer_keeps_the_last_row_of_a_key_given_twice_and_tells_new_from_updated() throws Exception {
        try (Workspace s = Workspace.open(newStore(), ENV)) {
            long[] told = s.store().write(c -> {
                PriceBarWriter w = PriceBarWriter.on(c, java.util.EnumSet.of(PriceBarWriter.Column.VOLUME), "t");
                long id = w.securityId("MP").orElseThrow();
                long fresh = 0;
                fresh += w.write(id, java.time.LocalDate.of(2025, 7, 10), null, null, null, 1.0, null, 5L) ? 1 : 0;
                fresh += w.write(id, java.time.LocalDate.of(2025, 7, 10), null, null, null, 2.0, null, null) ? 1 : 0;
                fresh += w.write(id, java.time.LocalDate.of(2025, 7, 11), null, null, null, 1e-7, null, null) ? 1 : 0;
                w.flush();
                return new long[] {fresh};
            });
            assertThat(told[0]).isEqualTo(2);
            List<PriceBar> bars = s.priceBars.forSymbol("MP");
            assertThat(bars).hasSize(2);
            assertThat(bars.get(0).close()).isEqualTo(2.0);
            assertThat(bars.get(0).volume()).isNull();
            assertThat(bars.get(0).source()).isEqualTo("t");
            assertThat(bars.get(1).close()).isEqualTo(1e-7);
        }
    }

    @Test
    void a_schema_7_team_store_keeps_each_bars_source_with_every_text_stored_once() {
        StoreLocation.Postgres pg = newStore();
        try (Store s = Store.open(pg, ENV, Migration.bundled().subList(0, 7))) {
            assertThat(s.schemaVersion()).isEqualTo(7);
            s.write(c -> {
                Jdbc.update(c, "INSERT INTO security (symbol, name, exchange, currency, source)"
                        + " VALUES ('MP', 'MP Materials', 'NYSE', 'USD', 'test')");
                long id = SecurityRepository.idOf(c, "MP").orElseThrow();
                Jdbc.update(c, "INSERT INTO price_bar (security_id, date, close, source) VALUES (?, '2025-07-09',"
                        + " 30.0, 'mp.csv'), (?, '2025-07-10', 45.2, NULL), (?, '2025-07-11', 46.5, 'mp.csv')",
                        id, id, id);
                return null;
            });
        }
        try (Store s = Store.open(pg, ENV)) {
            assertThat(s.schemaVersion()).isEqualTo(Store.latestSchemaVersion());
            assertThat(new PriceBarRepository(s).forSymbol("MP")).extracting(PriceBar::source)
                    .containsExactly("mp.csv", null, "mp.csv");
            assertThat(s.<List<String>>read(c -> Jdbc.list(c, "SELECT name FROM price_source", rs -> rs.getString(1))))
                    .containsExactly("mp.csv");
            // A new write of the same source reuses its number; another source gets its own.
            s.write(c -> {
                long id = SecurityRepository.idOf(c, "MP").orElseThrow();
                PriceBarWriter w = PriceBarWriter.on(c, java.util.EnumSet.noneOf(PriceBarWriter.Column.class),
                        "mp.csv");
                w.write(id, java.time.LocalDate.of(2025, 7, 14), null, null, null, 47.0, null, null);
                w.flush();
                PriceBarWriter other = PriceBarWriter.on(c, java.util.EnumSet.noneOf(PriceBarWriter.Column.class),
                        "yahoo");
                other.write(id, java.time.LocalDate.of(2025, 7, 10), null, null, null, 45.3, null, null);
                other.flush();
                return null;
            });
            assertThat(new PriceBarRepository(s).forSymbol("MP")).extracting(PriceBar::source)
                    .containsExactly("mp.csv", "yahoo", "mp.csv", "mp.csv");
            assertThat(s.<List<String>>read(c -> Jdbc.list(c, "SELECT name FROM price_source ORDER BY name",
                    rs -> rs.getString(1)))).containsExactly("mp.csv", "yahoo");
        }
    }

    @Test
    void a_database_holding_other_tables_is_left_alone_and_a_newer_schema_is_refused() {
        PostgresServer server = PostgresServer.shared();
        String other = server.newDatabase();
        server.execute(other, "CREATE TABLE invoices (id int)");
        StoreLocation l = StoreLocation.parse(server.url(other), "--db");
        assertThatThrownBy(() -> Workspace.open(l, ENV)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Rare Earth Dashboard store").hasMessageContaining("left unchanged");
        server.execute(other, "SELECT 1 FROM invoices"); // still there

        StoreLocation.Postgres newer = newStore();
        Workspace.open(newer, ENV).close();
        server.execute(newer.database(), "UPDATE rare_earth_schema SET version = 99");
        assertThatThrownBy(() -> Workspace.open(newer, ENV)).hasMessageContaining("newer version")
                .hasMessageContaining("schema 99");
    }

    @Test
    void an_unreachable_server_or_a_missing_database_is_named_in_the_message() {
        PostgresServer server = PostgresServer.shared();
        StoreLocation missing = StoreLocation.parse(server.url("no_such_db"), "--db");
        assertThatThrownBy(() -> Workspace.open(missing, ENV)).isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot open store " + missing.display())
                .hasMessageContaining("create it first");
    }

    @Test
    void a_file_backup_of_a_postgresql_store_is_refused_with_what_to_do_instead() {
        try (Workspace s = Workspace.open(newStore(), ENV)) {
            assertThatThrownBy(() -> s.store().backupTo(dir.resolve("b.db"))).hasMessageContaining("pg_dump")
                    .hasMessageContaining("dataset JSON");
            assertThatThrownBy(() -> s.store().path()).hasMessageContaining("PostgreSQL database, not a file");
        }
    }
}
