package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.cli.Cli;
import org.rareearth.dashboard.cli.WindowArgs;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.testing.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.io.Json;

class CliTest {

    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(env, args);
    }

    /**
     * Runs a command on the run's back end: each {@code --db FILE} becomes the file's database on PostgreSQL
     * (testing/TestStores). The tests of how a store is named and found (files, URLs, the environment) run as
     * written, with {@link #run(String...)}.
     */
    private CliRun onStore(String... args) {
        return run(Map.of(), org.rareearth.dashboard.testing.TestStores.args(args));
    }

    private CliRun run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void info_json_reports_schema_path_and_counts() throws Exception {
        Path db = dir.resolve("x.db");
        CliRun r = onStore("--db", db.toString(), "info", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(org.rareearth.dashboard.store.Migration.bundled().size());
        assertThat(j.get("db").asText()).isEqualTo(org.rareearth.dashboard.testing.TestStores.onPostgres()
                ? org.rareearth.dashboard.testing.TestStores.db(db) : db.toAbsolutePath().toString());
        JsonNode c = j.get("counts");
        assertThat(c.get("events").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(c.get("securities").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(c.get("reactions").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(c.get("assessments").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(c.get("fxRates").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(c.get("floors").asInt()).isEqualTo(3);
        assertThat(c.get("priceBars").asInt()).isZero();
        assertThat(j.size()).isEqualTo(3);
    }

    @Test
    void db_may_follow_the_command_and_the_environment_variable_is_the_fallback() throws Exception {
        Path a = dir.resolve("a.db");
        Path b = dir.resolve("b.db");
        CliRun after = run("info", "--json", "--db", a.toString());
        assertThat(Json.MAPPER.readTree(after.out()).get("db").asText()).isEqualTo(a.toString());
        CliRun env = run(Map.of(AppPaths.DB_ENV, b.toString()), "info", "--json");
        assertThat(Json.MAPPER.readTree(env.out()).get("db").asText()).isEqualTo(b.toString());
        CliRun both = run(Map.of(AppPaths.DB_ENV, b.toString()), "--db", a.toString(), "info", "--json");
        assertThat(Json.MAPPER.readTree(both.out()).get("db").asText()).isEqualTo(a.toString());
    }

    @Test
    void info_without_json_is_readable() {
        CliRun r = onStore("--db", dir.resolve("x.db").toString(), "info");
        assertThat(r.out()).contains("Schema version: " + org.rareearth.dashboard.store.Migration.bundled().size()).contains("Stakes:         1").contains("Events:         43");
    }

    @Test
    void export_and_import_dataset_round_trip_through_the_command_line() throws Exception {
        Path db = dir.resolve("x.db");
        Path file = dir.resolve("out/data.json");
        assertThat(onStore("--db", db.toString(), "export-dataset", file.toString()).code()).isZero();
        Path other = dir.resolve("other.db");
        CliRun imp = onStore("--db", other.toString(), "import-dataset", file.toString(), "--replace");
        assertThat(imp.code()).as(imp.err()).isZero();
        Path again = dir.resolve("again.json");
        onStore("--db", other.toString(), "export-dataset", again.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    @Test
    void a_bad_file_fails_with_exit_1_and_a_message_on_stderr() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"events\": [ {\"code\": ");
        CliRun r = onStore("--db", dir.resolve("x.db").toString(), "import-dataset", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + bad).contains("line 1");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_store_given_as_a_url_is_refused_and_no_file_or_folder_is_made(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) {
        for (String url : List.of("https://example.org/store.db", "jdbc:sqlite:x.db", "mysql://h:3306/db")) {
            CliRun r = run("--db", url, "info", "--json");
            assertThat(r.code()).as(url).isNotZero();
            assertThat(r.err()).as(url).contains("is a URL").contains("not a store file")
                    .contains("postgresql://user@host:5432/dbname");
            assertThat(r.out()).isEmpty();
            CliRun env = run(Map.of("RARE_EARTH_DB", url), "info");
            assertThat(env.code()).as(url).isNotZero();
            assertThat(env.err()).contains("RARE_EARTH_DB").contains("is a URL");
        }
        // A PostgreSQL URL is a store on a server: with none listening there, the message names it.
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String url : List.of("postgresql://analyst@127.0.0.1:" + closed + "/rare",
                "jdbc:postgresql://127.0.0.1:" + closed + "/rare?user=analyst")) {
            CliRun r = run("--db", url, "info", "--json");
            assertThat(r.code()).as(url).isEqualTo(1);
            assertThat(r.err()).as(url).startsWith("error: Cannot open store postgresql://analyst@127.0.0.1:"
                    + closed + "/rare").contains("is the server running");
            assertThat(r.out()).isEmpty();
        }
        assertThat(java.nio.file.Path.of("postgresql:")).doesNotExist();
        assertThat(java.nio.file.Path.of("https:")).doesNotExist();
        // Paths that merely contain a colon are still paths.
        java.nio.file.Path odd = dir.resolve("notes:2026.db");
        assertThat(run("--db", odd.toString(), "info").code()).isZero();
        assertThat(odd).exists();
        assertThat(org.rareearth.dashboard.service.AppPaths.resolveStore("C:/stores/x.db", Map.of()))
                .as("a drive letter is not a scheme").isInstanceOf(org.rareearth.dashboard.store.StoreLocation.SqliteFile.class);
    }

    @Test
    void usage_errors_exit_with_2() {
        assertThat(run("info", "--no-such-option").code()).isEqualTo(2);
        assertThat(run("no-such-command").code()).isEqualTo(2);
        assertThat(run("import-dataset").code()).as("missing FILE").isEqualTo(2);
        // With no command the root is read without the commands' models; a mistake still gets the full usage.
        CliRun r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'").contains("import-prices")
                .contains("event-study");
    }

    @Test
    void every_command_name_and_alias_keeps_the_window_closed() {
        java.util.Set<String> words = new java.util.HashSet<>(List.of("help", "-h", "--help", "-V", "--version"));
        for (Class<?> c : Cli.COMMANDS) {
            picocli.CommandLine.Command cmd = c.getAnnotation(picocli.CommandLine.Command.class);
            words.add(cmd.name());
            words.addAll(List.of(cmd.aliases()));
        }
        assertThat(WindowArgs.NOT_A_WINDOW).containsExactlyInAnyOrderElementsOf(words);
        assertThat(Cli.COMMANDS.stream().map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name()))
                .as("in the same order, since a named command is found by its place").containsExactlyElementsOf(
                        WindowArgs.COMMAND_NAMES);
    }

    @Test
    void a_command_read_alone_has_the_same_model_as_in_the_full_command_line() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        picocli.CommandLine full = Cli.commandLine(sink, sink, java.util.Map.of(), Cli.COMMANDS);
        for (Class<?> c : Cli.COMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(Cli.namedCommand(new String[] {"--db", "x.db", name, "--json"})).isEqualTo(c);
            picocli.CommandLine alone = Cli.commandLine(sink, sink, java.util.Map.of(), List.of(c));
            assertThat(alone.getSubcommands()).containsOnlyKeys(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(full.getSubcommands().get(name).getUsageMessage());
        }
        assertThat(Cli.namedCommand(new String[] {"--db", "x.db"})).isNull();
    }

    @Test
    void a_mistake_in_a_named_command_gets_the_full_command_lines_message() {
        CliRun r = run("gap", "--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-option'");
        CliRun sibling = run("gap", "timeline");
        assertThat(sibling.code()).isEqualTo(2);
        assertThat(run("help", "gap").out()).contains("gap");
    }

    @Test
    void bench_refuses_fewer_than_one_run_before_measuring_anything() {
        CliRun r = run("bench", "--only", "startup", "--runs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--runs must be at least 1 (got 0)");
        assertThat(r.out()).isEmpty();
        assertThat(run("bench", "--help").out()).contains("--runs=N");
    }

    @Test
    void the_window_is_guessed_before_parsing_only_when_no_command_help_or_version_is_named() {
        assertThat(Cli.opensWindow(new String[0])).isTrue();
        assertThat(Cli.opensWindow(new String[] {"--db", "x.db", "--exit-after-first-frame"})).isTrue();
        assertThat(Cli.opensWindow(new String[] {"--db", "x.db", "gap", "--json"})).isFalse();
        assertThat(Cli.opensWindow(new String[] {"bench"})).isFalse();
        assertThat(Cli.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(Cli.opensWindow(new String[] {"help", "gap"})).isFalse();
        assertThat(Cli.opensWindow(new String[] {"-V"})).isFalse();
        assertThat(Cli.asksForHelp(new String[] {"gap", "--help"})).isTrue();
        assertThat(Cli.asksForHelp(new String[] {"--version"})).isTrue();
        assertThat(Cli.asksForHelp(new String[] {"--db", "x.db", "gap", "--json"})).isFalse();
    }

    @Test
    void every_command_has_help() {
        for (String cmd : new String[] {"info", "export-dataset", "import-dataset"}) {
            CliRun r = run(cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage:").contains(cmd).contains("--db");
        }
        CliRun root = run("--help");
        assertThat(root.out()).contains("info").contains("export-dataset").contains("import-dataset");
    }

    @Test
    void a_store_that_is_not_a_database_fails_cleanly() throws Exception {
        Path db = dir.resolve("junk.db");
        Files.writeString(db, "not a database at all".repeat(100));
        CliRun r = run("--db", db.toString(), "info");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a Rare Earth Dashboard store").doesNotContain("\tat ");
    }
}
