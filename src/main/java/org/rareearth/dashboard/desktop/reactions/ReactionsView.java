package org.rareearth.dashboard.desktop.reactions;

import org.rareearth.dashboard.desktop.common.DropDowns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.desktop.reactions.ReactionsViewModel.StudyRow;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.desktop.common.Reveal;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Stock reactions: the moves reported by named sources (a bar chart grouped by event), and the moves computed from
 * imported daily prices (cumulative raw or abnormal returns from day −10 to +10, with a table of AR, CAR and t).
 */
public final class ReactionsView implements View.Reading, org.rareearth.dashboard.desktop.export.Exportable {
    public static final String TITLE = "Stock reactions";
    /** The front tab's content, then what was read, over the frames after the first showing. */
    private final Reveal reveal;

    private final Workspace services;
    private final BorderPane root = new BorderPane();
    private final ComboBox<PolicyEvent> eventPicker = DropDowns.measureFewRows(new ComboBox<>());
    private boolean updatingPicker;

    // Reported moves
    private final LabeledBarChart chart = newReportedChart();
    private final BorderPane reportedPane = new BorderPane();
    private final Label reportedEmpty = new Label();

    // Event window
    private final CheckComboBox<String> securities = DropDowns.measureFewRows(new CheckComboBox<>());
    private final Tab pooledTab = new Tab("Pooled");
    private final TabPane tabs = new TabPane();
    private final PooledViewModel pooled;
    private PooledPane pooledPane;
    /** One thread for the pooled studies: a newer computation waits for the one before and replaces it. */
    private static final java.util.concurrent.Executor POOLED = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "pooled-studies");
                t.setDaemon(true);
                return t;
            });
    private final ComboBox<String> benchmark = DropDowns.measureFewRows(new ComboBox<>());
    private final ToggleGroup mode = new ToggleGroup();
    private final NumberAxis dayAxis = new NumberAxis(-10, 10, 1);
    private final NumberAxis cumAxis = new NumberAxis();
    private final EventWindowChart windowChart = new EventWindowChart(dayAxis, cumAxis);
    private final TableView<StudyRow> table = Tables.table("Pick an event and securities with daily prices (import a file or download them).");
    private final VBox windowMessages = new VBox(6);
    private final BorderPane windowPane = new BorderPane();
    private Consumer<String> onImportPrices = s -> { };
    private final ReactionsViewModel model;
    /** The records last laid out (null before the first read). */
    private ReactionsViewModel.Records shown;
    /** An event to focus once the first read is done. */
    private String pendingFocus;
    private boolean focusPending;
    private final javafx.scene.control.ProgressBar studyProgress = new javafx.scene.control.ProgressBar();
    private final Button cancelStudies = new Button("Cancel");

    /** A reactions screen that reads the store on the calling thread (for exports and the PNG command). */
    public ReactionsView(Workspace services) {
        this(services, ReactionsViewModel.over(services, Runnable::run, Runnable::run));
    }

    /** A reactions screen showing what {@code model} reads and computes (off the FX thread in the window). */
    public ReactionsView(Workspace services, ReactionsViewModel model) {
        this.services = services;
        this.model = model;
        model.records().problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                reportedEmpty.setText(b + " (F5 tries again)");
                reportedPane.setCenter(reportedEmpty);
            }
        });
        model.studiesProperty().addListener((o, a, b) -> showStudies(b));
        model.computingProperty().addListener((o, a, b) -> setStudiesRunning(b));
        this.pooled = new PooledViewModel(services.pooledStudies(), POOLED, javafx.application.Platform::runLater);
        Label heading = new Label("Stock reactions");
        heading.getStyleClass().add("view-title");

        eventPicker.setId("reactions-event");
        eventPicker.setPromptText("All events");
        Tips.set(eventPicker, "Show the reactions to one event");
        eventPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(PolicyEvent e) {
                return e == null ? "All events" : Formats.day(e.announced()) + " — " + e.title();
            }

            @Override
            public PolicyEvent fromString(String s) {
                return null;
            }
        });
        eventPicker.valueProperty().addListener((o, a, b) -> {
            if (!updatingPicker && shown != null) {
                showEvent();
            }
        });
        Button allEvents = new Button("All events");
        allEvents.setOnAction(e -> eventPicker.setValue(null));
        Tips.set(allEvents, "Show the reported reactions to every event");
        HBox pick = new HBox(8, new Label("Event:"), eventPicker, allEvents);
        pick.setAlignment(Pos.CENTER_LEFT);

        // Reported moves
        chart.setId("reactions-chart");
        Label sub = new Label("Moves reported by named sources. Close-to-close and intraday measures are told apart"
                + " by colour; hover a bar for its source.");
        sub.getStyleClass().add("view-subtitle");
        sub.setWrapText(true);
        reportedPane.setTop(sub);
        reportedPane.setCenter(chart);
        reportedEmpty.getStyleClass().add("empty-state");
        reportedEmpty.setWrapText(true);

        // Event window
        securities.setTitle("Securities");
        securities.setShowCheckedCount(true);
        securities.setId("study-securities");
        Tips.set(securities, "The securities to compare");
        benchmark.setId("study-benchmark");
        Tips.set(benchmark, "The market index for abnormal returns; without one, returns are raw");
        RadioButton raw = new RadioButton("Raw");
        raw.setUserData(false);
        raw.setId("mode-raw");
        Tips.set(raw, "Cumulative simple returns, no model");
        RadioButton abnormal = new RadioButton("Abnormal");
        abnormal.setUserData(true);
        abnormal.setId("mode-abnormal");
        Tips.set(abnormal, "Cumulative abnormal returns from the market model against the benchmark");
        raw.setToggleGroup(mode);
        abnormal.setToggleGroup(mode);
        abnormal.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                computeStudies();
            }
        });
        securities.getCheckModel().getCheckedItems().addListener(
                (javafx.collections.ListChangeListener<String>) c -> computeStudies());
        benchmark.valueProperty().addListener((o, a, b) -> computeStudies());
        Button importButton = new Button("Import prices…");
        importButton.setId("study-import");
        Tips.set(importButton, "Import a CSV of daily prices (Ctrl+I)");
        importButton.setOnAction(e -> onImportPrices.accept(null));
        Button downloadButton = new Button("Download prices…");
        downloadButton.setId("study-download");
        Tips.set(downloadButton, "Download the daily prices of the ticked securities (all of them when"
                + " none is ticked) from the quote source in File > Download settings");
        downloadButton.setOnAction(e -> {
            onDownloadPrices.accept(List.copyOf(securities.getCheckModel().getCheckedItems()));
        });
        studyProgress.setId("study-progress");
        studyProgress.setPrefWidth(120);
        Tips.set(studyProgress, "Event studies being computed");
        cancelStudies.setId("study-cancel");
        Tips.set(cancelStudies, "Stop computing; the rows done so far are shown");
        cancelStudies.setOnAction(e -> model.cancel());
        studyProgress.progressProperty().bind(model.progressProperty());
        setStudiesRunning(false);
        HBox controls = new HBox(8, securities, new Label("Benchmark:"), benchmark, new Label("Show:"), raw, abnormal,
                importButton, downloadButton, studyProgress, cancelStudies);
        controls.setAlignment(Pos.CENTER_LEFT);

        windowChart.setId("event-window-chart");
        windowChart.setAnimated(false);
        windowChart.setCreateSymbols(true);
        dayAxis.setLabel("Trading days from the event (day 0)");
        dayAxis.setAutoRanging(false);
        cumAxis.setLabel("Cumulative return");
        cumAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.0f%%", n.doubleValue() * 100);
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        table.setId("study-table");
        table.getColumns().setAll(List.of(
                Tables.column("Security", StudyRow::symbol, 80),
                Tables.column("Model", StudyRow::model, 200),
                Tables.column("Day 0", StudyRow::day0, 170),
                Tables.column("AR day 0", r -> pct(r.ar0()), 80),
                Tables.column("CAR[−1,+1]", r -> pct(r.car11()), 90),
                Tables.column("t", r -> tval(r.t11()), 90),
                Tables.column("CAR[0,+5]", r -> pct(r.car05()), 90),
                Tables.column("t", r -> tval(r.t05()), 90)));
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<StudyRow> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, a, b) -> Tips.set(row, b == null || b.warnings().isEmpty() ? null
                    : b.warnings()));
            return row;
        });
        Label legend = new Label("t = CAR / (σ·√N), σ from the estimation window (trading days −250 to −11)."
                + " * p<0.10, ** p<0.05, *** p<0.01 (two-sided, normal approximation). Hover a row for warnings.");
        legend.setWrapText(true);
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        legend.getStyleClass().add("view-subtitle");
        VBox tableBox = new VBox(6, table, legend, windowMessages);
        SplitPane split = new SplitPane(windowChart, tableBox);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        windowPane.setTop(controls);
        BorderPane.setMargin(controls, new Insets(0, 0, 6, 0));
        windowPane.setCenter(split);

        Tab reportedTab = new Tab("Reported moves", reportedPane);
        Tab windowTab = new Tab("Event window (from daily prices)", windowPane);
        reportedTab.setTooltip(new javafx.scene.control.Tooltip("Moves reported by named sources"));
        windowTab.setTooltip(new javafx.scene.control.Tooltip("Returns, abnormal returns and cumulative windows"
                + " computed from imported daily prices"));
        pooledTab.setId("tab-pooled");
        pooledTab.setTooltip(new javafx.scene.control.Tooltip("Average abnormal returns over many events and"
                + " securities, with their tests"));
        tabs.getTabs().setAll(reportedTab, windowTab, pooledTab);
        tabs.setId("reactions-tabs");
        org.rareearth.dashboard.desktop.common.FrontTab.only(tabs);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == windowTab) {
                computeStudies();
            } else if (b == pooledTab && pooledPane == null) {
                whenLoaded(this::firstPooledLook);
            }
        });
        root.setTop(new VBox(4, heading, pick));
        BorderPane.setMargin(root.getTop(), new Insets(0, 0, 6, 0));
        root.setCenter(tabs);
        root.setPadding(new Insets(12));
        // On a first showing the tab in front gets its content a frame after the heading, picker and tabs, and
        // what was read comes a frame after that (Reveal): in one FX event and pulse with the view's building they
        // held the FX thread over 100 ms of a cold start (BENCHMARKS.md). A tab picked meanwhile shows its own
        // content; this one's is then put aside by FrontTab.
        Tab front = tabs.getSelectionModel().getSelectedItem();
        Node frontContent = front.getContent();
        front.setContent(null);
        reveal = Reveal.afterFirstFrame(root, () -> front.setContent(frontContent));
        model.records().readsProperty().addListener((o, a, b) -> reveal.whenDone(
                () -> show(model.records().valueProperty().get())));
    }

    @Override
    public Reveal reveal() {
        return reveal;
    }

    /** The Pooled tab's first look: every equity with daily prices, computed at once (off the FX thread). */
    private void firstPooledLook() {
        ReactionsViewModel.Records r = model.records().valueProperty().get();
        if (pooledPane != null || r == null) {
            return;
        }
        pooled.symbols.setAll(r.pricedEquities());
        pooledPane = new PooledPane(pooled, r.equities(), r.benchmarks());
        pooledTab.setContent(pooledPane.node());
        if (pooled.symbols.isEmpty()) {
            pooled.explain("No security has daily prices yet: import them (File > Import prices, Ctrl+I), tick the"
                    + " securities and press Compute.");
        } else {
            pooled.compute();
        }
    }

    private static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%+.2f%%", v * 100);
    }

    private static String tval(Double t) {
        return t == null ? "—" : String.format(Locale.ROOT, "%.2f %s", t, EventStudy.stars(t));
    }

    /** Called with a symbol (or null) when the user asks to import prices. */
    public void setOnImportPrices(Consumer<String> handler) {
        this.onImportPrices = handler;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    /**
     * Shows the reactions to one event (null: every event). Before the first read has finished the focus waits
     * for it.
     */
    public void focusEvent(String code) {
        if (shown == null) {
            pendingFocus = code;
            focusPending = true;
            if (!model.records().loadingProperty().get()) {
                model.records().refresh();
            }
            return;
        }
        eventPicker.setValue(shown.event(code == null ? "" : code).orElse(null));
    }

    /** The event in the picker (null: every event). */
    public PolicyEvent focusedEvent() {
        return eventPicker.getValue();
    }

    /** The records and the studies, read off the FX thread in the window. */
    @Override
    public LatestRead<ReactionsViewModel.Records> reads() {
        return model.records();
    }

    /** The screen's view model. */
    public ReactionsViewModel model() {
        return model;
    }

    /** Lays out the records just read, keeping the event picked; then the focus asked for meanwhile, if any. */
    private void show(ReactionsViewModel.Records records) {
        if (!focusPending && records.equals(shown)) {
            // The same records (F5, say): the picker and the reported chart stay; the studies are
            // asked for again, as daily prices can change without changing the records.
            computeStudies();
            return;
        }
        shown = records;
        updatingPicker = true;
        try {
            PolicyEvent current = eventPicker.getValue();
            String code = focusPending ? pendingFocus : current == null ? null : current.code();
            focusPending = false;
            pendingFocus = null;
            eventPicker.getItems().setAll(records.events());
            eventPicker.setValue(code == null ? null : records.event(code).orElse(null));
        } finally {
            updatingPicker = false;
        }
        showEvent();
    }

    /** Shows the event in the picker: its reported moves, its securities and their studies. */
    private void showEvent() {
        refreshReported();
        refreshSecurityChoices();
        computeStudies();
    }

    private void refreshReported() {
        PolicyEvent only = eventPicker.getValue();
        List<Reaction> reactions = shown.reactionsTo(only);
        if (reactions.isEmpty()) {
            reportedEmpty.setText(only == null
                    ? "No reported reactions in the store yet. Add one in the Data view, or import a dataset"
                    + " (File → Import dataset…)."
                    : "No reported reactions to \"" + only.title() + "\" in the store. Add one in the Data view, or"
                    + " compute them from daily prices in the Event window tab.");
            reportedPane.setCenter(reportedEmpty);
            return;
        }
        reportedPane.setCenter(chart);
        chart.setTitle(only == null ? "Reported moves around each event (%)"
                : "Reported moves around " + Formats.day(only.announced()) + ": " + shortTitle(only.title()) + " (%)");
        chart.getData().setAll(reportedSeries(reactions, shown.eventsByCode()));
    }

    /** One series per measure, one bar per security and event, each with its source in a tooltip. */
    static List<XYChart.Series<String, Number>> reportedSeries(List<Reaction> reactions,
                                                             Map<String, PolicyEvent> events) {
        Map<String, XYChart.Series<String, Number>> byMeasure = new LinkedHashMap<>();
        for (String m : Reaction.MEASURES) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m);
            byMeasure.put(m, s);
        }
        for (Reaction r : reactions) {
            PolicyEvent e = events.get(r.event());
            String category = r.symbol() + "\n" + categoryTitle(e == null ? r.event() : e.title());
            XYChart.Data<String, Number> d = new XYChart.Data<>(category, r.percent());
            String tip = r.symbol() + " — " + r.measure() + " " + Formats.percent(r.percent()) + " on "
                    + Formats.day(r.date()) + "\n" + (e == null ? r.event() : e.title()) + "\nSource: " + r.source()
                    + (r.note() == null ? "" : "\n" + r.note());
            d.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tips.set(node, tip, t -> t.setShowDelay(Duration.millis(150)));
                }
            });
            byMeasure.computeIfAbsent(r.measure(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(k);
                return s;
            }).getData().add(d);
        }
        return byMeasure.values().stream().filter(s -> !s.getData().isEmpty()).toList();
    }

    static LabeledBarChart newReportedChart() {
        CategoryAxis cx = new CategoryAxis();
        NumberAxis cy = new NumberAxis();
        LabeledBarChart c = new LabeledBarChart(cx, cy);
        c.setAnimated(false);
        c.setCategoryGap(24);
        c.setBarGap(2);
        cx.setLabel("Security · event");
        cy.setLabel("Reported move (%)");
        cy.setTickLabelFormatter(new NumberAxis.DefaultFormatter(cy, "", "%"));
        return c;
    }

    /**
     * The pooled study with its default sets over every equity with daily prices, computed now (for the command
     * line's export; the desktop computes off the FX thread).
     */
    public static org.rareearth.dashboard.desktop.export.Exportable pooledExport(Workspace services) {
        List<Security> all = services.securities.all();
        java.util.Map<String, java.time.LocalDate> last = services.priceBars.lastDates();
        PooledViewModel vm = new PooledViewModel(services.pooledStudies(), Runnable::run, Runnable::run);
        vm.symbols.setAll(all.stream().filter(x -> !x.benchmark() && last.containsKey(x.symbol()))
                .map(Security::symbol).toList());
        if (!vm.symbols.isEmpty()) {
            vm.compute();
        }
        PooledPane pane = new PooledPane(vm, List.copyOf(vm.symbols), all.stream().filter(Security::benchmark)
                .map(Security::symbol).toList());
        return pane::exportSpec;
    }

    /** Opens the Pooled tab with these events as its first set, and computes. */
    public void poolEvents(List<String> codes) {
        tabs.getSelectionModel().select(pooledTab);
        pooled.first.codes.setAll(codes);
        pooled.first.nameProperty().set("The events the timeline showed (" + codes.size() + ")");
        pooled.compute();
    }

    /** The Pooled tab's view model (for tests). */
    public PooledViewModel pooled() {
        return pooled;
    }

    @Override
    public org.rareearth.dashboard.desktop.export.ExportSpec exportSpec() {
        if (pooledPane != null && pooledTab.isSelected()) {
            return pooledPane.exportSpec();
        }
        PolicyEvent only = eventPicker.getValue();
        // What the screen shows; a screen not yet shown (the PNG command) reads the store now.
        ReactionsViewModel.Records records = shown != null ? shown : ReactionsViewModel.Records.read(services);
        List<Reaction> reactions = records.reactionsTo(only);
        Map<String, PolicyEvent> events = records.eventsByCode();
        List<List<Object>> rows = new ArrayList<>();
        for (Reaction r : reactions) {
            PolicyEvent e = events.get(r.event());
            rows.add(java.util.Arrays.asList(r.symbol(), r.event(), e == null ? null : e.title(), r.date().toString(),
                    r.measure(), r.percent(), r.fromPrice(), r.toPrice(), r.source(), r.confidence(), r.note()));
        }
        String title = only == null ? "How rare-earth equities moved around each policy event"
                : "Reported moves around " + Formats.day(only.announced()) + ": " + shortTitle(only.title());
        return new org.rareearth.dashboard.desktop.export.ExportSpec("reactions", title,
                "Moves reported by named sources, in percent; close-to-close and intraday measures kept apart.",
                () -> {
                    if (reactions.isEmpty()) {
                        return new Label("No reported reactions in the store.");
                    }
                    LabeledBarChart c = newReportedChart();
                    c.getData().setAll(reportedSeries(reactions, events));
                    return c;
                }, reactions.stream().map(Reaction::source).toList(),
                List.of("symbol", "event", "event_title", "date", "measure", "percent", "from_price", "to_price",
                        "source", "confidence", "note"), rows);
    }

    private void refreshSecurityChoices() {
        List<String> equities = shown.equities();
        List<String> checked = List.copyOf(securities.getCheckModel().getCheckedItems());
        updatingChoices = true;
        try {
            if (!securities.getItems().equals(equities)) {
                securities.getItems().setAll(equities);
                checked.stream().filter(equities::contains).forEach(s -> securities.getCheckModel().check(s));
            }
            PolicyEvent e = eventPicker.getValue();
            if (securities.getCheckModel().getCheckedItems().isEmpty() && e != null) {
                // Start with the securities that have a reported reaction to this event.
                shown.reportedFor(e).forEach(s -> securities.getCheckModel().check(s));
            }
            List<String> benchmarks = shown.benchmarkChoices();
            if (!benchmark.getItems().equals(benchmarks)) {
                String current = benchmark.getValue();
                benchmark.getItems().setAll(benchmarks);
                benchmark.setValue(current != null && benchmarks.contains(current) ? current : benchmarks.get(0));
            }
        } finally {
            updatingChoices = false;
        }
    }

    /** True while the choices are being filled in: their listeners wait, and one computation follows. */
    private boolean updatingChoices;

    /** Asks the view model for the studies of the event, securities, benchmark and mode on screen. */
    private void computeStudies() {
        if (updatingChoices || shown == null) {
            return;
        }
        Toggle selected = mode.getSelectedToggle();
        model.compute(new ReactionsViewModel.Request(eventPicker.getValue(),
                List.copyOf(securities.getCheckModel().getCheckedItems()), benchmark.getValue(),
                selected != null && Boolean.TRUE.equals(selected.getUserData())));
    }

    /** The progress bar and Cancel show only while event studies are being computed. */
    private void setStudiesRunning(boolean running) {
        studyProgress.setVisible(running);
        studyProgress.setManaged(running);
        cancelStudies.setVisible(running);
        cancelStudies.setManaged(running);
    }

    /** What the Event window tab shows now. */
    private ReactionsViewModel.Studies shownStudies;

    /** Shows what a computation gave (null: no event picked). */
    private void showStudies(ReactionsViewModel.Studies studies) {
        if (studies != null && studies.equals(shownStudies)) {
            return; // the same studies again: the table and chart keep their rows and lines
        }
        shownStudies = studies;
        windowMessages.getChildren().clear();
        if (studies == null) {
            windowChart.getData().clear();
            windowChart.setVisible(false);
            table.getItems().clear();
            windowMessages.getChildren().add(message("Pick an event above to see the securities' returns around"
                    + " it."));
            return;
        }
        if (studies.failure() != null) {
            windowMessages.getChildren().add(message("The event studies failed: " + studies.failure()));
            return;
        }
        PolicyEvent event = studies.request().event();
        boolean abnormal = studies.request().abnormal();
        List<StudyRow> rows = studies.rows();
        table.setItems(FXCollections.observableArrayList(rows));
        boolean anyAbnormal = rows.stream().anyMatch(r -> ReactionsViewModel.isAbnormal(r, abnormal));
        boolean anyRaw = rows.stream().anyMatch(r -> !r.line().isEmpty() && !ReactionsViewModel.isAbnormal(r,
                abnormal));
        // The title says what the lines are; with Abnormal chosen and raw lines drawn, it says why.
        String what = anyAbnormal && anyRaw ? "Cumulative abnormal and raw returns"
                : anyAbnormal ? "Cumulative abnormal return" : "Cumulative raw return";
        windowChart.setTitle(what + " around " + Formats.day(event.announced()) + ": " + shortTitle(event.title())
                + (abnormal && anyRaw ? " (abnormal returns need the benchmark's prices)" : ""));
        if (abnormal) {
            for (String b : studies.benchmarksMissing()) {
                windowMessages.getChildren().add(importOffer(b, "Abnormal returns need the benchmark's daily"
                        + " prices, and " + b + " has none: the lines against it are raw returns until its prices are"
                        + " imported."));
            }
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (StudyRow r : rows) {
            if (r.line().isEmpty()) {
                continue;
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.symbol() + (ReactionsViewModel.isAbnormal(r, abnormal) ? " (abnormal vs "
                    + r.model().substring(ReactionsViewModel.MARKET_VS.length()) + ")" : " (raw)"));
            for (EventStudy.Day d : r.line()) {
                s.getData().add(new XYChart.Data<>(d.offset(), d.car()));
            }
            series.add(s);
        }
        windowChart.getData().setAll(series);
        windowChart.setVisible(!series.isEmpty());
        for (String sym : studies.missing()) {
            windowMessages.getChildren().add(importOffer(sym, "No daily prices for " + sym + ": import a CSV of"
                    + " its prices (Date and Close at least; about a year before the event for abnormal returns)."));
        }
        rows.stream().filter(r -> !r.warnings().isEmpty() && r.ar0() == null)
                .forEach(r -> windowMessages.getChildren().add(message(r.symbol() + ": " + r.warnings())));
        if (rows.isEmpty() && studies.missing().isEmpty() && !studies.cancelled()) {
            windowMessages.getChildren().add(message("Tick one or more securities above."));
        }
        if (studies.cancelled()) {
            windowMessages.getChildren().add(message("Cancelled: the securities done so far are shown; tick the"
                    + " securities again, or pick the event again, to compute the rest."));
        }
        showProvenance(rows, studies.fetched());
    }

    /**
     * A line saying what is missing, with buttons that import the prices of {@code symbol} from a file or download
     * them from the quote source.
     */
    private HBox importOffer(String symbol, String text) {
        String id = symbol.replaceAll("[^A-Za-z0-9]", "");
        Button get = new Button("Import prices for " + symbol + "…");
        get.setId("import-prices-" + id);
        get.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tips.set(get, "Import a CSV of " + symbol + "'s daily prices (File > Import prices)");
        get.setOnAction(e -> onImportPrices.accept(symbol));
        Button download = new Button("Download…");
        download.setId("download-prices-" + id);
        download.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tips.set(download, "Download " + symbol + "'s daily history from the quote source in File >"
                + " Download settings (asks before the first download)");
        download.setOnAction(e -> onDownloadPrices.accept(List.of(symbol)));
        HBox box = new HBox(8, message(text), get, download);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Consumer<List<String>> onDownloadPrices = s -> { };

    /** What the event window's Download buttons do with the symbols to download (empty: every security). */
    public void setOnDownloadPrices(Consumer<List<String>> handler) {
        this.onDownloadPrices = handler;
    }

    /** Says where downloaded series came from, under the chart. */
    private void showProvenance(List<StudyRow> rows, Map<String, org.rareearth.dashboard.domain.PriceFetch> fetched) {
        List<String> parts = new ArrayList<>();
        for (StudyRow r : rows) {
            org.rareearth.dashboard.domain.PriceFetch f = fetched.get(r.symbol());
            if (f != null) {
                parts.add(r.symbol() + ": " + org.rareearth.dashboard.desktop.prices.PriceUpdateViewModel.provenance(f));
            }
        }
        if (!parts.isEmpty()) {
            Label l = message("Prices downloaded: " + String.join(" · ", parts));
            l.setId("window-provenance");
            windowMessages.getChildren().add(l);
        }
    }

    private static Label message(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint-text");
        return l;
    }

    /** The rows of the results table (for tests). */
    public List<StudyRow> studyRows() {
        return List.copyOf(table.getItems());
    }

    static String shortTitle(String title) {
        int cut = title.indexOf(':');
        String s = cut > 0 ? title.substring(0, cut) : title;
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }

    /** An event's name short enough to sit under a bar group without the labels turning sideways. */
    static String categoryTitle(String title) {
        String s = shortTitle(title).replace(" Materials", "").replace(" partnership", "")
                .replace(" agreement", "");
        return s.length() > 18 ? s.substring(0, 17) + "…" : s;
    }
}
