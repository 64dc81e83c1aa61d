package org.rareearth.dashboard.desktop.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.FirstShowing;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Supply chain view says when it has read the store, as the other views do: the window's export of every chart,
 * the tour that trains the start-up archive, the benchmarks and the tests wait for its figures, not for its empty
 * chart.
 */
@ExtendWith(FxThreadLookups.class)
class SupplyChainViewTest {
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void it_is_reading_until_its_chart_and_share_are_shown(FxRobot robot) throws Exception {
        FirstShowing.Seen seen = FirstShowing.of(robot, () -> new SupplyChainView(SupplyChainViewModel.over(fixture.services,
                org.rareearth.dashboard.desktop.common.Background.executor(), javafx.application.Platform::runLater)), scene -> {
            @SuppressWarnings("unchecked")
            StackedBarChart<String, Number> chart = (StackedBarChart<String, Number>) scene.lookup("#supply-chart");
            return Arrays.asList(chart.getData().size(),
                    ((javafx.scene.control.Label) scene.lookup("#supply-share")).getText());
        });
        assertThat(seen.readingWhenShown()).as("reading when shown").isTrue();
        assertThat(seen.whenLoaded().get(0)).as("the chart's series when it says it is loaded").isEqualTo(3);
        assertThat((String) seen.whenLoaded().get(1)).as("the share when it says it is loaded").isNotEmpty();
        assertThat(seen.whenLoaded()).isEqualTo(seen.settled());
    }

    @Test
    void it_has_its_heading_and_keeps_its_notes_whole_in_a_short_window(FxRobot robot) {
        robot.interact(() -> {
            fixture.window.show(SupplyChainView.TITLE);
            robot.window(0).setHeight(640);
        });
        fixture.awaitReads();
        Label heading = robot.from(fixture.window.view(SupplyChainView.TITLE).node()).lookup(".view-title")
                .queryAs(Label.class);
        assertThat(heading.getText()).isEqualTo("Supply chain");
        Label notCounted = robot.lookup("#supply-not-counted").queryAs(Label.class);
        assertThat(notCounted.getText()).startsWith("Not counted: ");
        double[] heights = FxRuntime.call(() -> new double[] {notCounted.getHeight(),
                notCounted.prefHeight(notCounted.getWidth())});
        assertThat(heights[0]).as("the note's height, against what its lines need").isGreaterThanOrEqualTo(heights[1]);
    }
}
