package org.rareearth.dashboard.desktop.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.FirstShowing;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(FxThreadLookups.class)
class TimelineViewTest {

    private WindowFixture fixture;
    private Workspace services;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
        services = fixture.services;
        window = fixture.window;
        window.show("Export-restriction timeline");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The window reads the events off the FX thread: every test starts once they are laid out. */
    @org.junit.jupiter.api.BeforeEach
    void eventsRead() {
        WindowFixture.awaitReads(window);
    }

    private TimelineCanvas canvas(FxRobot robot) {
        WindowFixture.awaitReads(window);
        return robot.lookup("#timeline").queryAs(TimelineCanvas.class);
    }

    private String counts(FxRobot robot) {
        return robot.lookup("#timeline-counts").queryAs(Label.class).getText();
    }

    /**
     * Shown for the first time in a window, the timeline comes without its check lists and search in its first frame
     * (their styling is about half of that frame's work), gets them in the next, and shows what it read after that;
     * the timeline below them does not move.
     */
    @Test
    void a_first_showing_puts_the_check_lists_in_a_frame_later_and_moves_nothing(FxRobot robot) throws Exception {
        FirstShowing.Seen seen = FirstShowing.of(robot, () -> new TimelineView(services), scene -> java.util.Arrays.asList(
                scene.lookup("#filter-actors"),
                scene.lookup("#timeline").localToScene(0, 0).getY(),
                ((TimelineCanvas) scene.lookup("#timeline")).items().size(),
                scene.getRoot().lookupAll("#filter-materials .list-cell").stream()
                        .map(n -> String.valueOf(((javafx.scene.control.Labeled) n).getText())).toList(),
                scene.lookup("#filter-materials") == null ? 0
                        : ((CheckComboBox<?>) scene.lookup("#filter-materials")).getItems().size()));
        assertThat(seen.readingWhenShown()).as("in progress when shown, though read at once").isTrue();
        assertThat(seen.firstFrame().get(0)).as("the check lists in the first frame").isNull();
        assertThat(seen.firstFrame().get(2)).as("events drawn in the first frame").isEqualTo(0);
        assertThat(seen.settled().get(0)).isInstanceOf(CheckComboBox.class);
        assertThat(seen.settled().get(2)).isEqualTo(43);
        assertThat(seen.whenLoaded().get(2)).as("events drawn when it says it is loaded").isEqualTo(43);
        assertThat(seen.settled().get(1)).as("the timeline's top").isEqualTo(seen.firstFrame().get(1));
        // Its materials came after the list was made; the closed list counts them all the same.
        int materials = (int) seen.settled().get(4);
        assertThat(materials).isGreaterThan(10);
        assertThat(seen.settled().get(3).toString()).contains("Materials (0/" + materials + ")");
    }

    @Test
    void all_events_are_drawn_and_no_two_items_in_a_row_overlap(FxRobot robot) {
        assertThat(counts(robot)).startsWith("Showing 43 of 43 events");
        List<TimelineLayout.Item> items = canvas(robot).items();
        assertThat(items).hasSize(43);
        for (TimelineLayout.Item a : items) {
            for (TimelineLayout.Item b : items) {
                if (a != b && a.lane() == b.lane() && a.row() == b.row()) {
                    assertThat(a.extentEnd() < b.extentStart() || b.extentEnd() < a.extentStart())
                            .as("%s and %s overlap", a.label(), b.label()).isTrue();
                }
            }
        }
        // Every label fits inside its own item's extent.
        assertThat(items).allSatisfy(i -> assertThat(i.labelX() + i.labelWidth()).isLessThanOrEqualTo(i.extentEnd()));
    }

    @Test
    void filters_change_what_is_shown_and_the_counts_say_so(FxRobot robot) {
        @SuppressWarnings("unchecked")
        CheckComboBox<Actor> actors = robot.lookup("#filter-actors").queryAs(CheckComboBox.class);
        robot.interact(() -> actors.getCheckModel().check(Actor.CHINA));
        assertThat(counts(robot)).startsWith("Showing 18 of 43 events");
        assertThat(canvas(robot).items()).hasSize(18);
        robot.interact(() -> actors.getCheckModel().clearChecks());
        robot.clickOn("#filter-search").write("Quad");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(counts(robot)).startsWith("Showing 1 of 43 events");
        robot.clickOn("#filter-search").write("zzzz-nothing");
        assertThat(counts(robot)).contains("no event matches");
    }

    @Test
    void arrow_keys_move_between_items_and_the_side_panel_shows_every_field(FxRobot robot) {
        TimelineCanvas c = canvas(robot);
        robot.interact(c::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertThat(c.selectedProperty().get().code()).isEqualTo("mofcom-23-2023");
        robot.type(KeyCode.RIGHT);
        assertThat(c.selectedProperty().get().code()).isEqualTo("graphite-2023");
        robot.type(KeyCode.LEFT);
        assertThat(c.selectedProperty().get().code()).isEqualTo("mofcom-23-2023");
        String details = robot.lookup("#timeline-details").queryAs(javafx.scene.layout.VBox.class)
                .lookupAll(".label").stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(details).contains("China Justice Observer").contains("gallium, germanium").contains("1 Aug 2023");
    }

    @Test
    void double_clicking_an_event_opens_its_stock_reactions(FxRobot robot) {
        TimelineCanvas c = canvas(robot);
        PolicyEvent dod = c.items().stream().map(TimelineLayout.Item::event)
                .filter(e -> e.code().equals("dod-mp-2025")).findFirst().orElseThrow();
        // Selecting it scrolls its lane into view (the record is taller than the canvas).
        robot.interact(() -> c.selectedProperty().set(dod));
        double[] p = c.pointOf(dod).orElseThrow();
        Point2D screen = c.localToScreen(p[0], p[1]);
        robot.moveTo(screen).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo(ReactionsView.TITLE);
        ReactionsView view = (ReactionsView) window.view(ReactionsView.TITLE);
        assertThat(view.focusedEvent().code()).isEqualTo("dod-mp-2025");
    }

    @Test
    void the_status_day_lists_what_was_in_force_then(FxRobot robot) {
        DatePicker day = robot.lookup("#status-date").queryAs(DatePicker.class);
        robot.interact(() -> day.setValue(LocalDate.of(2025, 11, 20)));
        assertThat(robot.lookup("#status-count-suspended").queryAs(Label.class).getText()).isEqualTo("suspended: 4");
        assertThat(robot.lookup("#status-count-announced").queryAs(Label.class).getText()).isEqualTo("announced: 0");
        robot.interact(() -> day.setValue(LocalDate.of(2025, 10, 20)));
        assertThat(robot.lookup("#status-count-announced").queryAs(Label.class).getText()).isEqualTo("announced: 2");
        assertThat(canvas(robot).statusDateProperty().get()).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void zoom_buttons_keys_and_ctrl_scroll_change_the_scale_and_fit_restores_it(FxRobot robot) {
        TimelineCanvas c = canvas(robot);
        double fit = c.pixelsPerDay();
        robot.clickOn("#timeline-zoom-in");
        assertThat(c.pixelsPerDay()).isGreaterThan(fit);
        robot.interact(c::requestFocus);
        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        assertThat(c.pixelsPerDay()).isLessThan(fit);
        robot.moveTo(c).press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = c.pixelsPerDay();
        robot.clickOn("#timeline-fit");
        assertThat(c.pixelsPerDay()).isEqualTo(fit);
        assertThat(zoomed).isNotEqualTo(fit);
    }

    @Test
    void labels_that_reach_the_edge_end_with_an_ellipsis_inside_it(FxRobot robot) {
        TimelineCanvas c = canvas(robot);
        String title = "MOFCOM Nos. 55–58 of 2025: superhard materials, rare-earth equipment and raw materials";
        String cut = org.rareearth.dashboard.desktop.FxRuntime.call(() -> c.fitted(title, 180));
        assertThat(cut).endsWith("…").doesNotEndWith(" …");
        assertThat(title).startsWith(cut.substring(0, cut.length() - 1));
        javafx.scene.text.Text t = new javafx.scene.text.Text(cut);
        t.setFont(javafx.scene.text.Font.font("System", 12));
        assertThat(t.getLayoutBounds().getWidth()).isLessThanOrEqualTo(180);
        assertThat(org.rareearth.dashboard.desktop.FxRuntime.call(() -> c.fitted("Short", 180))).isEqualTo("Short");
        assertThat(org.rareearth.dashboard.desktop.FxRuntime.call(() -> c.fitted(title, 0))).isEmpty();
    }
}
