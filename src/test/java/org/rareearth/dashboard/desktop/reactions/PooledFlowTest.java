package org.rareearth.dashboard.desktop.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.testdata.GeneratedPrices;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** From the timeline's filtered events to the Pooled tab, and the same numbers as the command line. */
@ExtendWith(FxThreadLookups.class)
class PooledFlowTest {

    private WindowFixture fixture;
    private Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage, GeneratedPrices::store, s -> { });
        home = fixture.home;
        window = fixture.window;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void pooling_the_timelines_events_shows_the_commands_numbers(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(TimelineView.TITLE));
        robot.interact(() -> ((TimelineView) window.view(TimelineView.TITLE)).actorsChoice().getCheckModel()
                .check(org.rareearth.dashboard.domain.Actor.UNITED_STATES));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#timeline-pool");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Stock reactions");
        TabPane tabs = robot.lookup("#reactions-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-pooled");
        PooledViewModel vm = ((ReactionsView) window.view("Stock reactions")).pooled();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.first.outcomeProperty().get() != null);
        List<String> codes = List.copyOf(vm.first.codes);
        assertThat(codes).contains("dod-mp-2025", "proclamation-11001-2026").doesNotContain("mofcom-61-2025");
        assertThat(vm.first.name()).startsWith("The events the timeline showed");
        var tests = vm.first.outcomeProperty().get().tests();

        JsonNode j = CliRun.run("--db", org.rareearth.dashboard.testing.TestStores.db(home.resolve("x.db")),
                "event-study-pooled", "--json", "--symbols", String.join(",", vm.symbols), "--events",
                String.join(",", codes), "--benchmark", "auto").json();
        assertThat(tests.n()).isEqualTo(j.get("n").asInt()).isPositive();
        assertThat(tests.caar()).isEqualTo(j.get("caar").asDouble());
        assertThat(tests.bmp().stat()).isEqualTo(j.get("tests").get("bmp").get("stat").asDouble());
        // The table shows the studies and the export has the CAAR path of both sets.
        assertThat(robot.lookup("#pooled-a-studies").queryTableView().getItems()).hasSize(tests.n());
        var spec = org.rareearth.dashboard.desktop.FxRuntime.call(() -> ((ReactionsView) window.view("Stock reactions"))
                .exportSpec());
        assertThat(spec.key()).isEqualTo("pooled");
        assertThat(spec.csvRows()).filteredOn(r -> "day".equals(r.get(1))).hasSize(42);
    }
}
