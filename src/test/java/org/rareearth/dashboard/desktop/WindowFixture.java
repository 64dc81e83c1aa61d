package org.rareearth.dashboard.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.common.Background;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.rareearth.dashboard.testing.TestDirs;
import org.rareearth.dashboard.testing.TestStores;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A main window on a new temporary store with the default dataset, its settings in a temporary home folder. For
 * TestFX tests: open it in {@code @Start}, close it in {@code @AfterEach}.
 */
public final class WindowFixture implements AutoCloseable {
    public final Path home;
    public final Workspace services;
    public final MainWindow window;

    private final Path storePath;
    private final Stage stage;

    private WindowFixture(Path home, Path storePath, Workspace services, MainWindow window, Stage stage) {
        this.home = home;
        this.storePath = storePath;
        this.services = services;
        this.window = window;
        this.stage = stage;
    }

    public static WindowFixture open(Stage stage) throws IOException {
        return open(stage, s -> { });
    }

    /** {@code prepare} runs on the store before the window is built (to import prices, say). */
    public static WindowFixture open(Stage stage, Consumer<Workspace> prepare) throws IOException {
        return open(stage, home -> home.resolve("store.db"), prepare);
    }

    /**
     * A window on the store at the path {@code store} gives in the temporary home folder (a store it made there,
     * such as {@code GeneratedPrices.store}, or a new one); {@code prepare} runs on it before the window is built.
     */
    public static WindowFixture open(Stage stage, Function<Path, Path> store, Consumer<Workspace> prepare)
            throws IOException {
        Path home = Files.createTempDirectory("red-home");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        Path storePath = store.apply(home);
        Workspace services = TestStores.open(storePath);
        prepare.accept(services);
        MainWindow window = new MainWindow(services, stage);
        window.show();
        return new WindowFixture(home, storePath, services, window, stage);
    }

    /**
     * The text of the window's label with this id (the status bar's "#store-counts", say), read on the FX thread
     * (see {@link FxThreadLookups} for why).
     */
    public String textOf(String id) {
        return FxThreadLookups.onFxThread(() -> ((javafx.scene.control.Labeled) stage.getScene().lookup(id))
                .getText());
    }

    /** The path of the store the window is on (for a second workspace, or the command line, on the same store). */
    public Path storePath() {
        return storePath;
    }

    /** Waits until the view in front (the dashboard, the timeline) has finished reading the store off the FX thread. */
    public void awaitReads() {
        awaitReads(window);
    }

    /** The same for any window. Call from the test thread, never from the FX thread. */
    public static void awaitReads(MainWindow window) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> !window.view(window.currentView()).isReading()).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the view in front was still reading the store after 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the writes asked for so far (a form's save, a delete, an undo) have run off the FX thread, and
     * the view in front has read their result. Call from the test thread.
     */
    public static void awaitWrites(MainWindow window) {
        WaitForAsyncUtils.waitForFxEvents();
        if (!Background.awaitWrites(20)) {
            throw new AssertionError("the store's writes had not run after 20 s");
        }
        awaitReads(window);
    }

    @Override
    public void close() {
        services.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
        TestDirs.deleteTree(home);
    }
}
