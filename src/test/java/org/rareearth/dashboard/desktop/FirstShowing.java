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
 * A view's first showing in a window of its own, looked at twice with the same probe: in its first frame (inside
 * the pulse that laid it out, before anything later runs) and once it has read and put all its parts in.
 */
public final class FirstShowing {
    /**
     * What the probe saw in the first frame, whether the view was still reading then, what it saw when the view said
     * it was loaded ({@link View#whenLoaded}), and at the end.
     */
    public record Seen(List<Object> firstFrame, boolean readingWhenShown, List<Object> whenLoaded,
            List<Object> settled) {
    }

    private FirstShowing() {}

    /** Makes a view, shows it in a new window, refreshes it, and probes it. Call from the test thread. */
    public static Seen of(FxRobot robot, Supplier<View> make, Function<Scene, List<Object>> probe)
            throws Exception {
        View[] made = new View[1];
        Object[] first = new Object[1];
        Object[] loaded = new Object[1];
        boolean[] reading = new boolean[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            made[0] = make.get();
            stage[0] = new Stage();
            Scene scene = new Scene(new StackPane(), 1280, 800);
            stage[0].setScene(scene);
            stage[0].show();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                first[0] = probe.apply(scene);
            };
            scene.addPostLayoutPulseListener(once[0]);
            ((StackPane) scene.getRoot()).getChildren().add(made[0].node());
            made[0].refresh();
            reading[0] = made[0].isReading();
            made[0].whenLoaded(() -> loaded[0] = probe.apply(scene));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> first[0] != null && loaded[0] != null && !made[0].isReading()).get());
        Object[] settled = new Object[1];
        robot.interact(() -> {
            Scene scene = stage[0].getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            settled[0] = probe.apply(scene);
            stage[0].hide();
        });
        @SuppressWarnings("unchecked")
        Seen seen = new Seen((List<Object>) first[0], reading[0], (List<Object>) loaded[0], (List<Object>) settled[0]);
        return seen;
    }
}
