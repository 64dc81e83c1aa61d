package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window opens on a new temporary store and every view shows records from it. */
@ExtendWith(FxThreadLookups.class)
class MainWindowTest {

    private WindowFixture fixture;
    private Workspace services;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
        services = fixture.services;
        window = fixture.window;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_window_is_titled_and_opens_on_the_dashboard_with_tiles_from_the_store(FxRobot robot) {
        assertThat(robot.window(0).getScene().getWindow()).isInstanceOf(Stage.class);
        assertThat(((Stage) robot.window(0)).getTitle()).startsWith("Rare Earth Dashboard");
        assertThat(window.currentView()).isEqualTo("Dashboard");
        fixture.awaitReads();
        assertThat(robot.lookup(".dashboard-tile").queryAll()).hasSizeGreaterThanOrEqualTo(4);
        Tile mp = robot.lookup(".dashboard-tile").match(Tile.class::isInstance).queryAllAs(Tile.class).stream()
                .filter(t -> t.getTitle().startsWith("MP ")).findFirst().orElseThrow();
        assertThat(mp.getValue()).isEqualTo(50.62);
    }

    @Test
    void every_view_can_be_visited_and_shows_records(FxRobot robot) {
        robot.clickOn("#nav-stock-reactions");
        assertThat(window.currentView()).isEqualTo("Stock reactions");
        BarChart<?, ?> bars = robot.lookup("#reactions-chart").queryAs(BarChart.class);
        assertThat(bars.getData().stream().mapToInt(s -> s.getData().size()).sum()).isEqualTo(12);

        robot.clickOn("#nav-price-support-gap");
        fixture.awaitReads(); // its first showing puts its parts in over a few frames, then what it read
        LineChart<?, ?> gap = robot.lookup("#gap-chart").queryAs(LineChart.class);
        assertThat(gap.getData()).hasSize(2);
        // 17 quotes, one of which (2026-01-22) has no USD/CNY fixing within 10 days before it.
        assertThat(gap.getData().get(0).getData()).hasSize(16);

        robot.clickOn("#nav-export-restriction-timeline");
        fixture.awaitReads();
        assertThat(robot.lookup("#timeline-counts").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("Showing 43 of 43 events");

        robot.clickOn("#nav-data");
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).hasSize(12);
        assertThat(robot.lookup("#table-securities").queryAs(TableView.class).getItems()).hasSize(12);

        robot.clickOn("#nav-supply-chain");
        assertThat(window.currentView()).isEqualTo("Supply chain");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.StackedBarChart<?, ?> supply = robot.lookup("#supply-chart")
                .queryAs(javafx.scene.chart.StackedBarChart.class);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> supply.getData().size() == 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the supply-chain chart was not filled", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#supply-project-mp-10x").tryQuery()).isPresent();
        // 10X belongs to the DoD deal: its event is marked; the overlay adds the others.
        assertThat(robot.lookup("#supply-event-dod-mp-2025").tryQuery()).isPresent();
        assertThat(robot.lookup("#supply-event-mofcom-18-2025").tryQuery()).isEmpty();
        robot.clickOn("#supply-overlay");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#supply-event-mofcom-18-2025").tryQuery()).isPresent();
        robot.clickOn("#supply-reference");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#supply-lag").queryAs(javafx.scene.control.Label.class).getText())
                .contains("5,933 t/yr of rare-earth magnets is reached — operating only: 2025");
        assertThat(robot.lookup("#supply-not-counted").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Niron");

        robot.clickOn("#nav-dashboard");
        assertThat(window.currentView()).isEqualTo("Dashboard");
    }

    @Test
    void shortcuts_switch_views(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Export-restriction timeline");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Supply chain");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Stock reactions");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Data");
    }

    @Test
    void the_vat_basis_switch_changes_the_china_series(FxRobot robot) {
        robot.clickOn("#nav-price-support-gap");
        fixture.awaitReads(); // its first showing puts its parts in over a few frames, then what it read
        LineChart<?, ?> gap = robot.lookup("#gap-chart").queryAs(LineChart.class);
        double excluded = ((Number) gap.getData().get(0).getData().get(0).getYValue()).doubleValue();
        robot.clickOn("#vat-included");
        double included = ((Number) gap.getData().get(0).getData().get(0).getYValue()).doubleValue();
        assertThat(included / excluded).isCloseTo(1.13, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(gap.getTitle()).contains("VAT included");
    }

    @Test
    void the_volume_input_sets_the_implied_top_up_tile(FxRobot robot) {
        robot.clickOn("#nav-price-support-gap");
        fixture.awaitReads();
        Tile before = robot.lookup("#tile-top-up").queryAs(Tile.class);
        double at1000 = before.getValue();
        assertThat(at1000).isPositive();
        robot.doubleClickOn("#gap-volume .text-field").eraseText(6).write("2000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Tile after = robot.lookup("#tile-top-up").queryAs(Tile.class);
        assertThat(after.getValue()).isCloseTo(2 * at1000, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(after).as("the tile is kept and given the new figures").isSameAs(before);
        assertThat(robot.from(after).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith("2,000 t/yr")
                || n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().startsWith("2,000 t/yr"))
                .tryQuery()).as("its description shows the new volume").isPresent();
        robot.doubleClickOn("#gap-volume .text-field").eraseText(6).write("many").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gap-volume .text-field").queryAs(javafx.scene.control.TextField.class).getText())
                .as("a value that is not a number is put back").isEqualTo("2000");
    }

    @Test
    void ctrl_e_opens_the_export_dialog_with_the_charts_title_and_sources(FxRobot robot) {
        robot.clickOn("#nav-price-support-gap");
        fixture.awaitReads();
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField title = robot.lookup("#export-title").queryAs(javafx.scene.control.TextField.class);
        assertThat(title.getText()).contains("price-support gap");
        assertThat(robot.lookup("#export-footnote").queryAs(javafx.scene.control.TextArea.class).getText())
                .startsWith("Sources:").contains("Shanghai Metals Market");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> size = robot.lookup("#export-size")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> size.setValue("1920 × 1080"));
        assertThat(robot.lookup("#export-width").queryAs(javafx.scene.control.Spinner.class).getValue())
                .isEqualTo(1920);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-title").tryQuery()).as("the dialog is closed").isEmpty();
        // The Data view has no chart: the export buttons are off there.
        robot.clickOn("#nav-data");
        assertThat(window.currentView()).isEqualTo("Data");
        assertThat(robot.lookup("#tool-export-png").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.clickOn("#nav-dashboard");
        assertThat(robot.lookup("#tool-export-png").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
    }

    @Test
    void the_dashboard_tile_follows_a_change_to_the_store(FxRobot robot) {
        org.rareearth.dashboard.service.RecordEditor editor = new org.rareearth.dashboard.service.RecordEditor(services);
        org.rareearth.dashboard.domain.Reaction mp = services.reactions.all().stream()
                .filter(r -> r.symbol().equals("MP") && r.measure().equals("close-to-close")
                        && r.event().equals("dod-mp-2025")).findFirst().orElseThrow();
        org.rareearth.dashboard.domain.Reaction changed = new org.rareearth.dashboard.domain.Reaction(mp.symbol(),
                mp.event(), mp.date(), mp.measure(), 51.0, mp.fromPrice(), mp.toPrice(), mp.source(),
                mp.confidence(), "corrected in a test");
        robot.interact(() -> editor.save(mp, changed));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        fixture.awaitReads();
        Tile tile = robot.lookup(".dashboard-tile").match(Tile.class::isInstance).queryAllAs(Tile.class).stream()
                .filter(t -> t.getTitle().startsWith("MP ")).findFirst().orElseThrow();
        assertThat(tile.getValue()).isEqualTo(51.0);
    }

    @Test
    void f1_shows_the_shortcut_sheet_and_ctrl_f_goes_to_the_search(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcut-sheet").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Ctrl+E").contains("Ctrl+Z").contains("Daily-price chart");
        robot.clickOn("OK");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Export-restriction timeline");
        javafx.scene.Node search = robot.lookup("#filter-search").query();
        assertThat(search.getScene().getFocusOwner()).isSameAs(search);
    }
}
