package org.rareearth.dashboard.desktop.gap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.desktop.common.Formats;

/**
 * A line chart of China's price and the floor with three extra layers behind the lines: the low–high band of
 * each quote, the gap shaded between the floor and China's price while the floor is in force, and a vertical
 * marker for each event (hover names it). X values are epoch days.
 */
final class GapChart extends LineChart<Number, Number> {

    private final Path band = new Path();
    private final Path gap = new Path();
    private final Group markers = new Group();
    private List<GapAnalysis.Point> points = List.of();
    private double floorLevel = Double.NaN;
    private LocalDate floorStart;
    private LocalDate floorEnd;
    private List<PolicyEvent> events = List.of();

    GapChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        band.getStyleClass().add("gap-band");
        gap.getStyleClass().add("gap-shade");
        markers.getStyleClass().add("gap-markers");
        band.setManaged(false);
        gap.setManaged(false);
        markers.setManaged(false);
        getPlotChildren().addAll(0, List.of(gap, band, markers));
    }

    void setLayers(List<GapAnalysis.Point> points, double floorLevel, LocalDate floorStart, LocalDate floorEnd,
                   List<PolicyEvent> events) {
        this.points = List.copyOf(points);
        this.floorLevel = floorLevel;
        this.floorStart = floorStart;
        this.floorEnd = floorEnd;
        this.events = List.copyOf(events);
        requestChartLayout();
    }

    List<Node> markerNodes() {
        return markers.getChildren();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        band.getElements().clear();
        gap.getElements().clear();
        markers.getChildren().clear();
        if (points.isEmpty()) {
            return;
        }
        // Band: along the highs, back along the lows.
        band.getElements().add(new MoveTo(px(x, points.get(0).date()), y.getDisplayPosition(points.get(0).highUsdPerKg())));
        for (GapAnalysis.Point p : points) {
            band.getElements().add(new LineTo(px(x, p.date()), y.getDisplayPosition(p.highUsdPerKg())));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            GapAnalysis.Point p = points.get(i);
            band.getElements().add(new LineTo(px(x, p.date()), y.getDisplayPosition(p.lowUsdPerKg())));
        }
        band.getElements().add(new ClosePath());

        // Gap: between the floor and China's line, from the floor's start to the last quote (or the floor's end).
        if (!Double.isNaN(floorLevel) && floorStart != null) {
            long from = floorStart.toEpochDay();
            long lastDay = points.get(points.size() - 1).date().toEpochDay();
            long to = floorEnd == null ? lastDay : Math.min(lastDay, floorEnd.toEpochDay());
            if (to > from) {
                List<double[]> line = new ArrayList<>();
                line.add(new double[] {from, interpolate(from)});
                for (GapAnalysis.Point p : points) {
                    long d = p.date().toEpochDay();
                    if (d > from && d < to) {
                        line.add(new double[] {d, p.chinaUsdPerKg()});
                    }
                }
                line.add(new double[] {to, interpolate(to)});
                double floorY = y.getDisplayPosition(floorLevel);
                gap.getElements().add(new MoveTo(x.getDisplayPosition(from), floorY));
                for (double[] v : line) {
                    gap.getElements().add(new LineTo(x.getDisplayPosition(v[0]), y.getDisplayPosition(v[1])));
                }
                gap.getElements().add(new LineTo(x.getDisplayPosition(to), floorY));
                gap.getElements().add(new ClosePath());
            }
        }

        double top = 0;
        double bottom = y.getHeight();
        double lower = x.getLowerBound();
        double upper = x.getUpperBound();
        for (PolicyEvent e : events) {
            double d = e.announced().toEpochDay();
            if (d < lower || d > upper) {
                continue;
            }
            double px = x.getDisplayPosition(d);
            Line visible = new Line(px, top, px, bottom);
            visible.getStyleClass().add("event-marker");
            Line hit = new Line(px, top, px, bottom);
            hit.getStyleClass().add("event-marker-hit");
            Tooltip t = new Tooltip(Formats.day(e.announced()) + " — " + e.title() + "\n" + e.actor().label() + " · "
                    + e.category().label() + "\nSource: " + e.source());
            t.setShowDelay(Duration.millis(80));
            Tooltip.install(hit, t);
            hit.setUserData(e);
            markers.getChildren().addAll(visible, hit);
        }
    }

    /** China's price on day {@code d}, on the straight line between the quotes around it. */
    private double interpolate(long d) {
        GapAnalysis.Point prev = null;
        for (GapAnalysis.Point p : points) {
            long pd = p.date().toEpochDay();
            if (pd == d) {
                return p.chinaUsdPerKg();
            }
            if (pd > d) {
                if (prev == null) {
                    return p.chinaUsdPerKg();
                }
                long a = prev.date().toEpochDay();
                double t = (double) (d - a) / (pd - a);
                return prev.chinaUsdPerKg() + t * (p.chinaUsdPerKg() - prev.chinaUsdPerKg());
            }
            prev = p;
        }
        return prev.chinaUsdPerKg();
    }

    private static double px(NumberAxis x, LocalDate d) {
        return x.getDisplayPosition(d.toEpochDay());
    }
}
