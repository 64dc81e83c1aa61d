package org.rareearth.dashboard.desktop.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Parts of a view put into its layout one frame after another when the view is first shown in a window, so that no
 * single pulse styles and lays out the whole view. JavaFX styles a control and makes its skin in the first pulse
 * that finds it in the scene, in code not yet compiled on a first showing: the timeline's three check lists alone
 * held the FX thread about 60 ms of a 100-200 ms first pulse (BENCHMARKS.md).
 *
 * <p>The first part is added right after the frame in which the view first showed has been handed to the render
 * thread, each next one after the frame of the one before, and the reveal is done after the frame of the last: work
 * that waits for it ({@link #whenDone}, a view's first content) then gets a pulse of its own. A view put in a scene
 * without a showing window (an export's card, a test's own stage before it is shown) gets all its parts at once.
 */
public final class Reveal {
    private final Node owner;
    private final Deque<Runnable> parts;
    private final List<Runnable> waiting = new ArrayList<>();
    private final ChangeListener<Scene> onScene = (o, was, scene) -> start(scene);
    private boolean started;
    private boolean inProgress;
    /** True while what waited for the parts runs: a part it adds comes a frame later, not at once. */
    private boolean draining;

    private Reveal(Node owner, List<Runnable> parts) {
        this.owner = owner;
        this.parts = new ArrayDeque<>(parts);
    }

    /**
     * Runs {@code parts} in order over the frames after {@code owner} is first shown in a window (each part adds
     * nodes to the view). Call on the FX thread, when {@code owner} is built.
     */
    public static Reveal afterFirstFrame(Node owner, Runnable... parts) {
        Reveal r = new Reveal(owner, List.of(parts));
        owner.sceneProperty().addListener(r.onScene);
        r.start(owner.getScene());
        return r;
    }

    private void start(Scene scene) {
        if (scene == null || started) {
            return;
        }
        started = true;
        owner.sceneProperty().removeListener(onScene);
        Window window = scene.getWindow();
        if (window == null || !window.isShowing()) {
            while (!parts.isEmpty()) {
                parts.poll().run();
            }
            return;
        }
        inProgress = true;
        afterFrameQueued(scene, () -> next(scene));
    }

    private void next(Scene scene) {
        if (!parts.isEmpty()) {
            parts.poll().run();
            afterFrameQueued(scene, () -> next(scene));
            return;
        }
        // What waited, in order; one that adds parts (then) holds the rest back until they are in.
        inProgress = false;
        draining = true;
        try {
            while (!waiting.isEmpty()) {
                waiting.remove(0).run();
                if (!parts.isEmpty()) {
                    inProgress = true;
                    afterFrameQueued(scene, () -> next(scene));
                    return;
                }
            }
        } finally {
            draining = false;
        }
    }

    /**
     * Adds {@code part} to come a frame after the parts before it. Once the view has been shown in a window that is
     * still showing, a part given after the reveal is done starts it again: it comes after the next frame, and what
     * waits for the reveal ({@link #whenDone}) then waits for it too. So work found only when a read is shown (a
     * table's first rows) can be spread over frames as well. Anywhere else (before the view's first showing, in a
     * scene without a showing window) the part runs at once.
     */
    public void then(Runnable part) {
        if (inProgress || draining) {
            parts.add(part);
            return;
        }
        Scene scene = owner.getScene();
        if (!started || scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            part.run();
            return;
        }
        parts.add(part);
        inProgress = true;
        afterFrameQueued(scene, () -> next(scene));
    }

    /** True from the view's first showing in a window until the frame after its last part has been queued. */
    public boolean inProgress() {
        return inProgress;
    }

    /** Runs {@code then} once the reveal is done: at once if it is not in progress, else in the order asked. */
    public void whenDone(Runnable then) {
        if (inProgress || draining && !parts.isEmpty()) {
            waiting.add(then);
        } else {
            then.run();
        }
    }

    /**
     * Runs {@code action} on the FX thread right after the next pulse of {@code scene}, outside it: by then that
     * pulse's frame has been handed to the render thread, which may still be painting it while the action runs.
     */
    public static void afterFrameQueued(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
