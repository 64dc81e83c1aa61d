package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The date-sensitive views on two pinned days, on a hand-made record whose figures are worked out by hand: the
 * dashboard's status, days-since and next-expiry tiles, its export footnote, the timeline's today line and the
 * status bar's note of the pinned day.
 */
@ExtendWith(FxThreadLookups.class)
class PinnedDayViewsTest {

    /** A control in force since April 2025; one announced 9 Oct 2025, due 1 Dec 2025, suspended 10 Nov 2025 for a year. */
    private static final Dataset RECORD = new Dataset(null, null, List.of(), List.of(), List.of(
            new PolicyEvent("april", Actor.CHINA, Category.EXPORT_CONTROL, "April control", "", List.of("Dy"),
                    LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 4), null, null, null, "in force", "test record",
                    "S", null),
            new PolicyEvent("october", Actor.CHINA, Category.EXPORT_CONTROL, "October control", "", List.of("Ho"),
                    LocalDate.of(2025, 10, 9), LocalDate.of(2025, 12, 1), null, LocalDate.of(2025, 11, 10),
                    LocalDate.of(2026, 11, 10), "suspended", "test record", "S", null)),
            List.of(), List.of(), List.of(), List.of(), List.of());

    private WindowFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
        AppClock.reset();
    }

    private void openOn(FxRobot robot, LocalDate day) {
        AppClock.pin(day);
        robot.interact(() -> {
            try {
                if (fixture == null) {
                    fixture = WindowFixture.open(stage, s -> s.datasets.write(RECORD, true));
                } else {
                    fixture.window.show(TimelineView.TITLE);
                    fixture.window.show(DashboardView.TITLE);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Tile tile(FxRobot robot, String titleStart) {
        fixture.awaitReads();
        return robot.lookup(".dashboard-tile").match(Tile.class::isInstance).queryAllAs(Tile.class).stream()
                .filter(t -> t.getTitle().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + titleStart));
    }

    private static String pinnedNote(FxRobot robot) {
        Node n = robot.lookup("#pinned-day").query();
        return ((Label) n).getText();
    }

    private LocalDate timelineToday(FxRobot robot) {
        robot.interact(() -> fixture.window.show(TimelineView.TITLE));
        fixture.awaitReads();
        TimelineView timeline = (TimelineView) fixture.window.view(TimelineView.TITLE);
        return org.rareearth.dashboard.desktop.FxRuntime.call(() -> timeline.canvas().today());
    }

    private String dashboardFootnote() {
        DashboardView dashboard = (DashboardView) fixture.window.view(DashboardView.TITLE);
        return org.rareearth.dashboard.desktop.FxRuntime.call(() -> dashboard.exportSpec().subtitle());
    }

    @Test
    void the_dashboard_and_the_timeline_follow_the_pinned_day(FxRobot robot) {
        openOn(robot, LocalDate.of(2025, 10, 15));
        assertThat(pinnedNote(robot)).isEqualTo("Today pinned to 15 Oct 2025");
        // April's control is in force; October's is announced, not yet in force.
        assertThat(tile(robot, "China's measures in force today").getValue()).isEqualTo(1);
        assertThat(tile(robot, "China's measures in force today").getDescription()).startsWith("0 suspended ·");
        assertThat(tile(robot, "Days since China's latest control").getValue()).isEqualTo(6);
        assertThat(tile(robot, "Next expiry").getValue()).isEqualTo(391);
        assertThat(dashboardFootnote()).contains("15 Oct 2025");
        assertThat(timelineToday(robot)).isEqualTo(LocalDate.of(2025, 10, 15));

        openOn(robot, LocalDate.of(2026, 3, 1));
        // October's control is suspended now.
        assertThat(tile(robot, "China's measures in force today").getValue()).isEqualTo(1);
        assertThat(tile(robot, "China's measures in force today").getDescription()).startsWith("1 suspended ·");
        assertThat(tile(robot, "Days since China's latest control").getValue()).isEqualTo(143);
        assertThat(tile(robot, "Next expiry").getValue()).isEqualTo(254);
        assertThat(dashboardFootnote()).contains("1 Mar 2026");
        assertThat(timelineToday(robot)).isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
