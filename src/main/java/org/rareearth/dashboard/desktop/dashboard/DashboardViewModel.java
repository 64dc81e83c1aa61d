package org.rareearth.dashboard.desktop.dashboard;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rareearth.dashboard.service.DashboardSummary;

/**
 * The dashboard's state: the summary the tiles show, read from the store through {@link DashboardSummary} off the
 * FX thread, and whether a read is under way or failed. Needs no toolkit: tests give it plain executors.
 *
 * <p>Every {@link #refresh()} reads anew and only the latest read is shown, so a slow read finishing after a
 * newer one never puts older figures back. {@link #prefetch()} starts the read before the view exists (the window
 * does so while its chrome is painted, on the other core); the view's first refresh then takes that read instead
 * of starting another.
 */
public final class DashboardViewModel {
    private final Supplier<DashboardSummary> read;
    private final Executor background;
    private final Executor ui;
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyObjectWrapper<DashboardSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean prefetched;

    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public DashboardViewModel(Supplier<DashboardSummary> read, Executor background, Executor ui) {
        this.read = read;
        this.background = background;
        this.ui = ui;
    }

    /** The latest summary read, or null before the first read has finished. */
    public ReadOnlyObjectProperty<DashboardSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while a read is under way. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the latest read failed, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Starts a read now, which the next {@link #refresh()} takes as its own. */
    public void prefetch() {
        load();
        prefetched = true;
    }

    /** The store changed: a read {@link #prefetch()} started may predate it, so the next refresh reads again. */
    public void storeChanged() {
        prefetched = false;
    }

    /** Reads the store again (or takes the read {@link #prefetch()} started). */
    public void refresh() {
        if (prefetched) {
            prefetched = false;
            return;
        }
        load();
    }

    private void load() {
        int g = generation.incrementAndGet();
        loading.set(true);
        background.execute(() -> {
            DashboardSummary s;
            try {
                s = read.get();
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> {
                    if (g == generation.get()) {
                        problem.set("The dashboard could not be read from the store: " + message);
                        loading.set(false);
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (g == generation.get()) {
                    problem.set("");
                    summary.set(s);
                    loading.set(false);
                }
            });
        });
    }
}
