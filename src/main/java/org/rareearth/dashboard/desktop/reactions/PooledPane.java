package org.rareearth.dashboard.desktop.reactions;

import org.rareearth.dashboard.desktop.common.DropDowns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.apache.commons.statistics.distribution.TDistribution;
import org.controlsfx.control.CheckComboBox;
import org.rareearth.dashboard.analytics.PooledEventStudy;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.desktop.export.ExportSpec;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Stock reactions > Pooled: for two sets of events side by side, the CAAR from day −10 to +10 with its 95% band,
 * the AAR bars, the four tests with significance marks and the table of studies. It builds nodes and binds to
 * {@link PooledViewModel}; nothing here computes.
 */
final class PooledPane {
    private final PooledViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label message = new Label();
    private final SetPane left;
    private final SetPane right;

    PooledPane(PooledViewModel vm, List<String> equities, List<String> benchmarks) {
        this.vm = vm;
        CheckComboBox<String> securities = DropDowns.measureFewRows(new CheckComboBox<>());
        securities.setId("pooled-securities");
        securities.setTitle("Securities");
        securities.setShowCheckedCount(true);
        Tips.set(securities, "The securities pooled in both sets");
        securities.getItems().setAll(equities);
        vm.symbols.forEach(s -> securities.getCheckModel().check(s));
        securities.getCheckModel().getCheckedItems().addListener(
                (javafx.collections.ListChangeListener<String>) c -> vm.symbols.setAll(
                        securities.getCheckModel().getCheckedItems()));
        ComboBox<String> benchmark = DropDowns.measureFewRows(new ComboBox<>());
        benchmark.setId("pooled-benchmark");
        benchmark.getItems().add(org.rareearth.dashboard.service.PooledStudyService.AUTO);
        benchmark.getItems().addAll(benchmarks);
        benchmark.getItems().add("none");
        benchmark.valueProperty().bindBidirectional(vm.benchmarkProperty());
        Tips.set(benchmark, "auto: each security's market index; none: mean-adjusted returns (alpha = the"
                + " mean return, beta = 0)");
        TextField window = new TextField();
        window.setId("pooled-window");
        window.setPrefColumnCount(6);
        window.textProperty().bindBidirectional(vm.testWindowProperty());
        Tips.set(window, "The window the CAR and the tests cover, in trading days, FROM:TO");
        TextField estimation = new TextField();
        estimation.setId("pooled-estimation");
        estimation.setPrefColumnCount(7);
        estimation.textProperty().bindBidirectional(vm.estimationProperty());
        Tips.set(estimation, "The estimation window of the market model, FROM:TO trading days (at least"
                + " 120 valid returns, or the study is left out)");
        Button compute = new Button("Compute");
        compute.setId("pooled-compute");
        compute.setDefaultButton(false);
        Tips.set(compute, "Pool the studies of both sets");
        compute.setOnAction(e -> vm.compute());
        compute.disableProperty().bind(vm.runningProperty());
        FlowPane controls = new FlowPane(12, 6, group(new Label("Securities:"), securities),
                group(new Label("Benchmark:"), benchmark), group(new Label("Test window:"), window),
                group(new Label("Estimation:"), estimation), compute);
        controls.setAlignment(Pos.CENTER_LEFT);
        message.setId("pooled-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        left = new SetPane(vm.first, "pooled-a");
        right = new SetPane(vm.second, "pooled-b");
        SplitPane sets = new SplitPane(left.scroll, right.scroll);
        sets.setDividerPositions(0.5);
        Label sub = new Label("Average abnormal returns of the ticked securities around every event of each set:"
                + " the CAAR line with its 95% band, the AAR bars, and the cross-sectional t, Patell, BMP and"
                + " generalized sign tests (two-sided; *** 1%, ** 5%, * 10%).");
        sub.setWrapText(true);
        sub.getStyleClass().add("view-subtitle");
        VBox top = new VBox(6, sub, controls, message);
        root.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 6, 0));
        root.setCenter(sets);
    }

    private static HBox group(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox b = new HBox(6, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    Node node() {
        return root;
    }

    /** The export: both sets' CAAR charts side by side, and their days and tests as CSV rows. */
    ExportSpec exportSpec() {
        List<List<Object>> rows = new ArrayList<>();
        for (PooledViewModel.EventSet s : List.of(vm.first, vm.second)) {
            PooledViewModel.Outcome o = s.outcomeProperty().get();
            if (o == null || o.chart() == null) {
                continue;
            }
            double tc = tCritical(o.chart().n());
            for (PooledEventStudy.Day d : o.chart().days()) {
                rows.add(Arrays.asList(s.name(), "day", d.offset(), d.aar(), d.caar(), d.caar() - tc * d.caarStdError(),
                        d.caar() + tc * d.caarStdError(), o.chart().n()));
            }
            if (o.tests() != null) {
                PooledEventStudy.Result t = o.tests();
                rows.add(Arrays.asList(s.name(), "caar " + t.window(), null, null, t.caar(), null, null, t.n()));
                for (var test : List.of(Arrays.asList("crossSectionalT", t.crossSectionalT()),
                        Arrays.asList("patell", t.patell()), Arrays.asList("bmp", t.bmp()),
                        Arrays.asList("sign", t.sign()))) {
                    PooledEventStudy.Test x = (PooledEventStudy.Test) test.get(1);
                    rows.add(Arrays.asList(s.name(), test.get(0), null, null, x.stat(), x.p(), null, t.n()));
                }
            }
        }
        return new ExportSpec("pooled", "Pooled reactions: " + vm.first.name() + " vs " + vm.second.name(),
                "Cumulative average abnormal return from day −10 to +10 with its 95% band; tests over the window "
                        + vm.testWindowProperty().get() + ". Returns from imported daily prices.",
                () -> {
                    HBox box = new HBox(12, caarChart(vm.first.name(), vm.first.outcomeProperty().get()),
                            caarChart(vm.second.name(), vm.second.outcomeProperty().get()));
                    box.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
                    return box;
                }, List.of("daily prices imported by the user; events from the store"),
                List.of("set", "row", "offset", "aar", "caar_or_stat", "lower_95_or_p", "upper_95", "n"), rows);
    }

    /** Student t's 97.5% quantile with N − 1 degrees of freedom (the 95% band of a mean over N studies). */
    static double tCritical(int n) {
        return n < 2 ? Double.NaN : TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
    }

    /** The CAAR line with its band, for one set's outcome (or a line saying why there is none). */
    static Region caarChart(String setName, PooledViewModel.Outcome o) {
        NumberAxis x = new NumberAxis(-10, 10, 2);
        x.setLabel("trading days from day 0");
        NumberAxis y = new NumberAxis();
        y.setLabel("CAAR");
        y.setForceZeroInRange(true);
        y.setTickLabelFormatter(percentAxis());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("pooled-caar");
        chart.setLegendVisible(false);
        if (o == null || o.chart() == null || o.chart().n() == 0) {
            String why = o == null ? "press Compute" : o.problem() == null ? "no study" : o.problem();
            chart.setTitle(setName == null ? why : setName + ": " + why);
            return chart;
        }
        chart.setTitle((setName == null ? "" : setName + ": ") + "CAAR over " + o.chart().n()
                + " studies (dashed: 95% band)");
        double tc = tCritical(o.chart().n());
        XYChart.Series<Number, Number> caar = new XYChart.Series<>();
        caar.setName("CAAR (N = " + o.chart().n() + ")");
        XYChart.Series<Number, Number> lo = new XYChart.Series<>();
        lo.setName("95% band");
        XYChart.Series<Number, Number> hi = new XYChart.Series<>();
        hi.setName("");
        for (PooledEventStudy.Day d : o.chart().days()) {
            caar.getData().add(new XYChart.Data<>(d.offset(), d.caar()));
            if (Double.isFinite(d.caarStdError())) {
                lo.getData().add(new XYChart.Data<>(d.offset(), d.caar() - tc * d.caarStdError()));
                hi.getData().add(new XYChart.Data<>(d.offset(), d.caar() + tc * d.caarStdError()));
            }
        }
        chart.getData().setAll(List.of(caar, lo, hi));
        caar.getNode().setStyle("-fx-stroke: #0072B2; -fx-stroke-width: 2.5;");
        for (var band : List.of(lo, hi)) {
            if (band.getNode() != null) {
                band.getNode().setStyle("-fx-stroke: #0072B2; -fx-stroke-width: 1; -fx-stroke-dash-array: 4 4;"
                        + " -fx-opacity: 0.7;");
            }
        }
        return chart;
    }

    private static StringConverter<Number> percentAxis() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace("%", "")) / 100;
            }
        };
    }

    /** One set: its choice of events, then its charts, tests and studies. */
    private static final class SetPane {
        final VBox root = new VBox(6);
        final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        private final javafx.scene.control.ToggleButton notesToggle = new javafx.scene.control.ToggleButton();
        private final BorderPane chartHolder = new BorderPane();
        private final BarChart<String, Number> aar = new BarChart<>(new CategoryAxis(), new NumberAxis());
        private final TableView<String[]> tests = Tables.table("Press Compute.");
        private final TableView<PooledEventStudy.Study> studies = Tables.table("No study yet.");
        private final Label notes = new Label();

        SetPane(PooledViewModel.EventSet set, String id) {
            root.setId(id);
            Label title = new Label();
            title.textProperty().bind(set.nameProperty());
            title.getStyleClass().add("section-title");
            title.setStyle("-fx-font-weight: bold;");
            CheckComboBox<Actor> actors = new CheckComboBox<>();
            actors.setId(id + "-actors");
            actors.setTitle("Actors");
            actors.setShowCheckedCount(true);
            actors.getItems().setAll(Actor.values());
            set.actors.forEach(a -> actors.getCheckModel().check(a));
            actors.getCheckModel().getCheckedItems().addListener(
                    (javafx.collections.ListChangeListener<Actor>) c -> set.actors.setAll(
                            actors.getCheckModel().getCheckedItems()));
            Tips.set(actors, "Events of these actors (none ticked: every actor)");
            CheckComboBox<Category> categories = new CheckComboBox<>();
            categories.setId(id + "-categories");
            categories.setTitle("Categories");
            categories.setShowCheckedCount(true);
            categories.getItems().setAll(Category.values());
            set.categories.forEach(c -> categories.getCheckModel().check(c));
            categories.getCheckModel().getCheckedItems().addListener(
                    (javafx.collections.ListChangeListener<Category>) c -> set.categories.setAll(
                            categories.getCheckModel().getCheckedItems()));
            Tips.set(categories, "Events of these categories (none ticked: every category)");
            TextField codes = new TextField();
            codes.setId(id + "-codes");
            codes.setPromptText("or event codes, separated by commas");
            codes.setPrefColumnCount(24);
            Tips.set(codes, "Event codes (as on the timeline's details) override the filters");
            codes.setText(String.join(", ", set.codes));
            codes.textProperty().addListener((o, a, b) -> {
                List<String> typed = Arrays.stream(b.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (!typed.equals(set.codes)) {
                    set.codes.setAll(typed);
                }
            });
            // Codes set from elsewhere (the timeline's "Pool these events") show in the field.
            set.codes.addListener((javafx.collections.ListChangeListener<String>) c -> {
                String text = String.join(", ", set.codes);
                List<String> typed = Arrays.stream(codes.getText().split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                if (!typed.equals(set.codes)) {
                    codes.setText(text);
                }
            });
            FlowPane choice = new FlowPane(6, 6, actors, categories, codes);
            aar.setId(id + "-aar");
            aar.setLegendVisible(false);
            aar.setAnimated(false);
            aar.setTitle("AAR by day");
            aar.setPrefHeight(170);
            ((NumberAxis) aar.getYAxis()).setTickLabelFormatter(percentAxis());
            tests.setId(id + "-tests");
            tests.getColumns().setAll(List.of(Tables.column("Test", (String[] r) -> r[0], 150),
                    Tables.column("Statistic", (String[] r) -> r[1], 90),
                    Tables.column("p (two-sided)", (String[] r) -> r[2], 110)));
            tests.setMinHeight(155);
            tests.setPrefHeight(155);
            studies.setId(id + "-studies");
            studies.getColumns().setAll(List.of(Tables.column("Security", PooledEventStudy.Study::symbol, 80),
                    Tables.column("Event", PooledEventStudy.Study::event, 170),
                    Tables.column("Day 0", s -> Formats.day(s.day0()), 95),
                    Tables.column("CAR", s -> pct(s.car()), 75),
                    Tables.column("SCAR", s -> String.format(Locale.ROOT, "%.2f", s.scar()), 60),
                    Tables.column("L", PooledEventStudy.Study::estimationDays, 45),
                    Tables.column("Model", s -> s.model().equals("market") ? "market, " + s.benchmark()
                            : "mean-adjusted", 130)));
            studies.setMinHeight(180);
            studies.setPrefHeight(220);
            notes.setWrapText(true);
            notes.setId(id + "-notes");
            // What was left out and the warnings, folded: a long pool has dozens.
            notesToggle.setId(id + "-notes-toggle");
            notesToggle.setText("No exclusions or warnings");
            Tips.set(notesToggle, "Show or hide the pairs left out and the warnings");
            notesToggle.setMinWidth(Region.USE_PREF_SIZE);
            notes.visibleProperty().bind(notesToggle.selectedProperty());
            notes.managedProperty().bind(notesToggle.selectedProperty());
            chartHolder.setCenter(caarChart(null, null));
            chartHolder.setMinHeight(250);
            chartHolder.setPrefHeight(280);
            aar.setMinHeight(170);
            root.getChildren().addAll(title, choice, chartHolder, aar, tests, studies, notesToggle, notes);
            root.setPadding(new Insets(0, 6, 6, 6));
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            // The set's name heads the pane; the chart's own title carries it only in the export.
            set.outcomeProperty().addListener((o, a, b) -> show(null, b));
        }

        private void show(String name, PooledViewModel.Outcome o) {
            chartHolder.setCenter(caarChart(name, o));
            aar.getData().clear();
            tests.getItems().clear();
            studies.getItems().clear();
            if (o == null || o.tests() == null) {
                notes.setText(o == null ? "" : o.problem());
                notesToggle.setText(o == null ? "No exclusions or warnings" : "Not computed: show why");
                return;
            }
            XYChart.Series<String, Number> bars = new XYChart.Series<>();
            if (o.chart() != null) {
                for (PooledEventStudy.Day d : o.chart().days()) {
                    if (Double.isFinite(d.aar())) {
                        bars.getData().add(new XYChart.Data<>(String.valueOf(d.offset()), d.aar()));
                    }
                }
            }
            aar.getData().add(bars);
            PooledEventStudy.Result t = o.tests();
            tests.getItems().setAll(List.of(row("Cross-sectional t", t.crossSectionalT()),
                    row("Patell Z", t.patell()), row("BMP Z", t.bmp()), row("Generalized sign Z", t.sign()),
                    new String[] {"CAAR " + t.window() + " (N = " + t.n() + ")", pct(t.caar()), ""}));
            studies.getItems().setAll(t.studies());
            List<String> lines = new ArrayList<>();
            t.excluded().forEach(x -> lines.add("Left out: " + x.symbol() + " around " + x.event() + ": " + x.reason()));
            t.warnings().forEach(w -> lines.add("Note: " + w));
            notes.setText(String.join("\n", lines));
            long left = t.excluded().size();
            notesToggle.setText(left + " left out · " + t.warnings().size() + " warning" + (t.warnings().size() == 1
                    ? "" : "s") + (lines.isEmpty() ? "" : ": show or hide"));
        }

        private static String[] row(String name, PooledEventStudy.Test t) {
            return new String[] {name, Double.isFinite(t.stat()) ? String.format(Locale.ROOT, "%.3f", t.stat())
                    : "n/a", Double.isFinite(t.p()) ? String.format(Locale.ROOT, "%.4f %s", t.p(),
                    t.p() < 0.01 ? "***" : t.p() < 0.05 ? "**" : t.p() < 0.10 ? "*" : "") : "n/a"};
        }
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f%%", v * 100) : "n/a";
    }
}
