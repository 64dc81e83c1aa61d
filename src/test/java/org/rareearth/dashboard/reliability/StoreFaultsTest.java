package org.rareearth.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.cli.Launcher;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.bench.ImportBenchmark;
import org.rareearth.dashboard.domain.PolicyEvent;

/** Crashes, a second copy of the app, damaged files and backups: the store stays whole. */
class StoreFaultsTest {

    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String scalar(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private int cli(String... args) {
        return org.rareearth.dashboard.testing.CliRun.run(args).code();
    }

    @Test
    void killed_mid_import_the_store_holds_all_of_it_or_none_and_passes_the_integrity_check() throws Exception {
        Path csv = ImportBenchmark.writeLongFile(dir.resolve("long.csv"), 24, 25_000); // 600,000 rows
        int[] killAfterMs = {300, 900, 1600, 2600};
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < killAfterMs.length; i++) {
            Path db = dir.resolve("kill-" + i + ".db");
            assertThat(cli("--db", db.toString(), "info")).isZero();
            Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName(), "--db", db.toString(), "import-prices", csv.toString(), "--create")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished = p.waitFor(killAfterMs[i], TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the app
                p.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(scalar(db, "PRAGMA integrity_check")).isEqualTo("ok");
            long bars = Long.parseLong(scalar(db, "SELECT count(*) FROM price_bar"));
            assertThat(bars).as("kill after %d ms", killAfterMs[i]).isIn(0L, 600_000L);
            counts.add(bars);
            try (Workspace s = Workspace.open(db)) {
                assertThat(s.datasets.counts().events()).isEqualTo(43);
            }
        }
        assertThat(counts).as("at least one import was cut short").contains(0L);
    }

    @Test
    void an_import_from_the_command_line_leaves_the_store_in_wal_mode_and_goes_in_beside_a_reader() throws Exception {
        Path csv = ImportBenchmark.writeLongFile(dir.resolve("long.csv"), 3, 1_000);
        Path db = dir.resolve("store.db");
        assertThat(cli("--db", db.toString(), "import-prices", csv.toString(), "--create")).isZero();
        assertThat(Path.of(db + "-journal")).doesNotExist();
        assertThat(Files.readAllBytes(db)[18]).as("the file's header says WAL").isEqualTo((byte) 2);
        assertThat(scalar(db, "SELECT count(*) FROM price_bar")).isEqualTo("3000");
        // Another program reads the store (the desktop app, say): the import goes through the WAL beside it, and the
        // reader sees the new rows once they are committed.
        Path more = ImportBenchmark.writeLongFile(dir.resolve("more.csv"), 4, 1_000);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM price_bar")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(cli("--db", db.toString(), "import-prices", more.toString(), "--create")).isZero();
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM price_bar")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(4000);
            }
        }
        assertThat(scalar(db, "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void two_processes_writing_at_once_lose_nothing() throws Exception {
        Path db = dir.resolve("shared.db");
        assertThat(cli("--db", db.toString(), "info")).isZero();
        List<Process> ps = new ArrayList<>();
        for (String start : new String[] {"1950-01-01", "1960-01-01"}) {
            ps.add(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), db.toString(), start, "1000")
                    .redirectErrorStream(true).start());
        }
        for (Process p : ps) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
        assertThat(scalar(db, "SELECT count(*) FROM fx_rate WHERE date < '1970-01-01'")).isEqualTo("2000");
        assertThat(scalar(db, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void two_processes_writing_a_thousand_records_each_to_a_team_store_end_with_two_thousand() throws Exception {
        org.rareearth.dashboard.testing.PostgresServer server = org.rareearth.dashboard.testing.PostgresServer.shared();
        String db = server.newDatabase();
        String url = server.url(db);
        assertThat(cli("--db", url, "info")).isZero();
        List<Process> ps = new ArrayList<>();
        for (String start : new String[] {"1950-01-01", "1960-01-01"}) {
            ps.add(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), url, start, "1000").redirectErrorStream(true).start());
        }
        for (Process p : ps) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
        try (java.sql.Connection c = server.connect(db); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM fx_rate WHERE date < '1970-01-01'),"
                     + " (SELECT count(*) FROM record_edit WHERE kind = 'fxRate' AND action = 'add')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(2000);
            assertThat(rs.getLong(2)).as("each one in the edit log").isEqualTo(2000);
        }
    }

    @Test
    void a_store_locked_by_another_program_fails_with_a_clear_message_after_waiting() throws Exception {
        Path db = dir.resolve("locked.db");
        assertThat(cli("--db", db.toString(), "info")).isZero();
        Path ds = dir.resolve("one.json");
        Files.writeString(ds, "{\"fxRates\":[{\"pair\":\"USD/CNY\",\"date\":\"2026-03-02\",\"rate\":6.9,\"source\":\"t\"}]}");
        // Another program holds the write lock and does not let go.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            Process p = new ProcessBuilder(java(), "-Drare-earth-dashboard.busy-timeout-ms=1500", "-cp",
                    System.getProperty("java.class.path"), Launcher.class.getName(), "--db", db.toString(),
                    "import-dataset", ds.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(out).contains("locked by another program").doesNotContain("\tat ");
            s.execute("ROLLBACK");
        }
        assertThat(scalar(db, "SELECT count(*) FROM fx_rate")).isEqualTo("27");
    }

    @Test
    void a_damaged_store_is_refused_and_never_overwritten() throws Exception {
        Path db = dir.resolve("damaged.db");
        assertThat(cli("--db", db.toString(), "info")).isZero();
        byte[] bytes = Files.readAllBytes(db);
        for (int i = 100; i < 4000; i++) {
            bytes[i] = (byte) 0xAB; // scribble over the schema page
        }
        Files.write(db, bytes);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        byte[] damaged = Files.readAllBytes(db);
        var info = org.rareearth.dashboard.testing.CliRun.run("--db", db.toString(), "info");
        assertThat(info.code()).isEqualTo(1);
        assertThat(info.err()).contains(db.toString()).containsAnyOf("damaged", "not a Rare Earth Dashboard store");
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
    }

    @Test
    void backup_then_restore_brings_the_content_back_and_keeps_a_copy_of_what_it_replaced() throws Exception {
        Path db = dir.resolve("main.db");
        Path backup = dir.resolve("saved/backup.db");
        assertThat(cli("--db", db.toString(), "backup", backup.toString())).isZero();
        assertThat(scalar(backup, "PRAGMA integrity_check")).isEqualTo("ok");
        Path ds = dir.resolve("extra.json");
        Files.writeString(ds, "{\"fxRates\":[{\"pair\":\"USD/CNY\",\"date\":\"2026-03-02\",\"rate\":6.9,\"source\":\"t\"}]}");
        assertThat(cli("--db", db.toString(), "import-dataset", ds.toString())).isZero();
        assertThat(scalar(db, "SELECT count(*) FROM fx_rate")).isEqualTo("28");
        assertThat(cli("--db", db.toString(), "restore", backup.toString())).isZero();
        assertThat(scalar(db, "SELECT count(*) FROM fx_rate")).isEqualTo("27");
        assertThat(scalar(db, "PRAGMA journal_mode")).isEqualTo("wal");
        try (var files = Files.list(dir.resolve("backups"))) {
            Path safety = files.filter(p -> p.getFileName().toString().startsWith("main-before-restore-"))
                    .findFirst().orElseThrow();
            assertThat(scalar(safety, "SELECT count(*) FROM fx_rate")).isEqualTo("28");
        }
    }

    @Test
    void restore_checks_the_backup_before_it_replaces_anything() throws Exception {
        Path db = dir.resolve("main.db");
        assertThat(cli("--db", db.toString(), "info")).isZero();
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database");
        assertThat(cli("--db", db.toString(), "restore", junk.toString())).isEqualTo(1);
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
            s.execute("PRAGMA user_version = 99");
        }
        assertThat(cli("--db", db.toString(), "restore", other.toString())).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM event")).isEqualTo("43");
    }

    @Test
    void text_with_quotes_semicolons_and_sql_is_stored_and_read_back_as_text() throws Exception {
        Path db = dir.resolve("text.db");
        String evil = "'); DROP TABLE event;-- \"quoted\"; semi;colons";
        Path ds = dir.resolve("evil.json");
        Files.writeString(ds, "{\"events\":[{\"code\":\"evil-1\",\"actor\":\"china\",\"category\":\"export-control\","
                + "\"title\":" + org.rareearth.dashboard.io.Json.MAPPER.writeValueAsString(evil) + ",\"announced\":"
                + "\"2025-01-01\",\"status\":\"in-force\",\"source\":" + org.rareearth.dashboard.io.Json.MAPPER
                .writeValueAsString(evil) + "}]}");
        assertThat(cli("--db", db.toString(), "import-dataset", ds.toString())).isZero();
        try (Workspace s = Workspace.open(db)) {
            PolicyEvent e = s.events.find("evil-1").orElseThrow();
            assertThat(e.title()).isEqualTo(evil);
            assertThat(e.source()).isEqualTo(evil);
            assertThat(s.datasets.counts().events()).isEqualTo(44);
        }
    }

    /** A second copy of the app: writes FX rates one transaction each. Run as a child JVM. */
    public static final class ConcurrentWriter {
        public static void main(String[] args) throws IOException {
            // A store file or a team store's URL, as --db takes them.
            var where = org.rareearth.dashboard.service.AppPaths.resolveStore(args[0], System.getenv());
            java.time.LocalDate start = java.time.LocalDate.parse(args[1]);
            int n = Integer.parseInt(args[2]);
            try (Workspace s = Workspace.open(where, System.getenv())) {
                org.rareearth.dashboard.store.RecordStore records =
                        new org.rareearth.dashboard.store.RecordStore(s.store(),
                                org.rareearth.dashboard.service.RecordEditor::json);
                for (int i = 0; i < n; i++) {
                    records.save(null, new org.rareearth.dashboard.domain.FxRate("USD/CNY", start.plusDays(i),
                            7.0 + i / 10000.0, "concurrency test", "calc", null));
                }
            }
            System.exit(0);
        }
    }
}
