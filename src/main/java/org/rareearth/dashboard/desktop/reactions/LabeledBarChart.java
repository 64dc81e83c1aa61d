package org.rareearth.dashboard.desktop.reactions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;

/** A bar chart that writes each bar's value above it (below it for a negative bar). */
final class LabeledBarChart extends BarChart<String, Number> {
    private final Map<XYChart.Data<String, Number>, Text> labels = new HashMap<>();

    LabeledBarChart(Axis<String> x, Axis<Number> y) {
        super(x, y);
    }

    @Override
    protected void seriesRemoved(Series<String, Number> series) {
        for (XYChart.Data<String, Number> d : series.getData()) {
            Text t = labels.remove(d);
            if (t != null) {
                getPlotChildren().remove(t);
            }
        }
        super.seriesRemoved(series);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        for (Series<String, Number> s : getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Node bar = d.getNode();
                if (bar == null) {
                    continue;
                }
                Text t = labels.computeIfAbsent(d, k -> {
                    Text text = new Text();
                    text.getStyleClass().add("bar-value");
                    getPlotChildren().add(text);
                    return text;
                });
                double v = d.getYValue().doubleValue();
                t.setText(String.format(Locale.ROOT, "%+.1f%%", v));
                double w = t.prefWidth(-1);
                double x = bar.getBoundsInParent().getMinX() + (bar.getBoundsInParent().getWidth() - w) / 2;
                double y = v >= 0 ? bar.getBoundsInParent().getMinY() - 4 : bar.getBoundsInParent().getMaxY() + 12;
                t.relocate(x, y - t.getBaselineOffset());
                t.setVisible(bar.isVisible());
            }
        }
    }
}
