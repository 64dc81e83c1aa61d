package org.rareearth.dashboard.desktop.export;

import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import org.rareearth.dashboard.io.PngEncoder;

/**
 * Renders a view's chart for publication: title, subtitle, the chart, and a source footnote, at an exact size
 * and scale, in a light or dark theme. Rendering happens on the FX thread; encoding does not.
 */
public final class ChartExporter {
    public static final String CSS = "/org/rareearth/dashboard/desktop/app.css";

    /** Rendered pixels, ready to encode off the FX thread. */
    public record Pixels(int[] argb, int width, int height, double dpi) {
        public byte[] png() {
            return PngEncoder.encode(argb, width, height, dpi);
        }

        public void writePng(Path target) throws IOException {
            PngEncoder.write(argb, width, height, dpi, target);
        }
    }

    private ChartExporter() {}

    /** The card that is rendered: the chart between its title and its footnote. Call on the FX thread. */
    public static Region card(ExportSpec spec, ExportOptions o) {
        Label title = new Label(o.title() == null ? spec.title() : o.title());
        title.getStyleClass().add("export-title");
        title.setWrapText(true);
        Label subtitle = new Label(o.subtitle() == null ? spec.subtitle() : o.subtitle());
        subtitle.getStyleClass().add("export-subtitle");
        subtitle.setWrapText(true);
        Region content = spec.content().get();
        VBox.setVgrow(content, Priority.ALWAYS);
        content.setMinHeight(0);
        Label foot = new Label(o.footnote() == null ? spec.footnote(12) : o.footnote());
        foot.getStyleClass().add("export-footnote");
        foot.setWrapText(true);
        foot.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(6, title, subtitle, content, foot);
        if (subtitle.getText() == null || subtitle.getText().isBlank()) {
            card.getChildren().remove(subtitle);
        }
        card.setPadding(new Insets(18, 22, 14, 22));
        card.getStyleClass().addAll("export-card", o.theme() == ExportOptions.Theme.DARK ? "export-dark"
                : "export-light");
        // Nothing in a picture takes focus (a focused tile or canvas would be drawn with its focus ring).
        noFocus(card);
        // Tiles and canvases take the export's theme, whatever the window's.
        (o.theme() == ExportOptions.Theme.DARK ? org.rareearth.dashboard.desktop.common.Theme.DARK
                : org.rareearth.dashboard.desktop.common.Theme.LIGHT).applyTo(card);
        card.setPrefSize(o.width(), o.height());
        card.setMinSize(o.width(), o.height());
        card.setMaxSize(o.width(), o.height());
        return card;
    }

    private static void noFocus(javafx.scene.Node n) {
        if (!n.focusTraversableProperty().isBound()) {
            n.setFocusTraversable(false);
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(ChartExporter::noFocus);
        }
    }

    /** Lays the card out in its own scene and snapshots it at the scale. Call on the FX thread. */
    public static Pixels render(ExportSpec spec, ExportOptions o) {
        Region card = card(spec, o);
        Scene scene = new Scene(card, o.width(), o.height());
        scene.getStylesheets().add(ChartExporter.class.getResource(CSS).toExternalForm());
        card.applyCss();
        card.layout();
        // A second pass: charts size their axes from the first layout.
        card.applyCss();
        card.layout();
        return snapshot(card, o);
    }

    /**
     * Renders from a background thread, through a few real frames of a hidden window first: some controls (the
     * dashboard's tiles) size their text only when frames are drawn. Must not be called on the FX thread.
     */
    public static Pixels renderSettled(ExportSpec spec, ExportOptions o) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("renderSettled waits for frames: call it from a background thread");
        }
        javafx.stage.Stage stage = org.rareearth.dashboard.desktop.FxRuntime.call(() -> {
            Region card = card(spec, o);
            Scene scene = new Scene(card, o.width(), o.height());
            scene.getStylesheets().add(ChartExporter.class.getResource(CSS).toExternalForm());
            javafx.stage.Stage s = new javafx.stage.Stage(javafx.stage.StageStyle.UTILITY);
            s.setOpacity(0);
            s.setX(-4 * o.width());
            s.setY(-4 * o.height());
            s.setScene(scene);
            s.show();
            return s;
        });
        try {
            for (int i = 0; i < 3; i++) {
                org.rareearth.dashboard.desktop.FxRuntime.call(() -> {
                    javafx.application.Platform.requestNextPulse();
                    return null;
                });
                Thread.sleep(30);
            }
            return org.rareearth.dashboard.desktop.FxRuntime.call(() -> {
                return snapshot((Region) stage.getScene().getRoot(), o);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } finally {
            org.rareearth.dashboard.desktop.FxRuntime.call(() -> {
                stage.hide();
                return null;
            });
        }
    }

    private static Pixels snapshot(Region card, ExportOptions o) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(o.scale(), o.scale()));
        params.setFill(o.theme() == ExportOptions.Theme.DARK ? Color.web("#1e2126") : Color.WHITE);
        int w = o.pixelWidth();
        int h = o.pixelHeight();
        params.setViewport(new Rectangle2D(0, 0, w, h));
        WritableImage image = card.snapshot(params, new WritableImage(w, h));
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(argb, w, h, o.dpi());
    }
}
