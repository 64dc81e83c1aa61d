package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.service.Workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.AppClock;

/**
 * The commands on the shipped record: lapsed statuses flagged for review, the review list, floors compared by
 * programme, and an older store learning what a new version ships without losing its edits.
 */
class HonestStatusCommandsTest {

    @TempDir
    Path dir;

    private int code;
    private String out;
    private String err;

    @AfterEach
    void back_to_the_process_day() {
        AppClock.reset();
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("x.db").toString()));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(TestStores.args(all.toArray(String[]::new)));
        code = r.code();
        out = r.out();
        err = r.err();
        assertThat(code).as(err).isZero();
        return out.isBlank() || !out.strip().startsWith("{") ? null : Json.MAPPER.readTree(out);
    }

    private static JsonNode event(JsonNode root, String id) {
        for (JsonNode e : root.get("events")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no event " + id);
    }

    @Test
    void timeline_keeps_the_status_of_the_dates_and_flags_a_lapsed_suspension_for_review() throws Exception {
        JsonNode december = json("timeline", "--json", "--today", "2026-12-02");
        JsonNode no61 = event(december, "mofcom-61-2025");
        assertThat(no61.get("statusOn").asText()).isEqualTo("in-force");
        assertThat(no61.get("needsReview").asBoolean()).isTrue();
        assertThat(no61.get("reviewReason").asText()).contains("2026-11-10").contains("not known");
        JsonNode no72 = event(december, "mofcom-no46-us-suspension-2025");
        assertThat(no72.get("title").asText()).contains("No. 72 of 2025");
        assertThat(no72.get("needsReview").asBoolean()).isTrue();
        assertThat(event(december, "mofcom-70-2025").get("title").asText()).contains("No. 70 of 2025");
        assertThat(event(december, "mofcom-23-2023").get("needsReview").asBoolean()).isFalse();
        assertThat(event(december, "mofcom-23-2023").get("reviewReason").isNull()).isTrue();

        JsonNode march = json("timeline", "--json", "--on", "2026-03-01");
        assertThat(event(march, "mofcom-61-2025").get("statusOn").asText()).isEqualTo("suspended");
        assertThat(event(march, "mofcom-61-2025").get("needsReview").asBoolean()).isFalse();
    }

    @Test
    void review_lists_what_needs_a_look_on_the_day() throws Exception {
        JsonNode root = json("review", "--json", "--today", "2026-12-02");
        assertThat(root.get("on").asText()).isEqualTo("2026-12-02");
        List<String> keys = new ArrayList<>();
        for (JsonNode i : root.get("items")) {
            assertThat(i.fieldNames()).toIterable().containsExactly("kind", "key", "reason");
            keys.add(i.get("kind").asText() + " " + i.get("key").asText());
        }
        assertThat(keys).contains("event mofcom-46-2024", "event mofcom-55-58-2025", "event mofcom-61-2025",
                "event mofcom-62-2025", "event mofcom-70-2025", "event mofcom-no46-us-suspension-2025",
                "event proclamation-11001-2026", "assessment NdPr oxide|2026-02-18|China domestic|Reuters",
                "floor Lynas–US DoD NdPr price floor", "event mofcom-23-2023");

        // In March 2026 no suspension had lapsed and the latest China quote was days old.
        JsonNode march = json("review", "--json", "--today", "2026-02-20");
        List<String> marchItems = new ArrayList<>();
        march.get("items").forEach(i -> marchItems.add(i.get("kind").asText() + " " + i.get("key").asText() + ": "
                + i.get("reason").asText()));
        assertThat(marchItems).noneMatch(i -> i.contains(": lapsed"));
        assertThat(marchItems).noneMatch(i -> i.startsWith("assessment NdPr oxide|2026-02-18|China domestic"));
        assertThat(marchItems).contains("event mofcom-61-2025: no source URL: add the address of chemradar"
                + " translation");
    }

    @Test
    void gap_compares_every_programme_each_with_its_own_volume_and_upside_terms() throws Exception {
        JsonNode root = json("gap", "--json");
        assertThat(root.get("floor").get("program").asText()).isEqualTo("DoD–MP Materials NdPr price floor");
        assertThat(root.get("skipped")).as("the 2026-01-22 quote has no fixing within 10 days before it")
                .anySatisfy(s -> assertThat(s.asText()).startsWith("2026-01-22"));
        assertThat(err).contains("warning: left out a quote").contains("2026-01-22");
        JsonNode programs = root.get("programs");
        assertThat(programs).extracting(p -> p.get("program").asText()).containsExactly(
                "DoD–MP Materials NdPr price floor", "Lynas–JARE NdPr price floor", "Lynas–US DoD NdPr price floor");
        JsonNode jare = programs.get(1);
        assertThat(jare.get("volumeTonnesPerYear").asDouble()).isEqualTo(5000.0);
        assertThat(jare.get("upsideFromUsdPerKg").asDouble()).isEqualTo(150.0);
        assertThat(jare.get("upsideCapUsdPerYear").asDouble()).isEqualTo(10_000_000.0);
        assertThat(programs.get(0).get("volumeTonnesPerYear").asDouble()).as("no volume in the DoD–MP terms")
                .isZero();
        // --program picks and orders; --volume sets one volume for all.
        JsonNode two = json("gap", "--json", "--program", "Lynas–US DoD NdPr price floor,DoD–MP Materials NdPr price"
                + " floor", "--volume", "100");
        assertThat(two.get("floor").get("program").asText()).isEqualTo("Lynas–US DoD NdPr price floor");
        assertThat(two.get("programs")).hasSize(2);
        assertThat(two.get("programs").get(1).get("volumeTonnesPerYear").asDouble()).isEqualTo(100.0);
        // The latest quote, 2026-02-18 (850,000 CNY/t at the 2026-02-13 fixing 6.9398, VAT out): the DoD–MP floor
        // is in force then and pays the gap on 100 t a year; the Lynas–DoD floor starts in March and pays nothing.
        double china = 850_000 / 1000.0 / 6.9398 / 1.13;
        JsonNode mp = two.get("programs").get(1);
        assertThat(mp.get("latestDate").asText()).isEqualTo("2026-02-18");
        assertThat(mp.get("latestFloorInForce").asBoolean()).isTrue();
        assertThat(mp.get("latestTopUpUsdPerYear").asDouble()).isCloseTo((110 - china) * 100_000, within(1e-6));
        JsonNode lynas = two.get("programs").get(0);
        assertThat(lynas.get("latestFloorInForce").asBoolean()).isFalse();
        assertThat(lynas.get("latestTopUpUsdPerYear").asDouble()).isZero();
    }

    @Test
    void keep_existing_adds_new_records_keeps_edits_and_lists_the_differences() throws Exception {
        Path db = dir.resolve("x.db");
        try (Workspace s = TestStores.open(db)) {
            // An older store: the 2025 record only, with an analyst's own edit.
            var d = Workspace.defaultDataset();
            var onlyOld = new org.rareearth.dashboard.domain.Dataset(null, null, d.securities(), List.of(),
                    d.events().stream().filter(e -> e.announced().getYear() < 2026 && !e.code().startsWith("maaden")
                            && !e.code().startsWith("general-lic") && !e.code().startsWith("resourceeu")).toList(),
                    d.reactions().stream().filter(r -> !r.event().equals("lynas-jare-2026")).toList(), List.of(),
                    List.of(), List.of(), d.stakes());
            s.datasets.write(onlyOld, true);
            var no61 = s.events.find("mofcom-61-2025").orElseThrow();
            s.datasets.write(org.rareearth.dashboard.domain.Dataset.of(new org.rareearth.dashboard.domain.PolicyEvent(
                    no61.code(), no61.actor(), no61.category(), no61.title(), no61.summary(), no61.materials(),
                    no61.announced(), no61.effective(), no61.ends(), no61.suspendedFrom(), no61.suspendedUntil(),
                    "in-force", no61.source(), no61.confidence(), "Checked by me: back in force.", no61.related(),
                    no61.sourceUrl())), false);
        }
        Files.copy(Path.of("data/dataset.json"), dir.resolve("bundled.json"));
        json("import-dataset", dir.resolve("bundled.json").toString(), "--keep-existing");
        assertThat(out).contains("kept: event mofcom-61-2025 differs in status, note");
        try (Workspace s = TestStores.open(db)) {
            var no61 = s.events.find("mofcom-61-2025").orElseThrow();
            assertThat(no61.note()).isEqualTo("Checked by me: back in force.");
            assertThat(no61.status()).isEqualTo("in-force");
            assertThat(s.events.find("lynas-jare-2026")).isPresent();
            assertThat(s.floors.all()).hasSize(3);
            assertThat(s.datasets.counts().events()).isEqualTo(Workspace.defaultDataset().events().size());
            assertThat(s.bundledRecordsMissing().added()).isZero();
        }
        // Both options at once is a usage error.
        List<String> both = List.of("--db", db.toString(), "import-dataset", dir.resolve("bundled.json").toString(),
                "--keep-existing", "--replace");
        assertThat(CliRun.run(TestStores.args(both.toArray(String[]::new))).code()).isEqualTo(2);
    }

    @Test
    void keep_existing_writes_nothing_from_a_bad_file() throws Exception {
        Path db = dir.resolve("x.db");
        long before;
        try (Workspace s = TestStores.open(db)) {
            before = s.datasets.counts().events();
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"events":[{"code":"new-one","actor":"china","category":"export-control","title":"New",
                  "announced":"2026-09-01","status":"in-force","source":"x","confidence":"S"},
                 {"code":"broken","actor":"china","category":"export-control","title":"Broken",
                  "announced":"2026-09-01","status":"in-force","source":"x","confidence":"S",
                  "sourceUrl":"ftp://example.org/file"}]}""");
        List<String> args = List.of("--db", db.toString(), "import-dataset", bad.toString(), "--keep-existing");
        CliRun refused = CliRun.run(TestStores.args(args.toArray(String[]::new)));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("$.events[1].sourceUrl").contains("not a web address");
        try (Workspace s = TestStores.open(db)) {
            assertThat(s.datasets.counts().events()).isEqualTo(before);
        }
    }
}
