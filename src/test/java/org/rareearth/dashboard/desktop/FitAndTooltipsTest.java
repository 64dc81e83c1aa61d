package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1280×800, in every view: no control's text is cut short, and every control a user can operate says what it
 * does in a tooltip.
 */
@ExtendWith(FxThreadLookups.class)
class FitAndTooltipsTest {
    private WindowFixture fixture;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = WindowFixture.open(stage);
        window = fixture.window;
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void every_view_fits_1280_by_800_and_every_control_has_a_tooltip(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String view : List.of("Dashboard", "Stock reactions", "Price-support gap",
                "Export-restriction timeline", "Data")) {
            robot.interact(() -> window.show(view));
            WindowFixture.awaitReads(window);
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            walk(stage.getScene().getRoot(), view, problems);
            if (view.equals("Data")) {
                javafx.scene.control.TabPane tabs = robot.lookup("#data-tabs").queryAs(javafx.scene.control.TabPane.class);
                for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                    robot.interact(() -> tabs.getSelectionModel().select(tab));
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> stage.getScene().getRoot().layout());
                    if (tab.getTooltip() == null) {
                        problems.add("Data: tab '" + tab.getText() + "' has no tooltip");
                    }
                    walk(stage.getScene().getRoot(), "Data > " + tab.getText(), problems);
                }
            }
        }
        assertThat(checked).as("controls checked").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_event_window_and_the_pooled_tab_fit_with_their_tables_filled(FxRobot robot) throws Exception {
        // Generated daily prices (tests only) for MP, USAR, LYC and the S&P 500; the ASX index has none, so LYC's
        // line is raw and its model says why.
        var spx = org.rareearth.dashboard.testdata.GeneratedPrices.generated("^GSPC", 11, 0, null);
        List<org.rareearth.dashboard.domain.PriceBar> bars = new ArrayList<>(spx);
        double[] m = org.rareearth.dashboard.testdata.GeneratedPrices.returnsOf(spx);
        bars.addAll(org.rareearth.dashboard.testdata.GeneratedPrices.generated("MP", 1, 1.4, m));
        bars.addAll(org.rareearth.dashboard.testdata.GeneratedPrices.generated("USAR", 2, 1.1, m));
        bars.addAll(org.rareearth.dashboard.testdata.GeneratedPrices.generated("LYC", 3, 0.9, m));
        fixture.services.datasets.write(new org.rareearth.dashboard.domain.Dataset(null, null, List.of(), bars,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of()), false);
        var view = (org.rareearth.dashboard.desktop.reactions.ReactionsView) window.view("Stock reactions");
        robot.interact(() -> {
            window.show("Stock reactions");
            view.focusEvent("dod-mp-2025");
        });
        javafx.scene.control.TabPane tabs = robot.lookup("#reactions-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> view.studyRows().stream()
                .anyMatch(r -> r.symbol().equals("LYC") && r.model().startsWith("raw")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        List<String> problems = new ArrayList<>();
        walk(stage.getScene().getRoot(), "Stock reactions > Event window", problems);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> view.pooled().second
                .outcomeProperty().get() != null && !view.pooled().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        walk(stage.getScene().getRoot(), "Stock reactions > Pooled", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void every_record_form_fits_and_says_what_each_field_is(FxRobot robot) throws Exception {
        robot.interact(() -> window.show("Data"));
        javafx.scene.control.TabPane tabs = robot.lookup("#data-tabs").queryAs(javafx.scene.control.TabPane.class);
        org.rareearth.dashboard.desktop.data.DataView data = (org.rareearth.dashboard.desktop.data.DataView) window.view("Data");
        List<String> problems = new ArrayList<>();
        int forms = 0;
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            if ("tab-price-bars".equals(tab.getId()) || "tab-review".equals(tab.getId())) {
                continue; // daily prices come in by import, the review list is read-only: neither has a form
            }
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            javafx.application.Platform.runLater(data::addInCurrentTab);
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(
                    javafx.scene.control.DialogPane.class);
            robot.interact(() -> pane.layout());
            walk(pane, "form " + tab.getText(), problems);
            forms++;
            robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(forms).isEqualTo(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_import_and_export_dialogs_fit_and_say_what_each_control_does(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        Path csv = fixture.home.resolve("MP.csv");
        Files.writeString(csv, "Date,Close/Last,Volume,Open,High,Low\n07/10/2025,$15.45,5000,$10.30,$15.60,$10.30\n");
        javafx.application.Platform.runLater(() -> window.importPrices(csv, null));
        walkDialog(robot, "import dialog", problems);

        robot.interact(() -> window.show("Price-support gap"));
        WindowFixture.awaitReads(window);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.E)
                .release(javafx.scene.input.KeyCode.CONTROL);
        walkDialog(robot, "export dialog", problems);
        assertThat(problems).isEmpty();
    }

    /** Waits for a dialog, checks it like a view, and closes it. */
    private void walkDialog(FxRobot robot, String name, List<String> problems) throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(
                javafx.scene.control.DialogPane.class);
        robot.interact(pane::layout);
        int before = checked;
        walk(pane, name, problems);
        assertThat(checked - before).as(name + " controls checked").isGreaterThan(3);
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void the_check_sees_a_cut_label_and_a_button_without_a_tooltip(FxRobot robot) {
        javafx.scene.control.Label cut = new javafx.scene.control.Label("A label far too long for its place");
        cut.setMaxWidth(60);
        javafx.scene.control.Button bare = new javafx.scene.control.Button("Go");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(cut, bare);
        robot.interact(() -> {
            new javafx.scene.Scene(box, 200, 100);
            box.applyCss();
            box.layout();
        });
        List<String> problems = new ArrayList<>();
        walk(box, "test", problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("is cut to");
        assertThat(problems.get(1)).contains("'Go' has no tooltip");
    }

    private int checked;

    private void walk(Node n, String view, List<String> problems) {
        if (!n.isVisible() || n instanceof Chart || n instanceof TableView || n instanceof ScrollBar
                || n.getStyleClass().contains("dashboard-tile")) {
            return; // charts, tables and tiles lay out their own text (values in tooltips and cells)
        }
        if (n instanceof Labeled l && !l.isWrapText() && l.getText() != null && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().equals(l.getText()) && t.getText().contains(l.getEllipsisString())) {
                problems.add(view + ": '" + l.getText() + "' is cut to '" + t.getText() + "'");
            }
        }
        if (operable(n)) {
            checked++;
        }
        if (operable(n) && org.rareearth.dashboard.desktop.common.Tips.text(n) == null
                && ((Control) n).getTooltip() == null) {
            problems.add(view + ": " + n.getClass().getSimpleName() + " '" + describe(n) + "' has no tooltip");
        }
        if (operable(n)) {
            return; // a control's own parts (a spinner's editor, a combo's button) share its tooltip
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, view, problems);
            }
        }
    }

    private static boolean operable(Node n) {
        return (n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof TextInputControl
                || n instanceof Spinner || n instanceof ChoiceBox
                || n instanceof org.controlsfx.control.CheckComboBox)
                && !(n.getParent() != null && n.getParent().getStyleClass().contains("menu-bar"))
                && !n.getStyleClass().contains("menu-button") && !n.getStyleClass().contains("tab-header-area");
    }

    private static String describe(Node n) {
        if (n instanceof Labeled l) {
            return l.getText();
        }
        if (n instanceof TextInputControl t) {
            return t.getPromptText() == null ? n.getId() : t.getPromptText();
        }
        return String.valueOf(n.getId());
    }
}
