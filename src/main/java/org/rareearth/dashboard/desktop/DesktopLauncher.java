package org.rareearth.dashboard.desktop;

import org.rareearth.dashboard.service.LogSetup;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.StartupTrace;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.NativeSqlite;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.DashboardApp;
import org.slf4j.LoggerFactory;

/** Starts the desktop app, or explains in one line why it cannot. */
public final class DesktopLauncher {
    static final String NO_DISPLAY = "Rare Earth Dashboard needs a display to open its window, and none was found"
            + " (DISPLAY is not set). Its command line works without one: run it with --help.";

    private DesktopLauncher() {}

    private static java.util.concurrent.CompletableFuture<Void> toolkit;

    /**
     * Starts the JavaFX toolkit on its own thread, so that it comes up while the command line is read and the
     * store opens. Does nothing without a display.
     */
    public static synchronized void prestart() {
        if (toolkit != null || !hasDisplay()) {
            return;
        }
        FxRuntime.quietClassPathWarning();
        java.util.concurrent.CompletableFuture<Void> up = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Platform.startup(() -> {
                    StartupTrace.mark("toolkit up");
                    up.complete(null);
                });
            } catch (Throwable e) {
                up.completeExceptionally(e);
            }
        }, "fx-startup");
        t.setDaemon(true);
        t.start();
        toolkit = up;
    }

    public static int launch(org.rareearth.dashboard.store.StoreLocation db, PrintWriter err, boolean exitAfterFirstFrame) {
        if (!hasDisplay()) {
            err.println(NO_DISPLAY);
            return 1;
        }
        StartupTrace.mark("desktop launch");
        prestart();
        // The desktop app keeps a log file in its folder (errors with their full detail).
        System.setProperty(LogSetup.LOG_FILE_PROPERTY, AppPaths.home().resolve("dashboard.log").toString());
        // Logging is set up and the store opens on their own thread while the toolkit starts; the window shows its
        // opening state until the store is open.
        java.util.concurrent.CompletableFuture<Workspace> store = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            LogSetup.reconfigure();
            StartupTrace.mark("logging configured");
            NativeSqlite.useKeptCopy(AppPaths.home());
            Workspace s = Workspace.open(db, System.getenv());
            StartupTrace.mark("store open");
            return s;
        });
        // Once the store is open, its thread loads the icon font the window's controls need, so that the FX thread
        // does not have to (their frame comes about 50 ms sooner).
        store.thenRun(() -> {
            org.rareearth.dashboard.desktop.MainWindow.preloadIconFont();
            StartupTrace.mark("icon font loaded");
        });
        // A window that opens on the dashboard takes its read started here, as soon as the store is open, rather than
        // once the window is built: the read is then mostly done when the window's controls are, and the dashboard's
        // tiles come with them in the window's first full frame. (Which view opens is looked up there too: the
        // classes it needs would hold up the opening frame here.)
        java.util.concurrent.CompletableFuture<org.rareearth.dashboard.service.DashboardSummary> dashboardRead =
                store.thenApplyAsync(s -> {
                    org.rareearth.dashboard.service.DashboardSummary read = MainWindow.frontView(new WindowState(
                            AppPaths.home().resolve("window.properties")).lastView())
                            .equals(org.rareearth.dashboard.desktop.dashboard.DashboardView.TITLE)
                            ? org.rareearth.dashboard.desktop.dashboard.DashboardViewModel.reading(s).get() : null;
                    // Then, while the FX thread still builds the window, the locale data its tiles format with.
                    org.rareearth.dashboard.desktop.common.Formats.loadLocaleData();
                    return read;
                }, org.rareearth.dashboard.desktop.common.Background.executor());
        DashboardApp.opening(db, store, dashboardRead);
        try {
            toolkit.join();
        } catch (java.util.concurrent.CompletionException e) {
            // GTK could not connect to the display that DISPLAY names.
            err.println(NO_DISPLAY.replace("(DISPLAY is not set)", "(" + e.getCause().getMessage() + ")"));
            closeServices();
            return 1;
        }
        Platform.setImplicitExit(false);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(0);
        DashboardApp.exitAfterFirstFrame(exitAfterFirstFrame);
        Platform.runLater(() -> {
            java.util.function.Consumer<RuntimeException> failed = e -> {
                LoggerFactory.getLogger(DesktopLauncher.class).error("The window could not be opened", e);
                err.println("error: the window could not be opened: " + e);
                code.set(1);
            };
            try {
                DashboardApp.start(new Stage(), closed::countDown, failed);
            } catch (RuntimeException e) {
                failed.accept(e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            closeServices();
        }
        return code.get();
    }

    private static void closeServices() {
        // An edit, undo or import the user asked for just before closing is written before the store closes.
        org.rareearth.dashboard.desktop.common.Background.awaitWrites(60);
        Workspace s = DashboardApp.services();
        if (s != null) {
            s.close();
        } else {
            // The store may still be opening: close it once it is open.
            DashboardApp.openingStore().ifPresent(f -> f.thenAccept(Workspace::close));
        }
    }

    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
