package org.rareearth.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.testdata.GeneratedPrices;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.PostgresServer;

/**
 * The commands on a PostgreSQL store (a real server the test starts) give what they give on a SQLite store holding
 * the same records: the same counts, reports, studies and dataset export; backup writes a dataset JSON that
 * import-dataset brings back; restore, which is for store files, says what to do instead.
 */
class PostgresCommandsTest {
    @TempDir
    Path dir;

    private String newPostgresStore() {
        PostgresServer server = PostgresServer.shared();
        return server.url(server.newDatabase());
    }

    /** The same command's JSON on both stores. */
    private void same(String sqlite, String pg, String... command) {
        JsonNode a = CliRun.run(with(sqlite, command)).json();
        JsonNode b = CliRun.run(with(pg, command)).json();
        assertThat(b).as(String.join(" ", command)).isEqualTo(a);
    }

    private static String[] with(String db, String... command) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }

    @Test
    void every_reading_command_gives_on_postgresql_what_it_gives_on_sqlite() throws Exception {
        String sqlite = dir.resolve("x.db").toString();
        String pg = newPostgresStore();
        try (Workspace s = Workspace.open(Path.of(sqlite))) {
            GeneratedPrices.fill(s);
        }
        try (Workspace s = Workspace.open(StoreLocation.parse(pg, "--db"), java.util.Map.of())) {
            GeneratedPrices.fill(s);
        }
        JsonNode infoSqlite = CliRun.run(with(sqlite, "info", "--json")).json();
        JsonNode infoPg = CliRun.run(with(pg, "info", "--json")).json();
        assertThat(infoPg.get("db").asText()).isEqualTo(pg);
        assertThat(infoPg.get("counts")).isEqualTo(infoSqlite.get("counts"));
        assertThat(infoPg.get("schemaVersion")).isEqualTo(infoSqlite.get("schemaVersion"));
        assertThat(infoPg.get("counts").get("priceBars").asLong()).isGreaterThan(3000);

        same(sqlite, pg, "gap", "--json", "--today", "2026-06-30");
        same(sqlite, pg, "timeline", "--json", "--today", "2026-06-30");
        same(sqlite, pg, "capacity", "--json");
        same(sqlite, pg, "review", "--json", "--today", "2026-06-30");
        same(sqlite, pg, "event-study", "--symbol", "MP", "--date", "2025-07-10", "--benchmark", "^GSPC", "--json");
        same(sqlite, pg, "event-study-pooled", "--json", "--symbols", "MP,USAR,LYC", "--actor", "united-states",
                "--from", "2025-07-01", "--to", "2025-12-31", "--benchmark", "auto");

        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(CliRun.run(with(sqlite, "export-dataset", a.toString())).code()).isZero();
        assertThat(CliRun.run(with(pg, "export-dataset", b.toString())).code()).isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    }

    @Test
    void imports_write_to_postgresql_and_backup_is_a_dataset_that_import_dataset_brings_back() throws Exception {
        String pg = newPostgresStore();
        Path csv = dir.resolve("lyc.csv");
        Files.writeString(csv, "Date,Close\n2025-07-10,8.10\n2025-07-11,9.72\n");
        CliRun imported = CliRun.run(with(pg, "import-prices", csv.toString(), "--symbol", "LYC"));
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(CliRun.run(with(pg, "info", "--json")).json().get("counts").get("priceBars").asInt()).isEqualTo(2);

        Path backup = dir.resolve("team-store.json");
        CliRun b = CliRun.run(with(pg, "backup", backup.toString()));
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("as a dataset JSON").doesNotContain("PGPASSWORD");
        JsonNode dataset = org.rareearth.dashboard.io.Json.MAPPER.readTree(backup.toFile());
        assertThat(dataset.get("priceBars")).hasSize(2);

        // Another store brought back from that backup holds the same records.
        String other = newPostgresStore();
        CliRun r = CliRun.run(with(other, "import-dataset", "--replace", backup.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        Path again = dir.resolve("again.json");
        assertThat(CliRun.run(with(other, "export-dataset", again.toString())).code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(backup));

        CliRun restore = CliRun.run(with(pg, "restore", dir.resolve("x.db").toString()));
        assertThat(restore.code()).isEqualTo(2);
        assertThat(restore.err()).contains("is a PostgreSQL database").contains("import-dataset --replace");
    }

    @Test
    void the_desktop_start_takes_the_url_whole() {
        String pg = newPostgresStore();
        for (String[] args : java.util.List.of(new String[] {"--db", pg}, new String[] {"--db=" + pg})) {
            java.util.Optional<WindowArgs> read = WindowArgs.read(args);
            org.assertj.core.api.Assertions.assertThat(read).contains(new WindowArgs(pg, false));
            org.assertj.core.api.Assertions.assertThat(org.rareearth.dashboard.service.AppPaths.resolveStore(
                    read.orElseThrow().db(), java.util.Map.of()))
                    .isInstanceOf(org.rareearth.dashboard.store.StoreLocation.Postgres.class)
                    .extracting(org.rareearth.dashboard.store.StoreLocation::display).isEqualTo(pg);
        }
    }
}
