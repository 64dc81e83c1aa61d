package org.rareearth.dashboard.ui.export;

import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.ui.dashboard.DashboardView;
import org.rareearth.dashboard.ui.gap.GapView;
import org.rareearth.dashboard.ui.reactions.ReactionsView;
import org.rareearth.dashboard.ui.timeline.TimelineView;

/** The exportable charts by name, as the command line and "Export all" know them. */
public final class Charts {
    public static final List<String> NAMES = List.of("dashboard", "reactions", "gap", "timeline");

    private Charts() {}

    /** A view for the chart, refreshed from the store with its default choices. Call on the FX thread. */
    public static Exportable view(String name, Services services) {
        Exportable v = switch (name.toLowerCase(Locale.ROOT)) {
            case "dashboard" -> new DashboardView(services);
            case "reactions" -> new ReactionsView(services);
            case "gap" -> new GapView(services);
            case "timeline" -> new TimelineView(services);
            default -> throw new IllegalArgumentException("unknown chart '" + name + "' (known: "
                    + String.join(", ", NAMES) + ", all)");
        };
        ((org.rareearth.dashboard.ui.common.View) v).refresh();
        return v;
    }
}
