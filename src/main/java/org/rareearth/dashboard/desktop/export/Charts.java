package org.rareearth.dashboard.desktop.export;

import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;

/** The exportable charts by name, as the command line and "Export all" know them. */
public final class Charts {
    public static final List<String> NAMES = List.of("dashboard", "reactions", "gap", "timeline",
            "supply-chain");
    /** Charts that are exported by name only (not by "all"): the pooled event study, which computes on export. */
    public static final List<String> BY_NAME_ONLY = List.of("pooled");

    private Charts() {}

    /**
     * A view for the chart, refreshed from the store with its default choices. Call on the FX thread.
     *
     * @throws org.rareearth.dashboard.store.StoreException when the view could not read the store (its chart would
     *     show no records, as if the store had none)
     */
    public static Exportable view(String name, Workspace services) {
        Exportable v = switch (name.toLowerCase(Locale.ROOT)) {
            case "dashboard" -> new DashboardView(services);
            case "reactions" -> new ReactionsView(services);
            case "gap" -> new GapView(services);
            case "timeline" -> new TimelineView(services);
            case "supply-chain" -> new org.rareearth.dashboard.desktop.supply.SupplyChainView(services);
            case "pooled" -> ReactionsView.pooledExport(services);
            default -> throw new IllegalArgumentException("unknown chart '" + name + "' (known: "
                    + String.join(", ", NAMES) + ", " + String.join(", ", BY_NAME_ONLY) + ", all)");
        };
        if (v instanceof org.rareearth.dashboard.desktop.common.View view) {
            view.refresh();
            String failed = view.failedRead();
            if (!failed.isEmpty()) {
                throw new org.rareearth.dashboard.store.StoreException(failed);
            }
        }
        return v;
    }

    /** True for a name {@code export-png --chart} takes. */
    public static boolean known(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("all") || NAMES.contains(n) || BY_NAME_ONLY.contains(n);
    }


}
