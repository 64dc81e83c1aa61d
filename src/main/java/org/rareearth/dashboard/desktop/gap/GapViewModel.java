package org.rareearth.dashboard.desktop.gap;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.service.GapService;

/**
 * The price-support gap screen's state, without a toolkit: the floors, quotes, FX fixings and events, read off the
 * FX thread through {@link GapService} (the {@code gap} command's service); the user's choices (programme, VAT
 * basis, volume, period) as properties; and the report and the programmes' comparison they give, computed from
 * what was read whenever a choice or a read changes (no store work then).
 */
public final class GapViewModel extends LatestRead<GapService.Inputs> {
    /** The volume before any programme's terms give one, in tonnes a year. */
    public static final int DEFAULT_VOLUME = 1000;

    private final ObjectProperty<String> program = new SimpleObjectProperty<>();
    private final ObjectProperty<VatBasis> basis = new SimpleObjectProperty<>(VatBasis.EXCLUDED);
    private final ObjectProperty<Integer> volume = new SimpleObjectProperty<>(DEFAULT_VOLUME);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<GapReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<GapReport>> comparison = new ReadOnlyObjectWrapper<>(List.of());

    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public GapViewModel(Supplier<GapService.Inputs> read, Executor background, Executor ui) {
        super("the price-support gap", read, background, ui);
        // Every finished read, even one equal to the last, recomputes before the view lays it out.
        readsProperty().addListener(o -> recomputeAfter(() -> {
            GapService.Inputs b = valueProperty().get();
            List<String> names = b.floors().stream().map(PriceFloor::program).toList();
            if (!names.contains(program.get())) {
                program.set(names.isEmpty() ? null : names.get(0));
            }
        }));
        program.addListener((o, a, b) -> recomputeAfter(() -> {
            GapService.Inputs in = valueProperty().get();
            // A programme whose terms give a volume brings it along; the volume stays free to change.
            if (in != null && b != null && !b.equals(a)) {
                in.floors().stream().filter(f -> f.program().equals(b) && f.volume() != null).findFirst()
                        .ifPresent(f -> volume.set((int) Math.round(f.volume())));
            }
        }));
        javafx.beans.InvalidationListener recomputeOnChange = o -> recomputeAfter(() -> { });
        basis.addListener(recomputeOnChange);
        volume.addListener(recomputeOnChange);
        from.addListener(recomputeOnChange);
        to.addListener(recomputeOnChange);
    }

    /** True while a change is setting other inputs: they leave the recomputing to it. */
    private boolean settling;

    /**
     * Runs {@code change} (which may set other inputs: a read picks the programme, a programme brings its volume),
     * then recomputes once. The report and comparison change once, so the view lays out one chart, not one for each
     * input set along the way.
     */
    private void recomputeAfter(Runnable change) {
        if (settling) {
            change.run();
            return;
        }
        settling = true;
        try {
            change.run();
        } finally {
            settling = false;
        }
        recompute();
    }

    /** Over a workspace's gap service. */
    public static GapViewModel over(GapService gaps, Executor background, Executor ui) {
        return new GapViewModel(gaps::inputs, background, ui);
    }

    /** The programme on the chart (one of the floors' names). */
    public ObjectProperty<String> programProperty() {
        return program;
    }

    public ObjectProperty<VatBasis> basisProperty() {
        return basis;
    }

    /** Tonnes a year the floor covers: sets the top-up. */
    public ObjectProperty<Integer> volumeProperty() {
        return volume;
    }

    /** Start of the top-up period (null: the floor's start). */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** End of the top-up period (null: the latest quote). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The chosen programme's report, or null when the store has no floor (or before the first read). */
    public ReadOnlyObjectProperty<GapReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Every programme at its own volume and terms, on the chosen basis. */
    public ReadOnlyObjectProperty<List<GapReport>> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The floors read (empty before the first read). */
    public List<PriceFloor> floors() {
        GapService.Inputs in = valueProperty().get();
        return in == null ? List.of() : in.floors();
    }

    private void recompute() {
        GapService.Inputs in = valueProperty().get();
        if (in == null || in.floors().isEmpty()) {
            comparison.set(List.of());
            report.set(null);
            return;
        }
        PriceFloor floor = in.floors().stream().filter(f -> f.program().equals(program.get())).findFirst()
                .orElse(in.floors().get(0));
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && t.isBefore(f)) {
            t = null; // an inverted period falls back to the latest quote; the tile says which period was used
        }
        comparison.set(in.compareAll(basis.get()));
        report.set(in.report(floor, basis.get(), volume.get() == null ? 0 : volume.get(), f, t));
    }
}
