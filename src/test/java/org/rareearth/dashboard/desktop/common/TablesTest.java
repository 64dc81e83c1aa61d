package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** A table cell too narrow for its text shows the whole text on a hover; one that fits shows no tooltip. */
@ExtendWith(FxThreadLookups.class)
class TablesTest {
    private static final String LONG = "China Securities Index Co. (CSI 300 methodology page)";
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = Tables.oneLine(Tables.table("No rows"));
        table.getColumns().add(Tables.column("Source", s -> s, 110));
        table.setItems(FXCollections.observableArrayList(List.of(LONG, "ASX listing")));
        stage.setScene(new Scene(table, 640, 200));
        stage.show();
    }

    @Test
    void a_cut_value_shows_whole_in_a_tooltip_and_a_whole_one_shows_none(FxRobot robot) throws Exception {
        TableCell<?, ?> longCell = cell(robot, LONG);
        TableCell<?, ?> shortCell = cell(robot, "ASX listing");
        assertThat(longCell.getTooltip()).as("nothing built before a hover").isNull();

        robot.moveTo(longCell).moveBy(2, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() != null);
        assertThat(showing().getText()).isEqualTo(LONG);

        robot.moveTo(shortCell).moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shortCell.getTooltip()).isNull();

        // Widened, the long value fits: the next hover shows no tooltip.
        robot.interact(() -> table.getColumns().get(0).setPrefWidth(560));
        robot.moveTo(longCell).moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(longCell.getTooltip()).isNull();
    }

    @Test
    void a_cell_given_another_value_drops_its_tooltip(FxRobot robot) {
        TableCell<?, ?> longCell = cell(robot, LONG);
        robot.moveTo(longCell).moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(longCell.getTooltip()).isNotNull();
        // What the table does to a cell at a scroll: it shows the row now at its place.
        robot.interact(() -> longCell.updateIndex(1));
        assertThat(longCell.getText()).isEqualTo("ASX listing");
        assertThat(longCell.getTooltip()).isNull();
    }

    /** The cell on screen showing {@code text} (not the table's hidden cell for measuring). */
    private TableCell<?, ?> cell(FxRobot robot, String text) {
        Node found = robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText())
                && NodeQueryUtils.isVisible().test(c)).query();
        return (TableCell<?, ?>) found;
    }

    private static Tooltip showing() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> (Tooltip) w).findFirst().orElse(null);
    }
}
