package org.rareearth.dashboard.desktop.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a screen shows from the store, read off the FX thread: the latest value read, whether a read is under way,
 * and why the latest one failed. Needs no toolkit: tests give it plain executors. The screens' view models build
 * on it.
 *
 * <p>Every {@link #refresh()} reads anew and only the latest read is shown, so a slow read finishing after a
 * newer one never puts older figures back. {@link #prefetch()} starts a read before the view exists (the window
 * does so while its chrome is painted, on the other core); the view's first refresh then takes that read instead
 * of starting another, unless the store changed in between ({@link #storeChanged()}).
 *
 * @param <T> what one read gives
 */
public class LatestRead<T> {
    private final String what;
    private final Supplier<T> read;
    private final Executor background;
    private final Executor ui;
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper reads = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private boolean prefetched;

    /**
     * {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread).
     * {@code what} names it in a failure's message ("the dashboard").
     */
    public LatestRead(String what, Supplier<T> read, Executor background, Executor ui) {
        this.what = what;
        this.read = read;
        this.background = background;
        this.ui = ui;
    }

    /** The latest value read, or null before the first read has finished. */
    public final ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** True while a read is under way. */
    public final ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the latest read failed, or empty. */
    public final ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * How many reads have been published: it changes with every finished read, even one that gave what the last
     * one gave (the day may have moved on meanwhile), so views rebuild on it.
     */
    public final javafx.beans.property.ReadOnlyIntegerProperty readsProperty() {
        return reads.getReadOnlyProperty();
    }

    /** True once a read has given a value or failed. */
    public final boolean hasAnswered() {
        return value.get() != null || !problem.get().isEmpty();
    }

    /** Starts a read now, which the next {@link #refresh()} takes as its own. */
    public final void prefetch() {
        load();
        prefetched = true;
    }

    /** The store changed: a read {@link #prefetch()} started may predate it, so the next refresh reads again. */
    public final void storeChanged() {
        prefetched = false;
    }

    /** Reads the store again (or takes the read {@link #prefetch()} started). */
    public final void refresh() {
        if (prefetched) {
            prefetched = false;
            return;
        }
        load();
    }

    /**
     * Takes a read that started before this model existed (at start-up, as soon as the store was open) as its
     * first, instead of starting one: what it gave is published at once if it has answered, so that a view built
     * now shows it in its first frame, or when it answers. The next {@link #refresh()} takes it as its own, as after
     * {@link #prefetch()}. An early read that gives null (it was skipped) is followed by a read of this model's own.
     * Call on the thread {@code ui} runs on.
     */
    public final void adopt(java.util.concurrent.CompletableFuture<? extends T> early) {
        int g = generation.incrementAndGet();
        prefetched = true;
        if (early.isDone()) {
            publish(g, early);
            return;
        }
        loading.set(true);
        early.whenComplete((v, e) -> ui.execute(() -> publish(g, early)));
    }

    private void publish(int g, java.util.concurrent.CompletableFuture<? extends T> done) {
        try {
            T v = done.join();
            if (v == null) {
                // The early read was skipped (it did not expect this model to want it): read now instead.
                if (g == generation.get()) {
                    load();
                }
                return;
            }
            published(g, v);
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            failed(g, Background.messageOf(e.getCause() != null ? e.getCause() : e));
        }
    }

    private void load() {
        int g = generation.incrementAndGet();
        loading.set(true);
        background.execute(() -> {
            T v;
            try {
                v = read.get();
            } catch (RuntimeException e) {
                String message = Background.messageOf(e);
                ui.execute(() -> failed(g, message));
                return;
            }
            ui.execute(() -> published(g, v));
        });
    }

    private void failed(int g, String message) {
        if (g == generation.get()) {
            problem.set(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " could not be read from the store: "
                    + message);
            loading.set(false);
        }
    }

    private void published(int g, T v) {
        if (g == generation.get()) {
            problem.set("");
            value.set(v);
            reads.set(reads.get() + 1);
            // Last: what waits for the read to end (a view's whenLoaded) finds the views rebuilt on reads.
            loading.set(false);
        }
    }
}
