package org.rareearth.dashboard.desktop.data;

import org.rareearth.dashboard.desktop.common.DropDowns;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.desktop.common.Background;
import org.rareearth.dashboard.desktop.common.Reveal;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Every record in the store, one sortable, filterable table per kind, with forms to add and edit, deletion that
 * names what depends on a record, and the daily prices (read-only, deletable by date range).
 */
public final class DataView implements View.Reading {
    public static final String TITLE = "Data";
    /** A table's text before the first read has answered. */
    private static final String READING = "Reading the store…";

    private final Workspace services;
    private final RecordEditor editor;
    private final DataViewModel model;
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    private final Map<RecordKind<?>, KindTab<?>> kindTabs = new LinkedHashMap<>();
    /** The tab in front's content, then the records, over the frames of the first showing. */
    private final Reveal reveal;
    private final ComboBox<String> barSymbol = DropDowns.measureFewRows(new ComboBox<>());
    private final DatePicker barFrom = new DatePicker();
    private final DatePicker barTo = new DatePicker();
    private final TableView<PriceBar> bars = Tables.oneLine(Tables.table("Pick a security with imported prices."));
    private final Label barCount = new Label();
    private final javafx.scene.chart.LineChart<Number, Number> barChart =
            org.rareearth.dashboard.desktop.common.SeriesCharts.dateChart("Close (adjusted where given)");
    /** Zoom and pan on the close line; the points in view are reduced to about two per pixel. */
    private final org.rareearth.dashboard.desktop.common.SeriesZoom barZoom =
            new org.rareearth.dashboard.desktop.common.SeriesZoom(barChart);

    /**
     * A column's starting width: wide for names, titles and notes, and for the source every record keeps; narrow for
     * the rest. A value cut short shows whole on a hover ({@link Tables#column}), and a double-click on a column's
     * right edge fits the column to its values.
     */
    private static double width(Field f) {
        if (f.type() == Field.Type.AREA) {
            return 260;
        }
        return switch (f.name()) {
            case "title", "name", "program" -> 280;
            case "source" -> 220;
            default -> 110;
        };
    }

    /** One kind's table with its filter and buttons. */
    private final class KindTab<T> {
        final RecordKind<T> kind;
        final ObservableList<T> items = FXCollections.observableArrayList();
        final FilteredList<T> filtered = new FilteredList<>(items);
        final TableView<T> table = Tables.oneLine(Tables.table(""));
        final TextField filter = TextFields.createClearableTextField();
        final Label count = new Label();
        /** The table's text when the store holds no such record (until the first read: {@link #READING}). */
        final Label empty = new Label();
        final Tab tab;

        KindTab(RecordKind<T> kind) {
            this.kind = kind;
            String id = kind.plural.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
            table.setId("table-" + id);
            linesInStepsWhenShown(table);
            table.setPlaceholder(new Label(READING));
            empty.setText("No " + kind.plural.toLowerCase(Locale.ROOT) + " yet: add one with the Add button"
                    + " (Ctrl+N).");
            for (Field f : kind.fields(RecordEditor.Context.EMPTY)) {
                TableColumn<T, Object> col = Tables.column(f.label(), r -> display(kind.values(r).get(f.name())),
                        width(f));
                table.getColumns().add(col);
            }
            SortedList<T> sorted = new SortedList<>(filtered);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.setRowFactory(tv -> {
                TableRow<T> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty() && readOnly.get() == null) {
                        edit(row.getItem());
                    }
                });
                return row;
            });
            filter.setPromptText("Filter " + kind.plural.toLowerCase(Locale.ROOT) + "…");
            filter.setId("filter-" + id);
            Tips.set(filter, "Show only the " + kind.plural.toLowerCase(Locale.ROOT)
                    + " whose fields contain this text (Ctrl+F)");
            filter.textProperty().addListener((o, a, b) -> applyFilter());
            Button add = button("Add " + kind.name + "…", Material2AL.ADD, "Add a " + kind.name + " (Ctrl+N)",
                    () -> add(kind.blank()));
            add.setId("add-" + id);
            Button edit = button("Edit…", Material2AL.EDIT, "Edit the selected " + kind.name + " (double-click a row)",
                    () -> {
                        T sel = table.getSelectionModel().getSelectedItem();
                        if (sel != null) {
                            edit(sel);
                        }
                    });
            edit.setId("edit-" + id);
            Button del = button("Delete…", Material2AL.DELETE, "Delete the selected " + kind.name,
                    () -> {
                        T sel = table.getSelectionModel().getSelectedItem();
                        if (sel != null) {
                            delete(sel);
                        }
                    });
            del.setId("delete-" + id);
            Button source = button("Open source", Material2AL.LAUNCH, "Open the selected " + kind.name
                    + "'s source URL in your browser", () -> {
                        T sel = table.getSelectionModel().getSelectedItem();
                        if (sel != null) {
                            openSource(kind.values(sel).get("sourceUrl"));
                        }
                    });
            source.setId("open-source-" + id);
            source.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                T sel = table.getSelectionModel().getSelectedItem();
                return sel == null || kind.values(sel).get("sourceUrl") == null;
            }, table.getSelectionModel().selectedItemProperty()));
            add.disableProperty().bind(readOnly.isNotNull());
            edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                    .or(readOnly.isNotNull()));
            del.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                    .or(readOnly.isNotNull()));
            Button history = button("History…", Material2AL.HISTORY, "Who changed the selected " + kind.name
                    + ", when, and what it was before and after", () -> {
                        T sel = table.getSelectionModel().getSelectedItem();
                        if (sel != null) {
                            history(sel);
                        }
                    });
            history.setId("history-" + id);
            history.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox bar = new HBox(8, add, edit, del, history, source);
            if (kind == RecordKind.SECURITIES) {
                bar.getChildren().add(updatePrices(table));
            }
            bar.getChildren().addAll(grow, count, filter);
            bar.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(6, bar, table);
            VBox.setVgrow(table, Priority.ALWAYS);
            box.setPadding(new Insets(6, 0, 0, 0));
            tab = new Tab(kind.plural, box);
            tab.setId("tab-" + id);
            tab.setTooltip(new javafx.scene.control.Tooltip("Every " + kind.name + " in the store, with its source"));
        }

        void show(DataViewModel.Snapshot s) {
            table.setPlaceholder(empty);
            List<T> now = s.of(kind);
            if (items.equals(now)) {
                return; // the same records (F5, say): the table keeps its rows, cells and selection
            }
            T selected = table.getSelectionModel().getSelectedItem();
            items.setAll(now);
            applyFilter();
            Tables.linesInSteps(table, reveal);
            if (selected != null) {
                // The same record, as stored now (an edit gives an equal key with other values).
                String key = org.rareearth.dashboard.store.RecordStore.key(selected);
                items.stream().filter(r -> org.rareearth.dashboard.store.RecordStore.key(r).equals(key)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        }

        /** Selects the record with this key when this tab holds records of {@code reviewKind}. */
        boolean select(String reviewKind, String key) {
            if (!reviewKind.equals(REVIEW_KINDS.get(kind))) {
                return false;
            }
            filter.setText("");
            for (T r : items) {
                if (org.rareearth.dashboard.store.RecordStore.key(r).equals(key)) {
                    table.getSelectionModel().select(r);
                    table.scrollTo(r);
                    return true;
                }
            }
            return false;
        }

        void applyFilter() {
            String t = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(r -> t.isEmpty() || kind.values(r).values().stream().filter(Objects::nonNull)
                    .map(v -> Tables.text(display(v)).toLowerCase(Locale.ROOT)).anyMatch(s -> s.contains(t)));
            count.setText(filtered.size() + " of " + items.size());
        }

        void add(Map<String, Object> initial) {
            if (refusedAsReadOnly()) {
                return;
            }
            withRecords(() -> form(kind).load(null, initial, model.known()).showAndWait());
        }

        void edit(T record) {
            if (refusedAsReadOnly()) {
                return;
            }
            withRecords(() -> form(kind).load(record, null, model.known()).showAndWait());
        }
    }

    private org.rareearth.dashboard.desktop.prices.PriceDownloads downloads;

    /** Why this user may only read the store (the buttons that write are then disabled), or null. */
    private final javafx.beans.property.StringProperty readOnly =
            new javafx.beans.property.SimpleStringProperty(this, "readOnly", null);
    private final Label readOnlyNote = new Label();

    public javafx.beans.property.StringProperty readOnlyProperty() {
        return readOnly;
    }

    /** True, after saying why, when this user may not write (a quick add from another view). */
    private boolean refusedAsReadOnly() {
        if (readOnly.get() != null) {
            alert(Alert.AlertType.INFORMATION, readOnly.get());
            return true;
        }
        return false;
    }

    /** The record's edit log: who changed it, when, and each changed field before and after. */
    private <T> void history(T record) {
        Background.write(() -> editor.history(record), edits -> RecordHistoryDialog.show(owner(), record, edits),
                m -> alert(Alert.AlertType.ERROR, "The history cannot be read: " + m));
    }

    /** Where Securities' "Update prices" goes; without it the buttons stay disabled. */
    public void setDownloads(org.rareearth.dashboard.desktop.prices.PriceDownloads d) {
        this.downloads = d;
        updateButtons.forEach(b -> b.setDisable(false));
    }

    private final List<javafx.scene.control.ButtonBase> updateButtons = new java.util.ArrayList<>();

    /** "Update prices": the selected security, else all; the menu offers both. */
    private <T> javafx.scene.control.SplitMenuButton updatePrices(TableView<T> table) {
        javafx.scene.control.SplitMenuButton b = new javafx.scene.control.SplitMenuButton();
        b.setText("Update prices");
        b.setGraphic(new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        b.setId("update-prices");
        Tips.set(b, "Download daily prices for the selected security (all of them when none is"
                + " selected) from the quote source chosen in Download settings (in this button's menu)");
        javafx.scene.control.MenuItem selected = new javafx.scene.control.MenuItem("Update the selected security");
        selected.setId("update-prices-selected");
        javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem("Update all securities");
        all.setId("update-prices-all");
        javafx.scene.control.MenuItem settings = new javafx.scene.control.MenuItem("Download settings…");
        settings.setId("download-settings");
        settings.setOnAction(e -> downloads.settingsDialog());
        b.getItems().setAll(selected, all, new javafx.scene.control.SeparatorMenuItem(), settings);
        Runnable one = () -> {
            T sel = table.getSelectionModel().getSelectedItem();
            if (sel instanceof Security sec) {
                downloads.download(List.of(sec.symbol()), false);
            } else {
                downloads.download(List.of(), true);
            }
        };
        b.setOnAction(e -> one.run());
        selected.setOnAction(e -> one.run());
        selected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        all.setOnAction(e -> downloads.download(List.of(), true));
        b.setDisable(downloads == null);
        updateButtons.add(b);
        b.visibleProperty().bind(readOnly.isNull());
        b.managedProperty().bind(readOnly.isNull());
        return b;
    }

    /** The review list's name for each kind of record. */
    private static final Map<RecordKind<?>, String> REVIEW_KINDS = Map.of(RecordKind.SECURITIES, "security",
            RecordKind.EVENTS, "event", RecordKind.REACTIONS, "reaction", RecordKind.ASSESSMENTS, "assessment",
            RecordKind.FX, "fxRate", RecordKind.FLOORS, "floor", RecordKind.STAKES, "stake", RecordKind.PROJECTS,
            "capacityProject", RecordKind.SHARES, "stageShare", RecordKind.QUOTAS, "quota");

    private javafx.stage.Window owner = null;

    /** The window forms open over, also when this view is not the one in front. */
    public void setOwner(javafx.stage.Window owner) {
        this.owner = owner;
    }

    /** The forms made so far, one per kind of record, each kept for its next opening. */
    private final Map<RecordKind<?>, RecordForm<?>> forms = new java.util.HashMap<>();

    /**
     * The form for records of {@code kind}: the one made before when it is closed and belongs to the same window,
     * else a new one.
     */
    @SuppressWarnings("unchecked")
    private <T> RecordForm<T> form(RecordKind<T> kind) {
        javafx.stage.Window w = owner();
        RecordForm<T> f = (RecordForm<T>) forms.get(kind);
        if (f == null || f.getOwner() != w) {
            f = new RecordForm<>(w, kind, editor);
            forms.put(kind, f);
        } else if (f.isShowing()) {
            return new RecordForm<>(w, kind, editor); // one already open (a second form over it is not kept)
        }
        return f;
    }

    /**
     * Gets the forms most likely to open next ready before their first opening, in small steps on the FX thread
     * ({@link RecordForm#prepareStep}): the form of the tab in front, then the event form (also opened from the
     * timeline, by its context menu and Ctrl+N). Only in a window, once the records are read, for a user who may write.
     */
    private void prepareForms() {
        javafx.stage.Window w = owner();
        if (w == null || readOnly.get() != null) {
            return;
        }
        frontKindTab().ifPresent(t -> prepareForm(t.kind, w));
        prepareForm(RecordKind.EVENTS, w);
    }

    /**
     * Makes {@code kind}'s form for window {@code w} unless it is made, in an FX event of its own, and then runs its
     * preparation a step an event.
     */
    private void prepareForm(RecordKind<?> kind, javafx.stage.Window w) {
        if (kept(kind, w)) {
            return;
        }
        preparing++;
        javafx.application.Platform.runLater(() -> {
            if (kept(kind, w) || owner() != w) {
                preparedOne();
                return; // made meanwhile (an opening, or a second call), or the view moved
            }
            RecordForm<?> made = new RecordForm<>(w, kind, editor);
            forms.put(kind, made);
            javafx.application.Platform.runLater(new Runnable() {
                @Override
                public void run() {
                    if (made.prepareStep()) {
                        javafx.application.Platform.runLater(this);
                    } else {
                        preparedOne();
                    }
                }
            });
        });
    }

    /** Forms being made ahead now, and what waits for them. */
    private int preparing;
    private final List<Runnable> whenPrepared = new java.util.ArrayList<>();

    private void preparedOne() {
        if (--preparing == 0) {
            List<Runnable> then = List.copyOf(whenPrepared);
            whenPrepared.clear();
            then.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code then} once the forms being made ahead are ready, at once if none is (the start-up archive's
     * training run waits for them, so that their controls' classes are in the archive whatever the machine's speed).
     */
    public void whenFormsPrepared(Runnable then) {
        if (preparing == 0) {
            then.run();
        } else {
            whenPrepared.add(then);
        }
    }

    /** How many forms are kept, made ahead or at an opening. */
    public int formsKept() {
        return forms.size();
    }

    /** The form kept for {@code kind}, made ahead or at an earlier opening; null when none is. */
    RecordForm<?> keptForm(RecordKind<?> kind) {
        return forms.get(kind);
    }

    private boolean kept(RecordKind<?> kind, javafx.stage.Window w) {
        RecordForm<?> f = forms.get(kind);
        return f != null && f.getOwner() == w;
    }

    private javafx.stage.Window owner() {
        return root.getScene() != null && root.getScene().getWindow() != null ? root.getScene().getWindow() : owner;
    }

    /**
     * A value as its column holds it: on one line (a note's lines joined by spaces), and null for none (a blank
     * cell, which sorts first; an empty text among numbers made them sort out of order).
     */
    private static Object display(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            return s.strip().replaceAll("\\s*\\R\\s*", " ");
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return v;
    }

    public DataView(Workspace services, RecordEditor editor, DataViewModel model) {
        this.services = services;
        this.editor = editor;
        this.model = model;
        model.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                reviewCount.setText(b);
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("data-tabs");
        for (RecordKind<?> k : RecordKind.all()) {
            KindTab<?> t = new KindTab<>(k);
            kindTabs.put(k, t);
            tabs.getTabs().add(t.tab);
        }
        tabs.getTabs().add(priceBarsTab());
        tabs.getTabs().add(reviewTab());
        org.rareearth.dashboard.desktop.common.FrontTab.only(tabs);
        // On a first showing the tab in front gets its buttons and table a frame after the tabs, and the records
        // come a frame after that (Reveal): in one pulse with the tabs they held the FX thread 145-185 ms, and the
        // table's first rows alone took 120-170 ms of a cold start, so they come a few lines a frame
        // (Tables.linesInSteps; BENCHMARKS.md). A tab picked meanwhile shows its own content; this one's is then put
        // aside by FrontTab.
        Tab front = tabs.getSelectionModel().getSelectedItem();
        Node frontContent = front.getContent();
        front.setContent(null);
        tabs.getSelectionModel().selectedItemProperty().addListener(o -> {
            if (model.hasAnswered()) {
                prepareForms();
            }
        });
        Label heading = new Label("Data");
        heading.getStyleClass().add("view-title");
        Label sub = new Label("Every record in the store with its source and confidence mark (S: seen in a published"
                + " source; U: uncertain or conflicting; calc: derived). Changes are saved at once; Ctrl+Z undoes.");
        sub.getStyleClass().add("view-subtitle");
        sub.setWrapText(true);
        readOnlyNote.setId("data-read-only");
        readOnlyNote.getStyleClass().add("warning-text");
        readOnlyNote.setWrapText(true);
        readOnlyNote.textProperty().bind(readOnly);
        readOnlyNote.visibleProperty().bind(readOnly.isNotNull());
        readOnlyNote.managedProperty().bind(readOnly.isNotNull());
        root.setTop(new VBox(2, heading, sub, readOnlyNote));
        root.setCenter(tabs);
        root.setPadding(new Insets(12));
        reveal = Reveal.afterFirstFrame(root, () -> front.setContent(frontContent));
        model.readsProperty().addListener(o -> reveal.whenDone(() -> {
            show(model.valueProperty().get());
            prepareForms();
        }));
    }

    @Override
    public Reveal reveal() {
        return reveal;
    }

    /**
     * A table put into the window with records it has made no rows for (its tab picked for the first time) makes
     * its first rows a few lines a frame ({@link Tables#linesInSteps}), as the tab in front does when its records
     * come.
     */
    private void linesInStepsWhenShown(TableView<?> table) {
        table.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Tables.linesInSteps(table, reveal);
            }
        });
    }

    private Tab priceBarsTab() {
        barSymbol.setId("bars-symbol");
        Tips.set(barSymbol, "The security whose daily prices are shown");
        barSymbol.setPromptText("security");
        barSymbol.valueProperty().addListener((o, a, b) -> loadBars());
        barFrom.setPromptText("from");
        barTo.setPromptText("to");
        barFrom.setId("bars-from");
        barTo.setId("bars-to");
        Tips.set(barFrom, "First day of the range to delete");
        Tips.set(barTo, "Last day of the range to delete");
        Button delete = button("Delete range…", Material2AL.DELETE_SWEEP,
                "Delete this security's daily prices between the two dates (inclusive)", this::deleteBarRange);
        delete.setId("bars-delete-range");
        delete.disableProperty().bind(readOnly.isNotNull());
        HBox bar = new HBox(8, new Label("Security:"), barSymbol, new Label("From:"), barFrom, new Label("To:"), barTo,
                delete, barCount);
        bar.setAlignment(Pos.CENTER_LEFT);
        bars.setId("table-price-bars");
        linesInStepsWhenShown(bars);
        bars.getColumns().setAll(List.of(Tables.column("Date", PriceBar::date, 100),
                Tables.column("Open", PriceBar::open, 90), Tables.column("High", PriceBar::high, 90),
                Tables.column("Low", PriceBar::low, 90), Tables.column("Close", PriceBar::close, 90),
                Tables.column("Adj close", PriceBar::adjClose, 90), Tables.column("Volume", PriceBar::volume, 110),
                Tables.column("Source", PriceBar::source, 260)));
        barChart.setId("bars-chart");
        barChart.setMinHeight(180);
        barChart.setPrefHeight(260);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(barChart, bars);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        Tips.set(barChart, "Ctrl+scroll to zoom, drag to pan, double-click or 0 to see it all");
        VBox box = new VBox(6, bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 0, 0));
        Tab t = new Tab("Daily prices", box);
        t.setId("tab-price-bars");
        t.setTooltip(new javafx.scene.control.Tooltip("Imported daily prices of one security: chart and bars"));
        return t;
    }

    private List<PriceBar> shownBars = List.of();

    /** The daily prices being read for the chosen security, if a read is under way. */
    private javafx.concurrent.Task<List<PriceBar>> barsTask;

    /**
     * Reads the chosen security's bars and download record off the FX thread (a long series is hundreds of
     * thousands of rows), then shows them; a read superseded by another choice is dropped.
     */
    private void loadBars() {
        String s = barSymbol.getValue();
        if (barsTask != null) {
            barsTask.cancel();
            barsTask = null;
        }
        if (s == null) {
            showBars(List.of(), null);
            return;
        }
        barCount.setText("Reading the daily prices of " + s + "…");
        javafx.concurrent.Task<List<PriceBar>> task = new javafx.concurrent.Task<>() {
            private String fetched;

            @Override
            protected List<PriceBar> call() {
                fetched = java.util.Optional.ofNullable(services.priceFetches.latestBySymbol().get(s))
                        .map(org.rareearth.dashboard.desktop.prices.PriceUpdateViewModel::provenance).orElse(null);
                return services.priceBars.forSymbol(s);
            }

            @Override
            protected void succeeded() {
                if (this == barsTask) {
                    barsTask = null;
                    showBars(getValue(), fetched);
                }
            }

            @Override
            protected void failed() {
                if (this == barsTask) {
                    barsTask = null;
                    barCount.setText("The daily prices of " + s + " cannot be read: " + getException().getMessage());
                }
            }
        };
        barsTask = task;
        Background.run(task);
    }

    private void showBars(List<PriceBar> list, String fetched) {
        shownBars = list;
        bars.setItems(FXCollections.observableArrayList(list));
        Tables.linesInSteps(bars, reveal);
        drawBars();
        barCount.setText((list.isEmpty() ? "no daily prices" : list.size() + " days, " + Formats.day(list.get(0).date())
                + " to " + Formats.day(list.get(list.size() - 1).date())) + (fetched == null ? "" : " · " + fetched));
    }

    /** The close line; the chart shows all of it until zoomed, reduced to about two points per horizontal pixel. */
    private void drawBars() {
        if (shownBars.isEmpty()) {
            barZoom.clear();
            return;
        }
        double[] x = new double[shownBars.size()];
        double[] y = new double[shownBars.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = shownBars.get(i).date().toEpochDay();
            y[i] = shownBars.get(i).returnBasis();
        }
        barZoom.setSeries(barSymbol.getValue(), x, y);
    }

    private void deleteBarRange() {
        String s = barSymbol.getValue();
        LocalDate from = barFrom.getValue();
        LocalDate to = barTo.getValue();
        if (s == null || from == null || to == null || to.isBefore(from)) {
            alert(Alert.AlertType.WARNING, "Choose a security and a date range (from on or before to).");
            return;
        }
        Background.write(() -> editor.countPriceBars(s, from, to), n -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + n + " daily prices of " + s + " from "
                    + Formats.day(from) + " to " + Formats.day(to) + "? This cannot be undone; re-import the file to"
                    + " get them back.", ButtonType.OK, ButtonType.CANCEL);
            a.initOwner(owner());
            a.setHeaderText("Delete daily prices");
            if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
                Background.write(() -> editor.deletePriceBars(s, from, to),
                        deleted -> barCount.setText("Deleted " + deleted + " daily prices of " + s + "."),
                        m -> alert(Alert.AlertType.ERROR, "Nothing was deleted: " + m));
            }
        }, m -> alert(Alert.AlertType.ERROR, "The daily prices of " + s + " cannot be counted: " + m));
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        Tips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Asks, naming the dependents, then deletes the record and them in one transaction. */
    <T> void delete(T record) {
        Background.write(() -> editor.dependents(record), deps -> confirmDelete(record, deps),
                m -> alert(Alert.AlertType.ERROR, "Nothing was deleted: " + m));
    }

    private <T> void confirmDelete(T record, List<Object> deps) {
        StringBuilder sb = new StringBuilder("Delete " + RecordEditor.describe(record) + "?");
        if (!deps.isEmpty()) {
            sb.append("\n\nThese depend on it and will be deleted with it:");
            deps.stream().limit(12).forEach(d -> sb.append("\n • ").append(d instanceof org.rareearth.dashboard.store
                    .RecordStore.PriceBarsOf p ? p.toString() : RecordEditor.describe(d)));
            if (deps.size() > 12) {
                sb.append("\n • … and ").append(deps.size() - 12).append(" more");
            }
        }
        sb.append("\n\nEdit > Undo (Ctrl+Z) brings it back.");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, sb.toString(), ButtonType.OK, ButtonType.CANCEL);
        org.rareearth.dashboard.desktop.common.Theme.dress(a);
        a.initOwner(owner());
        a.setHeaderText("Delete " + RecordKind.of(record).name);
        a.getDialogPane().setId("delete-confirmation");
        if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            Background.write(() -> {
                editor.delete(record);
                return null;
            }, done -> { }, m -> alert(Alert.AlertType.ERROR, "Nothing was deleted: " + m));
        }
    }

    private void alert(Alert.AlertType type, String text) {
        Alert a = new Alert(type, text, ButtonType.OK);
        org.rareearth.dashboard.desktop.common.Theme.dress(a);
        a.initOwner(owner());
        a.showAndWait();
    }

    /** Opens the add form of the tab in front (Ctrl+N). */
    public void addInCurrentTab() {
        KindTab<?> t = frontKindTab().orElse(kindTabs.get(RecordKind.EVENTS));
        t.add(t.kind.blank());
    }

    /** The tab in front when it holds records of a kind (not the daily prices or the review list). */
    private java.util.Optional<KindTab<?>> frontKindTab() {
        Tab front = tabs.getSelectionModel().getSelectedItem();
        return kindTabs.values().stream().filter(t -> t.tab == front).findFirst();
    }

    /** Opens the event form with the announcement date filled in (quick add from the timeline). */
    public void addEvent(LocalDate announced) {
        Map<String, Object> v = RecordKind.EVENTS.blank();
        v.put("announced", announced);
        kindTabs.get(RecordKind.EVENTS).add(v);
    }

    /** Opens the price-quote form with the date and commodity filled in (quick add from the gap chart). */
    public void addPriceQuote(LocalDate date, String commodity) {
        Map<String, Object> v = RecordKind.ASSESSMENTS.blank();
        v.put("date", date);
        if (commodity != null) {
            v.put("commodity", commodity);
        }
        kindTabs.get(RecordKind.ASSESSMENTS).add(v);
    }

    private void openSource(Object url) {
        try {
            org.rareearth.dashboard.desktop.common.Browser.open(url == null ? null : url.toString());
        } catch (RuntimeException e) {
            alert(Alert.AlertType.WARNING, e.getMessage());
        }
    }

    private final TableView<org.rareearth.dashboard.service.Review.Item> review = Tables.oneLine(Tables.table(READING));
    private final Label reviewCount = new Label();

    /** Data > Review: what needs a look today (the {@code review} command's list). */
    private Tab reviewTab() {
        review.setId("review-table");
        linesInStepsWhenShown(review);
        review.getColumns().setAll(List.of(
                Tables.column("Kind", org.rareearth.dashboard.service.Review.Item::kind, 130),
                Tables.column("Record", org.rareearth.dashboard.service.Review.Item::key, 300),
                Tables.column("Why it needs a look", org.rareearth.dashboard.service.Review.Item::reason, 640)));
        review.setRowFactory(tv -> {
            TableRow<org.rareearth.dashboard.service.Review.Item> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showRecord(row.getItem());
                }
            });
            row.itemProperty().addListener((o, a, b) -> Tips.set(row, b == null ? null
                    : b.reason() + "\nDouble-click to go to the record."));
            return row;
        });
        reviewCount.setId("review-count");
        Label hint = new Label("Lapsed suspensions and end dates, price series and quotes older than "
                + org.rareearth.dashboard.analytics.Freshness.MAX_AGE_DAYS + " days, records marked U and events"
                + " without a source URL. Double-click a row to go to its record.");
        hint.setWrapText(true);
        VBox box = new VBox(6, new HBox(8, reviewCount), hint, review);
        VBox.setVgrow(review, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 0, 0));
        Tab t = new Tab("Review", box);
        t.setId("tab-review");
        t.setTooltip(new javafx.scene.control.Tooltip("What in the store needs a look today"));
        return t;
    }

    private void showReview(DataViewModel.Snapshot s) {
        if (review.getPlaceholder() instanceof Label l && l.getText().equals(READING)) {
            l.setText("Nothing needs a look: no lapsed dates, no stale prices, no U marks, every event has its"
                    + " source URL.");
        }
        if (!review.getItems().equals(s.review())) {
            review.getItems().setAll(s.review());
            Tables.linesInSteps(review, reveal);
        }
        reviewCount.setText(review.getItems().size() + " item" + (review.getItems().size() == 1 ? "" : "s")
                + " to review on " + org.rareearth.dashboard.desktop.common.Formats.day(s.day()));
    }

    /** Goes to the record a review item is about: its tab, its row selected. */
    private void showRecord(org.rareearth.dashboard.service.Review.Item item) {
        if ("prices".equals(item.kind())) {
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "Daily prices".equals(t.getText()))
                    .findFirst().orElseThrow());
            barSymbol.setValue(item.key());
            return;
        }
        for (KindTab<?> t : kindTabs.values()) {
            if (t.select(item.kind(), item.key())) {
                tabs.getSelectionModel().select(t.tab);
                return;
            }
        }
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
     * Runs {@code then} once the records are read: a form opened before the first read (a quick add from another
     * view, before this one was shown) waits for it, as it checks against what that read knows.
     */
    private void withRecords(Runnable then) {
        if (!model.hasAnswered() && !model.loadingProperty().get()) {
            model.refresh();
        }
        whenLoaded(then);
    }

    @Override
    public org.rareearth.dashboard.desktop.common.LatestRead<?> reads() {
        return model;
    }

    /** Lays out a finished read: every tab's records, the securities with prices, the review list. */
    private void show(DataViewModel.Snapshot s) {
        kindTabs.values().forEach(t -> t.show(s));
        List<String> symbols = s.symbols();
        String current = barSymbol.getValue();
        if (!barSymbol.getItems().equals(symbols)) {
            barSymbol.getItems().setAll(symbols);
        }
        barSymbol.setValue(current);
        loadBars();
        showReview(s);
    }

}
