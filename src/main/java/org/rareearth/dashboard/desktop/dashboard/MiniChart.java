package org.rareearth.dashboard.desktop.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.rareearth.dashboard.desktop.common.Theme;

/**
 * A chart small enough for a dashboard tile, drawn on one canvas: bars, stacked bars or lines, with a value axis
 * and its labels. A tile needs no legend, zoom or animation, and a full chart control builds a node for every
 * bar, tick and label that the window's first frame has to style and lay out; this draws the same picture for a
 * fraction of that. Hovering a bar or a point names it in the tooltip; elsewhere the tooltip says what the chart
 * is and what a click does.
 */
public final class MiniChart extends CanvasRegion implements Theme.Themed {
    /** A bar: its label under it, its value, its colour and what hovering it says. */
    public record Bar(String label, double value, Color colour, String tip) {
    }

    /** One layer of stacked bars: a value for every category, bottom layer first. */
    public record Layer(String name, Color colour, List<Double> values) {
    }

    /** A line through (x, y) points in x order; its colour may differ by theme. */
    public record Line(String name, Function<Theme, Color> colour, boolean dashed, double width, List<Point> points) {
    }

    /** A point of a line, and what hovering it says. */
    public record Point(double x, double y, String tip) {
    }

    public enum Kind { BARS, STACKED, LINES }

    /** The labels' font, made on first drawing (a font needs the toolkit; the tick rule does not). */
    private static final class Small {
        static final Font FONT = Font.font("System", 10);
    }

    private static final double LABEL_H = 14;
    private static final double TOP = 6;
    private static final double RIGHT = 6;

    private final Kind kind;
    private final List<Bar> bars;
    private final List<String> categories;
    private final List<Layer> layers;
    private final List<Line> lines;
    private final DoubleFunction<String> xLabel;
    private final DoubleFunction<String> yLabel;
    private final List<Hit> hits = new ArrayList<>();
    private Theme theme = Theme.current();

    private record Hit(double x0, double y0, double x1, double y1, String tip) {
        boolean contains(double x, double y) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }
    }

    private MiniChart(Kind kind, List<Bar> bars, List<String> categories, List<Layer> layers, List<Line> lines,
                      DoubleFunction<String> xLabel, DoubleFunction<String> yLabel, String tip) {
        super(tip);
        this.kind = kind;
        this.bars = List.copyOf(bars);
        this.categories = List.copyOf(categories);
        this.layers = List.copyOf(layers);
        this.lines = List.copyOf(lines);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        getStyleClass().add("mini-chart");
        setMinSize(0, 0);
    }

    /** Bars from a zero line, up for gains and down for losses. */
    static MiniChart bars(List<Bar> bars, DoubleFunction<String> yLabel, String tip) {
        return new MiniChart(Kind.BARS, bars, bars.stream().map(Bar::label).toList(), List.of(), List.of(), null,
                yLabel, tip);
    }

    /** Bars stacked from zero, one bar per category. */
    static MiniChart stacked(List<String> categories, List<Layer> layers, DoubleFunction<String> yLabel, String tip) {
        for (Layer l : layers) {
            if (l.values().size() != categories.size()) {
                throw new IllegalArgumentException(l.name() + " has " + l.values().size() + " values for "
                        + categories.size() + " categories");
            }
        }
        return new MiniChart(Kind.STACKED, List.of(), categories, layers, List.of(), null, yLabel, tip);
    }

    /** Lines on a shared x axis, labelled at its two ends; the value axis spans the points, not zero. */
    static MiniChart lines(List<Line> lines, DoubleFunction<String> xLabel, DoubleFunction<String> yLabel,
                           String tip) {
        return new MiniChart(Kind.LINES, List.of(), List.of(), List.of(), lines, xLabel, yLabel, tip);
    }

    public Kind kind() {
        return kind;
    }

    public List<Bar> bars() {
        return bars;
    }

    public List<String> categories() {
        return categories;
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Line> lines() {
        return lines;
    }

    @Override
    public void applyTheme(Theme t) {
        theme = t;
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 280;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 140;
    }

    /** What hovering (x, y) names: the bar or layer under it, or the nearest point of a line within a few pixels. */
    @Override
    public Optional<String> tipAt(double x, double y) {
        Hit best = null;
        double bestD = Double.MAX_VALUE;
        for (Hit h : hits) {
            if (h.contains(x, y)) {
                double cx = (h.x0 + h.x1) / 2;
                double cy = (h.y0 + h.y1) / 2;
                double d = (cx - x) * (cx - x) + (cy - y) * (cy - y);
                if (d < bestD) {
                    bestD = d;
                    best = h;
                }
            }
        }
        return Optional.ofNullable(best).map(Hit::tip);
    }

    /**
     * Round tick values covering [lo, hi], at most about {@code max} of them: steps of 1, 2, 2.5 or 5 times a power
     * of ten, the first at or below lo and the last at or above hi.
     */
    static double[] ticks(double lo, double hi, int max) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / Math.max(1, max - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil(hi / step - 1e-9) * step;
        int n = (int) Math.round((last - first) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = first + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    static double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(Small.FONT);
        return t.getLayoutBounds().getWidth();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        hits.clear();
        if (w < 40 || h < 40) {
            return;
        }
        double lo = 0;
        double hi = 0;
        switch (kind) {
            case BARS -> {
                for (Bar b : bars) {
                    lo = Math.min(lo, b.value());
                    hi = Math.max(hi, b.value());
                }
            }
            case STACKED -> {
                for (int i = 0; i < categories.size(); i++) {
                    double sum = 0;
                    for (Layer l : layers) {
                        sum += Math.max(0, l.values().get(i));
                    }
                    hi = Math.max(hi, sum);
                }
            }
            case LINES -> {
                lo = Double.MAX_VALUE;
                hi = -Double.MAX_VALUE;
                for (Line l : lines) {
                    for (Point p : l.points()) {
                        lo = Math.min(lo, p.y());
                        hi = Math.max(hi, p.y());
                    }
                }
                if (lo > hi) {
                    return;
                }
            }
        }
        int count = Math.max(2, Math.min(6, (int) ((h - LABEL_H - TOP) / 18)));
        double[] ticks = ticks(lo, hi, count);
        double y0 = ticks[0];
        double y1 = ticks[ticks.length - 1];
        double labelW = 0;
        for (double t : ticks) {
            labelW = Math.max(labelW, textWidth(yLabel.apply(t)));
        }
        double left = Math.ceil(labelW) + 6;
        double plotW = w - left - RIGHT;
        double plotH = h - LABEL_H - TOP;
        DoubleFunction<Double> yAt = v -> TOP + (y1 - v) / (y1 - y0) * plotH;
        Theme.Colors c = theme.colors();
        g.setFont(Small.FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setLineWidth(1);
        for (double t : ticks) {
            double y = Math.round(yAt.apply(t)) + 0.5;
            g.setStroke(t == 0 ? c.tick() : c.grid());
            g.strokeLine(left, y, left + plotW, y);
            g.setFill(c.axisText());
            g.fillText(yLabel.apply(t), left - 4, y);
        }
        switch (kind) {
            case BARS -> drawBars(g, left, plotW, yAt, h);
            case STACKED -> drawStacked(g, left, plotW, yAt, h);
            case LINES -> drawLines(g, left, plotW, yAt, h);
        }
    }

    private void drawBars(GraphicsContext g, double left, double plotW, DoubleFunction<Double> yAt, double h) {
        double slot = plotW / Math.max(1, bars.size());
        double zero = yAt.apply(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = left + i * slot + slot * 0.15;
            double bw = slot * 0.7;
            double y = yAt.apply(b.value());
            double top = Math.min(y, zero);
            double height = Math.max(1, Math.abs(zero - y));
            g.setFill(b.colour());
            g.fillRect(x, top, bw, height);
            hits.add(new Hit(x, top - 3, x + bw, top + height + 3, b.tip()));
        }
        categoryLabels(g, left, slot, h);
    }

    private void drawStacked(GraphicsContext g, double left, double plotW, DoubleFunction<Double> yAt, double h) {
        double slot = plotW / Math.max(1, categories.size());
        for (int i = 0; i < categories.size(); i++) {
            double x = left + i * slot + slot * 0.15;
            double bw = slot * 0.7;
            double base = 0;
            for (Layer l : layers) {
                double v = Math.max(0, l.values().get(i));
                if (v == 0) {
                    continue;
                }
                double yTop = yAt.apply(base + v);
                double yBottom = yAt.apply(base);
                g.setFill(l.colour());
                g.fillRect(x, yTop, bw, Math.max(1, yBottom - yTop));
                hits.add(new Hit(x, yTop, x + bw, yBottom, categories.get(i) + ": " + l.name() + " "
                        + yLabel.apply(v)));
                base += v;
            }
        }
        categoryLabels(g, left, slot, h);
    }

    /** The categories under their bars, every other one (or fewer) when they would touch. */
    private void categoryLabels(GraphicsContext g, double left, double slot, double h) {
        double widest = 0;
        for (String s : categories) {
            widest = Math.max(widest, textWidth(s));
        }
        int every = Math.max(1, (int) Math.ceil((widest + 4) / slot));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(theme.colors().axisText());
        for (int i = 0; i < categories.size(); i += every) {
            g.fillText(categories.get(i), left + i * slot + slot / 2, h - LABEL_H / 2);
        }
    }

    private void drawLines(GraphicsContext g, double left, double plotW, DoubleFunction<Double> yAt, double h) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        for (Line l : lines) {
            for (Point p : l.points()) {
                x0 = Math.min(x0, p.x());
                x1 = Math.max(x1, p.x());
            }
        }
        double span = Math.max(1e-9, x1 - x0);
        double from = x0;
        DoubleFunction<Double> xAt = x -> left + (x - from) / span * plotW;
        for (Line l : lines) {
            g.setStroke(l.colour().apply(theme));
            g.setLineWidth(l.width());
            g.setLineDashes(l.dashed() ? new double[] {8, 5} : null);
            g.beginPath();
            for (int i = 0; i < l.points().size(); i++) {
                Point p = l.points().get(i);
                if (i == 0) {
                    g.moveTo(xAt.apply(p.x()), yAt.apply(p.y()));
                } else {
                    g.lineTo(xAt.apply(p.x()), yAt.apply(p.y()));
                }
                hits.add(new Hit(xAt.apply(p.x()) - 5, yAt.apply(p.y()) - 5, xAt.apply(p.x()) + 5,
                        yAt.apply(p.y()) + 5, p.tip()));
            }
            g.stroke();
        }
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
        // The x axis's two ends, inside the chart; the middle too when there is room.
        g.setFill(theme.colors().axisText());
        double labelY = h - LABEL_H / 2;
        String first = xLabel.apply(x0);
        String last = xLabel.apply(x1);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(first, left, labelY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(last, left + plotW, labelY);
        String middle = xLabel.apply((x0 + x1) / 2);
        double room = plotW - textWidth(first) - textWidth(last);
        if (room > textWidth(middle) + 24 && !middle.equals(first) && !middle.equals(last)) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(middle, left + plotW / 2, labelY);
        }
    }
}
