package org.rareearth.dashboard.desktop;

import org.rareearth.dashboard.desktop.common.Reveal;
import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.shape.Rectangle;

/**
 * Frame timing. {@code --exit-after-first-frame}: once the first frame of a window has been painted, print
 * {@code first-frame-ms: N} (milliseconds since the JVM started) and exit.
 *
 * <p>"Painted" means the render thread has finished drawing the frame, not only that the FX thread has handed it
 * over: a pulse styles and lays out the scene, copies it to the render graph and queues the frame's painting on the
 * render thread, and the FX thread goes on while that thread paints (with the software pipeline, a full window takes
 * tens of milliseconds). A later pulse does not wait for that painting unless it has something new to draw.
 */
public final class FirstFrame {
    private FirstFrame() {}

    public static void exitAfterFirstFrame(Scene scene) {
        exitAfterNextFrame(scene, "first-frame-ms");
    }

    /** Prints {@code NAME: N} (ms since the JVM started) once the next frame of {@code scene} is painted, then exits. */
    public static void exitAfterNextFrame(Scene scene, String name) {
        whenNextFramePainted(scene, () -> {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(name + ": " + ms);
            System.out.flush();
            Platform.runLater(() -> System.exit(0));
        });
    }

    /**
     * Runs {@code action} on the FX thread after the second pulse from now, outside the pulse (the action may change
     * the scene graph). By then the next frame of {@code scene} has been handed to the render thread, and a small
     * frame has been painted; a large one may still be painting, which this does not wait for (so the FX thread is
     * never held up by it).
     */
    public static void afterNextFrame(Scene scene, Runnable action) {
        onSecondPulse(scene, () -> Platform.runLater(action));
    }

    private static void onSecondPulse(Scene scene, Runnable action) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] == 2) {
                scene.removePostLayoutPulseListener(listener[0]);
                action.run();
            } else {
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * Runs {@code action} on the FX thread once the next frame of {@code scene} has been painted. Right after the
     * pulse that queued that frame's painting on the render thread ({@link Reveal#afterFrameQueued}), a one-pixel
     * snapshot is rendered on the same thread after the frame, so it returns once the frame is painted. (Only for
     * timing: the FX thread waits for the render thread.)
     */
    static void whenNextFramePainted(Scene scene, Runnable action) {
        Reveal.afterFrameQueued(scene, () -> {
            new Rectangle(1, 1).snapshot(null, null);
            action.run();
        });
    }
}
