package org.rareearth.dashboard.bench;

import org.rareearth.dashboard.desktop.common.*;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.bench.Bench;
import org.rareearth.dashboard.bench.ImportBenchmark;

/**
 * Long series: a 1,000,000-point series reduced and drawn, against a plain LineChart given 10,000 and 100,000
 * points; and a 5,000-bar series loaded from the store, against a bare JDBC read of the same rows.
 */
public final class SeriesBenchmark {
    private SeriesBenchmark() {}

    public static void run(Bench bench, Path work) throws Exception {
        FxRuntime.start();
        double[] x = new double[1_000_000];
        double[] y = new double[x.length];
        Random r = new Random(3);
        double p = 100;
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            p *= 1 + 0.01 * r.nextGaussian();
            y[i] = p;
        }
        bench.timeSelf("series-1m-points-to-screen", 2, 9, () -> Bench.onFx(() -> {
            LineChart<Number, Number> c = SeriesCharts.dateChart("price");
            c.getData().add(SeriesCharts.reduced("s", x, y, 3200));
            render(c);
        }));
        for (int n : new int[] {10_000, 100_000}) {
            bench.timeSelf("baseline-plain-linechart-" + n / 1000 + "k-points", 1, 3, () -> Bench.onFx(() -> {
                LineChart<Number, Number> c = SeriesCharts.dateChart("price");
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                List<XYChart.Data<Number, Number>> data = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    data.add(new XYChart.Data<>(x[i], y[i]));
                }
                s.getData().setAll(data);
                c.getData().add(s);
                render(c);
            }));
        }

        zoomAndPan(bench, x, y);

        Path csv = ImportBenchmark.writeLongFile(work.resolve("one.csv"), 1, 5000);
        Path db = work.resolve("series.db");
        try (Workspace s = Workspace.open(db)) {
            PriceImportService.run(s.store(), csv, new PriceImportService.Options(null, false, true, null, null, null));
            bench.time("load-5000-bars", 5, 41, () -> s.priceBars.forSymbol("SYN00"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT b.date, b.close FROM price_bar b JOIN security s"
                     + " ON s.id = b.security_id WHERE s.symbol = ? ORDER BY b.date")) {
            bench.time("baseline-jdbc-read-5000-rows", 5, 41, () -> {
                try {
                    ps.setString(1, "SYN00");
                    try (ResultSet rs = ps.executeQuery()) {
                        double sum = 0;
                        while (rs.next()) {
                            sum += rs.getDouble(2) + rs.getString(1).length();
                        }
                        if (sum == 0) {
                            throw new IllegalStateException("no rows");
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * One zoom step and one pan step on the 1,000,000-point series through {@link SeriesZoom} (the points in view
     * reduced anew, then the chart laid out), at 1600×900; against the same steps on a plain LineChart holding
     * 100,000 points, where only the axis bounds change. Each also with the frame rendered (a snapshot).
     */
    private static void zoomAndPan(Bench bench, double[] x, double[] y) {
        LineChart<Number, Number> chart = SeriesCharts.dateChart("price");
        SeriesZoom zoom = new SeriesZoom(chart);
        StackPane root = new StackPane(chart);
        FxRuntime.call(() -> {
            new Scene(root, 1600, 900);
            root.applyCss();
            zoom.setSeries("s", x, y);
            root.layout();
            // From a tenth of the series in view: about 100,000 points to reduce at each step.
            zoom.zoom(0.1, x[x.length / 2]);
            root.layout();
            return null;
        });
        boolean[] in = {true};
        Runnable zoomStep = () -> {
            double middle = (zoom.visibleFrom() + zoom.visibleTo()) / 2;
            zoom.zoom(in[0] ? SeriesZoom.STEP : 1 / SeriesZoom.STEP, middle);
            in[0] = !in[0];
            root.layout();
        };
        boolean[] later = {true};
        Runnable panStep = () -> {
            zoom.pan((later[0] ? 0.1 : -0.1) * (zoom.visibleTo() - zoom.visibleFrom()));
            later[0] = !later[0];
            root.layout();
        };
        // The Data view's path: the chart is on screen and a security with 1,000,000 closes is picked.
        double[] other = y.clone();
        for (int i = 0; i < other.length; i++) {
            other[i] *= 1.5;
        }
        boolean[] flip = {true};
        bench.timeSelf("series-1m-new-series-on-chart-to-screen", 2, 9, () -> Bench.onFx(() -> {
            zoom.setSeries("s", x, flip[0] ? other : y);
            flip[0] = !flip[0];
            root.layout();
            root.snapshot(null, null);
        }));
        FxRuntime.call(() -> {
            zoom.zoom(0.1, x[x.length / 2]);
            root.layout();
            return null;
        });
        bench.timeSelf("series-1m-zoom-step", 3, 21, () -> Bench.onFx(zoomStep));
        bench.timeSelf("series-1m-pan-step", 3, 21, () -> Bench.onFx(panStep));
        bench.timeSelf("series-1m-zoom-step-render", 2, 11, () -> Bench.onFx(() -> {
            zoomStep.run();
            root.snapshot(null, null);
        }));
        bench.timeSelf("series-1m-pan-step-render", 2, 11, () -> Bench.onFx(() -> {
            panStep.run();
            root.snapshot(null, null);
        }));

        LineChart<Number, Number> plain = SeriesCharts.dateChart("price");
        StackPane plainRoot = new StackPane(plain);
        int n = 100_000;
        FxRuntime.call(() -> {
            new Scene(plainRoot, 1600, 900);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                data.add(new XYChart.Data<>(x[i], y[i]));
            }
            s.getData().setAll(data);
            plain.getData().add(s);
            plainRoot.applyCss();
            plainRoot.layout();
            javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) plain.getXAxis();
            axis.setAutoRanging(false);
            axis.setLowerBound(0);
            axis.setUpperBound(n / 10.0);
            axis.setTickUnit(SeriesZoom.tickUnit(n / 10.0));
            plainRoot.layout();
            return null;
        });
        boolean[] plainIn = {true};
        bench.timeSelf("baseline-plain-linechart-100k-zoom-step", 2, 11, () -> Bench.onFx(() -> {
            javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) plain.getXAxis();
            double width = (axis.getUpperBound() - axis.getLowerBound()) * (plainIn[0] ? SeriesZoom.STEP : 1 / SeriesZoom.STEP);
            plainIn[0] = !plainIn[0];
            axis.setUpperBound(axis.getLowerBound() + width);
            plainRoot.layout();
        }));
    }

    private static void render(LineChart<Number, Number> c) {
        StackPane root = new StackPane(c);
        new Scene(root, 1600, 900);
        root.applyCss();
        root.layout();
        root.snapshot(null, null);
    }
}
