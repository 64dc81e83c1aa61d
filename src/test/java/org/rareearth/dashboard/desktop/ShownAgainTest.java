package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.store.RecordStore;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A view shown again on a store that has not changed keeps what it built (JavaFX would otherwise style and lay out
 * every new tile, bar and tooltip again while the user waits); a change to the store still rebuilds it.
 */
@ExtendWith(FxThreadLookups.class)
class ShownAgainTest {
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void showAndRead(FxRobot robot, String title) {
        robot.interact(() -> fixture.window.show(title));
        fixture.awaitReads();
    }

    /**
     * A view shown before waits in the scene, hidden and out of the layout, while another is in front, so JavaFX does
     * not style it anew when it comes back; a change of theme takes the hidden views out, to be styled in the new
     * theme when next shown.
     */
    @Test
    void a_view_shown_before_waits_hidden_in_the_scene_until_the_theme_changes(FxRobot robot) {
        org.rareearth.dashboard.desktop.common.Theme before = org.rareearth.dashboard.desktop.common.Theme.current();
        try {
            showAndRead(robot, DashboardView.TITLE);
            Node dashboard = fixture.window.view(DashboardView.TITLE).node();
            showAndRead(robot, GapView.TITLE);
            Node gap = fixture.window.view(GapView.TITLE).node();
            assertThat(dashboard.getScene()).as("the dashboard, behind").isNotNull().isSameAs(gap.getScene());
            assertThat(dashboard.isVisible()).isFalse();
            assertThat(dashboard.isManaged()).isFalse();
            assertThat(gap.isVisible()).isTrue();
            assertThat(gap.isManaged()).isTrue();

            showAndRead(robot, DashboardView.TITLE);
            assertThat(dashboard.isVisible()).isTrue();
            assertThat(gap.isVisible()).isFalse();
            assertThat(gap.getScene()).as("the gap, behind").isSameAs(dashboard.getScene());

            robot.interact(() -> org.rareearth.dashboard.desktop.common.Theme.currentProperty().set(
                    before == org.rareearth.dashboard.desktop.common.Theme.LIGHT
                            ? org.rareearth.dashboard.desktop.common.Theme.DARK
                            : org.rareearth.dashboard.desktop.common.Theme.LIGHT));
            assertThat(gap.getScene()).as("a hidden view after a change of theme").isNull();
            assertThat(dashboard.getScene()).as("the view in front").isNotNull();
            showAndRead(robot, GapView.TITLE);
            assertThat(gap.getScene()).isNotNull();
            assertThat(gap.isVisible()).isTrue();
            assertThat(robot.lookup("#gap-chart").queryAs(XYChart.class).getData()).isNotEmpty();
            org.rareearth.dashboard.desktop.common.Theme now = org.rareearth.dashboard.desktop.common.Theme.current();
            assertThat(robot.lookup("#tile-top-up").queryAs(eu.hansolo.tilesfx.Tile.class).getBackgroundColor())
                    .as("the gap's tiles in the new theme's colours")
                    .isEqualTo(now == org.rareearth.dashboard.desktop.common.Theme.DARK ? eu.hansolo.tilesfx.Tile.BACKGROUND
                            : now.colors().tileBackground());
        } finally {
            robot.interact(() -> org.rareearth.dashboard.desktop.common.Theme.currentProperty().set(before));
        }
    }

    @Test
    void the_dashboard_the_gap_and_the_reactions_keep_their_nodes_until_the_store_changes(FxRobot robot) throws Exception {
        showAndRead(robot, DashboardView.TITLE);
        Pane tiles = robot.lookup("#dashboard-tiles").queryAs(Pane.class);
        Node firstTile = tiles.getChildren().get(0);
        showAndRead(robot, ReactionsView.TITLE);
        XYChart<?, ?> chart = robot.lookup("#reactions-chart").queryAs(XYChart.class);
        Object firstSeries = chart.getData().get(0);

        showAndRead(robot, GapView.TITLE);
        XYChart<?, ?> gap = robot.lookup("#gap-chart").queryAs(XYChart.class);
        Object chinaSeries = gap.getData().get(0);
        showAndRead(robot, DataView.TITLE);
        showAndRead(robot, GapView.TITLE);
        assertThat(gap.getData().get(0)).as("the gap chart shown again").isSameAs(chinaSeries);
        showAndRead(robot, DashboardView.TITLE);
        assertThat(tiles.getChildren().get(0)).as("the dashboard shown again on the same store").isSameAs(firstTile);
        showAndRead(robot, ReactionsView.TITLE);
        assertThat(chart.getData().get(0)).as("the reported moves shown again").isSameAs(firstSeries);

        org.rareearth.dashboard.domain.PolicyEvent e = fixture.services.events.all().get(0);
        long before = fixture.services.events.count();
        Thread writer = new Thread(() -> new RecordStore(fixture.services.store(), org.rareearth.dashboard.service.RecordEditor::json).save(null,
                new org.rareearth.dashboard.domain.PolicyEvent(e.code() + "-again", e.actor(), e.category(),
                        e.title() + " (again)", e.summary(), e.materials(), e.announced(), e.effective(), e.ends(),
                        e.suspendedFrom(), e.suspendedUntil(), e.status(), e.source(), e.confidence(), e.note(),
                        java.util.List.of(), e.sourceUrl())));
        writer.start();
        writer.join();
        // The view in front follows the change; the dashboard reads again when it is shown.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.textOf(
                "#store-counts").contains((before + 1) + " events"));
        fixture.awaitReads();
        assertThat(chart.getData().get(0)).as("the reported moves after a change").isNotSameAs(firstSeries);
        showAndRead(robot, DashboardView.TITLE);
        assertThat(tiles.getChildren().get(0)).as("the dashboard after a change").isNotSameAs(firstTile);
    }

    /** How many reads the view's model has published (asked on the FX thread). */
    private int readsOf(String title) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((org.rareearth.dashboard.desktop.common.View.Reading) fixture.window
                .view(title)).reads().readsProperty().get()).get(10, TimeUnit.SECONDS);
    }

    /** The supply chain's outlook (asked on the FX thread). */
    private Object outlookOf(String title) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((org.rareearth.dashboard.desktop.supply.SupplyChainView) fixture
                .window.view(title)).model().outlookProperty().get()).get(10, TimeUnit.SECONDS);
    }

    /**
     * Shown again on a store that has not changed, on the same day, a view does not read the store again (its whole
     * answer, every event of the store, was read and thrown away at each showing); it does after a change, made by
     * this app or elsewhere, and on a new day.
     */
    @Test
    void a_view_shown_again_reads_the_store_only_after_a_change_or_on_a_new_day(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.services.changes().watchingElsewhere());
        String timeline = org.rareearth.dashboard.desktop.timeline.TimelineView.TITLE;
        showAndRead(robot, timeline);
        int first = readsOf(timeline);
        String supply = org.rareearth.dashboard.desktop.supply.SupplyChainView.TITLE;
        showAndRead(robot, supply);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outlookOf(supply) != null);
        Object outlook = outlookOf(supply);
        showAndRead(robot, DashboardView.TITLE);
        showAndRead(robot, timeline);
        showAndRead(robot, supply);
        showAndRead(robot, DashboardView.TITLE);
        showAndRead(robot, timeline);
        assertThat(readsOf(timeline)).as("shown again twice, nothing changed").isEqualTo(first);
        assertThat(outlookOf(supply)).as("the supply chain shown again, not recomputed").isSameAs(outlook);

        // A change made elsewhere (another workspace on the same file), while the timeline is behind.
        showAndRead(robot, DashboardView.TITLE);
        org.rareearth.dashboard.domain.PolicyEvent e = fixture.services.events.all().get(0);
        long events = fixture.services.events.count();
        try (org.rareearth.dashboard.service.Workspace other = org.rareearth.dashboard.testing.TestStores.open(
                fixture.storePath())) {
            new RecordStore(other.store(), org.rareearth.dashboard.service.RecordEditor::json).save(null,
                    new org.rareearth.dashboard.domain.PolicyEvent(e.code() + "-elsewhere", e.actor(), e.category(),
                            e.title() + " (elsewhere)", e.summary(), e.materials(), e.announced(), e.effective(),
                            e.ends(), e.suspendedFrom(), e.suspendedUntil(), e.status(), e.source(), e.confidence(),
                            e.note(), java.util.List.of(), e.sourceUrl()));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.textOf(
                "#store-counts").contains((events + 1) + " events"));
        showAndRead(robot, timeline);
        int afterChange = readsOf(timeline);
        assertThat(afterChange).as("shown after a change made elsewhere").isGreaterThan(first);
        Object shown = WaitForAsyncUtils.asyncFx(() -> ((org.rareearth.dashboard.desktop.common.View.Reading)
                fixture.window.view(timeline)).reads().valueProperty().get()).get(10, TimeUnit.SECONDS);
        assertThat((java.util.List<?>) shown).as("the timeline's events").anyMatch(ev -> ev instanceof
                org.rareearth.dashboard.domain.PolicyEvent p && p.code().equals(e.code() + "-elsewhere"));

        showAndRead(robot, supply);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outlookOf(supply) != outlook);

        // A new day: figures that count days (days since, next expiry) are read again.
        java.util.Optional<java.time.LocalDate> pinned = org.rareearth.dashboard.service.AppClock.pinnedDay();
        try {
            showAndRead(robot, DashboardView.TITLE);
            org.rareearth.dashboard.service.AppClock.pin(org.rareearth.dashboard.service.AppClock.today()
                    .plusDays(1));
            showAndRead(robot, timeline);
            assertThat(readsOf(timeline)).as("shown on the next day").isGreaterThan(afterChange);
        } finally {
            pinned.ifPresentOrElse(org.rareearth.dashboard.service.AppClock::pin,
                    org.rareearth.dashboard.service.AppClock::reset);
        }
    }
}
