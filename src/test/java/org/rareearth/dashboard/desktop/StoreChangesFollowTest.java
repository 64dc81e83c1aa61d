package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.store.RecordStore;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A write made off the FX thread, by no screen, reaches the view in front and the status bar by itself. */
@ExtendWith(FxThreadLookups.class)
class StoreChangesFollowTest {
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
        org.rareearth.dashboard.service.AppClock.reset();
    }

    /** The Data view in front, on its Securities tab. */
    @SuppressWarnings("unchecked")
    private TableView<Security> securitiesTable(FxRobot robot) {
        robot.interact(() -> fixture.window.show(DataView.TITLE));
        fixture.awaitReads();
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-securities".equals(t.getId())).findFirst().orElseThrow()));
        return robot.lookup("#table-securities").queryAs(TableView.class);
    }

    @Test
    void the_view_in_front_and_the_status_bar_follow_a_write_from_another_thread(FxRobot robot) throws Exception {
        TableView<Security> table = securitiesTable(robot);
        assertThat(table.getItems()).hasSize(12);

        Thread writer = new Thread(() -> new RecordStore(fixture.services.store(), org.rareearth.dashboard.service.RecordEditor::json).save(null,
                new Security("NEWCO", "New Co", "NYSE", "USD", "US", false, "test", "S", null)));
        writer.start();
        writer.join();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 13);
        // The status bar's counts are read off the FX thread and follow.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.textOf(
                "#store-counts").contains("13 securities"));
        assertThat(fixture.textOf("#store-counts")).contains("· 12 reactions ·");
    }

    @Test
    void a_write_by_another_program_on_the_same_file_shows_by_itself_with_a_quiet_note(FxRobot robot)
            throws Exception {
        TableView<Security> table = securitiesTable(robot);
        assertThat(table.getItems()).hasSize(12);
        // The window starts watching for changes made elsewhere off the FX thread as it opens.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.services.changes().watchingElsewhere());
        org.rareearth.dashboard.desktop.WindowFixture.awaitWrites(fixture.window);
        // Another program: its own connection to the file, not this window's store.
        try (org.rareearth.dashboard.service.Workspace other = org.rareearth.dashboard.service.Workspace.open(
                fixture.services.store().location(), java.util.Map.of())) {
            new RecordStore(other.store(), org.rareearth.dashboard.service.RecordEditor::json).save(null,
                    new Security("OTHERCO", "Other Co", "NYSE", "USD", "US", false, "test", "S", null));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 13);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.textOf(
                "#status-text").contains(org.rareearth.dashboard.testing.TestStores.onPostgres()
                        // On a team store the note names who: the role the other client logged in as.
                        ? org.rareearth.dashboard.testing.PostgresServer.SUPERUSER + " changed the store"
                        : "the store was changed by another program"));
    }

    /**
     * "Export all charts" exports what the store holds when it is asked, also from a view last read before a change
     * (views not in front catch up only when shown).
     */
    @Test
    void export_all_takes_the_views_read_before_a_change_up_to_date(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.window.show(org.rareearth.dashboard.desktop.timeline.TimelineView.TITLE));
        fixture.awaitReads();
        robot.interact(() -> fixture.window.show(org.rareearth.dashboard.desktop.dashboard.DashboardView.TITLE));
        fixture.awaitReads();
        org.rareearth.dashboard.domain.PolicyEvent e = fixture.services.events.all().get(0);
        Thread writer = new Thread(() -> new RecordStore(fixture.services.store(),
                org.rareearth.dashboard.service.RecordEditor::json).save(null, new org.rareearth.dashboard.domain
                .PolicyEvent(e.code() + "-later", e.actor(), e.category(), e.title() + " (later)", e.summary(),
                e.materials(), e.announced(), e.effective(), e.ends(), e.suspendedFrom(), e.suspendedUntil(),
                e.status(), e.source(), e.confidence(), e.note(), java.util.List.of(), e.sourceUrl())));
        writer.start();
        writer.join();
        fixture.awaitReads();

        java.util.concurrent.CompletableFuture<java.util.List<org.rareearth.dashboard.desktop.export.ExportSpec>> specs =
                new java.util.concurrent.CompletableFuture<>();
        java.util.List<String> failed = new java.util.ArrayList<>();
        robot.interact(() -> fixture.window.whenChartsRead((ready, problems) -> {
            failed.addAll(problems);
            specs.complete(ready.stream().map(org.rareearth.dashboard.desktop.export.Exportable::exportSpec).toList());
        }));
        java.util.List<org.rareearth.dashboard.desktop.export.ExportSpec> all = specs.get(20, TimeUnit.SECONDS);
        assertThat(failed).isEmpty();
        assertThat(all).extracting(org.rareearth.dashboard.desktop.export.ExportSpec::key)
                .containsExactly("dashboard", "reactions", "gap", "timeline", "supply-chain");
        assertThat(all.get(3).csvRows()).as("the timeline's rows").extracting(r -> r.get(0))
                .contains(e.code() + "-later");
    }

    @Test
    void export_all_when_no_chart_can_be_read_exports_nothing_and_says_why_for_each(FxRobot robot)
            throws Exception {
        fixture.awaitReads();
        fixture.services.close();
        // A new day: every view reads again before it is exported, and every read fails on the closed store.
        org.rareearth.dashboard.service.AppClock.pin(org.rareearth.dashboard.service.AppClock.today().plusDays(1));
        robot.clickOn("#tool-export-all");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.textOf("#status-text")
                .startsWith("Export: Nothing was exported:"));
        // ("Nothing", not "Some charts": no folder is asked for.) The details name each chart's failed read.
        robot.clickOn("#error-details");
        javafx.scene.control.TextArea details = robot.lookup(".dialog-pane .text-area")
                .queryAs(javafx.scene.control.TextArea.class);
        assertThat(details.getText().lines().skip(1).toList()).hasSize(5)
                .allSatisfy(l -> assertThat(l).contains("could not be read from the store"));
        robot.interact(() -> ((javafx.stage.Stage) details.getScene().getWindow()).close());
    }
}
