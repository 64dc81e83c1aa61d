package org.rareearth.dashboard.desktop.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.analytics.EventStudyTest;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The event-window tab on generated prices (made up for the test) imported as MP and ^GSPC. */
@ExtendWith(FxThreadLookups.class)
class ReactionsViewTest {

    private WindowFixture fixture;
    private Workspace services;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage, ReactionsViewTest::importGenerated);
        services = fixture.services;
        window = fixture.window;
    }

    /** Generated MP and ^GSPC prices, imported before the window opens. */
    private static void importGenerated(Workspace services) {
        var s = EventStudyTest.generateForOtherTests();
        StringBuilder sb = new StringBuilder("Symbol,Date,Close,Adj Close\n");
        for (PriceBar b : s.security()) {
            sb.append("MP,").append(b.date()).append(',').append(b.close()).append(',').append(b.adjClose())
                    .append('\n');
        }
        for (PriceBar b : s.market()) {
            sb.append("^GSPC,").append(b.date()).append(',').append(b.close()).append(",\n");
        }
        try {
            Path f = Files.createTempFile("generated", ".csv");
            try {
                Files.writeString(f, sb.toString());
                PriceImportService.run(services.store(), f, PriceImportService.Options.of(null));
            } finally {
                Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_event_window_shows_the_abnormal_return_and_says_what_to_import(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.show(ReactionsView.TITLE);
            ((ReactionsView) window.view(ReactionsView.TITLE)).focusEvent("dod-mp-2025");
        });
        TabPane tabs = robot.lookup("#reactions-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        ReactionsView view = (ReactionsView) window.view(ReactionsView.TITLE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.studyRows().stream()
                .anyMatch(r -> r.symbol().equals("MP")));
        ReactionsViewModel.StudyRow mp = view.studyRows().stream().filter(r -> r.symbol().equals("MP")).findFirst()
                .orElseThrow();
        assertThat(mp.model()).isEqualTo("market model vs ^GSPC");
        assertThat(mp.ar0()).isCloseTo(EventStudyTest.SHOCK, within(1e-9));
        assertThat(mp.car11()).isCloseTo(EventStudyTest.SHOCK, within(1e-9));
        assertThat(mp.line()).hasSize(21);
        // LYC has a reported reaction to this event but no prices: the view says what to import.
        assertThat(robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class))
                .anyMatch(b -> "Import prices for LYC…".equals(b.getText()));

        // Raw mode draws the plain cumulative return.
        robot.clickOn("#mode-raw");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.studyRows().stream()
                .anyMatch(r -> r.symbol().equals("MP") && r.line().get(10).offset() == 0
                        && Math.abs(r.line().get(10).ar() - EventStudyTest.SHOCK) > 1e-3));
        @SuppressWarnings("unchecked")
        CheckComboBox<String> secs = robot.lookup("#study-securities").queryAs(CheckComboBox.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(secs.getCheckModel().getCheckedItems())).get())
                .contains("MP", "LYC");
        @SuppressWarnings("unchecked")
        ComboBox<String> bench = robot.lookup("#study-benchmark").queryAs(ComboBox.class);
        assertThat(bench.getValue()).startsWith("auto");
    }

    @Test
    void abnormal_without_benchmark_prices_says_so_and_a_superseded_study_is_not_called_cancelled(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            window.show(ReactionsView.TITLE);
            ((ReactionsView) window.view(ReactionsView.TITLE)).focusEvent("dod-mp-2025");
        });
        TabPane tabs = robot.lookup("#reactions-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        ReactionsView view = (ReactionsView) window.view(ReactionsView.TITLE);
        @SuppressWarnings("unchecked")
        ComboBox<String> bench = robot.lookup("#study-benchmark").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> secs = robot.lookup("#study-securities").queryAs(CheckComboBox.class);
        // Two changes in one go: the first computation is superseded by the second, quietly.
        robot.interact(() -> {
            bench.setValue("^AXJO");
            secs.getCheckModel().clearCheck("LYC");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.studyRows().size() == 1
                && view.studyRows().get(0).model().equals("raw: no prices for ^AXJO"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .noneMatch(l -> l.getText() != null && l.getText().startsWith("Cancelled"));
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#event-window-chart")
                .queryAs(javafx.scene.chart.LineChart.class);
        assertThat(chart.getTitle()).startsWith("Cumulative raw return")
                .endsWith("(abnormal returns need the benchmark's prices)");
        assertThat(robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class))
                .anyMatch(b -> "Import prices for ^AXJO…".equals(b.getText()));
    }

    /** On a first showing: heading, picker and tabs; the front tab's chart a frame later; then the records. */
    @Test
    void the_front_tab_comes_a_frame_after_the_tabs_and_the_records_after_it(FxRobot robot) throws Exception {
        org.rareearth.dashboard.desktop.FirstShowing.Seen seen = org.rareearth.dashboard.desktop.FirstShowing.of(
                robot, () -> new ReactionsView(services, ReactionsViewModel.over(services,
                        org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater)), scene -> java.util.Arrays.asList(
                        scene.lookup("#reactions-tabs") != null,
                        scene.lookup("#reactions-chart") != null,
                        ((ComboBox<?>) scene.lookup("#reactions-event")).getItems().size(),
                        scene.lookup(".view-title").localToScene(0, 0).getY()));
        assertThat(seen.readingWhenShown()).as("in progress when shown").isTrue();
        assertThat(seen.firstFrame().subList(0, 3)).as("tabs, chart, events in the first frame")
                .containsExactly(true, false, 0);
        assertThat(seen.frames()).as("a frame with the chart in and no events yet")
                .anySatisfy(f -> assertThat(f.subList(1, 3)).containsExactly(true, 0));
        assertThat(seen.settled().get(1)).isEqualTo(true);
        assertThat((int) seen.settled().get(2)).as("events in the picker")
                .isEqualTo(services.events.all().size());
        assertThat(seen.whenLoaded().subList(0, 3)).as("when it says it is loaded")
                .isEqualTo(seen.settled().subList(0, 3));
        assertThat(seen.settled().get(3)).as("the heading").isEqualTo(seen.firstFrame().get(3));
    }
}
