package org.rareearth.dashboard.desktop.gap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.Workspace;

/** The gap chart's event markers are built when the events change, not on every read that gives the same ones. */
class GapChartMarkersTest {

    @Test
    void the_same_events_keep_their_markers_and_other_events_get_new_ones(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        List<PolicyEvent> events;
        try (Workspace w = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"))) {
            events = w.events.all();
        }
        // The toolkit as every other window test starts it (TestFX), not as a command does: FxRuntime would give the
        // headless screen its own size, which the window tests after this one in the same JVM would then get.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        List<List<Node>> seen = FxRuntime.call(() -> {
            GapChart chart = new GapChart(new NumberAxis(), new NumberAxis());
            chart.setLayers(List.of(), Double.NaN, null, null, events);
            List<Node> first = List.copyOf(chart.markerNodes());
            chart.setLayers(List.of(), Double.NaN, null, null, new ArrayList<>(events));
            List<Node> again = List.copyOf(chart.markerNodes());
            chart.setLayers(List.of(), Double.NaN, null, null, events.subList(0, 1));
            return List.of(first, again, List.copyOf(chart.markerNodes()));
        });
        long days = events.stream().map(PolicyEvent::announced).filter(java.util.Objects::nonNull).distinct().count();
        assertThat(seen.get(0)).hasSize((int) (2 * days));
        assertThat(seen.get(1)).as("an equal list of events").hasSize(seen.get(0).size());
        for (int i = 0; i < seen.get(0).size(); i++) {
            assertThat(seen.get(1).get(i)).isSameAs(seen.get(0).get(i));
        }
        assertThat(seen.get(2)).hasSize(2).doesNotContainAnyElementsOf(seen.get(0));
    }
}
