package org.rareearth.dashboard.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.Counts;

/** Dataset import is all or nothing, and a refusal names the place in the file. */
class DatasetImportTest {

    @TempDir
    Path dir;

    private Workspace services;
    private String seedJson;

    @BeforeEach
    void open() throws Exception {
        services = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"));
        seedJson = Files.readString(Path.of("data/dataset.json"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        services.close();
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** Imports {@code content} expecting a refusal; checks the store did not change at all. */
    private String refused(String name, String content, boolean replace) throws Exception {
        Path before = dir.resolve("before-" + name);
        services.exportDataset(before);
        Path f = file(name, content);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> services.importDataset(f, replace));
        assertThat(t).isInstanceOf(DataFileException.class);
        Path after = dir.resolve("after-" + name);
        services.exportDataset(after);
        assertThat(Files.readString(after)).as("store unchanged").isEqualTo(Files.readString(before));
        assertThat(t.getMessage()).startsWith(f.toString());
        return t.getMessage();
    }

    @Test
    void export_then_import_then_export_gives_identical_json() throws Exception {
        Path first = dir.resolve("first.json");
        services.exportDataset(first);
        try (Workspace other = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("other.db"))) {
            other.importDataset(first, true);
            Path second = dir.resolve("second.json");
            other.exportDataset(second);
            assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        }
    }

    @Test
    void replace_empties_the_store_first_and_merge_updates_by_key() throws Exception {
        String oneEvent = """
                {"events":[{"code":"test-event","actor":"china","category":"export-control","title":"A test control",
                 "announced":"2025-01-01","status":"in-force","source":"unit test","confidence":"S"}]}""";
        services.importDataset(file("one.json", oneEvent), false);
        assertThat(services.datasets.counts().events()).isEqualTo(44);
        services.importDataset(file("one-again.json", oneEvent), false);
        assertThat(services.datasets.counts().events()).as("re-import updates, never duplicates").isEqualTo(44);
        services.importDataset(file("only.json", oneEvent), true);
        assertThat(services.datasets.counts()).isEqualTo(new Counts(0, 0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void truncated_json_is_refused_with_its_line_and_column() throws Exception {
        String truncated = seedJson.substring(0, seedJson.indexOf("\"reactions\"") + 40);
        String msg = refused("truncated.json", truncated, true);
        assertThat(msg).containsPattern("line \\d+, column \\d+").contains("the file ends in the middle of the JSON");
    }

    @Test
    void a_wrong_type_is_refused_with_its_json_path() throws Exception {
        String bad = seedJson.replaceFirst("\"rate\" : 7\\.2014", "\"rate\" : \"seven\"");
        assertThat(bad).isNotEqualTo(seedJson);
        String msg = refused("wrong-type.json", bad, true);
        assertThat(msg).contains("$.fxRates[0].rate").containsPattern("line \\d+");
    }

    @Test
    void a_boolean_given_as_text_is_refused() throws Exception {
        String bad = seedJson.replaceFirst("\"benchmark\" : true", "\"benchmark\" : \"yes\"");
        assertThat(refused("bool.json", bad, true)).contains("$.securities[0].benchmark");
    }

    @Test
    void tickers_per_source_round_trip_and_bad_ones_are_refused_by_field() throws Exception {
        assertThat(services.securities.find("LYC").orElseThrow().tickers()).containsEntry("yahoo", "LYC.AX");
        String unknownSource = seedJson.replaceFirst("\"yahoo\" : \"LYC.AX\"", "\"bloomberg\" : \"LYC AU\"");
        assertThat(unknownSource).isNotEqualTo(seedJson);
        assertThat(refused("source.json", unknownSource, true)).contains("$.securities[6].tickers: 'bloomberg' is not"
                + " a quote source (use yahoo, stooq, tiingo)");
        String spaced = seedJson.replaceFirst("\"yahoo\" : \"LYC.AX\"", "\"yahoo\" : \"LYC AX\"");
        assertThat(refused("spaced.json", spaced, true)).contains("$.securities[6].tickers.yahoo: 'LYC AX' is not a"
                + " ticker");
        String empty = seedJson.replaceFirst("\"yahoo\" : \"LYC.AX\"", "\"yahoo\" : \"\"");
        assertThat(refused("empty.json", empty, true)).contains("$.securities[6].tickers.yahoo: empty");
    }

    @Test
    void an_impossible_date_is_refused_with_its_path() throws Exception {
        String bad = seedJson.replaceFirst("\"date\" : \"2025-07-02\"", "\"date\" : \"2025-02-30\"");
        assertThat(bad).isNotEqualTo(seedJson);
        assertThat(refused("date.json", bad, true)).contains("$.assessments[0].date").contains("2025-02-30");
    }

    @Test
    void a_reaction_naming_an_unknown_security_is_refused_and_nothing_is_written() throws Exception {
        String bad = seedJson.replaceFirst("\"symbol\" : \"ILU\",\n      \"event\"", "\"symbol\" : \"NOPE\",\n      \"event\"");
        assertThat(bad).isNotEqualTo(seedJson);
        String msg = refused("unknown-security.json", bad, true);
        assertThat(msg).containsPattern("\\$\\.reactions\\[\\d+\\]\\.symbol: unknown security 'NOPE'");
    }

    @Test
    void a_reaction_naming_a_security_already_in_the_store_is_accepted_without_replace() throws Exception {
        String json = """
                {"reactions":[{"symbol":"ARU","event":"dod-mp-2025","date":"2025-07-11","measure":"close-to-close",
                 "percent":1.5,"source":"unit test"}]}""";
        services.importDataset(file("ref.json", json), false);
        assertThat(services.datasets.counts().reactions()).isEqualTo(13);
        // ...but the same file cannot replace the store: the security would be gone.
        assertThat(refused("ref-replace.json", json, true)).contains("$.reactions[0].symbol: unknown security 'ARU'")
                .contains("$.reactions[0].event: unknown event 'dod-mp-2025'");
    }

    @Test
    void a_duplicate_json_key_is_refused_with_its_place() throws Exception {
        String bad = seedJson.replaceFirst("\"name\" : \"CSI 300 Index\",", "\"name\" : \"CSI 300 Index\",\n"
                + "      \"name\" : \"Other\",");
        String msg = refused("dup-key.json", bad, true);
        assertThat(msg).contains("the key \"name\" appears twice in one object").containsPattern("line \\d+");
    }

    @Test
    void a_duplicate_record_is_refused_naming_both_places() throws Exception {
        String bad = """
                {"fxRates":[{"pair":"USD/CNY","date":"2025-07-10","rate":7.151,"source":"a"},
                            {"pair":"USD/CNY","date":"2025-07-10","rate":7.152,"source":"b"}]}""";
        assertThat(refused("dup-record.json", bad, false))
                .contains("$.fxRates[1]: duplicate FX rate USD/CNY 2025-07-10 (same as $.fxRates[0])");
    }

    /** Found by the dataset fuzzer: two records without their key stopped the check with a NullPointerException. */
    @Test
    void records_without_their_key_are_each_refused_not_taken_for_duplicates() throws Exception {
        String bad = """
                {"events":[{},{"category":"alliance"}]}""";
        assertThat(refused("no-keys.json", bad, false))
                .contains("$.events[0].code: ").contains("$.events[1].code: ").doesNotContain("duplicate");
    }

    @Test
    void an_unknown_field_is_refused() throws Exception {
        String bad = seedJson.replaceFirst("\"exchange\" : \"SSE\",", "\"exchnge\" : \"SSE\",");
        assertThat(refused("typo.json", bad, true)).contains("exchnge");
    }

    @Test
    void every_rule_breach_is_listed_with_its_field() throws Exception {
        String bad = """
                {"events":[{"code":"Bad Code","actor":"china","category":"export-control","title":" ",
                 "announced":"2025-05-01","effective":"2025-04-01","status":"in-force","source":"x"}],
                 "assessments":[{"commodity":"NdPr oxide","date":"2025-07-01","low":10,"high":5,"currency":"XYZ",
                 "unit":"bag","vatIncluded":true,"basis":"b","source":"s"}],
                 "floors":[{"program":"p","commodity":"c","level":-1,"currency":"USD","unit":"kg","start":"2025-01-01",
                 "upsideShare":1.5,"source":"s"}]}""";
        String msg = refused("rules.json", bad, false);
        assertThat(msg).contains("$.events[0].code", "$.events[0].title: missing or blank",
                "$.events[0].effective: 2025-04-01 is before announced 2025-05-01",
                "$.assessments[0].low: 10.0 is above high 5.0", "$.assessments[0].currency: 'XYZ'",
                "$.assessments[0].unit: unknown unit 'bag'", "$.floors[0].level: -1.0 must be a positive number",
                "$.floors[0].upsideShare");
    }

    @Test
    void the_seed_holds_the_dod_stake_and_a_stake_breaking_the_rules_is_refused_by_field() throws Exception {
        org.rareearth.dashboard.domain.Stake dod = services.stakes.all().get(0);
        assertThat(dod.holder()).isEqualTo("US Department of Defense");
        assertThat(dod.symbol()).isEqualTo("MP");
        assertThat(dod.event()).isEqualTo("dod-mp-2025");
        assertThat(dod.amount()).isEqualTo(400_000_000.0);
        assertThat(dod.percent()).isEqualTo(15.0);
        assertThat(dod.source()).isNotBlank();
        String bad = """
                {"stakes":[{"holder":" ","symbol":"NOPE","event":"no-such-event","date":"2025-07-10","amount":-5,
                 "currency":"usd","percent":150,"source":"s","confidence":"maybe"},
                 {"holder":"h","symbol":"MP","date":"2025-07-10","source":"s"},
                 {"holder":"h","symbol":"MP","date":"2025-07-10","amount":1,"currency":"USD","source":"s"}]}""";
        String msg = refused("stakes.json", bad, false);
        assertThat(msg).contains("$.stakes[0].holder: missing or blank", "$.stakes[0].symbol", "NOPE",
                "$.stakes[0].event", "no-such-event", "$.stakes[0].amount: -5.0 must be a positive number",
                "$.stakes[0].currency: 'usd'", "$.stakes[0].percent: 150.0 is not a share",
                "$.stakes[0].confidence: unknown mark 'maybe'",
                "$.stakes[1].amount: give the amount paid, the share held (percent), or both",
                "$.stakes[2]: duplicate stake h MP 2025-07-10 (same as $.stakes[1])");
    }

    @Test
    void a_stake_goes_with_its_security_when_that_is_deleted_and_comes_back_on_undo() {
        org.rareearth.dashboard.service.RecordEditor editor = new org.rareearth.dashboard.service.RecordEditor(services);
        org.rareearth.dashboard.domain.Security mp = services.securities.all().stream()
                .filter(s -> s.symbol().equals("MP")).findFirst().orElseThrow();
        assertThat(editor.dependents(mp)).anyMatch(d -> d instanceof org.rareearth.dashboard.domain.Stake);
        editor.delete(mp);
        assertThat(services.stakes.all()).isEmpty();
        editor.undo();
        assertThat(services.stakes.all()).singleElement().satisfies(k -> assertThat(k.amount()).isEqualTo(4e8));
    }

    @Test
    void an_unknown_actor_is_refused_listing_the_known_ones() throws Exception {
        String bad = seedJson.replaceFirst("\"actor\" : \"united-states\"", "\"actor\" : \"mars\"");
        assertThat(refused("actor.json", bad, true)).containsPattern("\\$\\.events\\[\\d+\\]\\.actor").contains("unknown actor 'mars'")
                .contains("china");
    }

    @Test
    void an_empty_file_and_a_missing_file_are_refused() throws Exception {
        assertThat(refused("empty.json", "", true)).contains("empty.json");
        assertThatThrownBy(() -> services.importDataset(dir.resolve("nope.json"), false))
                .isInstanceOf(DataFileException.class).hasMessageContaining("no such file");
    }
}
