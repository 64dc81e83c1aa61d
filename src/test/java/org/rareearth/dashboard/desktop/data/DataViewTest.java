package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.FirstShowing;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.desktop.common.Background;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.store.RecordStore;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Data view in a window: its first showing comes in steps, and its tables show a record on one line of a fixed
 * height (a note written on several lines reads as one line in its cell, and its row is as high as every other).
 */
@ExtendWith(FxThreadLookups.class)
class DataViewTest {
    private static final String CODE = "two-line-note";
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage, services -> {
            PolicyEvent e = services.events.all().get(0);
            new RecordStore(services.store(), RecordEditor::json).save(null, new PolicyEvent(CODE, e.actor(),
                    e.category(), "An event whose note has two lines", e.summary(), e.materials(), e.announced(),
                    e.effective(), e.ends(), e.suspendedFrom(), e.suspendedUntil(), e.status(), e.source(),
                    e.confidence(), "First line.\r\n  Second line.\n", List.of(), e.sourceUrl()));
        });
        fixture.window.show(DataView.TITLE);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_note_on_two_lines_shows_on_one_line_in_a_row_as_high_as_the_others(FxRobot robot) {
        fixture.awaitReads();
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-events".equals(t.getId())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        TableView<PolicyEvent> events = robot.lookup("#table-events").queryAs(TableView.class);
        robot.interact(() -> {
            // The note's column is far to the right: the record and that column are scrolled into view.
            events.getItems().stream().filter(e -> e.code().equals(CODE)).findFirst()
                    .ifPresent(e -> events.scrollTo(e));
            events.scrollToColumn(events.getColumns().stream().filter(c -> "Note".equals(c.getText())).findFirst()
                    .orElseThrow());
        });
        robot.interact(() -> { });

        assertThat(events.getFixedCellSize()).as("the rows' fixed height").isEqualTo(24);
        List<TableRow<?>> rows = robot.from(events).lookup(".table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(r -> r.isVisible() && !r.isEmpty()).toList();
        assertThat(rows).hasSizeGreaterThan(1);
        TableRow<?> noted = rows.stream().filter(r -> r.getItem() instanceof PolicyEvent e && e.code().equals(CODE))
                .findFirst().orElseThrow(() -> new AssertionError("the event's row is not in view"));
        assertThat(rows).allSatisfy(r -> assertThat(r.getHeight()).isEqualTo(24));
        TableCell<?, ?> note = robot.from(noted).lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> "Note".equals(c.getTableColumn().getText())).findFirst()
                .orElseThrow(() -> new AssertionError("the note's cell is not in view"));
        assertThat(note.getText()).isEqualTo("First line. Second line.");
    }

    @Test
    void the_tab_in_front_comes_a_frame_after_the_tabs_and_its_rows_after_it_a_few_lines_a_frame(FxRobot robot)
            throws Exception {
        FirstShowing.Seen seen = FirstShowing.of(robot, () -> new DataView(fixture.services,
                new RecordEditor(fixture.services), DataViewModel.over(fixture.services, Background.executor(),
                        javafx.application.Platform::runLater)), scene -> {
                            @SuppressWarnings("unchecked")
                            TableView<Object> table = (TableView<Object>) scene.lookup("#table-securities");
                            return Arrays.asList(scene.lookup("#data-tabs") != null, table == null ? null
                                    : table.getItems().size(), scene.lookup(".view-title").localToScene(0, 0).getY(),
                                    table == null ? 0 : org.rareearth.dashboard.desktop.common.Tables.shownRows(table),
                                    table == null ? null : ((javafx.scene.control.Label) table.getPlaceholder())
                                            .getText(),
                                    table == null ? null : table.getMaxHeight());
                        });
        assertThat(seen.readingWhenShown()).as("in progress when shown").isTrue();
        assertThat(seen.firstFrame().subList(0, 2)).as("the tabs, and the securities' table, in the first frame")
                .containsExactly(true, null);
        assertThat(seen.frames()).as("a frame with the table in and none of its rows yet, saying it is reading")
                .anySatisfy(f -> assertThat(f.subList(1, 2)).containsExactly(0))
                .allSatisfy(f -> assertThat(f.get(1) == null || (Integer) f.get(1) > 0
                        || "Reading the store…".equals(f.get(4))).isTrue());
        int securities = fixture.services.datasets.records().securities().size();
        assertThat(seen.settled().get(1)).as("the securities' rows").isEqualTo(securities);
        assertThat(seen.whenLoaded().subList(0, 3)).as("when it says it is loaded")
                .isEqualTo(seen.settled().subList(0, 3));
        assertThat(seen.settled().get(2)).as("the heading").isEqualTo(seen.firstFrame().get(2));
        assertThat(seen.settled().get(4)).as("the text for a store without securities")
                .isEqualTo("No securities yet: add one with the Add button (Ctrl+N).");

        // The rows: a few lines in the frame the records come in, more in each frame after, until the viewport is
        // full; then the table may be as tall as its place again.
        List<Long> rows = seen.frames().stream().filter(f -> f.get(1) != null && (Integer) f.get(1) > 0)
                .map(f -> (Long) f.get(3)).toList();
        long all = (Long) seen.settled().get(3);
        assertThat(all).as("lines in the viewport (the window is 800 high)").isGreaterThan(2L * 9);
        assertThat(rows).as("frames with records before the view said it was loaded").isNotEmpty();
        assertThat(rows.get(0)).as("rows made in the records' frame").isBetween(1L, 9L);
        assertThat(rows).as("rows frame by frame").isSorted().hasSizeGreaterThan(2).contains(all);
        assertThat(seen.settled().get(5)).as("the table's height no longer held")
                .isEqualTo(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }

    /** A tab picked for the first time makes its table's first rows a few lines a frame, too. */
    @Test
    void a_tab_picked_for_the_first_time_makes_its_rows_a_few_lines_a_frame(FxRobot robot) throws Exception {
        fixture.awaitReads();
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        List<Long> rows = new java.util.ArrayList<>();
        Runnable[] probe = new Runnable[1];
        robot.interact(() -> {
            javafx.scene.Scene scene = tabs.getScene();
            probe[0] = () -> {
                TableView<?> t = (TableView<?>) scene.lookup("#table-events");
                rows.add(t == null ? -1L : org.rareearth.dashboard.desktop.common.Tables.shownRows(t));
            };
            scene.addPostLayoutPulseListener(probe[0]);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-events".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        fixture.awaitReads();
        robot.interact(() -> tabs.getScene().removePostLayoutPulseListener(probe[0]));
        TableView<?> events = robot.lookup("#table-events").queryAs(TableView.class);
        long all = WaitForAsyncUtils.asyncFx(() -> org.rareearth.dashboard.desktop.common.Tables.shownRows(events))
                .get();
        List<Long> made = rows.stream().filter(n -> n > 0).toList();
        assertThat(all).as("lines in the events' viewport").isGreaterThan(9L);
        assertThat(made).as("rows frame by frame").isNotEmpty().isSorted().contains(all);
        assertThat(made.get(0)).as("rows in the tab's first frame").isBetween(1L, 9L);
        assertThat(events.getMaxHeight()).as("its height free again").isEqualTo(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }

    /**
     * Numbers in the record tables show as they are typed (the US stake of 400 million read "4.0E8") and still sort
     * as numbers; the filter finds them as shown.
     */
    @Test
    void numbers_show_as_typed_and_sort_and_filter_as_numbers(FxRobot robot) {
        fixture.awaitReads();
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-stakes".equals(t.getId())).findFirst().orElseThrow()));
        robot.interact(() -> { });
        TableView<?> stakes = robot.lookup("#table-stakes").queryAs(TableView.class);
        TableCell<?, ?> amount = robot.from(stakes).lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> "Amount".equals(c.getTableColumn().getText()) && c.getItem() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no amount in view"));
        assertThat(amount.getText()).isEqualTo("400000000");
        assertThat(amount.getItem()).as("the value kept, for sorting").isEqualTo(4.0E8);

        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-capacity-projects".equals(t.getId())).findFirst().orElseThrow()));
        robot.interact(() -> { });
        @SuppressWarnings("unchecked")
        TableView<Object> projects = robot.lookup("#table-capacity-projects").queryAs(TableView.class);
        javafx.scene.control.TableColumn<Object, ?> capacity = projects.getColumns().stream()
                .filter(c -> "Capacity".equals(c.getText())).findFirst().orElseThrow();
        robot.interact(() -> {
            capacity.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            projects.getSortOrder().setAll(List.of(capacity));
        });
        List<Object> sorted = projects.getItems().stream().map(capacity::getCellData)
                .filter(java.util.Objects::nonNull).map(Object.class::cast).toList();
        assertThat(sorted).hasSizeGreaterThan(2);
        assertThat(sorted.get(0)).as("the largest capacity first (10000 would sort below 2000 as text)")
                .isEqualTo(sorted.stream().mapToDouble(v -> (Double) v).max().orElseThrow());
        javafx.scene.control.TextField filter = robot.lookup("#filter-capacity-projects")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> filter.setText("50692"));
        assertThat(projects.getItems()).as("the filter finds 50692, shown for 50692.0").hasSize(1);
    }
}
