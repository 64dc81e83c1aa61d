package org.rareearth.dashboard.desktop.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.io.prices.PriceCsv;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog: preview, corrections, the import itself. Prices here are made up for the test. */
@ExtendWith(FxThreadLookups.class)
class PriceImportDialogTest {

    private Workspace services;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("red-import");
        services = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"));
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
        org.rareearth.dashboard.testing.TestDirs.deleteTree(dir);
    }

    private PriceImportDialog open(FxRobot robot, String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        PriceImportDialog[] d = new PriceImportDialog[1];
        robot.interact(() -> {
            d[0] = new PriceImportDialog(stage, services, f, null);
            d[0].show();
        });
        return d[0];
    }

    @SuppressWarnings("unchecked")
    private TableView<PriceCsv.Row> preview(FxRobot robot) {
        return robot.lookup("#import-preview").queryAs(TableView.class);
    }

    @Test
    void the_preview_shows_rows_as_parsed_and_the_symbol_is_guessed_from_the_file_name(FxRobot robot) throws Exception {
        open(robot, "MP.csv", "Date,Close/Last,Volume,Open,High,Low\n07/10/2025,$15.45,5000,$10.30,$15.60,$10.30\n"
                + "07/09/2025,$10.30,1100,$10.20,$10.40,$10.00\n");
        TableView<PriceCsv.Row> t = preview(robot);
        assertThat(t.getItems()).hasSize(2);
        assertThat(t.getItems().get(0).close()).isEqualTo(15.45);
        assertThat(t.getItems().get(0).date()).hasToString("2025-07-10");
        @SuppressWarnings("unchecked")
        ComboBox<String> sym = robot.lookup("#import-symbol").queryAs(ComboBox.class);
        assertThat(sym.getValue()).isEqualTo("MP");
    }

    @Test
    void changing_the_delimiter_reads_no_file_on_the_fx_thread(FxRobot robot) throws Exception {
        // Two columns whichever delimiter splits the file, so the mapping holds and each choice parses the rows.
        open(robot, "mixed.csv", "Date;Close,x\n2025-07-10;15.45,1\n2025-07-11;15.5,2\n");
        TableView<PriceCsv.Row> t = preview(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> delimiter = robot.lookup("#delimiter").queryAs(
                javafx.scene.control.ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> date = robot.lookup("#map-date").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> close = robot.lookup("#map-close").queryAs(ComboBox.class);
        javafx.scene.control.Label message = robot.lookup("#import-message").queryAs(javafx.scene.control.Label.class);
        robot.interact(() -> {
            delimiter.setValue(";");
            date.setValue(date.getItems().get(1));
            close.setValue(close.getItems().get(2));
        });
        assertThat(t.getItems()).hasSize(2);
        assertThat(t.getItems().get(0).problem()).isNotNull(); // "15.45,1" is no price
        // Every delimiter's preview was read when the dialog opened: with the file gone, choosing one still works.
        Files.delete(dir.resolve("mixed.csv"));
        robot.interact(() -> delimiter.setValue(","));
        assertThat(message.getText()).doesNotContain("no such file");
        assertThat(t.getItems()).hasSize(2);
        assertThat(t.getItems().get(0).problem()).isNotNull(); // "2025-07-10;15.45" is no date
        assertThat(close.getValue()).startsWith("2: ");
    }

    @Test
    void fixing_the_date_format_and_a_column_changes_the_preview(FxRobot robot) throws Exception {
        open(robot, "x.csv", "Day,Last,First\n10/07/2025,15.45,1\n11/07/2025,15.50,2\n");
        TableView<PriceCsv.Row> t = preview(robot);
        // 10/07 and 11/07 read as month/day (October, November) at first: the user says day first.
        assertThat(t.getItems().get(0).date()).hasToString("2025-10-07");
        @SuppressWarnings("unchecked")
        ComboBox<String> fmt = robot.lookup("#date-format").queryAs(ComboBox.class);
        robot.interact(() -> fmt.setValue("d/M/yyyy"));
        assertThat(t.getItems().get(0).date()).hasToString("2025-07-10");
        @SuppressWarnings("unchecked")
        ComboBox<String> close = robot.lookup("#map-close").queryAs(ComboBox.class);
        robot.interact(() -> close.setValue("3: First"));
        assertThat(t.getItems().get(0).close()).isEqualTo(1.0);
    }

    @Test
    void importing_writes_the_rows_with_progress_and_returns_the_result(FxRobot robot) throws Exception {
        PriceImportDialog d = open(robot, "LYC.csv", "Date,Close\n2025-07-08,10\n2025-07-09,11\n2025-07-10,bad\n");
        robot.clickOn("#do-import");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#import-message").queryAs(Label.class).getText().startsWith("Nothing"));
        assertThat(robot.lookup("#import-message").queryAs(Label.class).getText())
                .contains("line 4, column Close ('bad'): not a number");
        assertThat(services.priceBars.count()).as("strict: nothing written").isZero();
        robot.clickOn("#skip-bad-rows");
        robot.clickOn("#do-import");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !d.isShowing());
        Optional<PriceImportService.Result> r = Optional.ofNullable(d.getResult());
        assertThat(r).isPresent();
        assertThat(r.get().inserted()).isEqualTo(2);
        assertThat(r.get().skipped()).hasSize(1);
        assertThat(services.priceBars.forSymbol("LYC")).hasSize(2);
    }

    @Test
    void a_new_symbol_is_created_with_the_exchange_and_currency_given(FxRobot robot) throws Exception {
        PriceImportDialog d = open(robot, "prices.csv", "Date,Close\n2025-07-08,10\n");
        robot.clickOn("#import-symbol").write("NEWCO");
        robot.clickOn("#new-exchange").write("ASX");
        robot.interact(() -> robot.lookup("#new-currency").queryAs(javafx.scene.control.TextField.class).setText("aud"));
        robot.clickOn("#do-import");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !d.isShowing());
        assertThat(services.securities.find("NEWCO")).get().satisfies(sec -> {
            assertThat(sec.exchange()).isEqualTo("ASX");
            assertThat(sec.currency()).isEqualTo("AUD");
        });
        assertThat(services.priceBars.forSymbol("NEWCO")).hasSize(1);
    }
}
