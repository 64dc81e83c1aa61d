package org.rareearth.dashboard.desktop.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/** The one executor for slow work (store, files): callbacks of its tasks land on the FX thread. */
public final class Background {
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "background-work");
        t.setDaemon(true);
        return t;
    });

    private Background() {}

    /** The executor itself, for view models that take one. */
    public static java.util.concurrent.Executor executor() {
        return EXECUTOR;
    }

    public static <T> Task<T> run(Task<T> task) {
        EXECUTOR.submit(task);
        return task;
    }
}
