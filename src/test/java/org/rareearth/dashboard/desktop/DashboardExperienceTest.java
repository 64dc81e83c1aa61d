package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.desktop.dashboard.ChartTile;
import org.rareearth.dashboard.desktop.dashboard.MiniChart;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard as a way into the app: stored figures, click-through, the theme, and a long task cancelled. */
@ExtendWith(FxThreadLookups.class)
class DashboardExperienceTest {

    private WindowFixture fixture;
    private Workspace services;
    private MainWindow window;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
        services = fixture.services;
        window = fixture.window;
        home = fixture.home;
    }

    @AfterEach
    void close() {
        fixture.close();
        Platform.runLater(() -> Theme.currentProperty().set(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static javafx.scene.paint.Paint chartTileFill(FxRobot robot) {
        return robot.lookup("#tile-mini-timeline").queryAs(ChartTile.class).getBackground().getFills().get(0).getFill();
    }

    private Tile tile(FxRobot robot, String titleStart) {
        fixture.awaitReads();
        return robot.lookup(".dashboard-tile").match(Tile.class::isInstance).queryAllAs(Tile.class).stream()
                .filter(t -> t.getTitle().startsWith(titleStart)).findFirst().orElseThrow();
    }

    @Test
    void a_window_shown_progressively_builds_its_view_when_shown_and_compares_the_bundled_records_after_it(FxRobot robot) throws Exception {
        Stage[] stage = new Stage[1];
        MainWindow[] w = new MainWindow[1];
        java.util.concurrent.CountDownLatch content = new java.util.concurrent.CountDownLatch(1);
        boolean[] checkStartedAtContent = new boolean[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            w[0] = new MainWindow(services, stage[0], true);
            // Before it is shown: the chrome and a line saying what is opening, no tiles yet.
            assertThat(stage[0].getScene().lookup("#view-opening")).isNotNull();
            assertThat(stage[0].getScene().lookup(".dashboard-tile")).isNull();
            // The window icons are decoded off the FX thread once the window is painted.
            assertThat(stage[0].getIcons()).isEmpty();
            // The comparison with the bundled dataset waits until the view's content is painted (it would slow
            // the start).
            assertThat(w[0].bundledOffer().checkStarted()).isFalse();
            w[0].showProgressively(() -> {
                checkStartedAtContent[0] = w[0].bundledOffer().checkStarted();
                content.countDown();
            });
        });
        assertThat(content.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(checkStartedAtContent[0]).as("the comparison had started when the content was in").isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage[0].getScene().lookup("#view-opening")).isNull();
        assertThat(stage[0].getScene().lookup(".dashboard-tile")).isNotNull();
        assertThat(w[0].currentView()).isEqualTo("Dashboard");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w[0].bundledOffer().plan() != null);
        assertThat(w[0].bundledOffer().plan().added()).as("the store holds the whole bundled dataset").isZero();
        // Only the size JavaFX gives the platform is decoded (128 px on Linux).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage[0].getIcons().isEmpty());
        assertThat(stage[0].getIcons()).allSatisfy(i -> assertThat(i.isError()).isFalse())
                .extracting(javafx.scene.image.Image::getWidth).containsExactly((double) MainWindow.ICON_SIZES[0]);
        robot.interact(stage[0]::close);
    }

    @Test
    void the_stake_tile_shows_the_stored_stake_and_follows_a_change(FxRobot robot) {
        Tile stake = tile(robot, "US Department of Defense stake in MP");
        assertThat(stake.getValue()).isEqualTo(400.0);
        assertThat(stake.getUnit()).isEqualTo("M USD");
        assertThat(stake.getDescription()).contains("about 15% of MP");

        Stake dod = services.stakes.all().get(0);
        Stake changed = new Stake(dod.holder(), dod.symbol(), dod.event(), dod.date(), 450_000_000.0, dod.currency(),
                16.5, dod.instrument(), dod.source(), dod.confidence(), "changed in a test");
        robot.interact(() -> new RecordEditor(services).save(dod, changed));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        Tile after = tile(robot, "US Department of Defense stake in MP");
        assertThat(after.getValue()).isEqualTo(450.0);
        assertThat(after.getDescription()).contains("about 16.5% of MP");
    }

    @Test
    void with_no_stake_stored_the_tile_says_where_to_add_one(FxRobot robot) {
        Stake dod = services.stakes.all().get(0);
        robot.interact(() -> new RecordEditor(services).delete(dod));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        fixture.awaitReads();
        assertThat(robot.lookup(".dashboard-tile").match(Tile.class::isInstance).queryAllAs(Tile.class))
                .noneMatch(t -> t.getTitle().contains("stake in"));
        assertThat(tile(robot, "Equity stakes").getDescription()).contains("Add one in Data > Stakes");
    }

    @Test
    void at_1920_by_1080_the_tiles_use_the_width_of_the_window(FxRobot robot) {
        javafx.stage.Stage stage = (javafx.stage.Stage) robot.window(0);
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        fixture.awaitReads();
        javafx.scene.layout.FlowPane grid = robot.lookup("#dashboard-tiles").queryAs(javafx.scene.layout.FlowPane.class);
        double inner = grid.getWidth() - grid.getPadding().getLeft() - grid.getPadding().getRight();
        var tiles = robot.lookup(".dashboard-tile").queryAllAs(javafx.scene.layout.Region.class);
        double right = tiles.stream().mapToDouble(t -> t.getBoundsInParent().getMaxX()).max().orElseThrow();
        // The first row reaches the right edge to within a gap; no third of the window is left empty.
        assertThat(right).isGreaterThan(grid.getPadding().getLeft() + inner - grid.getHgap() - 2);
        long firstRow = tiles.stream().filter(t -> t.getBoundsInParent().getMinY() < 20 + grid.getPadding().getTop())
                .count();
        assertThat(firstRow).as("more than the three columns of a narrow window").isGreaterThanOrEqualTo(4);
        // The small timeline spans two columns and grows with them.
        var mini = robot.lookup("#tile-mini-timeline").queryAs(ChartTile.class);
        assertThat(mini.getWidth()).isGreaterThan(2 * tile(robot, "MP reaction").getWidth());
        assertThat(org.rareearth.dashboard.desktop.dashboard.DashboardView.columnWidth(1600, 12)).isEqualTo(Math.floor((1600 - 4 * 12) / 5.0));
    }

    @Test
    void the_dashboard_has_small_versions_of_the_three_charts(FxRobot robot) throws Exception {
        fixture.awaitReads();
        MiniChart gap = robot.lookup("#tile-sparkline .mini-chart").queryAs(MiniChart.class);
        assertThat(gap.kind()).isEqualTo(MiniChart.Kind.LINES);
        assertThat(gap.lines()).extracting(MiniChart.Line::name).containsExactly("China", "Floor");
        // Every quote but the one with no USD/CNY fixing within 10 days before it (2026-01-22).
        assertThat(gap.lines().get(0).points()).hasSize(services.assessments.all().size() - 1);
        MiniChart bars = robot.lookup("#tile-mini-reactions .mini-chart").queryAs(MiniChart.class);
        assertThat(bars.bars()).extracting(MiniChart.Bar::label).startsWith("MP", "ILU", "LYC");
        assertThat(bars.bars().get(0).value()).isEqualTo(50.62);
        assertThat(robot.lookup("#tile-mini-timeline").queryAs(ChartTile.class).getTitle())
                .isEqualTo("Export controls and responses, 43 events, as of "
                        + org.rareearth.dashboard.desktop.common.Formats.day(org.rareearth.dashboard.service.AppClock.today()));
        // Magnet capacity outside China: operating, under construction and planned, one layer each.
        MiniChart supply = robot.lookup("#tile-supply-chain .mini-chart").queryAs(MiniChart.class);
        assertThat(supply.layers()).extracting(MiniChart.Layer::name).containsExactly("operating",
                "under construction", "planned");
        assertThat(supply.categories()).isNotEmpty().allMatch(y -> y.matches("\\d{4}"));

        // Hovering the tallest bar names it: the chart is drawn, and knows where.
        String tip = WaitForAsyncUtils.asyncFx(() -> java.util.stream.IntStream.range(0, (int) bars.getHeight())
                .mapToObj(y -> bars.tipAt(bars.getWidth() * 0.2, y)).flatMap(java.util.Optional::stream).findFirst()
                .orElse(null)).get();
        assertThat(tip).isEqualTo("MP +50.62%");
    }

    /** Over a small chart, its own tooltip shows (what is under the pointer), not the tile's "Click to open". */
    @Test
    void hovering_a_point_of_a_small_chart_shows_what_the_point_is(FxRobot robot) throws Exception {
        fixture.awaitReads();
        MiniChart gap = robot.lookup("#tile-sparkline .mini-chart").queryAs(MiniChart.class);
        // A spot the chart names (a quote of China's price), in screen coordinates.
        Object[] spot = WaitForAsyncUtils.asyncFx(() -> {
            for (int x = (int) gap.getWidth() / 2; x < gap.getWidth(); x += 2) {
                for (int y = 0; y < gap.getHeight(); y += 2) {
                    java.util.Optional<String> tip = gap.tipAt(x, y);
                    if (tip.isPresent() && tip.get().startsWith("China")) {
                        return new Object[] {gap.localToScreen(x, y), tip.get()};
                    }
                }
            }
            return null;
        }).get();
        assertThat(spot).as("a quote the chart names").isNotNull();
        javafx.geometry.Point2D at = (javafx.geometry.Point2D) spot[0];
        robot.moveTo(at.add(-3, 0));
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> showingTip() != null);
        assertThat(showingTip()).isEqualTo(spot[1]);
    }

    private static String showingTip() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(null);
    }

    @Test
    void clicking_a_reaction_tile_opens_the_reactions_to_its_event(FxRobot robot) {
        robot.clickOn(tile(robot, "MP reaction"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo(ReactionsView.TITLE);
        fixture.awaitReads();
        assertThat(((ReactionsView) window.view(ReactionsView.TITLE)).focusedEvent().code()).isEqualTo("dod-mp-2025");
    }

    @Test
    void clicking_the_latest_control_tile_selects_that_control_on_the_timeline(FxRobot robot) {
        robot.clickOn(tile(robot, "Days since China's latest control"));
        fixture.awaitReads();
        assertThat(window.currentView()).isEqualTo(TimelineView.TITLE);
        var selected = ((TimelineView) window.view(TimelineView.TITLE)).canvas().selectedProperty().get();
        assertThat(selected).isNotNull();
        var latest = services.events.all().stream()
                .filter(e -> e.actor() == org.rareearth.dashboard.domain.Actor.CHINA
                        && e.category() != org.rareearth.dashboard.domain.Category.SUSPENSION
                        && !e.announced().isAfter(org.rareearth.dashboard.service.AppClock.today()))
                .max(java.util.Comparator.comparing(org.rareearth.dashboard.domain.PolicyEvent::announced))
                .orElseThrow();
        assertThat(selected.code()).isEqualTo(latest.code());
    }

    @Test
    void the_keyboard_opens_a_focused_tile_too(FxRobot robot) {
        Tile floor = tile(robot, "China NdPr oxide (");
        robot.interact(floor::requestFocus);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.currentView()).isEqualTo("Price-support gap");
    }

    @Test
    void the_theme_switches_with_ctrl_shift_d_and_is_remembered(FxRobot robot) throws Exception {
        javafx.scene.Scene scene = robot.window(0).getScene();
        assertThat(scene.getStylesheets()).noneMatch(s -> s.endsWith("dark.css"));
        assertThat(tile(robot, "MP reaction").getBackgroundColor()).isEqualTo(Theme.LIGHT.colors().tileBackground());
        assertThat(chartTileFill(robot)).isEqualTo(Theme.LIGHT.colors().tileBackground());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Theme.current()).isEqualTo(Theme.DARK);
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(tile(robot, "MP reaction").getBackgroundColor()).isEqualTo(Tile.BACKGROUND);
        assertThat(chartTileFill(robot)).as("the small charts' tiles follow the theme as the TilesFX tiles do")
                .isEqualTo(Tile.BACKGROUND);
        // The content area's colour comes from the dark stylesheet.
        javafx.scene.layout.Region content = robot.lookup(".content").queryAs(javafx.scene.layout.Region.class);
        assertThat(content.getBackground().getFills().get(0).getFill())
                .isEqualTo(javafx.scene.paint.Color.web("#1e2126"));
        // A view built after the switch is dark too: its canvas draws with the dark colours.
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        fixture.awaitReads();
        TimelineView tv = (TimelineView) window.view(TimelineView.TITLE);
        javafx.scene.image.Image img = WaitForAsyncUtils.asyncFx(() -> tv.canvas().snapshot(null, null)).get();
        // The axis band's background: the colour most of the band is painted in, right of the lane headers and
        // above the tick marks. Tick labels and the today line sit wherever the date puts them, so no single pixel
        // is sampled; the band's commonest colour is its background on any day.
        javafx.scene.paint.Color band = commonestColour(img, 160, (int) img.getWidth() - 2, 2, 20);
        javafx.scene.paint.Color darkBackground = Theme.DARK.colors().background();
        assertThat(distance(band, darkBackground)).as("the timeline's axis band has the dark background, not " + band)
                .isLessThan(0.02);
        assertThat(band.getBrightness()).as("the timeline's axis band is dark").isLessThan(0.3);

        Properties saved = new Properties();
        try (var in = Files.newInputStream(home.resolve("window.properties"))) {
            saved.load(in);
        }
        assertThat(saved.getProperty("theme")).isEqualTo("dark");

        // The next start reads it back: back to light here, then a window opened on the saved settings is dark.
        robot.interact(() -> Theme.currentProperty().set(Theme.LIGHT));
        Files.writeString(home.resolve("window.properties"), "theme=dark\n");
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new MainWindow(services, second[0]);
        });
        assertThat(Theme.current()).isEqualTo(Theme.DARK);
        assertThat(second[0].getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));

        robot.interact(() -> Theme.currentProperty().set(Theme.LIGHT));
        assertThat(scene.getStylesheets()).noneMatch(s -> s.endsWith("dark.css"));
    }

    @Test
    void a_long_import_can_be_cancelled_from_the_window_and_leaves_the_store_as_it_was(FxRobot robot)
            throws Exception {
        // 720,000 rows of a long file over the stored securities: long enough to be cancelled half way.
        Path csv = home.resolve("long-prices.csv");
        java.util.List<String> symbols = services.securities.all().stream()
                .map(org.rareearth.dashboard.domain.Security::symbol).toList();
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("symbol,date,close\n");
            LocalDate start = LocalDate.of(1900, 1, 2);
            for (String sym : symbols) {
                for (int d = 0; d < 60_000; d++) {
                    w.write(sym + "," + start.plusDays(d) + "," + (10 + (d % 97) * 0.01) + "\n");
                }
            }
        }
        Counts before = services.datasets.counts();
        Platform.runLater(() -> window.importPrices(csv, null));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#do-import").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#do-import").queryButton().isDisabled())
                .as("a long file names its securities: " + robot.lookup("#import-message").queryAs(Label.class)
                        .getText()).isFalse();
        robot.clickOn("#do-import");
        ProgressBar progress = robot.lookup("#import-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> progress.getProgress() > 0);
        // The window still answers while the import runs.
        assertThat(progress.getProgress()).isLessThan(1.0);
        robot.clickOn("#cancel-import");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#import-message").queryAs(Label.class).getText().startsWith("Cancelled"));
        assertThat(robot.lookup("#import-message").queryAs(Label.class).getText())
                .isEqualTo("Cancelled: nothing was imported.");
        assertThat(services.datasets.counts()).as("the store is as it was").isEqualTo(before);
        assertThat(services.priceBars.count()).isZero();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#do-import").tryQuery()).as("the dialog is closed").isEmpty();
    }

    /** The colour most pixels of the rectangle [x0, x1) × [y0, y1) have. */
    static javafx.scene.paint.Color commonestColour(javafx.scene.image.Image img, int x0, int x1, int y0, int y1) {
        java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
        var reader = img.getPixelReader();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count.merge(reader.getArgb(x, y), 1, Integer::sum);
            }
        }
        int argb = java.util.Collections.max(count.entrySet(), java.util.Map.Entry.comparingByValue()).getKey();
        return javafx.scene.paint.Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    static double distance(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()),
                Math.abs(a.getBlue() - b.getBlue())));
    }
}
