package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard on the shipped record says how old each figure is and marks what it cannot vouch for; a store made
 * by an older version is offered what this one ships.
 */
@ExtendWith(FxThreadLookups.class)
class StaleAndLapsedTest {

    private static final String OLD_TITLE = "MOFCOM No. 70 of 2025 suspends Nos. 55–58, 61 and 62";

    private static org.rareearth.dashboard.domain.PolicyEvent retitled(org.rareearth.dashboard.domain.PolicyEvent e,
                                                                       String title) {
        return new org.rareearth.dashboard.domain.PolicyEvent(e.code(), e.actor(), e.category(), title, e.summary(),
                e.materials(), e.announced(), e.effective(), e.ends(), e.suspendedFrom(), e.suspendedUntil(),
                e.status(), e.source(), e.confidence(), e.note(), e.related(), e.sourceUrl());
    }

    private Stage stage;
    private WindowFixture fixture;

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

    private Tile tile(FxRobot robot, String id) {
        fixture.awaitReads();
        return robot.lookup("#" + id).queryAs(Tile.class);
    }

    private void open(FxRobot robot, java.util.function.Consumer<Workspace> prepare) {
        robot.interact(() -> {
            try {
                fixture = WindowFixture.open(stage, prepare);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void after_the_suspensions_ran_out_the_dashboard_counts_them_apart_and_marks_the_figures_stale(FxRobot robot) {
        AppClock.pin(LocalDate.of(2026, 12, 2));
        open(robot, s -> { });
        Tile measures = tile(robot, "tile-in-force");
        // 16 of China's measures have an in-force status by their dates; 4 of them only because a suspension ran
        // out with nothing recorded after it (Nos. 46, 55–58, 61, 62).
        assertThat(measures.getValue()).isEqualTo(12);
        assertThat(measures.getDescription()).startsWith("4 whose suspension lapsed without a recorded follow-up")
                .contains("as of 2 Dec 2026").contains("⚠ Stale: rests on lapsed dates");
        assertThat(measures.getStyleClass()).contains("stale-tile");
        Tile price = tile(robot, "tile-china-price");
        assertThat(price.getTitle()).isEqualTo("China NdPr oxide (18 Feb 2026)");
        assertThat(price.getDescription()).contains("as of 18 Feb 2026 (287 days ago)")
                .contains("⚠ Stale: the latest quote is 287 days old");
        assertThat(price.getStyleClass()).contains("stale-tile");
        // The export carries the same words.
        DashboardView view = (DashboardView) fixture.window.view(DashboardView.TITLE);
        var spec = org.rareearth.dashboard.desktop.FxRuntime.call(view::exportSpec);
        assertThat(spec.csvRows()).anySatisfy(r -> assertThat(String.valueOf(r.get(3)))
                .contains("287 days old"));
        // Every tile is as of the day the dashboard was read for, even when the clock has moved on since (past
        // midnight, say): the export of that reading says the same.
        AppClock.pin(LocalDate.of(2026, 12, 3));
        var later = org.rareearth.dashboard.desktop.FxRuntime.call(view::exportSpec);
        assertThat(later.csvRows()).anySatisfy(r -> assertThat(String.valueOf(r.get(3)))
                .contains("as of 18 Feb 2026 (287 days ago)").contains("287 days old"));
    }

    @Test
    void in_february_2026_nothing_had_lapsed_and_the_price_was_days_old(FxRobot robot) {
        AppClock.pin(LocalDate.of(2026, 2, 20));
        open(robot, s -> { });
        Tile measures = tile(robot, "tile-in-force");
        assertThat(measures.getValue()).isEqualTo(11);
        assertThat(measures.getDescription()).startsWith("4 suspended · 43 events · as of 20 Feb 2026")
                .doesNotContain("Stale");
        assertThat(measures.getStyleClass()).doesNotContain("stale-tile");
        Tile price = tile(robot, "tile-china-price");
        assertThat(price.getDescription()).contains("as of 18 Feb 2026 (2 days ago)").doesNotContain("Stale");
        assertThat(price.getStyleClass()).doesNotContain("stale-tile");
    }

    @Test
    void a_store_of_an_older_version_is_offered_the_bundled_records_and_gets_only_what_is_chosen(FxRobot robot)
            throws Exception {
        Dataset full = Workspace.defaultDataset();
        // The record as an older version shipped it: no 2026 events, quotes, fixings or floors.
        Dataset older = new Dataset(null, null, full.securities(), List.of(),
                full.events().stream().filter(e -> e.announced().isBefore(LocalDate.of(2025, 11, 10)))
                        .map(e -> e.code().equals("mofcom-70-2025") ? retitled(e, OLD_TITLE) : e).toList(),
                full.reactions().stream().filter(r -> r.date().getYear() == 2025).toList(),
                full.assessments().stream().filter(a -> a.date().getYear() == 2025).toList(),
                full.fxRates().stream().filter(r -> r.date().getYear() == 2025).toList(),
                full.floors().subList(0, 1), full.stakes());
        open(robot, s -> s.datasets.write(older, true));
        BundledRecordsOffer offer = fixture.window.bundledOffer();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#" + BundledRecordsOffer.ID)
                .query().isVisible());
        int missing = offer.plan().added();
        assertThat(missing).isPositive();
        // Nothing is added by itself: the store still holds the older record only, once the offer is shown.
        assertThat(fixture.services.datasets.counts().events()).isEqualTo(older.events().size());
        assertThat(fixture.services.floors.all()).hasSize(1);
        // The user unticks the LYC reaction and its event; the rest goes in, nothing stored changes.
        List<Object> chosen = offer.plan().additions().records().stream()
                .filter(r -> !(r instanceof org.rareearth.dashboard.domain.Reaction x && x.symbol().equals("LYC"))
                        && !(r instanceof org.rareearth.dashboard.domain.PolicyEvent e
                        && e.code().equals("lynas-jare-2026")))
                .toList();
        robot.interact(() -> offer.add(chosen, stage));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.services.bundledRecordsMissing().added() == 2);
        assertThat(fixture.services.events.find("lynas-jare-2026")).isEmpty();
        assertThat(fixture.services.events.find("mofcom-us-entities-2026")).isPresent();
        assertThat(fixture.services.floors.all()).hasSize(3);
        assertThat(fixture.services.events.find("mofcom-70-2025").orElseThrow().title())
                .as("a stored record keeps its words").isEqualTo(OLD_TITLE);
    }
}
