package org.rareearth.dashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Services s = Services.open(dir.resolve("new.db"))) {
            Counts c = s.datasets.counts();
            assertThat(c).isEqualTo(new Counts(12, 0, 20, 11, 12, 18, 1, 1));
        }
    }

    @Test
    void the_seed_is_loaded_only_once() {
        Path db = dir.resolve("once.db");
        Services.open(db).close();
        try (Services s = Services.open(db)) {
            assertThat(s.datasets.counts().events()).isEqualTo(20);
        }
    }

    @Test
    void the_bundled_seed_is_the_file_in_the_data_folder() throws Exception {
        Path file = Path.of("data/dataset.json");
        try (Services s = Services.open(dir.resolve("x.db"))) {
            Path out = dir.resolve("out.json");
            s.exportDataset(out);
            assertThat(Files.readString(out)).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void every_record_carries_its_source_and_a_confidence_mark() {
        Dataset d = Services.defaultDataset();
        Stream.of(d.securities().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.events().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.reactions().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.assessments().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.fxRates().stream().map(x -> new String[] {x.source(), x.confidence()}),
                        d.floors().stream().map(x -> new String[] {x.source(), x.confidence()}))
                .flatMap(x -> x)
                .forEach(sc -> {
                    assertThat(sc[0]).isNotBlank();
                    assertThat(sc[1]).isIn("S", "U", "calc");
                });
        assertThat(d.priceBars()).as("no invented daily prices ship").isEmpty();
    }

    @Test
    void mp_keeps_its_close_to_close_and_intraday_moves_apart() {
        Dataset d = Services.defaultDataset();
        assertThat(d.reactions()).filteredOn(r -> r.symbol().equals("MP") && r.event().equals("dod-mp-2025"))
                .extracting(Reaction::measure, Reaction::percent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("close-to-close", 50.62),
                        org.assertj.core.groups.Tuple.tuple("intraday-high", 60.0));
    }

    @Test
    void the_suspended_october_package_keeps_its_dates() {
        PolicyEvent e = Services.defaultDataset().events().stream()
                .filter(x -> x.code().equals("mofcom-61-2025")).findFirst().orElseThrow();
        assertThat(e.announced()).hasToString("2025-10-09");
        assertThat(e.effective()).hasToString("2025-12-01");
        assertThat(e.suspendedUntil()).hasToString("2026-11-10");
    }
}
