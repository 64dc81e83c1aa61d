package org.rareearth.dashboard.desktop.dashboard;

import java.util.Optional;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * A small drawing for a dashboard tile: one canvas that fills the region and is drawn again when its size changes,
 * and a tooltip that names what is under the pointer ({@link #tipAt}), else says what the drawing shows. One
 * canvas instead of a chart control's nodes keeps the dashboard's first frame short (BENCHMARKS.md).
 */
abstract class CanvasRegion extends Region {
    private final Canvas canvas = new Canvas();

    CanvasRegion(String generalTip) {
        getChildren().add(canvas);
        Tips.set(this, generalTip, tip -> tip.setShowDelay(Duration.millis(150)));
        setOnMouseMoved(e -> {
            Tips.built(this).ifPresent(tip -> tip.setText(tipAt(e.getX(), e.getY()).orElse(generalTip)));
            // The tile around the drawing has a tooltip of its own ("Click to open…"); JavaFX shows the last one a
            // move reaches, so the move stops here and the drawing's tooltip is the one shown over it.
            e.consume();
        });
    }

    /** What hovering (x, y) names, if anything there has a name. */
    public abstract Optional<String> tipAt(double x, double y);

    /** Draws everything on {@code g}: the cleared canvas, of {@code w} by {@code h}. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** Clears the canvas and draws it again (after a change of theme, say). */
    protected final void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        draw(g, w, h);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }
}
