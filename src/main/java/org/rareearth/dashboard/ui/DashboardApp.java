package org.rareearth.dashboard.ui;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rareearth.dashboard.app.FirstFrame;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.app.StartupTrace;

/**
 * The desktop application: one main window on the store the launcher opened. The launcher starts the JavaFX
 * toolkit early (while the command line is read and the store opens) and then calls {@link #start} on the
 * FX thread.
 */
public final class DashboardApp {
    /** With this system property set, the app prints content-ready-ms once the first view's content is painted. */
    public static final String EXIT_AFTER_CONTENT = "rare-earth-dashboard.exit-after-content";

    private static volatile Services services;
    private static volatile java.nio.file.Path problemStore;
    private static volatile org.rareearth.dashboard.store.StoreException problem;
    private static volatile boolean exitAfterFirstFrame;
    private static volatile java.util.concurrent.CompletableFuture<Services> opening;

    private DashboardApp() {}

    /** For start-up benchmarks: print first-frame-ms and exit once the main window has been painted. */
    public static void exitAfterFirstFrame(boolean on) {
        exitAfterFirstFrame = on;
    }

    /** The store being opened in the background; {@link #start} waits for it (or offers a choice if it fails). */
    public static void opening(java.nio.file.Path db, java.util.concurrent.CompletableFuture<Services> future) {
        problemStore = db;
        opening = future;
    }

    /** The store still being opened, if any (to close it when the window never opened). */
    public static java.util.Optional<java.util.concurrent.CompletableFuture<Services>> openingStore() {
        return java.util.Optional.ofNullable(opening);
    }

    /** The store the app ended up on (after a recovery choice), to close on exit. */
    public static Services services() {
        return services;
    }

    /**
     * Loads, on the idle FX thread while the store is still opening, what the first frame will need: the icon
     * font, the stylesheets and the control classes of the window's chrome. Nothing shown, nothing kept.
     */
    public static void warmUp() {
        var icon = new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.DASHBOARD);
        var menu = new javafx.scene.control.MenuBar(new javafx.scene.control.Menu("File"));
        var tool = new javafx.scene.control.ToolBar(new javafx.scene.control.Button("Import", icon));
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(menu, tool,
                new javafx.scene.control.ToggleButton("Dashboard"), new javafx.scene.control.Label("Store"),
                new javafx.scene.control.Hyperlink("Details"));
        Scene scene = new Scene(box, 400, 300);
        scene.getStylesheets().setAll(org.rareearth.dashboard.ui.common.Theme.current().stylesheets());
        box.applyCss();
        box.layout();
        StartupTrace.mark("warmed up");
    }

    /**
     * Opens the main window on {@code stage} (FX thread). {@code onClosed} runs when the app is done: the main
     * window was closed, or the user quit at a store problem.
     */
    public static void start(Stage stage, Runnable onClosed) {
        if (services == null && opening != null) {
            try {
                services = opening.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof org.rareearth.dashboard.store.StoreException se) {
                    System.err.println("error: " + se.getMessage());
                    problem = se;
                } else {
                    throw e;
                }
            }
        }
        if (services == null && problem != null) {
            java.util.Optional<Services> chosen = StoreProblemDialog.resolve(problemStore, problem);
            if (chosen.isEmpty()) {
                onClosed.run();
                return;
            }
            services = chosen.get();
        }
        StartupTrace.mark("store joined");
        MainWindow window = new MainWindow(Objects.requireNonNull(services, "no store was opened"), stage, true);
        StartupTrace.mark("window built");
        stage.setOnHidden(e -> onClosed.run());
        boolean exitAfterContent = System.getProperty(EXIT_AFTER_CONTENT) != null;
        window.showProgressively(() -> {
            StartupTrace.mark("content built");
            if (exitAfterContent) {
                FirstFrame.exitAfterNextFrame(stage.getScene(), "content-ready-ms");
            }
        });
        StartupTrace.mark("window shown");
        if (exitAfterFirstFrame) {
            FirstFrame.exitAfterFirstFrame(stage.getScene());
        }
    }
}
