package org.rareearth.dashboard.desktop.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;

/** The Pooled tab's view model, without a toolkit: the same choice gives the command line's numbers. */
class PooledViewModelTest {

    @TempDir
    Path dir;

    private static JsonNode cli(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", org.rareearth.dashboard.testing.TestStores.db(db),
                "event-study-pooled", "--json"));
        all.addAll(List.of(args));
        return org.rareearth.dashboard.testing.CliRun.run(all.toArray(String[]::new)).json();
    }

    @Test
    void the_view_model_and_the_command_give_the_same_numbers() throws Exception {
        Path db = org.rareearth.dashboard.testdata.GeneratedPrices.store(dir);
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(db)) {
            List<Runnable> landed = new ArrayList<>();
            PooledViewModel vm = new PooledViewModel(s.pooledStudies(), Runnable::run, landed::add);
            vm.symbols.setAll("MP", "USAR", "LYC");
            vm.second.actors.setAll(Actor.UNITED_STATES);
            vm.second.categories.setAll(Category.INVESTMENT);
            vm.compute();
            assertThat(vm.runningProperty().get()).as("results land on the UI executor").isTrue();
            landed.forEach(Runnable::run);
            assertThat(vm.runningProperty().get()).isFalse();
            var us = vm.second.outcomeProperty().get().tests();
            JsonNode j = cli(db, "--symbols", "MP,USAR,LYC", "--actor", "united-states", "--category", "investment",
                    "--benchmark", "auto");
            assertThat(us.n()).isEqualTo(j.get("n").asInt());
            assertThat(us.caar()).isEqualTo(j.get("caar").asDouble());
            assertThat(us.patell().stat()).isEqualTo(j.get("tests").get("patell").get("stat").asDouble());
            assertThat(us.crossSectionalT().p()).isEqualTo(j.get("tests").get("crossSectionalT").get("p").asDouble());
            assertThat(vm.second.outcomeProperty().get().chart().days()).hasSize(21);
            // China's controls: the generated prices run from January 2024 to June 2026, so the 2023 controls and,
            // on the chart's -10..+10, the listings of 29 June 2026 fall out, each by name.
            var china = vm.first.outcomeProperty().get();
            assertThat(china.tests().excluded()).anySatisfy(x -> {
                assertThat(x.event()).isEqualTo("mofcom-23-2023");
                assertThat(x.reason()).contains("no prices around 2023-07-03");
            });
            assertThat(china.chart().excluded()).anySatisfy(x -> {
                assertThat(x.event()).isEqualTo("mofcom-japan-entities-2026-06");
                assertThat(x.reason()).contains("runs past the prices");
            });
        }
    }

    @Test
    void a_bad_window_or_no_security_is_said_and_nothing_runs() throws Exception {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("y.db"))) {
            List<Runnable> ran = new ArrayList<>();
            PooledViewModel vm = new PooledViewModel(s.pooledStudies(), ran::add, Runnable::run);
            vm.compute();
            assertThat(vm.messageProperty().get()).contains("Tick at least one security");
            vm.symbols.setAll("MP");
            vm.testWindowProperty().set("1:-1");
            vm.compute();
            assertThat(vm.messageProperty().get()).contains("ends before it starts");
            assertThat(ran).isEmpty();
        }
    }

    @Test
    void a_computation_started_while_another_runs_replaces_it_quietly() throws Exception {
        Path db = org.rareearth.dashboard.testdata.GeneratedPrices.store(dir);
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(db)) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> landed = new ArrayList<>();
            PooledViewModel vm = new PooledViewModel(s.pooledStudies(), background::add, landed::add);
            vm.symbols.setAll("MP");
            vm.compute();
            vm.symbols.setAll("MP", "USAR");
            vm.compute();
            background.forEach(Runnable::run);
            landed.forEach(Runnable::run);
            assertThat(vm.second.outcomeProperty().get().tests().studies())
                    .anyMatch(st -> st.symbol().equals("USAR"));
            assertThat(vm.messageProperty().get()).doesNotContain("ancel");
        }
    }
}
