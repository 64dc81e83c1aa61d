package org.rareearth.dashboard.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;
import org.rareearth.dashboard.app.Services;

/** The JavaFX application: one main window on the services the launcher opened. */
public final class DashboardApp extends Application {
    private static volatile Services services;
    private static volatile java.nio.file.Path problemStore;
    private static volatile org.rareearth.dashboard.store.StoreException problem;

    private static volatile boolean exitAfterFirstFrame;

    /** For start-up benchmarks: print first-frame-ms and exit once the main window has been painted. */
    public static void exitAfterFirstFrame(boolean on) {
        exitAfterFirstFrame = on;
    }

    private static volatile java.util.concurrent.CompletableFuture<Services> opening;

    /** The store being opened in the background; {@link #start} waits for it (or offers a choice if it fails). */
    public static void opening(java.nio.file.Path db, java.util.concurrent.CompletableFuture<Services> future) {
        problemStore = db;
        opening = future;
    }

    /** The store could not be opened: the app starts with a choice instead of the main window. */
    public static void problem(java.nio.file.Path db, org.rareearth.dashboard.store.StoreException e) {
        problemStore = db;
        problem = e;
    }

    /** The store the app ended up on (after a recovery choice), to close on exit. */
    public static Services services() {
        return services;
    }

    /** Hands the opened store to the application before {@code Application.launch}. */
    public static void use(Services s) {
        services = s;
    }

    @Override
    public void start(Stage stage) {
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
                javafx.application.Platform.exit();
                return;
            }
            services = chosen.get();
        }
        MainWindow window = new MainWindow(Objects.requireNonNull(services, "no store was opened"), stage);
        window.show();
        if (exitAfterFirstFrame) {
            org.rareearth.dashboard.app.FirstFrame.exitAfterFirstFrame(stage.getScene());
        }
    }
}
