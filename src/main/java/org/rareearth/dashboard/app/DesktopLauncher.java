package org.rareearth.dashboard.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import org.rareearth.dashboard.ui.DashboardApp;

/** Starts the desktop app, or explains in one line why it cannot. */
public final class DesktopLauncher {
    static final String NO_DISPLAY = "Rare Earth Dashboard needs a display to open its window, and none was found"
            + " (DISPLAY is not set). Its command line works without one: run it with --help.";

    private DesktopLauncher() {}

    static int launch(Path db, PrintWriter err, boolean exitAfterFirstFrame) {
        if (!hasDisplay()) {
            err.println(NO_DISPLAY);
            return 1;
        }
        // The desktop app keeps a log file in its folder (errors with their full detail).
        System.setProperty(LogSetup.LOG_FILE_PROPERTY, AppPaths.home().resolve("dashboard.log").toString());
        LogSetup.reconfigure();
        // The store opens on its own thread while the toolkit starts; the window waits for it.
        DashboardApp.opening(db, java.util.concurrent.CompletableFuture.supplyAsync(() -> Services.open(db)));
        try {
            DashboardApp.exitAfterFirstFrame(exitAfterFirstFrame);
            Application.launch(DashboardApp.class);
            return 0;
        } catch (RuntimeException e) {
            // GTK could not connect to the display that DISPLAY names.
            err.println(NO_DISPLAY.replace("(DISPLAY is not set)", "(" + e.getMessage() + ")"));
            return 1;
        } finally {
            Services s = DashboardApp.services();
            if (s != null) {
                s.close();
            }
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
