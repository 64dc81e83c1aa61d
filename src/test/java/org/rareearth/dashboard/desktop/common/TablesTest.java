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

    /**
     * A one-line table's first rows in a shown window come a few lines a frame; once it has rows, new items come at
     * once; taken out of the window while its lines come, it gets its height back.
     */
    @Test
    void first_rows_come_a_few_lines_a_frame_and_never_again(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        TableView<String> t = Tables.oneLine(Tables.table("none"));
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(t);
        javafx.scene.layout.VBox.setVgrow(t, javafx.scene.layout.Priority.ALWAYS);
        List<Long> rows = new java.util.ArrayList<>();
        Reveal[] reveal = new Reveal[1];
        robot.interact(() -> {
            t.setFixedCellSize(24); // the scene has no app.css
            t.getColumns().add(Tables.column("Name", s -> s, 110));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(box, 300, 700));
            stage[0].show();
            reveal[0] = Reveal.afterFirstFrame(box);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !reveal[0].inProgress()).get());
        double free = t.getMaxHeight();
        robot.interact(() -> {
            t.getScene().addPostLayoutPulseListener(() -> rows.add(Tables.shownRows(t)));
            t.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> "row " + i).toList()));
            Tables.linesInSteps(t, reveal[0]);
            assertThat(reveal[0].inProgress()).as("the lines' steps are the reveal's parts").isTrue();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !reveal[0].inProgress()).get());
        long all = WaitForAsyncUtils.asyncFx(() -> Tables.shownRows(t)).get();
        assertThat(all).as("lines of a 700 px table").isGreaterThan(20);
        assertThat(rows.get(0)).as("rows in the first frame").isBetween(1L, (long) Tables.LINES_PER_FRAME + 1);
        assertThat(rows).isSorted().contains(all);
        assertThat(rows.stream().distinct().count()).as("frames of new rows").isGreaterThanOrEqualTo(3);
        assertThat(t.getMaxHeight()).as("its height free again").isEqualTo(free);

        // With rows made, new items are laid out at once.
        robot.interact(() -> {
            t.getItems().setAll("one", "two");
            Tables.linesInSteps(t, reveal[0]);
            assertThat(reveal[0].inProgress()).isFalse();
            assertThat(t.getMaxHeight()).isEqualTo(free);
        });

        // A second table, taken out of the window in its first step.
        TableView<String> other = Tables.oneLine(Tables.table("none"));
        robot.interact(() -> {
            other.setFixedCellSize(24);
            other.getColumns().add(Tables.column("Name", s -> s, 110));
            box.getChildren().setAll(other);
            javafx.scene.layout.VBox.setVgrow(other, javafx.scene.layout.Priority.ALWAYS);
        });
        robot.interact(() -> {
            other.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> "row " + i).toList()));
            Tables.linesInSteps(other, reveal[0]);
            assertThat(other.getMaxHeight()).as("held").isLessThan(24 * (Tables.LINES_PER_FRAME + 3));
            box.getChildren().clear();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !reveal[0].inProgress()).get());
        assertThat(other.getMaxHeight()).as("its height free again").isEqualTo(free);
        robot.interact(stage[0]::hide);
    }
}
