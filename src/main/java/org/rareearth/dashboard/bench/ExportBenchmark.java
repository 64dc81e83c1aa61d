package org.rareearth.dashboard.bench;

import org.rareearth.dashboard.desktop.export.*;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.bench.Bench;

/**
 * A 1920×1080 export at 2× of the price-gap chart: the app's export (snapshot, pixels read, PNG encoded off the
 * FX thread with fast deflate) against a plain snapshot written with SwingFXUtils and ImageIO's default PNG writer.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {}

    public static void run(Bench bench, Path work) throws Exception {
        FxRuntime.start();
        Path db = work.resolve("export-bench.db");
        try (Workspace services = Workspace.open(db)) {
            ExportSpec spec = FxRuntime.call(() -> Charts.view("gap", services).exportSpec());
            ExportOptions o = new ExportOptions(1920, 1080, 2, ExportOptions.Theme.LIGHT, null, null, null);
            Path ours = work.resolve("ours.png");
            Path plain = work.resolve("plain.png");
            double[] oursMs = bench.timeSelf("export-png-1920x1080-2x", 2, 9, () -> {
                long t0 = System.nanoTime();
                ChartExporter.Pixels px = FxRuntime.call(() -> ChartExporter.render(spec, o));
                try {
                    px.writePng(ours);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - t0) / 1e6;
            });
            double[] plainMs = bench.timeSelf("baseline-snapshot-imageio-1920x1080-2x", 2, 9, () -> {
                long t0 = System.nanoTime();
                WritableImage img = FxRuntime.call(() -> {
                    Region card = ChartExporter.card(spec, o);
                    Scene scene = new Scene(card, o.width(), o.height());
                    scene.getStylesheets().add(ChartExporter.class.getResource(ChartExporter.CSS).toExternalForm());
                    card.applyCss();
                    card.layout();
                    card.applyCss();
                    card.layout();
                    SnapshotParameters p = new SnapshotParameters();
                    p.setTransform(new Scale(2, 2));
                    p.setViewport(new Rectangle2D(0, 0, o.pixelWidth(), o.pixelHeight()));
                    return card.snapshot(p, null);
                });
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", plain.toFile());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - t0) / 1e6;
            });
            bench.add(new Bench.Figure("export-png-vs-baseline", median(oursMs) / median(plainMs), "x",
                    "budget: at most 0.75; files " + Files.size(ours) / 1024 + " KiB vs " + Files.size(plain) / 1024
                            + " KiB"));
        }
    }

    private static double median(double[] sortedMs) {
        return sortedMs[sortedMs.length / 2];
    }
}
