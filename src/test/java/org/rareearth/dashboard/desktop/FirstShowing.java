package org.rareearth.dashboard.desktop;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.common.View;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A view's first showing in a window of its own, looked at with the same probe in each frame (inside the pulse that
 * laid it out, before anything later runs) until it has read and put all its parts in, and then once more.
 */
public final class FirstShowing {
    /**
     * What the probe saw in each frame until the view said it was loaded ({@link View#whenLoaded}; the first frame
     * whatever it said), whether the view
     * was still reading when shown, what the probe saw at that moment, and at the end.
     */
    public record Seen(List<List<Object>> frames, boolean readingWhenShown, List<Object> whenLoaded,
            List<Object> settled) {
        /** What the probe saw in the first frame. */
        public List<Object> firstFrame() {
            return frames.get(0);
        }
    }

    private FirstShowing() {}

    /** Makes a view, shows it in a new window, refreshes it, and probes it. Call from the test thread. */
    public static Seen of(FxRobot robot, Supplier<View> make, Function<Scene, List<Object>> probe)
            throws Exception {
        View[] made = new View[1];
        List<List<Object>> frames = new java.util.ArrayList<>();
        Object[] loaded = new Object[1];
        boolean[] reading = new boolean[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            made[0] = make.get();
            stage[0] = new Stage();
            Scene scene = new Scene(new StackPane(), 1280, 800);
            org.rareearth.dashboard.desktop.common.Theme.current().applyTo(scene); // the app's style sheets
            stage[0].setScene(scene);
            stage[0].show();
            Runnable[] each = new Runnable[1];
            each[0] = () -> {
                if (loaded[0] != null && !frames.isEmpty()) {
                    scene.removePostLayoutPulseListener(each[0]);
                } else {
                    frames.add(probe.apply(scene));
                }
            };
            scene.addPostLayoutPulseListener(each[0]);
            ((StackPane) scene.getRoot()).getChildren().add(made[0].node());
            made[0].refresh();
            reading[0] = made[0].isReading();
            made[0].whenLoaded(() -> loaded[0] = probe.apply(scene));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !frames.isEmpty() && loaded[0] != null && !made[0].isReading()).get());
        Object[] settled = new Object[1];
        robot.interact(() -> {
            Scene scene = stage[0].getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            settled[0] = probe.apply(scene);
            stage[0].hide();
        });
        @SuppressWarnings("unchecked")
        Seen seen = new Seen(List.copyOf(frames), reading[0], (List<Object>) loaded[0], (List<Object>) settled[0]);
        return seen;
    }
}
