package org.rareearth.dashboard.desktop;

import org.rareearth.dashboard.desktop.common.Reveal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.FirstFrame;
import org.rareearth.dashboard.service.DashboardSummary;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.service.StartupTrace;
import org.rareearth.dashboard.desktop.common.Theme;

/**
 * The desktop application: one main window on the store the launcher opened. The launcher starts the JavaFX
 * toolkit early (while the command line is read and the store opens) and then calls {@link #start} on the
 * FX thread.
 */
public final class DashboardApp {
    /** With this system property set, the app prints content-ready-ms once the first view's content is painted. */
    public static final String EXIT_AFTER_CONTENT = "rare-earth-dashboard.exit-after-content";
    /** With this system property set, the app prints chrome-ready-ms once its menus, toolbar and navigation are painted. */
    public static final String EXIT_AFTER_CHROME = "rare-earth-dashboard.exit-after-chrome";
    /**
     * With this system property set, the app shows every view once after the first (the start-up archive's training
     * run, {@link ViewTour}), prints views-shown-ms and exits.
     */
    public static final String EXIT_AFTER_VIEWS = "rare-earth-dashboard.exit-after-views";

    private static volatile Workspace services;
    private static volatile org.rareearth.dashboard.store.StoreLocation storePath;
    private static volatile boolean exitAfterFirstFrame;
    private static volatile java.util.concurrent.CompletableFuture<Workspace> opening;

    private DashboardApp() {}

    /** For start-up benchmarks: print first-frame-ms and exit once the main window has been painted. */
    public static void exitAfterFirstFrame(boolean on) {
        exitAfterFirstFrame = on;
    }

    /**
     * The store being opened in the background: {@link #start} shows the window's opening state until it is open
     * (or offers a choice over the window if it cannot be).
     */
    public static void opening(org.rareearth.dashboard.store.StoreLocation db, java.util.concurrent.CompletableFuture<Workspace> future) {
        opening(db, future, null);
    }

    /**
     * As above, with the dashboard's read of that store already started ({@code dashboardRead}; it gives null when the
     * window does not open on the dashboard): the window takes it if it opens on that store (not on one chosen after
     * a store problem).
     */
    public static void opening(org.rareearth.dashboard.store.StoreLocation db, CompletableFuture<Workspace> future,
                               CompletableFuture<DashboardSummary> dashboardRead) {
        storePath = db;
        opening = future;
        earlyDashboardRead = dashboardRead;
    }

    private static volatile CompletableFuture<DashboardSummary> earlyDashboardRead;

    /** The store still being opened, if any (to close it when the window never opened). */
    public static java.util.Optional<java.util.concurrent.CompletableFuture<Workspace>> openingStore() {
        return java.util.Optional.ofNullable(opening);
    }

    /** The store the app ended up on (after a recovery choice, or File > Open store), to close on exit. */
    public static Workspace services() {
        return services;
    }

    /** The window now works on {@code now} (File > Open store): it is the one closed on exit. */
    static void switchedTo(Workspace now) {
        services = now;
    }

    /**
     * Opens the main window on {@code stage} (FX thread). The window appears at once in its opening state (see
     * {@link OpeningFrame}) while the store opens; its menus, toolbar, navigation and the view in front replace
     * that state once the store is open, and the view fills in when its read answers. {@code onClosed} runs when
     * the app is done: the main window was closed, or the user quit at a store problem. {@code onFailed} is told
     * when the window's controls could not be built (the window is then closed, and {@code onClosed} runs too).
     */
    public static void start(Stage stage, Runnable onClosed, java.util.function.Consumer<RuntimeException> onFailed) {
        org.rareearth.dashboard.store.StoreLocation db = Objects.requireNonNull(storePath, "no store is being opened");
        java.util.concurrent.CompletableFuture<Workspace> store = opening;
        WindowState state = new WindowState(org.rareearth.dashboard.service.AppPaths.home().resolve("window.properties"));
        Theme.currentProperty().set(Theme.parse(state.theme()).orElse(Theme.LIGHT));
        Scene first = new Scene(OpeningFrame.build(db));
        Theme.current().applyTo(first);
        stage.setScene(first);
        stage.setTitle(MainWindow.TITLE + " — " + db.name());
        state.restore(stage);
        stage.setOnHidden(e -> onClosed.run());
        stage.show();
        StartupTrace.mark("opening frame shown");
        if (exitAfterFirstFrame) {
            FirstFrame.exitAfterFirstFrame(first);
        }
        // The window's controls are built (once the store is open) as soon as this frame has gone to the render
        // thread, while that thread paints it. Its icons wait for the controls' first frame (MainWindow).
        Reveal.afterFrameQueued(first, () -> store.whenComplete((s, e) -> Platform.runLater(() -> {
            if (!stage.isShowing()) {
                return;
            }
            try {
                openWindow(stage, s, e);
            } catch (RuntimeException | Error x) {
                onFailed.accept(x instanceof RuntimeException r ? r : new IllegalStateException(x));
                stage.close();
            }
        })));
    }

    private static void openWindow(Stage stage, Workspace opened, Throwable failure) {
        services = opened;
        if (opened == null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            if (!(cause instanceof org.rareearth.dashboard.store.StoreException se)) {
                throw new IllegalStateException("the store could not be opened", cause);
            }
            System.err.println("error: " + se.getMessage());
            MainWindow.loadIcons(stage);
            java.util.Optional<Workspace> chosen = StoreProblemDialog.resolve(storePath, se, stage);
            if (chosen.isEmpty()) {
                stage.close();
                return;
            }
            services = chosen.get();
        }
        StartupTrace.mark("store joined");
        MainWindow window = new MainWindow(services, stage, true, opened != null ? earlyDashboardRead : null);
        earlyDashboardRead = null;
        StartupTrace.mark("window built");
        boolean exitAfterContent = System.getProperty(EXIT_AFTER_CONTENT) != null;
        boolean exitAfterViews = System.getProperty(EXIT_AFTER_VIEWS) != null;
        window.showProgressively(() -> {
            StartupTrace.mark("content built");
            if (exitAfterContent) {
                FirstFrame.exitAfterNextFrame(stage.getScene(), "content-ready-ms");
            } else if (exitAfterViews) {
                FirstFrame.whenNextFramePainted(stage.getScene(), () -> ViewTour.start(window, stage.getScene()));
            }
        });
        if (System.getProperty(EXIT_AFTER_CHROME) != null) {
            FirstFrame.exitAfterNextFrame(stage.getScene(), "chrome-ready-ms");
        }
    }
}
