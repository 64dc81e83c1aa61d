package org.rareearth.dashboard.desktop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for commands that render without a window (exports, benchmarks). With no display
 * it uses the Monocle headless platform and software rendering, which must be chosen before the toolkit starts.
 */
public final class FxRuntime {
    private static boolean started;

    /** Held so the filter set on it stays (JUL keeps loggers only weakly). */
    private static final java.util.logging.Logger PLATFORM_LOG =
            java.util.logging.Logger.getLogger("javafx");

    private FxRuntime() {}

    /**
     * JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX configuration");
     * that is how this single-jar app ships, so the warning is noise on the user's terminal.
     */
    static void quietClassPathWarning() {
        PLATFORM_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        if (!DesktopLauncher.hasDisplay()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
            // The headless screen must hold the largest window a command shows (its default is 1280x800).
            System.setProperty("headless.geometry", "3840x2400-32");
        }
        quietClassPathWarning();
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        await(up);
        started = true;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    public static <T> T call(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        await(done);
        if (error.get() instanceof RuntimeException re) {
            throw re;
        }
        if (error.get() != null) {
            throw new IllegalStateException(error.get());
        }
        return result.get();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not respond within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
