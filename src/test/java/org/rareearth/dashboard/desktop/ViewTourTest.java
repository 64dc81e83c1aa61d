package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.supply.SupplyChainView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.testing.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive's training run of the window (make-class-archive) shows every view after the dashboard, each
 * read and painted, before it prints views-shown-ms and exits: what it does not show, the archive does not hold.
 */
class ViewTourTest {
    @TempDir
    Path dir;

    @Test
    void the_training_run_shows_every_other_view_once_and_then_exits() {
        LauncherProcess run = LauncherProcess.run(List.of("-Drare-earth-dashboard.home=" + dir,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1000-32", "-D" + DashboardApp.EXIT_AFTER_VIEWS),
                "--db", dir.resolve("x.db").toString());
        assertThat(run.code()).as(run.output()).isZero();
        List<String> out = run.lines();
        assertThat(out.stream().filter(l -> l.startsWith("view-shown: ")).map(l -> l.replaceAll("^view-shown: (.*); longest FX wait \\d+ ms$", "$1")).toList())
                .as(run.output())
                .containsExactly(ReactionsView.TITLE, GapView.TITLE, TimelineView.TITLE, DataView.TITLE,
                        SupplyChainView.TITLE);
        assertThat(out).as(run.output()).anyMatch(l -> l.matches("views-shown-ms: \\d+"));
        // It waits for the forms the Data view makes ahead (the tab in front's and the event form).
        assertThat(out).as(run.output()).contains("forms-made-ahead: 2");
        assertThat(out.get(out.size() - 1)).as(run.output()).startsWith("views-shown-ms: ");
    }
}
