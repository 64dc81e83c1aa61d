package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.PostgresServer;

/** Several analysts on one PostgreSQL store: concurrent writers, a role that may only read, the server going away. */
class PostgresTeamTest {
    private static final Map<String, String> ENV = Map.of();

    @TempDir
    Path dir;

    private static List<FxRate> rates(String pair, int n) {
        List<FxRate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FxRate(pair, LocalDate.of(2020, 1, 1).plusDays(i), 7.0 + i / 10_000.0, "test writer", "S",
                    null, null));
        }
        return out;
    }

    @Test
    void two_clients_each_writing_a_thousand_records_end_with_two_thousand() throws Exception {
        PostgresServer server = PostgresServer.shared();
        StoreLocation pg = StoreLocation.parse(server.url(server.newDatabase()), "--db");
        long before;
        try (Workspace w = Workspace.open(pg, ENV)) {
            before = w.datasets.counts().fxRates();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (String pair : List.of("AAA/BBB", "CCC/DDD")) {
                Callable<Void> writer = () -> {
                    // Each client its own connections, as another analyst's copy of the app has.
                    try (Workspace w = Workspace.open(pg, ENV)) {
                        for (FxRate r : rates(pair, 1_000)) {
                            w.datasets.write(Dataset.ofAll(List.of(r)), false); // one transaction each
                        }
                    }
                    return null;
                };
                done.add(pool.submit(writer));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Workspace w = Workspace.open(pg, ENV)) {
            assertThat(w.datasets.counts().fxRates()).isEqualTo(before + 2_000);
        }
    }

    @Test
    void a_role_that_may_only_read_reads_and_its_writes_exit_1_saying_why() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String db = server.newDatabase();
        String url = server.url(db);
        try (Workspace w = Workspace.open(StoreLocation.parse(url, "--db"), ENV)) {
            assertThat(w.store().canWrite()).isTrue();
        }
        String role = "reader_" + db;
        server.execute(db, "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        String asReader = url.replace(PostgresServer.SUPERUSER + "@", role + "@");
        try (Workspace w = Workspace.open(StoreLocation.parse(asReader, "--db"), ENV)) {
            assertThat(w.store().canWrite()).isFalse();
            assertThat(w.events.count()).isPositive();
        }
        CliRun info = CliRun.run("--db", asReader, "info", "--json");
        assertThat(info.code()).as(info.err()).isZero();
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "Date,Close\n2025-07-10,8.10\n");
        CliRun write = CliRun.run("--db", asReader, "import-prices", csv.toString(), "--symbol", "LYC");
        assertThat(write.code()).isEqualTo(1);
        assertThat(write.err()).contains("cannot be written by this user").contains(role)
                .doesNotContain("Exception");
        assertThat(CliRun.run("--db", url, "info", "--json").json().get("counts").get("priceBars").asInt()).isZero();
    }

    @Test
    void a_password_comes_from_pgpassword_and_its_absence_is_explained_without_it_being_stored() throws Exception {
        PostgresServer server = PostgresServer.startNew();
        try {
            String db = server.newDatabase();
            server.requirePassword("ana", "s3cret-pw");
            server.execute(db, "GRANT ALL ON SCHEMA public TO ana");
            String url = server.url(db).replace(PostgresServer.SUPERUSER + "@", "ana@");
            CliRun none = CliRun.run("--db", url, "info", "--json");
            assertThat(none.code()).isEqualTo(1);
            assertThat(none.err()).contains("Cannot open store " + url).contains("PGPASSWORD or ~/.pgpass");
            CliRun wrong = CliRun.run(Map.of("PGPASSWORD", "nope"), "--db", url, "info", "--json");
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.err()).contains("PGPASSWORD or ~/.pgpass").doesNotContain("nope");
            CliRun right = CliRun.run(Map.of("PGPASSWORD", "s3cret-pw"), "--db", url, "info", "--json");
            assertThat(right.code()).as(right.err()).isZero();
            assertThat(right.out()).doesNotContain("s3cret-pw");
            assertThat(right.json().get("db").asText()).isEqualTo(url);
        } finally {
            server.stop();
        }
    }

    @Test
    void the_server_going_away_mid_import_leaves_nothing_half_written_and_the_store_recovers() throws Exception {
        PostgresServer server = PostgresServer.startNew();
        try {
            StoreLocation pg = StoreLocation.parse(server.url(server.newDatabase()), "--db");
            Path csv = dir.resolve("long.csv");
            StringBuilder sb = new StringBuilder("Date,Symbol,Close\n");
            for (int i = 0; i < 40_000; i++) {
                sb.append(LocalDate.of(1990, 1, 1).plusDays(i % 10_000)).append(',').append(i < 10_000 ? "MP"
                        : i < 20_000 ? "LYC" : i < 30_000 ? "USAR" : "^GSPC").append(",").append(10 + i % 7)
                        .append('\n');
            }
            Files.writeString(csv, sb);
            try (Workspace w = Workspace.open(pg, ENV)) {
                long bars = w.datasets.counts().priceBars();
                boolean[] stopped = {false};
                assertThatThrownBy(() -> PriceImportService.run(w.store(), csv, PriceImportService.Options.of(null),
                        f -> {
                            if (f > 0.5 && !stopped[0]) {
                                stopped[0] = true; // half the file read, the writes under way
                                server.stop();
                            }
                        }, () -> false)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("cannot be reached").hasMessageContaining("Nothing of the change");
                assertThat(stopped[0]).isTrue();
                assertThatThrownBy(() -> w.datasets.counts()).hasMessageContaining("cannot be reached");

                server.startAgain();
                assertThat(w.datasets.counts().priceBars()).as("nothing half-written").isEqualTo(bars);
                PriceImportService.Result r = PriceImportService.run(w.store(), csv,
                        PriceImportService.Options.of(null));
                assertThat(r.inserted()).isEqualTo(40_000);
                assertThat(w.datasets.counts().priceBars()).isEqualTo(bars + 40_000);
            }
        } finally {
            server.stop();
        }
    }
}
