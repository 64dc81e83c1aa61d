package org.rareearth.dashboard.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code --exit-after-first-frame}: once the first frame of a window has been painted, print
 * {@code first-frame-ms: N} (milliseconds since the JVM started) and exit. A pulse waits for the previous
 * frame to finish rendering, so the second pulse after the window is shown marks the first frame as painted.
 */
public final class FirstFrame {
    private FirstFrame() {}

    public static void exitAfterFirstFrame(Scene scene) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] == 2) {
                scene.removePostLayoutPulseListener(listener[0]);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first-frame-ms: " + ms);
                System.out.flush();
                Platform.runLater(() -> System.exit(0));
            } else {
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
