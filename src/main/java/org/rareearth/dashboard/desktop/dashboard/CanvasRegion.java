package org.rareearth.dashboard.desktop.dashboard;

import java.util.Optional;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A small drawing for a dashboard tile: one canvas that fills the region and is drawn again when its size changes,
 * and a tooltip that names what is under the pointer ({@link #tipAt}), else says what the drawing shows. One
 * canvas instead of a chart control's nodes keeps the dashboard's first frame short (BENCHMARKS.md).
 */
abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    CanvasRegion(String generalTip) {
        getChildren().add(canvas);
        Tooltip tip = new Tooltip(generalTip);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> tip.setText(tipAt(e.getX(), e.getY()).orElse(generalTip)));
    }

    /** What hovering (x, y) names, if anything there has a name. */
    public abstract Optional<String> tipAt(double x, double y);

    /** Draws everything on {@link #canvas}, at its current size. */
    protected abstract void draw();

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }
}
