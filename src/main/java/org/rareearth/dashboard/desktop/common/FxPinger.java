package org.rareearth.dashboard.desktop.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting, from a thread of its own: every 2 ms, once the task it last
 * posted to the FX thread has run, it notes how long that task waited and posts another. The view-switch benchmark
 * reads the longest wait; the FX-thread watchdog test also samples the FX thread's stack on every tick.
 */
public final class FxPinger implements AutoCloseable {
    private static final long TICK_MS = 2;

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-pinger");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong longest = new AtomicLong();
    private final LongConsumer answered;
    private final Runnable everyTick;
    /** The last posted task's flag, set once it ran; read and replaced on the pinger's thread only. */
    private AtomicBoolean ran = new AtomicBoolean(true);
    private long posted;

    /** A pinger that only keeps the longest wait ({@link #takeLongest}). */
    public FxPinger() {
        this(waited -> { }, () -> { });
    }

    /**
     * A pinger that also tells {@code answered} each wait (in nanoseconds) when its task has run, and runs
     * {@code everyTick} after every tick; both on the pinger's own thread.
     */
    public FxPinger(LongConsumer answered, Runnable everyTick) {
        this.answered = answered;
        this.everyTick = everyTick;
        ticks.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (ran.get()) {
            if (posted != 0) {
                long waited = System.nanoTime() - posted;
                longest.accumulateAndGet(waited, Math::max);
                answered.accept(waited);
            }
            AtomicBoolean ping = new AtomicBoolean();
            ran = ping;
            posted = System.nanoTime();
            Platform.runLater(() -> ping.set(true));
        }
        everyTick.run();
    }

    /** The longest wait since the last call (or since the start), in nanoseconds. */
    public long takeLongest() {
        return longest.getAndSet(0);
    }

    @Override
    public void close() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
    }
}
