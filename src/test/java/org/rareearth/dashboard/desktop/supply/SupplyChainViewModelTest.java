package org.rareearth.dashboard.desktop.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.analytics.CapacityOutlook;
import org.rareearth.dashboard.service.SupplyChainService;
import org.rareearth.dashboard.service.Workspace;

/** The Supply chain screen's state without a toolkit: plain executors, the bundled records. */
class SupplyChainViewModelTest {

    private static SupplyChainViewModel model() {
        var d = Workspace.defaultDataset();
        SupplyChainViewModel m = new SupplyChainViewModel(() -> new SupplyChainViewModel.Records(
                d.capacityProjects(), d.stageShares(), d.quotas(), d.events()), () -> 2026, Runnable::run,
                Runnable::run);
        m.reads().refresh();
        return m;
    }

    private static List<String> ids(SupplyChainViewModel m) {
        return m.outlookProperty().get().kept().stream().map(p -> p.id()).toList();
    }

    @Test
    void the_filters_keep_stage_status_and_country_and_give_the_commands_numbers() {
        SupplyChainViewModel m = model();
        assertThat(m.problemProperty().get()).isEmpty();
        assertThat(ids(m)).contains("mp-10x", "neo-narva").doesNotContain("iluka-eneabba");
        m.countries.setAll("Estonia");
        m.recompute();
        assertThat(ids(m)).containsExactly("neo-narva");
        m.countries.clear();
        m.statuses.setAll("construction");
        m.recompute();
        assertThat(m.outlookProperty().get().kept()).allSatisfy(p -> assertThat(p.status()).isEqualTo("construction"));
        m.statuses.clear();
        m.stageProperty().set("separation");
        m.recompute();
        assertThat(m.outlookProperty().get().result().product()).isEqualTo("NdPr oxide");
        assertThat(m.productChoices).first().isEqualTo("NdPr oxide");
        assertThat(m.productChoices).contains("REO");
        m.productProperty().set("REO");
        m.recompute();
        assertThat(m.outlookProperty().get().result().counted()).extracting(e -> e.project().id())
                .contains("iluka-eneabba");
    }

    @Test
    void the_reference_target_gives_the_lag_and_another_products_target_cannot_be_compared() {
        SupplyChainViewModel m = model();
        assertThat(m.lagTextProperty().get()).startsWith("Enter a target");
        m.useReference(SupplyChainService.REFERENCES.get(0));
        m.recompute();
        CapacityOutlook.Lag lag = m.outlookProperty().get().result().lag();
        assertThat(lag.target()).isEqualTo(5933);
        assertThat(lag.operatingOnly()).isEqualTo(2025);
        assertThat(m.lagTextProperty().get()).contains("5,933 t/yr of rare-earth magnets").contains("2025")
                .contains("median slip on record (0 yr, 2 projects)");
        m.stageProperty().set("separation");
        m.productProperty().set(null);
        m.recompute();
        assertThat(m.lagTextProperty().get()).startsWith("Cannot compare").contains("rare-earth magnets")
                .contains("NdPr oxide");
        assertThat(m.outlookProperty().get().result().lag()).isNull();
    }

    @Test
    void an_empty_store_says_what_to_do() {
        SupplyChainViewModel m = new SupplyChainViewModel(() -> new SupplyChainViewModel.Records(List.of(),
                List.of(), List.of(), List.of()), () -> 2026, Runnable::run, Runnable::run);
        m.reads().refresh();
        assertThat(m.problemProperty().get()).contains("No capacity projects").contains("Data > Capacity projects");
    }

    @Test
    void it_reads_off_the_ui_thread_and_says_why_a_read_failed() {
        var d = Workspace.defaultDataset();
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        boolean[] fail = {false};
        SupplyChainViewModel m = new SupplyChainViewModel(() -> {
            if (fail[0]) {
                throw new org.rareearth.dashboard.store.StoreException("disk I/O error");
            }
            return new SupplyChainViewModel.Records(d.capacityProjects(), d.stageShares(), d.quotas(), d.events());
        }, () -> 2026, background::add, Runnable::run);
        m.reads().refresh();
        assertThat(m.reads().loadingProperty().get()).as("reading").isTrue();
        assertThat(m.outlookProperty().get()).isNull();
        background.poll().run();
        assertThat(m.reads().loadingProperty().get()).isFalse();
        assertThat(ids(m)).contains("mp-10x");

        fail[0] = true;
        m.reads().refresh();
        background.poll().run();
        assertThat(m.problemProperty().get())
                .isEqualTo("The supply-chain records could not be read from the store: disk I/O error");
        assertThat(ids(m)).as("the last figures stay").contains("mp-10x");
    }
}
