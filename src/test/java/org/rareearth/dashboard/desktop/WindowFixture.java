package org.rareearth.dashboard.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;

/**
 * A main window on a new temporary store with the default dataset, its settings in a temporary home folder. For
 * TestFX tests: open it in {@code @Start}, close it in {@code @AfterEach}.
 */
public final class WindowFixture implements AutoCloseable {
    public final Path home;
    public final Workspace services;
    public final MainWindow window;

    private WindowFixture(Path home, Workspace services, MainWindow window) {
        this.home = home;
        this.services = services;
        this.window = window;
    }

    public static WindowFixture open(Stage stage) throws IOException {
        return open(stage, s -> { });
    }

    /** {@code prepare} runs on the store before the window is built (to import prices, say). */
    public static WindowFixture open(Stage stage, Consumer<Workspace> prepare) throws IOException {
        Path home = Files.createTempDirectory("red-home");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        Workspace services = org.rareearth.dashboard.testing.TestStores.open(home.resolve("store.db"));
        prepare.accept(services);
        MainWindow window = new MainWindow(services, stage);
        window.show();
        return new WindowFixture(home, services, window);
    }

    /** Waits until the view in front (the dashboard, the timeline) has finished reading the store off the FX thread. */
    public void awaitReads() {
        awaitReads(window);
    }

    /** The same for any window. Call from the test thread, never from the FX thread. */
    public static void awaitReads(MainWindow window) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                    () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> !window.view(window.currentView())
                            .isReading()).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the view in front was still reading the store after 20 s", e);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the writes asked for so far (a form's save, a delete, an undo) have run off the FX thread, and
     * the view in front has read their result. Call from the test thread.
     */
    public static void awaitWrites(MainWindow window) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        if (!org.rareearth.dashboard.desktop.common.Background.awaitWrites(20)) {
            throw new AssertionError("the store's writes had not run after 20 s");
        }
        awaitReads(window);
    }

    @Override
    public void close() {
        services.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
        org.rareearth.dashboard.testing.TestDirs.deleteTree(home);
    }
}
