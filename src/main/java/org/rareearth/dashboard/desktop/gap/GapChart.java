package org.rareearth.dashboard.desktop.gap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.util.Duration;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Tips;

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
        List<PolicyEvent> newEvents = List.copyOf(events);
        if (!newEvents.equals(this.events)) {
            // A read that gives the same events (F5, say) keeps its markers and their tooltips.
            this.events = newEvents;
            buildMarkers();
        }
        requestChartLayout();
    }

    /** One marker per announcement day: its line, its wider hit line and their day. */
    private record Marker(long day, Line visible, Line hit) {}

    private final List<Marker> markerLines = new ArrayList<>();

    /**
     * The event markers are built when the events change, one per day (a day's events share its tooltip), and
     * only moved on layout: a store of a thousand events does not make a thousand tooltips on every resize.
     */
    private void buildMarkers() {
        markerLines.clear();
        java.util.TreeMap<LocalDate, List<PolicyEvent>> byDay = new java.util.TreeMap<>();
        for (PolicyEvent e : events) {
            if (e.announced() != null) {
                byDay.computeIfAbsent(e.announced(), d -> new ArrayList<>()).add(e);
            }
        }
        List<Node> nodes = new ArrayList<>();
        byDay.forEach((day, list) -> {
            Line visible = new Line();
            visible.getStyleClass().add("event-marker");
            Line hit = new Line();
            hit.getStyleClass().add("event-marker-hit");
            StringBuilder text = new StringBuilder();
            for (PolicyEvent e : list.subList(0, Math.min(6, list.size()))) {
                text.append(text.isEmpty() ? "" : "\n\n").append(Formats.day(e.announced())).append(" — ")
                        .append(e.title()).append("\n").append(e.actor().label()).append(" · ")
                        .append(e.category().label()).append("\nSource: ").append(e.source());
            }
            if (list.size() > 6) {
                text.append("\n\n… and ").append(list.size() - 6).append(" more that day");
            }
            Tips.set(hit, text.toString(), t -> t.setShowDelay(Duration.millis(80)));
            hit.setUserData(list.get(0));
            markerLines.add(new Marker(day.toEpochDay(), visible, hit));
            nodes.add(visible);
            nodes.add(hit);
        });
        markers.getChildren().setAll(nodes);
    }

    /** The marker lines and their hit lines, in day order. */
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
        if (points.isEmpty()) {
            markerLines.forEach(m -> {
                m.visible().setVisible(false);
                m.hit().setVisible(false);
            });
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
        for (Marker m : markerLines) {
            boolean in = m.day() >= lower && m.day() <= upper;
            m.visible().setVisible(in);
            m.hit().setVisible(in);
            if (in) {
                double px = x.getDisplayPosition(m.day());
                for (Line l : List.of(m.visible(), m.hit())) {
                    l.setStartX(px);
                    l.setEndX(px);
                    l.setStartY(top);
                    l.setEndY(bottom);
                }
            }
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
