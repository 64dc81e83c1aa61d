package org.rareearth.dashboard.desktop.gap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.service.GapService;
import org.rareearth.dashboard.service.Workspace;

/**
 * The gap screen's view model, without a toolkit: the store is read on the background executor and published on
 * the UI one; the choices give the service's own reports, with no further read.
 */
class GapViewModelTest {
    @TempDir
    Path dir;

    @Test
    void the_choices_give_the_services_reports_from_one_read() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("g.db"))) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> ui = new ArrayList<>();
            int[] reads = {0};
            GapViewModel m = new GapViewModel(() -> {
                reads[0]++;
                return s.gaps().inputs();
            }, background::add, ui::add);
            m.refresh();
            assertThat(reads[0]).as("nothing read on the caller's thread").isZero();
            background.forEach(Runnable::run);
            assertThat(m.reportProperty().get()).as("published on the UI executor only").isNull();
            ui.forEach(Runnable::run);

            GapService gaps = s.gaps();
            List<PriceFloor> floors = gaps.floors();
            assertThat(floors).isNotEmpty();
            assertThat(m.programProperty().get()).isEqualTo(floors.get(0).program());
            GapReport shown = m.reportProperty().get();
            GapReport direct = gaps.report(floors.get(0), VatBasis.EXCLUDED, m.volumeProperty().get(), null, null);
            assertThat(shown.points()).isEqualTo(direct.points());
            assertThat(shown.annualTopUpUsd()).isEqualTo(direct.annualTopUpUsd());
            assertThat(m.comparisonProperty().get()).hasSize(floors.size());

            // The basis, the volume and the period recompute from what was read: no second read.
            m.basisProperty().set(VatBasis.INCLUDED);
            m.volumeProperty().set(2500);
            m.fromProperty().set(LocalDate.of(2025, 10, 1));
            GapReport again = m.reportProperty().get();
            assertThat(again.basis()).isEqualTo(VatBasis.INCLUDED);
            assertThat(again.volumeTonnes()).isEqualTo(2500);
            assertThat(again.points()).isEqualTo(gaps.report(floors.get(0), VatBasis.INCLUDED, 2500,
                    LocalDate.of(2025, 10, 1), null).points());
            assertThat(again.annualTopUpUsd()).isEqualTo(gaps.report(floors.get(0), VatBasis.INCLUDED, 2500,
                    LocalDate.of(2025, 10, 1), null).annualTopUpUsd());
            // An inverted period falls back to the latest quote.
            m.toProperty().set(LocalDate.of(2025, 9, 1));
            assertThat(m.reportProperty().get().periodTo()).isEqualTo(gaps.report(floors.get(0), VatBasis.INCLUDED,
                    2500, LocalDate.of(2025, 10, 1), null).periodTo());
            assertThat(reads[0]).isEqualTo(1);

            // A programme whose terms give a volume brings it along.
            floors.stream().filter(f -> f.volume() != null).reduce((a, b) -> b).ifPresent(f -> {
                m.programProperty().set(f.program());
                assertThat(m.volumeProperty().get()).isEqualTo((int) Math.round(f.volume()));
                assertThat(m.reportProperty().get().floor().program()).isEqualTo(f.program());
            });
        }
    }

    /**
     * A read sets the programme, and a programme with a volume in its terms sets the volume: the report is computed
     * and set once for each, not once for every input set along the way. (The view follows the report as this test
     * does, by invalidation: an equal report computed again still has it compare what it shows.)
     */
    @Test
    void a_read_or_a_programme_with_a_volume_changes_the_report_once() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("g.db"))) {
            GapViewModel m = new GapViewModel(() -> s.gaps().inputs(), Runnable::run, Runnable::run);
            List<GapReport> reports = new ArrayList<>();
            List<List<GapReport>> comparisons = new ArrayList<>();
            m.reportProperty().addListener(o -> reports.add(m.reportProperty().get()));
            m.comparisonProperty().addListener(o -> comparisons.add(m.comparisonProperty().get()));
            m.refresh();
            assertThat(m.programProperty().get()).isNotNull();
            assertThat(reports.size()).as("times the report was set").isEqualTo(1);
            assertThat(comparisons.size()).as("times the comparison was set").isEqualTo(1);
            assertThat(reports.get(0).floor().program()).isEqualTo(m.programProperty().get());

            List<PriceFloor> withVolume = s.gaps().floors().stream()
                    .filter(f -> f.volume() != null && !f.program().equals(m.programProperty().get())
                            && (int) Math.round(f.volume()) != m.volumeProperty().get())
                    .toList();
            assertThat(withVolume).as("the bundled floors: one with a volume of its own").isNotEmpty();
            reports.clear();
            m.programProperty().set(withVolume.get(0).program());
            assertThat(m.volumeProperty().get()).isEqualTo((int) Math.round(withVolume.get(0).volume()));
            assertThat(reports.size()).as("times the report was set").isEqualTo(1);
            assertThat(reports.get(0).volumeTonnes()).isEqualTo(m.volumeProperty().get().doubleValue());
        }
    }

    @Test
    void a_store_without_floors_gives_no_report_and_a_failed_read_says_why() {
        GapViewModel empty = new GapViewModel(() -> new GapService.Inputs(List.of(), List.of(), List.of(), List.of()),
                Runnable::run, Runnable::run);
        empty.refresh();
        assertThat(empty.reportProperty().get()).isNull();
        assertThat(empty.comparisonProperty().get()).isEmpty();
        assertThat(empty.programProperty().get()).isNull();

        GapViewModel failing = new GapViewModel(() -> {
            throw new IllegalStateException("disk I/O error");
        }, Runnable::run, Runnable::run);
        failing.refresh();
        assertThat(failing.problemProperty().get())
                .isEqualTo("The price-support gap could not be read from the store: disk I/O error");
    }
}
