package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two analysts on one store, in the window: a record another analyst changed while the form was open is not
 * saved over silently; the user sees both versions and chooses; a record's history shows who changed what.
 */
@ExtendWith(FxThreadLookups.class)
class TeamEditingTest {
    private WindowFixture fixture;
    private Workspace services;
    private Workspace colleague;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
        services = fixture.services;
        window = fixture.window;
        // Another copy of the app on the same store (the fixture's file, or its database on PostgreSQL).
        colleague = org.rareearth.dashboard.testing.TestStores.open(fixture.home.resolve("store.db"));
        window.show(DataView.TITLE);
    }

    @AfterEach
    void close() {
        colleague.close();
        fixture.close();
    }

    private Security openEditFormOnMp(FxRobot robot) {
        WindowFixture.awaitReads(window);
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-securities".equals(t.getId())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        TableView<Security> table = robot.lookup("#table-securities").queryAs(TableView.class);
        Security mp = table.getItems().stream().filter(s -> s.symbol().equals("MP")).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(mp));
        robot.clickOn("#edit-securities");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#field-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("MP Materials (my edit)"));
        return mp;
    }

    private void colleagueRenames(Security mp) {
        new RecordEditor(colleague).save(mp, new Security(mp.symbol(), "MP Materials (their edit)", mp.exchange(),
                mp.currency(), mp.country(), mp.benchmark(), mp.source(), mp.confidence(), mp.note(), mp.sourceUrl(),
                mp.tickers()));
    }

    private DialogPane conflictDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#record-conflict").tryQuery().isPresent());
        return robot.lookup("#record-conflict").queryAs(DialogPane.class);
    }

    private String storedName() {
        return services.securities.find("MP").orElseThrow().name();
    }

    @Test
    void a_record_changed_by_a_colleague_while_the_form_was_open_shows_both_versions_and_can_be_overwritten(
            FxRobot robot) throws Exception {
        Security mp = openEditFormOnMp(robot);
        colleagueRenames(mp);
        robot.clickOn("#form-save");
        DialogPane conflict = conflictDialog(robot);
        @SuppressWarnings("unchecked")
        TableView<RecordConflictDialog.Row> rows = robot.lookup("#conflict-table").queryAs(TableView.class);
        assertThat(rows.getItems()).filteredOn(RecordConflictDialog.Row::differs).singleElement()
                .isEqualTo(new RecordConflictDialog.Row("Name", "MP Materials (my edit)", "MP Materials (their edit)",
                        true));
        assertThat(conflict.getHeaderText()).contains("changed by someone else");
        assertThat(storedName()).as("nothing written before the choice").isEqualTo("MP Materials (their edit)");

        robot.interact(() -> ((Button) conflict.lookupButton(RecordConflictDialog.OVERWRITE)).fire());
        WindowFixture.awaitWrites(window);
        assertThat(storedName()).isEqualTo("MP Materials (my edit)");
        assertThat(robot.lookup("#form-save").tryQuery()).as("the form closed once saved").isEmpty();

        // The history shows both changes, newest first, with who made them and what changed.
        robot.clickOn("#history-securities");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#record-history").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RecordHistoryDialog.Row> history = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(history.getItems()).extracting(RecordHistoryDialog.Row::version).containsExactly(2, 1);
        assertThat(history.getItems().get(0).changes())
                .isEqualTo("name: MP Materials (their edit) → MP Materials (my edit)");
        assertThat(history.getItems()).extracting(RecordHistoryDialog.Row::through).containsOnly("the app");
        assertThat(robot.lookup("#history-summary").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("Version 2, last changed by").endsWith(" through the app.");
        assertThat(history.getItems()).allSatisfy(r -> assertThat(r.who())
                .isEqualTo(org.rareearth.dashboard.testing.TestStores.onPostgres()
                        ? org.rareearth.dashboard.testing.PostgresServer.SUPERUSER : System.getProperty("user.name")));
        robot.interact(() -> robot.lookup("#record-history").queryAs(DialogPane.class).getScene().getWindow().hide());
    }

    @Test
    void keeping_theirs_leaves_the_store_alone_and_copy_mine_puts_mine_on_the_clipboard_as_a_dataset(FxRobot robot)
            throws Exception {
        Security mp = openEditFormOnMp(robot);
        colleagueRenames(mp);
        robot.clickOn("#form-save");
        DialogPane conflict = conflictDialog(robot);
        robot.interact(() -> ((Button) conflict.lookupButton(RecordConflictDialog.COPY_MINE)).fire());
        WindowFixture.awaitWrites(window);
        assertThat(storedName()).isEqualTo("MP Materials (their edit)");
        assertThat(robot.lookup("#form-save").tryQuery()).isEmpty();
        String clip = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get();
        var mine = org.rareearth.dashboard.io.dataset.DatasetFiles.read(
                new java.io.ByteArrayInputStream(clip.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "clipboard");
        assertThat(mine.securities()).singleElement().extracting(Security::name).isEqualTo("MP Materials (my edit)");
    }

    @Test
    void a_colleagues_dataset_import_shows_in_the_conflict_and_in_the_history_by_name(FxRobot robot) throws Exception {
        Security mp = openEditFormOnMp(robot);
        java.nio.file.Path file = fixture.home.resolve("desk-review.json");
        org.rareearth.dashboard.io.dataset.DatasetFiles.write(org.rareearth.dashboard.domain.Dataset.of(
                mp.withSourceUrl("https://example.org/mp-annual-report")), file);
        colleague.importDataset(file, false);

        robot.clickOn("#form-save");
        DialogPane conflict = conflictDialog(robot);
        assertThat(conflict.getHeaderText()).contains("through dataset import desk-review.json");
        robot.interact(() -> ((Button) conflict.lookupButton(RecordConflictDialog.KEEP_THEIRS)).fire());
        WindowFixture.awaitWrites(window);

        robot.clickOn("#history-securities");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#record-history").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<RecordHistoryDialog.Row> history = robot.lookup("#history-table").queryAs(TableView.class);
        assertThat(history.getItems()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("edit");
            assertThat(r.through()).isEqualTo("dataset import desk-review.json");
            assertThat(r.changes()).isEqualTo("sourceUrl: " + (mp.sourceUrl() == null ? "—" : mp.sourceUrl())
                    + " → https://example.org/mp-annual-report");
        });
        robot.interact(() -> robot.lookup("#record-history").queryAs(DialogPane.class).getScene().getWindow().hide());
    }
}
