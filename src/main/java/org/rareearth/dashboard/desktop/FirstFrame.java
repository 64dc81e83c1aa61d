package org.rareearth.dashboard.desktop;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Frame timing. {@code --exit-after-first-frame}: once the first frame of a window has been painted, print
 * {@code first-frame-ms: N} (milliseconds since the JVM started) and exit. A pulse waits for the previous
 * frame to finish rendering, so the second pulse after the window is shown marks the first frame as painted.
 */
public final class FirstFrame {
    private FirstFrame() {}

    public static void exitAfterFirstFrame(Scene scene) {
        exitAfterNextFrame(scene, "first-frame-ms");
    }

    /** Prints {@code NAME: N} (ms since the JVM started) once the next frame of {@code scene} is painted, then exits. */
    public static void exitAfterNextFrame(Scene scene, String name) {
        onNextFrame(scene, () -> {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(name + ": " + ms);
            System.out.flush();
            Platform.runLater(() -> System.exit(0));
        });
    }

    /** Runs {@code action} on the FX thread once the next frame of {@code scene} has been painted. */
    public static void afterNextFrame(Scene scene, Runnable action) {
        // Outside the pulse: the action may change the scene graph.
        onNextFrame(scene, () -> Platform.runLater(action));
    }

    /** Runs {@code action} inside the pulse that follows the painting of the next frame. */
    private static void onNextFrame(Scene scene, Runnable action) {
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
}
