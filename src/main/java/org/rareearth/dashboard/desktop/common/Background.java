package org.rareearth.dashboard.desktop.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/**
 * The executors for slow work (store, files) off the FX thread: one pool for reads, one queue for writes; callbacks
 * land on the FX thread.
 */
public final class Background {
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "background-work");
        t.setDaemon(true);
        return t;
    });

    /** Writes to the store, one at a time in the order asked for (an undo never overtakes the save it undoes). */
    private static final ExecutorService WRITES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-writes");
        t.setDaemon(true);
        return t;
    });

    private Background() {}

    /**
     * Runs {@code write} (a store write, or a read that must see the writes asked for before it) off the FX thread,
     * after every write asked for before it; then hands its result to {@code done}, or its failure's message to
     * {@code failed}, on the FX thread.
     */
    public static <T> void write(java.util.concurrent.Callable<T> write, java.util.function.Consumer<T> done,
                                 java.util.function.Consumer<String> failed) {
        WRITES.execute(() -> {
            T v;
            try {
                v = write.call();
            } catch (Exception e) {
                String m = messageOf(e);
                javafx.application.Platform.runLater(() -> failed.accept(m));
                return;
            }
            javafx.application.Platform.runLater(() -> done.accept(v));
        });
    }

    /** What a failure of work off the FX thread says to the user: its message, else the kind of failure. */
    public static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The executor itself, for view models that take one. */
    public static java.util.concurrent.Executor executor() {
        return EXECUTOR;
    }

    /**
     * Waits up to {@code seconds} until every write asked for so far has run (so closing the store loses none).
     * Returns false if they had not run by then.
     */
    public static boolean awaitWrites(long seconds) {
        try {
            WRITES.submit(() -> { }).get(seconds, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static <T> Task<T> run(Task<T> task) {
        EXECUTOR.submit(task);
        return task;
    }
}
