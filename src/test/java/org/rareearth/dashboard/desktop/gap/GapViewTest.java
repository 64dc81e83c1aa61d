package org.rareearth.dashboard.desktop.gap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.desktop.FirstShowing;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The gap screen in a window: it and the gap command ask the same service (the seed's first floor gives the same
 * report in both), and its first showing comes in steps.
 */
@ExtendWith(FxThreadLookups.class)
class GapViewTest {
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
    void the_gap_screen_and_the_gap_command_give_the_same_report(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.window.show(GapView.TITLE));
        fixture.awaitReads();
        GapView view = (GapView) fixture.window.view(GapView.TITLE);
        GapReport shown = view.report();
        String program = shown.floor().program();

        JsonNode j = CliRun.run("--db", fixture.services.store().location().display(), "gap", "--program", program,
                "--vat", view.basis().code(), "--volume", Double.toString(shown.volumeTonnes()), "--json").json();

        assertThat(j.get("floor").get("program").asText()).isEqualTo(program);
        assertThat(j.get("points")).hasSize(shown.points().size());
        assertThat(shown.points()).isNotEmpty();
        for (int i = 0; i < shown.points().size(); i++) {
            GapAnalysis.Point p = shown.points().get(i);
            JsonNode q = j.get("points").get(i);
            assertThat(q.get("date").asText()).isEqualTo(p.date().toString());
            assertThat(q.get("chinaUsdPerKg").asDouble()).isEqualTo(p.chinaUsdPerKg());
            assertThat(q.get("gapUsdPerKg").asDouble()).isEqualTo(p.gapUsdPerKg());
            assertThat(q.get("topUpUsd").asDouble()).isEqualTo(p.topUpUsd());
        }
        assertThat(j.get("period").get("annualTopUpUsd").asDouble()).isEqualTo(shown.annualTopUpUsd());
        assertThat(j.get("skipped")).hasSize(shown.skipped().size());
    }

    /**
     * Shown for the first time in a window, the gap screen comes in steps, a pulse each: the heading, then its
     * controls, then the chart, then what it read. Each step adds below the one before, so nothing drawn moves.
     */
    @Test
    void the_controls_the_chart_and_the_figures_come_after_the_first_frame(FxRobot robot) throws Exception {
        FirstShowing.Seen seen = FirstShowing.of(robot, () -> new GapView(fixture.services), scene -> Arrays.asList(
                scene.lookup("#gap-controls"),
                scene.lookup("#gap-chart"),
                ((Parent) scene.lookup("#gap-tiles")).getChildrenUnmodifiable().size(),
                scene.lookup(".view-title").localToScene(0, 0).getY()));
        assertThat(seen.readingWhenShown()).as("in progress when shown, though read at once").isTrue();
        assertThat(seen.firstFrame().subList(0, 3)).as("controls, chart, tiles in the first frame")
                .containsExactly(null, null, 0);
        assertThat(seen.settled().get(0)).isInstanceOf(Node.class);
        assertThat(seen.settled().get(1)).isInstanceOf(GapChart.class);
        assertThat((int) seen.settled().get(2)).as("tiles").isGreaterThan(0);
        assertThat(seen.whenLoaded().subList(0, 3)).as("when it says it is loaded").isEqualTo(seen.settled().subList(0, 3));
        assertThat(seen.settled().get(3)).as("the heading").isEqualTo(seen.firstFrame().get(3));
    }
}
