package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.store.RecordStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Data view's tables show a record on one line of a fixed height: a note written on several lines reads as one
 * line in its cell, and its row is as high as every other.
 */
@ExtendWith(ApplicationExtension.class)
class OneLineRowsTest {
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
}
