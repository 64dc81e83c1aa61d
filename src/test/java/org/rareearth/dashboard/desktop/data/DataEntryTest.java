package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Manual data entry as a user does it: forms, refusals, edit, delete, undo, redo, and the data surviving a restart. */
@ExtendWith(FxThreadLookups.class)
class DataEntryTest {

    private Workspace services;
    private MainWindow window;
    private Path db;

    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage);
        db = fixture.storePath();
        services = fixture.services;
        window = fixture.window;
        window.show(DataView.TITLE);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Tabs are picked by id: their order changes when a kind of record is added. */
    private static void selectTab(FxRobot robot, TabPane tabs, String id) {
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow(() -> new AssertionError("no tab " + id))));
    }

    /** Waits for the writes asked for (off the FX thread) and the view's read of what they wrote. */
    private void settle() {
        WindowFixture.awaitWrites(window);
    }

    private void openEventsTab(FxRobot robot) {
        WindowFixture.awaitReads(window);
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        selectTab(robot, tabs, "tab-events");
    }

    private String error(FxRobot robot, String field) {
        return robot.lookup("#error-" + field).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<PolicyEvent> eventsTable(FxRobot robot) {
        return robot.lookup("#table-events").queryAs(TableView.class);
    }

    /** The event of the table with {@code code}. */
    private static PolicyEvent event(TableView<PolicyEvent> table, String code) {
        return table.getItems().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + code + " in the table"));
    }

    private Button save(FxRobot robot) {
        return robot.lookup("#form-save").queryAs(Button.class);
    }

    private void fillNewEvent(FxRobot robot) {
        robot.clickOn("#field-title").write("MOFCOM No. 99");
        TextField title = robot.lookup("#field-title").queryAs(TextField.class);
        robot.interact(() -> title.setText("MOFCOM No. 99 of 2026: test control on scandium oxide"));
        @SuppressWarnings("unchecked")
        ComboBox<String> actor = robot.lookup("#field-actor").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> category = robot.lookup("#field-category").queryAs(ComboBox.class);
        robot.interact(() -> {
            actor.setValue("china");
            category.setValue("export-control");
        });
        robot.clickOn("#field-announced .text-field").write("2026-03-02");
        robot.clickOn("#field-effective .text-field").write("2026-04-01");
        robot.clickOn("#field-materials-more").write("Sc, scandium oxide");
        TextField source = robot.lookup("#field-source").queryAs(TextField.class);
        robot.interact(() -> source.setText("MOFCOM announcement (unit test)"));
    }

    /** JavaFX styles every node in the scene when the view comes back; hidden tabs must not be among them. */
    @Test
    void only_the_tab_in_front_is_in_the_scene_and_a_tab_keeps_its_rows_when_it_comes_back(FxRobot robot) {
        openEventsTab(robot);
        TableView<?> events = robot.lookup("#table-events").queryAs(TableView.class);
        assertThat(events.getItems()).hasSize(43);
        assertThat(robot.lookup("#table-securities").tryQuery()).as("a hidden tab's table").isEmpty();
        assertThat(robot.lookup("#review-table").tryQuery()).isEmpty();
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        selectTab(robot, tabs, "tab-securities");
        assertThat(robot.lookup("#table-events").tryQuery()).isEmpty();
        assertThat(robot.lookup("#table-securities").queryAs(TableView.class).getItems()).isNotEmpty();
        selectTab(robot, tabs, "tab-events");
        assertThat(robot.lookup("#table-events").queryAs(TableView.class)).isSameAs(events);
        assertThat(events.getItems()).hasSize(43);
    }

    @Test
    void an_event_typed_into_the_form_is_stored_and_appears_on_the_timeline(FxRobot robot) {
        openEventsTab(robot);
        robot.clickOn("#add-events");
        fillNewEvent(robot);
        assertThat(save(robot).isDisabled()).isFalse();
        robot.clickOn("#form-save");
        settle();
        PolicyEvent stored = services.events.all().stream().filter(e -> e.title().startsWith("MOFCOM No. 99 of 2026"))
                .findFirst().orElseThrow();
        assertThat(stored.code()).isEqualTo("mofcom-no-99-of-2026-test-control-on-2026");
        assertThat(stored.materials()).containsExactlyInAnyOrder("Sc", "scandium oxide");
        assertThat(stored.effective()).isEqualTo(LocalDate.of(2026, 4, 1));
        TableView<?> table = robot.lookup("#table-events").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(44);
        robot.interact(() -> window.show(TimelineView.TITLE));
        WindowFixture.awaitReads(window);
        assertThat(robot.lookup("#timeline-counts").queryAs(Label.class).getText()).startsWith("Showing 44 of 44");
    }

    @Test
    void each_invalid_value_is_refused_with_its_reason_and_nothing_is_written(FxRobot robot) {
        openEventsTab(robot);
        robot.clickOn("#add-events");
        assertThat(save(robot).isDisabled()).as("an empty form cannot be saved").isTrue();
        assertThat(error(robot, "source")).as("an untouched field does not shout yet").isEmpty();
        assertThat(robot.lookup("#form-message").queryAs(Label.class).getText())
                .contains("Save needs").contains("Title").contains("Fill in the fields marked *");
        fillNewEvent(robot);
        // Effective before announced
        DatePicker effective = robot.lookup("#field-effective").queryAs(DatePicker.class);
        robot.interact(() -> effective.getEditor().setText("2026-01-15"));
        assertThat(error(robot, "effective")).contains("is before announced 2026-03-02");
        assertThat(save(robot).isDisabled()).isTrue();
        robot.interact(() -> effective.getEditor().setText("2026-02-30"));
        assertThat(error(robot, "effective")).contains("not a real date");
        robot.interact(() -> effective.getEditor().setText("2026-04-01"));
        assertThat(error(robot, "effective")).isEmpty();
        // A blank source
        TextField source = robot.lookup("#field-source").queryAs(TextField.class);
        robot.interact(() -> source.setText(""));
        assertThat(error(robot, "source")).contains("missing or blank");
        assertThat(save(robot).isDisabled()).isTrue();
        // A duplicate of an existing record
        TextField code = robot.lookup("#field-code").queryAs(TextField.class);
        robot.interact(() -> {
            source.setText("x");
            code.setText("mofcom-61-2025");
        });
        assertThat(error(robot, "code")).contains("the event 'mofcom-61-2025'").contains("already exists");
        assertThat(save(robot).isDisabled()).isTrue();
        robot.clickOn("Cancel");
        assertThat(services.events.count()).isEqualTo(43);
    }

    /**
     * One form serves every record of its kind: what the user typed into it for one record, and the marks of what
     * was wrong, never show up when it opens for the next.
     */
    @Test
    void the_form_kept_for_the_next_record_shows_that_record_only(FxRobot robot) {
        openEventsTab(robot);
        TableView<PolicyEvent> table = eventsTable(robot);
        PolicyEvent dod = event(table, "dod-mp-2025");
        PolicyEvent other = table.getItems().stream().filter(e -> !e.code().equals("dod-mp-2025")
                && e.effective() == null).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(dod));
        robot.clickOn("#edit-events");
        javafx.stage.Window first = save(robot).getScene().getWindow();
        DatePicker effective = robot.lookup("#field-effective").queryAs(DatePicker.class);
        robot.interact(() -> {
            effective.getEditor().setText("2026-02-30");
            robot.lookup("#field-materials-more").queryAs(TextField.class).setText("Sc");
            robot.lookup("#field-title").queryAs(TextField.class).setText("");
        });
        assertThat(error(robot, "effective")).contains("not a real date");
        assertThat(save(robot).isDisabled()).isTrue();
        robot.clickOn("Cancel");

        robot.interact(() -> table.getSelectionModel().select(other));
        robot.clickOn("#edit-events");
        assertThat(save(robot).getScene().getWindow()).as("the same form, kept").isSameAs(first);
        assertThat(robot.lookup("#field-title").queryAs(TextField.class).getText()).isEqualTo(other.title());
        assertThat(effective.getEditor().getText()).as("its own empty date, not the one typed before").isEmpty();
        assertThat(robot.lookup("#field-materials-more").queryAs(TextField.class).getText()).isEmpty();
        assertThat(error(robot, "effective")).isEmpty();
        assertThat(error(robot, "title")).isEmpty();
        assertThat(save(robot).isDisabled()).as("a stored record opens ready to save").isFalse();
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText()).contains(other.title());
        robot.clickOn("Cancel");

        robot.clickOn("#add-events");
        assertThat(robot.lookup("#field-title").queryAs(TextField.class).getText()).isEmpty();
        assertThat(error(robot, "title")).as("an untouched field of a new record does not shout").isEmpty();
        assertThat(save(robot).isDisabled()).isTrue();
        fillNewEvent(robot);
        robot.clickOn("#form-save");
        settle();
        assertThat(services.events.all()).anyMatch(e -> e.title().startsWith("MOFCOM No. 99 of 2026"));

        robot.clickOn("#add-events");
        assertThat(robot.lookup("#field-title").queryAs(TextField.class).getText())
                .as("after a save the form opens empty again").isEmpty();
        assertThat(robot.lookup("#field-announced").queryAs(DatePicker.class).getEditor().getText()).isEmpty();
        assertThat(save(robot).isDisabled()).isTrue();
        robot.clickOn("Cancel");
        assertThat(services.events.count()).isEqualTo(44);
    }

    /** The event form is made and styled in small steps once the records are read, before anyone opens it. */
    @Test
    void the_event_form_is_ready_before_its_first_opening_and_opens_with_the_record(FxRobot robot) throws Exception {
        openEventsTab(robot);
        DataView data = (DataView) window.view(DataView.TITLE);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> FxRuntime.call(() -> {
            RecordForm<?> f = data.keptForm(RecordKind.EVENTS);
            return f != null && f.prepared();
        }));
        RecordForm<?> ready = FxRuntime.call(() -> data.keptForm(RecordKind.EVENTS));
        DatePicker announced = FxRuntime.call(() -> (DatePicker) ready.getDialogPane().lookup("#field-announced"));
        assertThat(announced).as("every field is in the form").isNotNull();
        assertThat(announced.getSkin()).as("styled: its skin made").isNotNull();
        assertThat(ready.isShowing()).isFalse();

        TableView<PolicyEvent> table = eventsTable(robot);
        PolicyEvent dod = event(table, "dod-mp-2025");
        robot.interact(() -> table.getSelectionModel().select(dod));
        robot.clickOn("#edit-events");
        assertThat(save(robot).getScene().getWindow()).as("the form made ahead")
                .isSameAs(ready.getDialogPane().getScene().getWindow());
        assertThat(robot.lookup("#field-title").queryAs(TextField.class).getText()).isEqualTo(dod.title());
        assertThat(announced.getEditor().getText()).isEqualTo(dod.announced().toString());
        robot.clickOn("Cancel");
    }

    /** Opened before its steps are done (a quick click), a form puts in the fields still missing and works. */
    @Test
    void a_form_opened_before_its_preparation_is_done_has_every_field(FxRobot robot) {
        openEventsTab(robot);
        javafx.stage.Window owner = robot.lookup("#data-tabs").query().getScene().getWindow();
        RecordForm<PolicyEvent> form = FxRuntime.call(() -> new RecordForm<>(owner, RecordKind.EVENTS,
                new RecordEditor(services)));
        assertThat(FxRuntime.call(form::prepareStep)).as("the frame styled, fields to go").isTrue();
        assertThat(FxRuntime.call(form::prepareStep)).as("the first fields in, more to go").isTrue();
        assertThat(FxRuntime.call(form::prepared)).isFalse();
        assertThat(FxRuntime.call(() -> form.getDialogPane().lookup("#field-source"))).as("not yet in the grid")
                .isNull();
        javafx.application.Platform.runLater(() -> form.load(null, java.util.Map.of(), RecordEditor.Context.EMPTY)
                .show());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxRuntime.call(form::isShowing)).isTrue();
        assertThat(FxRuntime.call(form::prepared)).isTrue();
        assertThat(robot.lookup("#field-source").tryQuery()).isPresent();
        assertThat(FxRuntime.call(form::prepareStep)).as("an open form takes no more steps").isFalse();
        robot.interact(form::close);
    }

    @Test
    void quote_form_refuses_low_above_high_and_an_unknown_currency(FxRobot robot) {
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        selectTab(robot, tabs, "tab-price-quotes");
        robot.clickOn("#add-price-quotes");
        robot.clickOn("#field-date .text-field").write("2026-03-02");
        robot.clickOn("#field-low").write("900000");
        robot.clickOn("#field-high").write("850000");
        robot.clickOn("#field-source").write("unit test");
        assertThat(error(robot, "low")).contains("is above high");
        @SuppressWarnings("unchecked")
        ComboBox<String> cur = robot.lookup("#field-currency").queryAs(ComboBox.class);
        robot.interact(() -> cur.getEditor().setText("XXQ"));
        assertThat(error(robot, "currency")).contains("not an ISO 4217 currency code");
        robot.interact(() -> robot.lookup("#field-high").queryAs(TextField.class).setText("abc"));
        assertThat(error(robot, "high")).contains("'abc' is not a number");
        assertThat(save(robot).isDisabled()).isTrue();
        // With an invalid currency and an empty source, the footer counts and names every field that blocks Save.
        robot.interact(() -> robot.lookup("#field-high").queryAs(TextField.class).setText("950000"));
        robot.interact(() -> robot.lookup("#field-source").queryAs(TextField.class).setText(""));
        assertThat(robot.lookup("#form-message").queryAs(Label.class).getText())
                .contains("Save needs 2 more fields: Currency, Source.");
        robot.clickOn("Cancel");
        assertThat(services.assessments.count()).isEqualTo(17);
    }

    @Test
    void edit_then_delete_naming_the_reactions_then_undo_and_redo(FxRobot robot) {
        openEventsTab(robot);
        TableView<PolicyEvent> table = eventsTable(robot);
        PolicyEvent dod = event(table, "dod-mp-2025");
        robot.interact(() -> table.getSelectionModel().select(dod));
        robot.clickOn("#edit-events");
        TextField title = robot.lookup("#field-title").queryAs(TextField.class);
        robot.interact(() -> title.setText("DoD–MP Materials partnership (edited)"));
        robot.clickOn("#form-save");
        settle();
        assertThat(services.events.find("dod-mp-2025").orElseThrow().title()).endsWith("(edited)");
        assertThat(table.getItems()).as("the table shows the record as saved").anyMatch(
                e -> e.code().equals("dod-mp-2025") && e.title().endsWith("(edited)"));

        PolicyEvent edited = event(table, "dod-mp-2025");
        robot.interact(() -> table.getSelectionModel().select(edited));
        robot.clickOn("#delete-events");
        settle(); // what depends on the event is read off the FX thread before the question is asked
        DialogPane confirm = robot.lookup("#delete-confirmation").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).contains("will be deleted with it").contains("reaction of MP")
                .contains("reaction of LYC");
        robot.clickOn("OK");
        settle();
        assertThat(services.events.find("dod-mp-2025")).isEmpty();
        assertThat(services.reactions.count()).isEqualTo(3); // only the Apple-deal and JARE reactions remain
        robot.clickOn("#table-events"); // the main window has the keyboard again

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(services.events.find("dod-mp-2025").orElseThrow().title()).endsWith("(edited)");
        assertThat(services.reactions.count()).isEqualTo(12);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(services.events.find("dod-mp-2025").orElseThrow().title()).doesNotContain("(edited)");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        settle();
        assertThat(services.events.find("dod-mp-2025")).isEmpty();
        assertThat(services.reactions.count()).isEqualTo(3);
    }

    @Test
    void a_failed_save_keeps_the_form_open_with_the_input(FxRobot robot) throws Exception {
        // Another program makes every FX insert fail, as a full disk or a locked store would.
        if (services.store().location() instanceof org.rareearth.dashboard.store.StoreLocation.Postgres pg) {
            org.rareearth.dashboard.testing.PostgresServer.shared().execute(pg.database(),
                    "CREATE FUNCTION refuse_fx() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$BEGIN RAISE EXCEPTION 'disk I/O error (simulated)'; END$$",
                    "CREATE TRIGGER refuse_fx BEFORE INSERT ON fx_rate FOR EACH ROW EXECUTE FUNCTION refuse_fx()");
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER refuse_fx BEFORE INSERT ON fx_rate BEGIN"
                        + " SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
            }
        }
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        selectTab(robot, tabs, "tab-fx-rates");
        robot.clickOn("#add-fx-rates");
        robot.clickOn("#field-date .text-field").write("2026-03-02");
        robot.clickOn("#field-rate").write("6.91");
        robot.clickOn("#field-source").write("CFETS (unit test)");
        robot.clickOn("#form-save");
        settle();
        assertThat(robot.lookup("#form-message").queryAs(Label.class).getText()).contains("Not saved")
                .contains("simulated").contains("input is kept");
        assertThat(robot.lookup("#field-rate").queryAs(TextField.class).getText()).isEqualTo("6.91");
        robot.clickOn("Cancel");
        assertThat(services.fxRates.count()).isEqualTo(27);
    }

    @Test
    void data_entered_survives_closing_and_reopening_the_store(FxRobot robot) {
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        selectTab(robot, tabs, "tab-fx-rates");
        robot.clickOn("#add-fx-rates");
        robot.clickOn("#field-date .text-field").write("2026-03-02");
        robot.clickOn("#field-rate").write("6.9123");
        robot.clickOn("#field-source").write("CFETS (unit test)");
        robot.clickOn("#form-save");
        settle();
        services.close(); // the fixture's close closes it again, which does nothing
        try (Workspace again = org.rareearth.dashboard.testing.TestStores.open(db)) {
            assertThat(again.fxRates.all()).anyMatch(r -> r.date().equals(LocalDate.of(2026, 3, 2))
                    && r.rate() == 6.9123);
        }
    }

    @Test
    void the_timeline_context_menu_opens_the_event_form_with_the_date(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(TimelineView.TITLE));
        WindowFixture.awaitReads(window);
        var canvas = robot.lookup("#timeline").query();
        // The platform turns a right click (or the menu key) into a context-menu request; send that request.
        javafx.geometry.Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
        robot.interact(() -> javafx.event.Event.fireEvent(canvas, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 400, 200, b.getMinX() + 400,
                b.getMinY() + 200, false, null)));
        robot.clickOn(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("Add event on"));
        DatePicker announced = robot.lookup("#field-announced").queryAs(DatePicker.class);
        assertThat(announced.getValue()).isNotNull();
        robot.clickOn("Cancel");
    }

    @Test
    void a_long_price_series_is_drawn_with_at_most_two_points_per_pixel(FxRobot robot) throws Exception {
        // 25,000 generated daily prices (made up for the test) for one security.
        Path csv = org.rareearth.dashboard.bench.ImportBenchmark.writeLongFile(db.resolveSibling("long.csv"), 1, 25_000);
        org.rareearth.dashboard.service.PriceImportService.run(services.store(), csv,
                new org.rareearth.dashboard.service.PriceImportService.Options(null, false, true, null, null, null));
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> window.view(DataView.TITLE).refresh());
        settle();
        selectTab(robot, tabs, "tab-price-bars");
        @SuppressWarnings("unchecked")
        ComboBox<String> symbol = robot.lookup("#bars-symbol").queryAs(ComboBox.class);
        robot.interact(() -> symbol.setValue("SYN00"));
        // The bars are read off the FX thread; the table fills when they are in.
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#table-price-bars").queryAs(TableView.class).getItems().size() == 25_000);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#bars-chart").queryAs(javafx.scene.chart.LineChart.class);
        int points = chart.getData().get(0).getData().size();
        assertThat(chart.getWidth()).as("the chart is in view").isGreaterThan(300);
        assertThat(points).isGreaterThan(100).isLessThanOrEqualTo((int) Math.max(200, 2 * chart.getWidth()));
        assertThat(robot.lookup("#table-price-bars").queryAs(TableView.class).getItems()).hasSize(25_000);

        // Zoomed in, the chart shows a shorter stretch of dates, still at most two points per pixel.
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        double span = x.getUpperBound() - x.getLowerBound();
        robot.interact(chart::requestFocus);
        assertThat(chart.isFocused()).as("focus on " + chart.getScene().getFocusOwner()).isTrue();
        robot.type(javafx.scene.input.KeyCode.EQUALS, javafx.scene.input.KeyCode.EQUALS);
        assertThat(x.getUpperBound() - x.getLowerBound()).isLessThan(0.7 * span);
        assertThat(chart.getData().get(0).getData().size()).isLessThanOrEqualTo((int) Math.max(200, 2 * chart.getWidth()));
    }
}
