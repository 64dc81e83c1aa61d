package org.rareearth.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testdata.GeneratedPrices;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.PostgresServer;

/** copy-store between a SQLite file and a PostgreSQL database, both ways, all or nothing. */
class CopyStoreCommandTest {
    @TempDir
    Path dir;

    private String export(String db, String name) throws Exception {
        Path f = dir.resolve(name);
        CliRun r = CliRun.run("--db", db, "export-dataset", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readString(f);
    }

    @Test
    void sqlite_to_postgresql_and_back_keeps_the_dataset_export_and_the_download_record() throws Exception {
        Path file = dir.resolve("mine.db");
        try (Workspace s = Workspace.open(file)) {
            GeneratedPrices.fill(s);
            s.priceFetches.write(List.of(new PriceBar("MP", LocalDate.of(2026, 7, 1), 1.0, 2.0, 0.5, 1.5, 1.5, 10L,
                    "feed")), new PriceFetch("MP", "stooq", "mp.us", Instant.parse("2026-07-02T10:00:00Z"),
                    LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), 1, 1, 0), "Stooq daily (mp.us)");
            var mp = s.securities.find("MP").orElseThrow();
            Path desk = dir.resolve("desk.json");
            org.rareearth.dashboard.io.dataset.DatasetFiles.write(org.rareearth.dashboard.domain.Dataset.of(
                    mp.withSourceUrl("https://example.org/mp-10-k")), desk);
            s.importDataset(desk, false);
            var imported = s.securities.find("MP").orElseThrow();
            new org.rareearth.dashboard.service.RecordEditor(s).save(imported,
                    imported.withSourceUrl("https://example.org/mp"));
        }
        String original = export(file.toString(), "original.json");
        List<org.rareearth.dashboard.store.RecordEdit> history;
        try (Workspace s = Workspace.open(file)) {
            history = new org.rareearth.dashboard.service.RecordEditor(s).history(s.securities.find("MP").orElseThrow());
        }
        assertThat(history).extracting(org.rareearth.dashboard.store.RecordEdit::through)
                .containsExactly("the app", "dataset import desk.json");
        PostgresServer server = PostgresServer.shared();
        String team = server.url(server.newDatabase());

        CliRun up = CliRun.run("copy-store", file.toString(), team, "--json");
        assertThat(up.code()).as(up.err()).isZero();
        assertThat(up.err()).contains("0% of the daily prices written").contains("100% of the daily prices written");
        assertThat(up.json().get("to").asText()).isEqualTo(team);
        assertThat(up.json().get("counts").get("priceBars").asLong()).isGreaterThan(3000);
        assertThat(export(team, "team.json")).isEqualTo(original);

        Path plane = dir.resolve("plane.db");
        CliRun down = CliRun.run("copy-store", team, plane.toString());
        assertThat(down.code()).as(down.err()).isZero();
        assertThat(down.out()).startsWith("Copied " + team + " to " + plane);
        assertThat(export(plane.toString(), "plane.json")).isEqualTo(original);
        try (Workspace s = Workspace.open(plane)) {
            assertThat(s.priceFetches.latestBySymbol().get("MP").ticker()).isEqualTo("mp.us");
            // The edit log went there and back, entry by entry (ids aside).
            assertThat(new org.rareearth.dashboard.service.RecordEditor(s).history(s.securities.find("MP")
                    .orElseThrow())).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .isEqualTo(history);
        }
    }

    @Test
    void a_target_holding_records_is_left_alone_without_replace_and_replaced_with_it() throws Exception {
        Path a = dir.resolve("a.db");
        Path b = dir.resolve("b.db");
        try (Workspace s = Workspace.open(a)) {
            GeneratedPrices.fill(s);
        }
        Workspace.open(b).close(); // the default dataset
        String before = export(b.toString(), "b-before.json");
        CliRun refused = CliRun.run("copy-store", a.toString(), b.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("holds").contains("--replace").contains("nothing was changed");
        assertThat(export(b.toString(), "b-after.json")).isEqualTo(before);

        CliRun replaced = CliRun.run("copy-store", a.toString(), b.toString(), "--replace");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(export(b.toString(), "b-replaced.json")).isEqualTo(export(a.toString(), "a.json"));
    }

    @Test
    void a_missing_source_the_same_store_and_a_failed_copy_change_nothing() throws Exception {
        Path missing = dir.resolve("none.db");
        Path target = dir.resolve("new.db");
        CliRun r = CliRun.run("copy-store", missing.toString(), target.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("FROM " + missing + " does not exist");
        assertThat(missing).doesNotExist();
        assertThat(target).doesNotExist();

        Path a = dir.resolve("a.db");
        Workspace.open(a).close();
        assertThat(CliRun.run("copy-store", a.toString(), a.toString()).err()).contains("the same store");

        // A target whose role may only read: the copy fails as a whole and the target keeps what it had.
        PostgresServer server = PostgresServer.shared();
        String db = server.newDatabase();
        String url = server.url(db);
        Workspace.open(org.rareearth.dashboard.store.StoreLocation.parse(url, "--db"), java.util.Map.of()).close();
        String before = export(url, "ro-before.json");
        String role = "ro_" + db;
        server.execute(db, "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        CliRun failed = CliRun.run("copy-store", a.toString(), url.replace(PostgresServer.SUPERUSER + "@", role + "@"),
                "--replace");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("cannot be written by this user");
        assertThat(export(url, "ro-after.json")).isEqualTo(before);
    }
}
