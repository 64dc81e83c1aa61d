package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom and pan on a long series: the points in view are reduced anew, so zooming in brings the detail back. */
@ExtendWith(FxThreadLookups.class)
class SeriesZoomTest {

    private static final int N = 100_000;
    private LineChart<Number, Number> chart;
    private SeriesZoom zoom;
    private final double[] x = new double[N];
    private final double[] y = new double[N];

    @Start
    void start(Stage stage) {
        // A made-up series: days 20,000 … 119,999; a slow wave around 1,000, and a flat stretch at 100 late on.
        for (int i = 0; i < N; i++) {
            x[i] = 20_000 + i;
            y[i] = i >= 90_000 && i < 95_000 ? 100 : 1_000 + 300 * Math.sin(i / 900.0);
        }
        chart = SeriesCharts.dateChart("close");
        zoom = new SeriesZoom(chart);
        zoom.setSeries("SYN", x, y);
        stage.setScene(new Scene(new StackPane(chart), 800, 400));
        stage.show();
    }

    private int drawnBetween(double from, double to) {
        return (int) chart.getData().get(0).getData().stream().map(XYChart.Data::getXValue)
                .mapToDouble(Number::doubleValue).filter(v -> v >= from && v <= to).count();
    }

    private NumberAxis xAxis() {
        return (NumberAxis) chart.getXAxis();
    }

    @Test
    void zooming_in_draws_the_range_in_view_at_full_density(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int perPixel = (int) Math.max(200, 2 * chart.getWidth());
        assertThat(zoom.drawnPoints()).isEqualTo(perPixel);
        int before = drawnBetween(60_000, 61_000);

        robot.interact(() -> {
            for (int i = 0; i < 40 && zoom.visibleTo() - zoom.visibleFrom() > 1_000; i++) {
                zoom.zoom(SeriesZoom.STEP, 60_500);
            }
        });

        assertThat(zoom.zoomed()).isTrue();
        assertThat(zoom.visibleFrom()).isLessThanOrEqualTo(60_500).isGreaterThan(59_000);
        assertThat(zoom.visibleTo()).isGreaterThanOrEqualTo(60_500).isLessThan(62_000);
        // Whole series: a few points fell in those thousand days; zoomed: every day in view is drawn.
        assertThat(before).isLessThan(50);
        double days = zoom.visibleTo() - zoom.visibleFrom();
        assertThat(days).isLessThan(perPixel);
        assertThat(drawnBetween(zoom.visibleFrom(), zoom.visibleTo())).isGreaterThanOrEqualTo((int) days);
        assertThat(zoom.drawnPoints()).isLessThanOrEqualTo(perPixel);
        assertThat(xAxis().getLowerBound()).isEqualTo(zoom.visibleFrom());
        assertThat(xAxis().getUpperBound()).isEqualTo(zoom.visibleTo());
    }

    @Test
    void the_date_under_the_anchor_stays_put_and_the_value_axis_fits_the_view(FxRobot robot) {
        double shareBefore = (40_000 - x[0]) / (x[N - 1] - x[0]);
        robot.interact(() -> zoom.zoom(0.5, 40_000));
        // The anchor keeps its place across the view.
        double share = (40_000 - zoom.visibleFrom()) / (zoom.visibleTo() - zoom.visibleFrom());
        assertThat(share).isCloseTo(shareBefore, within(1e-9));
        assertThat(zoom.visibleTo() - zoom.visibleFrom()).isCloseTo(0.5 * (N - 1), within(1e-6));

        // Into the flat stretch at 100: the value axis follows the points in view, not the whole series.
        robot.interact(() -> {
            zoom.fitAll();
            for (int i = 0; i < 40 && zoom.visibleTo() - zoom.visibleFrom() > 2_000; i++) {
                zoom.zoom(SeriesZoom.STEP, 112_500);
            }
        });
        robot.interact(() -> chart.layout());
        WaitForAsyncUtils.waitForFxEvents();
        NumberAxis yAxis = (NumberAxis) chart.getYAxis();
        assertThat(zoom.visibleFrom()).isGreaterThan(110_000);
        assertThat(zoom.visibleTo()).isLessThan(115_000);
        assertThat(yAxis.getUpperBound()).isLessThan(700);
    }

    @Test
    void panning_stops_at_either_end_and_a_double_click_shows_everything(FxRobot robot) {
        robot.interact(() -> zoom.zoom(0.1, 70_000));
        double width = zoom.visibleTo() - zoom.visibleFrom();

        robot.interact(() -> zoom.pan(-1_000_000));
        assertThat(zoom.visibleFrom()).isEqualTo(x[0]);
        assertThat(zoom.visibleTo() - zoom.visibleFrom()).isCloseTo(width, within(1e-6));
        robot.interact(() -> zoom.pan(1_000_000));
        assertThat(zoom.visibleTo()).isEqualTo(x[N - 1]);

        // Dragging to the right brings earlier dates into view.
        double fromBefore = zoom.visibleFrom();
        robot.drag(chart, MouseButton.PRIMARY).moveBy(150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom.visibleFrom()).isLessThan(fromBefore);

        robot.doubleClickOn(chart, MouseButton.PRIMARY);
        assertThat(zoom.zoomed()).isFalse();
        assertThat(xAxis().getLowerBound()).isEqualTo(x[0]);
        assertThat(xAxis().getUpperBound()).isEqualTo(x[N - 1]);
    }

    @Test
    void keys_and_ctrl_scroll_zoom_and_zero_fits(FxRobot robot) {
        robot.interact(chart::requestFocus);
        robot.type(KeyCode.EQUALS);
        assertThat(zoom.zoomed()).isTrue();
        double width = zoom.visibleTo() - zoom.visibleFrom();
        robot.type(KeyCode.RIGHT);
        assertThat(zoom.visibleTo() - zoom.visibleFrom()).isCloseTo(width, within(1e-6));
        robot.type(KeyCode.MINUS);
        assertThat(zoom.visibleTo() - zoom.visibleFrom()).isGreaterThan(width);
        robot.type(KeyCode.DIGIT0);
        assertThat(zoom.zoomed()).isFalse();

        // Ctrl+scroll one way zooms in (which way depends on the platform's wheel direction).
        robot.moveTo(chart).press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.UP)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        if (!zoom.zoomed()) {
            robot.press(KeyCode.CONTROL).scroll(3, javafx.geometry.VerticalDirection.DOWN).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(zoom.zoomed()).isTrue();
        // Plain scrolling is left to whatever holds the chart.
        double w = zoom.visibleTo() - zoom.visibleFrom();
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom.visibleTo() - zoom.visibleFrom()).isEqualTo(w);
    }

    @Test
    void an_empty_series_draws_nothing_and_ignores_zooming(FxRobot robot) {
        robot.interact(() -> {
            zoom.clear();
            zoom.zoom(0.5, 0);
            zoom.pan(10);
        });
        assertThat(zoom.zoomed()).isFalse();
        assertThat(zoom.drawnPoints()).isZero();
        assertThat(chart.getData().get(0).getData()).isEmpty();
    }

    @Test
    void tick_units_give_about_eight_dates() {
        assertThat(SeriesZoom.tickUnit(20)).isEqualTo(7);
        assertThat(SeriesZoom.tickUnit(365)).isEqualTo(61);
        assertThat(SeriesZoom.tickUnit(25_000)).isEqualTo(3652);
        assertThat(25_000 / SeriesZoom.tickUnit(25_000)).isLessThanOrEqualTo(8);
    }
}
