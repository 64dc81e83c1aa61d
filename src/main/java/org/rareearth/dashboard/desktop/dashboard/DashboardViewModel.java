package org.rareearth.dashboard.desktop.dashboard;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.service.DashboardSummary;

/**
 * The dashboard's state: the summary the tiles show, read from the store through {@link DashboardSummary} off the
 * FX thread (see {@link LatestRead} for which read is shown), and whether a read is under way or failed.
 */
public final class DashboardViewModel extends LatestRead<DashboardSummary> {
    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public DashboardViewModel(Supplier<DashboardSummary> read, Executor background, Executor ui) {
        super("the dashboard", read, background, ui);
    }

    /** The dashboard's read: the store's records summed up as of the app's today. */
    public static Supplier<DashboardSummary> reading(org.rareearth.dashboard.service.Workspace services) {
        return () -> DashboardSummary.of(services.datasets.records(), org.rareearth.dashboard.service.AppClock
                .today());
    }

    /** The latest summary read, or null before the first read has finished. */
    public ReadOnlyObjectProperty<DashboardSummary> summaryProperty() {
        return valueProperty();
    }
}
