package org.rareearth.dashboard.desktop;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import org.rareearth.dashboard.desktop.common.FxPinger;
import org.rareearth.dashboard.desktop.data.DataView;

/**
 * The start-up archive's training run of the window ({@code make-class-archive}, with the system property
 * {@link DashboardApp#EXIT_AFTER_VIEWS}): once the view in front has its content painted, every other view is shown
 * in turn, each once its read has answered and its frame has been painted, and then the app prints
 * {@code views-shown-ms: N} and exits. Each view shown prints {@code view-shown: TITLE; longest FX wait N ms}: the
 * longest a task posted to the FX thread waited from the view's showing to its painted frame ({@link FxPinger}), its
 * first showing in a newly started app.
 *
 * <p>Why: the archive holds the classes a training run loads. Trained on the dashboard alone, the first showing of
 * each other view loaded its classes from the jar on the FX thread (charts, tables, their skins): about 1,850 in
 * a tour of the views, against 169 with this training.
 */
final class ViewTour {
    private final MainWindow window;
    private final Scene scene;
    private final List<String> titles;

    private final FxPinger pinger = new FxPinger();

    private ViewTour(MainWindow window, Scene scene) {
        this.window = window;
        this.scene = scene;
        this.titles = window.viewTitles().stream().filter(t -> !t.equals(window.currentView())).toList();
    }

    /** Starts the tour of {@code window}, whose scene is {@code scene} (FX thread; the view in front is read). */
    static void start(MainWindow window, Scene scene) {
        new ViewTour(window, scene).step(0);
    }

    private void step(int i) {
        if (i == titles.size()) {
            // The Data view makes the forms most likely to open next after its read, a step an event: the tour
            // waits for them, so that their controls' classes (text areas, date pickers) are in the archive
            // whatever the machine's speed.
            DataView data = (DataView) window.view(DataView.TITLE);
            data.whenFormsPrepared(() -> {
                System.out.printf(Locale.ROOT, "forms-made-ahead: %d%n", data.formsKept());
                try {
                    pinger.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FirstFrame.exitAfterNextFrame(scene, "views-shown-ms");
            });
            return;
        }
        String title = titles.get(i);
        pinger.takeLongest();
        window.show(title);
        // The view's own listener, added when it was made, builds its content before this one runs.
        window.view(title).whenLoaded(() -> FirstFrame.whenNextFramePainted(scene, () -> {
            System.out.printf(Locale.ROOT, "view-shown: %s; longest FX wait %.0f ms%n", title,
                    pinger.takeLongest() / 1e6);
            step(i + 1);
        }));
    }
}
