package org.rareearth.dashboard.desktop.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.rareearth.dashboard.analytics.Downsample;

/** Line charts of long daily series: reduced (largest-triangle-three-buckets) to about two points per pixel. */
public final class SeriesCharts {
    private SeriesCharts() {}

    /** A number axis of epoch days whose ticks read as dates ("10 Jul 2025"). */
    public static NumberAxis dateAxis() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.DAY.format(LocalDate.ofEpochDay(Math.round(n.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        return x;
    }

    /** A line chart with a date axis (epoch days), no symbols, no animation. */
    public static LineChart<Number, Number> dateChart(String yLabel) {
        NumberAxis x = dateAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel(yLabel);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.setLegendVisible(false);
        return c;
    }

    /** The series reduced to at most {@code maxPoints} points, shape kept. */
    public static XYChart.Series<Number, Number> reduced(String name, double[] x, double[] y, int maxPoints) {
        int[] keep = Downsample.lttb(x, y, maxPoints);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(keep.length);
        for (int i : keep) {
            data.add(new XYChart.Data<>(x[i], y[i]));
        }
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(data);
        return s;
    }
}
