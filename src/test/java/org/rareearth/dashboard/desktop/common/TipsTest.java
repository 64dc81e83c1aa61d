package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tooltip is built on the first hover over its node, says the text it was given, and shows. */
@ExtendWith(FxThreadLookups.class)
class TipsTest {
    private Button button;
    private Rectangle mark;
    private Button other;

    @Start
    void start(Stage stage) {
        button = new Button("Export");
        button.setId("tip-button");
        mark = new Rectangle(40, 40);
        mark.setId("tip-mark");
        other = new Button("Other");
        other.setId("tip-other");
        stage.setScene(new Scene(new HBox(40, button, mark, other), 400, 120));
        stage.show();
    }

    @Test
    void a_control_gets_its_tooltip_on_the_first_hover_and_it_shows(FxRobot robot) throws Exception {
        robot.interact(() -> Tips.set(button, "Export the chart", t -> t.setShowDelay(Duration.millis(50))));
        assertThat(button.getTooltip()).as("nothing built before a hover").isNull();
        assertThat(Tips.text(button)).isEqualTo("Export the chart");
        assertThat(button.getAccessibleHelp()).isEqualTo("Export the chart");

        robot.moveTo("#tip-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() != null);
        Tooltip shown = showing();
        assertThat(shown).isSameAs(button.getTooltip());
        assertThat(shown.getText()).isEqualTo("Export the chart");
        assertThat(shown.getShowDelay()).as("the set-up ran").isEqualTo(Duration.millis(50));

        // New text goes to the tooltip already built; none takes it away.
        robot.interact(() -> Tips.set(button, "Export the chart as PNG"));
        assertThat(button.getTooltip()).isSameAs(shown);
        assertThat(shown.getText()).isEqualTo("Export the chart as PNG");
        robot.moveTo("#tip-other");
        robot.interact(() -> Tips.set(button, null));
        assertThat(button.getTooltip()).isNull();
        assertThat(Tips.text(button)).isNull();
        assertThat(button.getAccessibleHelp()).isNull();
    }

    @Test
    void a_shape_gets_its_tooltip_on_the_first_hover_with_the_latest_text(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Tips.set(mark, "First text", t -> t.setShowDelay(Duration.millis(50)));
            Tips.set(mark, "2025-10-09: new controls", t -> t.setShowDelay(Duration.millis(50)));
        });
        assertThat(Tips.built(mark)).isEmpty();
        assertThat(Tips.text(mark)).isEqualTo("2025-10-09: new controls");

        robot.moveTo("#tip-mark");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() != null);
        assertThat(showing().getText()).isEqualTo("2025-10-09: new controls");
        assertThat(Tips.built(mark)).containsSame(showing());
        robot.moveTo("#tip-other");
    }

    @Test
    void a_node_given_no_text_gets_no_tooltip(FxRobot robot) {
        robot.interact(() -> {
            Tips.set(other, "Taken back before any hover");
            Tips.set(other, null);
        });
        robot.moveTo("#tip-other");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(other.getTooltip()).isNull();
        assertThat(Tips.built(other)).isEmpty();
        assertThat(Tips.text(other)).isNull();
    }

    @Test
    void a_node_given_text_while_the_pointer_is_over_it_shows_it_without_leaving_first(FxRobot robot)
            throws Exception {
        robot.moveTo("#tip-other");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(other.isHover()).isTrue();
        robot.interact(() -> Tips.set(other, "Given under the pointer", t -> t.setShowDelay(Duration.millis(50))));
        assertThat(Tips.built(other)).as("built at once: no entering is coming").isPresent();
        robot.moveBy(1, 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() != null);
        assertThat(showing().getText()).isEqualTo("Given under the pointer");
        robot.moveTo("#tip-button");
    }

    private static Tooltip showing() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> (Tooltip) w).findFirst().orElse(null);
    }
}
