package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.Workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.store.Counts;

class DefaultDatasetTest {

    @TempDir
    Path dir;

    @Test
    void a_new_store_is_filled_with_the_sourced_dataset() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("new.db"))) {
            Counts c = s.datasets.counts();
            assertThat(c).isEqualTo(new Counts(12, 0, 43, 12, 17, 27, 3, 1, 24, 7, 3));
        }
    }

    @Test
    void the_seed_is_loaded_only_once() {
        Path db = dir.resolve("once.db");
        org.rareearth.dashboard.testing.TestStores.open(db).close();
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(db)) {
            assertThat(s.datasets.counts().events()).isEqualTo(43);
        }
    }

    @Test
    void the_bundled_seed_is_the_file_in_the_data_folder() throws Exception {
        Path file = Path.of("data/dataset.json");
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("x.db"))) {
            Path out = dir.resolve("out.json");
            s.exportDataset(out);
            assertThat(Files.readString(out)).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void every_record_carries_its_source_and_a_confidence_mark() {
        Dataset d = Workspace.defaultDataset();
        Stream.of(d.securities().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.events().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.reactions().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.assessments().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.fxRates().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.floors().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.stakes().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.capacityProjects().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.stageShares().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.quotas().stream().map(x -> new String[] {x.source(), x.confidence()}))
                .flatMap(x -> x)
                .forEach(sc -> {
                    assertThat(sc[0]).isNotBlank();
                    assertThat(sc[1]).isIn("S", "U", "calc");
                });
        assertThat(d.priceBars()).as("no invented daily prices ship").isEmpty();
    }

    @Test
    void the_supply_chain_rows_are_the_sheets_with_their_sources_and_conflicts_kept_as_uncertain() {
        Dataset d = Workspace.defaultDataset();
        assertThat(d.capacityProjects()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(d.stageShares()).isNotEmpty();
        assertThat(d.quotas()).extracting(q -> q.year()).contains(2023, 2024, 2025);
        for (var p : d.capacityProjects()) {
            assertThat(p.source()).as(p.id()).isNotBlank();
            assertThat(p.sourceUrl() != null || p.targets().stream().anyMatch(t -> t.sourceUrl() != null))
                    .as(p.id() + " names an address").isTrue();
            p.targets().forEach(t -> assertThat(t.source()).as(p.id() + " target").isNotBlank());
            if (p.note() != null && p.note().startsWith("Figures conflict")) {
                assertThat(p.confidence()).as(p.id()).isEqualTo("U");
            }
        }
        // The sheet's own figures, as it gives them: 10X with both readings of 10,000 t/yr, 2025 quotas unpublished.
        var tenX = d.capacityProjects().stream().filter(p -> p.id().equals("mp-10x")).findFirst().orElseThrow();
        assertThat(tenX.capacity()).isEqualTo(10000.0);
        assertThat(tenX.confidence()).isEqualTo("U");
        assertThat(tenX.note()).contains("company-wide").contains("add[s] 10,000");
        assertThat(tenX.targets()).extracting(t -> t.year()).containsExactly(2028, 2028);
        var q2025 = d.quotas().stream().filter(q -> q.year() == 2025).findFirst().orElseThrow();
        assertThat(q2025.published()).isFalse();
        assertThat(q2025.mining()).isNull();
        // Metal and alloy: no share was found, so none ships (the view says "not known").
        assertThat(d.stageShares()).noneMatch(s -> s.stage().equals("metal-alloy"));
    }

    @Test
    void every_source_url_shipped_is_a_web_address_and_every_2026_record_names_one_unless_the_sheet_kept_none() {
        Dataset d = Workspace.defaultDataset();
        List<String> urls = new java.util.ArrayList<>();
        d.events().forEach(e -> urls.add(e.sourceUrl()));
        d.assessments().forEach(a -> urls.add(a.sourceUrl()));
        d.fxRates().forEach(r -> urls.add(r.sourceUrl()));
        d.floors().forEach(f -> urls.add(f.sourceUrl()));
        d.reactions().forEach(r -> urls.add(r.sourceUrl()));
        urls.stream().filter(java.util.Objects::nonNull)
                .forEach(u -> assertThat(org.rareearth.dashboard.io.dataset.DatasetValidator.urlProblem(u)).as(u).isNull());
        assertThat(d.events()).filteredOn(e -> e.announced().isAfter(java.time.LocalDate.of(2025, 11, 18)))
                .allSatisfy(e -> assertThat(e.sourceUrl()).as(e.code()).startsWith("http"));
        // The one 2026 quote the sheet gives without a URL is marked U and says so.
        assertThat(d.assessments()).filteredOn(a -> a.date().getYear() == 2026 && a.sourceUrl() == null)
                .singleElement().satisfies(a -> {
                    assertThat(a.confidence()).isEqualTo("U");
                    assertThat(a.note()).contains("no URL kept");
                });
    }

    @Test
    void the_suspensions_carry_their_announcement_numbers_and_name_the_measures_they_suspend() {
        Dataset d = Workspace.defaultDataset();
        PolicyEvent no70 = d.events().stream().filter(e -> e.code().equals("mofcom-70-2025")).findFirst().orElseThrow();
        PolicyEvent no72 = d.events().stream().filter(e -> e.code().equals("mofcom-no46-us-suspension-2025"))
                .findFirst().orElseThrow();
        assertThat(no70.title()).contains("No. 70 of 2025");
        assertThat(no70.related()).containsExactlyInAnyOrder("mofcom-55-58-2025", "mofcom-61-2025", "mofcom-62-2025");
        assertThat(no72.title()).contains("No. 72 of 2025");
        assertThat(no72.related()).containsExactly("mofcom-46-2024");
        // Three floors of $110/kg; the Lynas–JARE terms as the sheet gives them.
        assertThat(d.floors()).extracting(f -> f.level()).containsOnly(110.0);
        var jare = d.floors().stream().filter(f -> f.program().startsWith("Lynas–JARE")).findFirst().orElseThrow();
        assertThat(jare.volume()).isEqualTo(5000.0);
        assertThat(jare.upsideShare()).isEqualTo(0.3);
        assertThat(jare.upsideFrom()).isEqualTo(150.0);
        assertThat(jare.upsideCap()).isEqualTo(10_000_000.0);
        assertThat(d.reactions()).filteredOn(r -> r.event().equals("lynas-jare-2026")).singleElement()
                .satisfies(r -> assertThat(r.percent()).isEqualTo(11.8));
    }

    @Test
    void mp_keeps_its_close_to_close_and_intraday_moves_apart() {
        Dataset d = Workspace.defaultDataset();
        assertThat(d.reactions()).filteredOn(r -> r.symbol().equals("MP") && r.event().equals("dod-mp-2025"))
                .extracting(Reaction::measure, Reaction::percent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("close-to-close", 50.62),
                        org.assertj.core.groups.Tuple.tuple("intraday-high", 60.0));
    }

    @Test
    void the_suspended_october_package_keeps_its_dates() {
        PolicyEvent e = Workspace.defaultDataset().events().stream()
                .filter(x -> x.code().equals("mofcom-61-2025")).findFirst().orElseThrow();
        assertThat(e.announced()).hasToString("2025-10-09");
        assertThat(e.effective()).hasToString("2025-12-01");
        assertThat(e.suspendedUntil()).hasToString("2026-11-10");
    }
}
