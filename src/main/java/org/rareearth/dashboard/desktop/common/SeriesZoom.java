package org.rareearth.dashboard.desktop.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.rareearth.dashboard.analytics.Downsample;

/**
 * Zoom and pan on a line chart of one long series ordered by date (x in epoch days). Only the points in view are
 * drawn, reduced anew (largest-triangle-three-buckets over the visible range) to about two per horizontal pixel,
 * so zooming in brings back the detail that the whole view leaves out, and a step costs the same whatever the
 * length of the series.
 *
 * <p>Ctrl+scroll or a pinch zooms around the pointer; dragging or Shift+scroll pans; a double-click or 0 shows
 * everything again; with the chart focused, + and − zoom around the middle and the arrow keys pan.
 */
public final class SeriesZoom {
    /** One zoom step in, as a factor of the visible width (one step out is its inverse). */
    public static final double STEP = 0.8;
    /** The narrowest view, in days. */
    static final double MIN_DAYS = 10;
    private static final double[] TICK_DAYS = {1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652, 7305};

    private final LineChart<Number, Number> chart;
    private final NumberAxis xAxis;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private double[] x = new double[0];
    private double[] y = new double[0];
    /** The visible range; NaN when everything is in view. */
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    /** The pointer's last x (scene) during a drag; NaN when not dragging. */
    private double dragX = Double.NaN;
    private int drawn;

    public SeriesZoom(LineChart<Number, Number> chart) {
        this.chart = chart;
        this.xAxis = (NumberAxis) chart.getXAxis();
        chart.widthProperty().addListener((o, a, b) -> redraw());
        chart.setFocusTraversable(true);
        chart.setOnScroll(e -> {
            if (x.length < 2) {
                return;
            }
            if (e.isShortcutDown() || e.isControlDown()) {
                zoom(e.getDeltaY() > 0 ? STEP : 1 / STEP, valueAt(e.getSceneX(), e.getSceneY()));
                e.consume();
            } else if (e.isShiftDown()) {
                double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                pan(-Math.signum(delta) * 0.1 * (visibleTo() - visibleFrom()));
                e.consume();
            }
        });
        chart.setOnZoom(e -> {
            if (x.length >= 2 && e.getZoomFactor() > 0) {
                zoom(1 / e.getZoomFactor(), valueAt(e.getSceneX(), e.getSceneY()));
                e.consume();
            }
        });
        chart.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getSceneX();
                chart.requestFocus();
            }
        });
        chart.setOnMouseDragged(e -> {
            double width = xAxis.getWidth();
            if (!Double.isNaN(dragX) && width > 0) {
                // The line follows the pointer: as many days as the pointer moved across, the other way.
                double days = (e.getSceneX() - dragX) * (visibleTo() - visibleFrom()) / width;
                dragX = e.getSceneX();
                pan(-days);
            }
        });
        chart.setOnMouseReleased(e -> dragX = Double.NaN);
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                fitAll();
            }
        });
        chart.setOnKeyPressed(e -> {
            double middle = (visibleFrom() + visibleTo()) / 2;
            double width = visibleTo() - visibleFrom();
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                zoom(STEP, middle);
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                zoom(1 / STEP, middle);
            } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
                fitAll();
            } else if (k == KeyCode.LEFT) {
                pan(-0.1 * width);
            } else if (k == KeyCode.RIGHT) {
                pan(0.1 * width);
            } else {
                return;
            }
            e.consume();
        });
        chart.getData().setAll(List.of(series));
    }

    /** Shows a new series, all of it; {@code x} must be increasing. The arrays are kept, not copied. */
    public void setSeries(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " dates but " + y.length + " values");
        }
        this.x = x;
        this.y = y;
        series.setName(name);
        lo = Double.NaN;
        hi = Double.NaN;
        redraw();
    }

    public void clear() {
        setSeries(null, new double[0], new double[0]);
    }

    /** Narrows ({@code factor} below 1) or widens the view, keeping {@code anchor} (a date) where it is. */
    public void zoom(double factor, double anchor) {
        if (x.length < 2 || !(factor > 0)) {
            return;
        }
        double from = visibleFrom();
        double to = visibleTo();
        double first = x[0];
        double last = x[x.length - 1];
        double width = Math.max(Math.min(MIN_DAYS, last - first), Math.min(last - first, (to - from) * factor));
        double a = Double.isFinite(anchor) ? Math.max(from, Math.min(to, anchor)) : (from + to) / 2;
        double share = to > from ? (a - from) / (to - from) : 0.5;
        show(a - share * width, a - share * width + width);
    }

    /** Moves the view by {@code days} (later when positive), never past either end of the series. */
    public void pan(double days) {
        if (x.length < 2 || !zoomed() || !Double.isFinite(days)) {
            return;
        }
        show(lo + days, hi + days);
    }

    /** Everything in view again. */
    public void fitAll() {
        lo = Double.NaN;
        hi = Double.NaN;
        redraw();
    }

    public boolean zoomed() {
        return !Double.isNaN(lo);
    }

    /** The first date in view (epoch days), the series' first when nothing is zoomed. */
    public double visibleFrom() {
        return zoomed() ? lo : x.length == 0 ? 0 : x[0];
    }

    public double visibleTo() {
        return zoomed() ? hi : x.length == 0 ? 0 : x[x.length - 1];
    }

    /** How many points the chart was last given. */
    public int drawnPoints() {
        return drawn;
    }

    private void show(double from, double to) {
        double first = x[0];
        double last = x[x.length - 1];
        double width = to - from;
        if (width >= last - first) {
            fitAll();
            return;
        }
        if (from < first) {
            from = first;
            to = first + width;
        } else if (to > last) {
            to = last;
            from = last - width;
        }
        lo = from;
        hi = to;
        redraw();
    }

    /** The date under a point of the scene. */
    private double valueAt(double sceneX, double sceneY) {
        Point2D p = xAxis.sceneToLocal(sceneX, sceneY);
        return p == null ? Double.NaN : xAxis.getValueForDisplay(p.getX()).doubleValue();
    }

    /** Gives the chart the points in view, reduced to about two per pixel of its width. */
    private void redraw() {
        if (x.length == 0) {
            drawn = 0;
            series.getData().clear();
            xAxis.setAutoRanging(true);
            return;
        }
        double from = visibleFrom();
        double to = visibleTo();
        // One point beyond each edge, so the line runs to the border of the plot.
        int start = Math.max(0, lowerIndex(from) - 1);
        int end = Math.min(x.length, lowerIndex(Math.nextUp(to)) + 1);
        int max = (int) Math.max(200, 2 * chart.getWidth());
        int[] keep = Downsample.lttb(x, y, start, end, max);
        drawn = keep.length;
        double span = Math.max(1, to - from);
        xAxis.setAutoRanging(false);
        xAxis.setLowerBound(from);
        xAxis.setUpperBound(from == to ? from + 1 : to);
        xAxis.setTickUnit(tickUnit(span));
        // The chart's data points are reused and given their new values: replacing thousands of them costs the
        // chart far more (each removal walks its list of points).
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        int reuse = Math.min(keep.length, data.size());
        for (int j = 0; j < reuse; j++) {
            XYChart.Data<Number, Number> d = data.get(j);
            d.setXValue(x[keep[j]]);
            d.setYValue(y[keep[j]]);
        }
        if (keep.length > reuse) {
            List<XYChart.Data<Number, Number>> more = new ArrayList<>(keep.length - reuse);
            for (int j = reuse; j < keep.length; j++) {
                more.add(new XYChart.Data<>(x[keep[j]], y[keep[j]]));
            }
            data.addAll(more);
        } else if (data.size() > keep.length) {
            data.remove(keep.length, data.size());
        }
    }

    /** The first index whose date is at or after {@code value}. */
    private int lowerIndex(double value) {
        int i = Arrays.binarySearch(x, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && x[i - 1] == value) {
            i--;
        }
        return i;
    }

    /** A tick every day, week, month, quarter, year… so that about eight dates label the axis. */
    public static double tickUnit(double days) {
        for (double t : TICK_DAYS) {
            if (days / t <= 8) {
                return t;
            }
        }
        return Math.ceil(days / 8 / 3652.5) * 3652.5;
    }
}
