package org.rareearth.dashboard.desktop.timeline;

import org.rareearth.dashboard.desktop.common.DropDowns;
import org.rareearth.dashboard.desktop.common.Reveal;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.analytics.EventReview;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Palette;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.common.Tips;

/** China's export controls and the US/allied actions on an interactive timeline, with filters and details. */
public final class TimelineView implements View.Reading, org.rareearth.dashboard.desktop.export.Exportable {
    public static final String TITLE = "Export-restriction timeline";

    private final Workspace services;
    private final TimelineCanvas timeline = new TimelineCanvas();
    private final CheckComboBox<Actor> actors = new CheckComboBox<>();
    private final CheckComboBox<Category> categories = new CheckComboBox<>();
    private final CheckComboBox<String> materials = DropDowns.measureFewRows(new CheckComboBox<>());
    private final TextField search = TextFields.createClearableTextField();
    private final DatePicker statusDate = new DatePicker();
    private final Label counts = new Label();
    private final VBox details = new VBox(6);
    private final VBox statusSummary = new VBox(4);
    private final BorderPane root = new BorderPane();
    private final Reveal reveal;
    private List<PolicyEvent> all = List.of();
    private boolean firstShow = true;
    private final TimelineViewModel model;
    /** An event to select once the first read is done. */
    private String pendingSelection;
    private Consumer<PolicyEvent> onOpenEvent = e -> { };
    private Consumer<List<String>> onPoolEvents = codes -> { };
    private Consumer<LocalDate> onAddEventAt = d -> { };
    private java.util.function.Supplier<List<javafx.scene.control.MenuItem>> extraMenuItems = List::of;

    /** A timeline that reads the store when refreshed, on the calling thread (for exports and the PNG command). */
    public TimelineView(Workspace services) {
        this(services, new TimelineViewModel(services.events::all, Runnable::run, Runnable::run));
    }

    /** A timeline showing what {@code model} reads (the window's reads off the FX thread). */
    public TimelineView(Workspace services, TimelineViewModel model) {
        this.services = services;
        this.model = model;
        model.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                counts.setText(b + " (F5 tries again)");
            }
        });
        timeline.setId("timeline");
        actors.getItems().setAll(Actor.values());
        actors.setTitle("Actors");
        actors.setShowCheckedCount(true);
        actors.setId("filter-actors");
        Tips.set(actors, "Show only these actors (none ticked: all)");
        categories.getItems().setAll(Category.values());
        categories.setTitle("Categories");
        categories.setShowCheckedCount(true);
        categories.setId("filter-categories");
        Tips.set(categories, "Show only these kinds of measure (none ticked: all)");
        materials.setTitle("Materials");
        materials.setShowCheckedCount(true);
        materials.setId("filter-materials");
        Tips.set(materials, "Show only measures on these materials (none ticked: all)");
        search.setPromptText("Search title, summary, source…");
        search.setId("filter-search");
        search.setPrefColumnCount(18);
        Tips.set(search, "Text search over title, summary, materials, source and note");
        ListChangeListener<Object> refilter = c -> applyFilter(false);
        actors.getCheckModel().getCheckedItems().addListener(refilter);
        categories.getCheckModel().getCheckedItems().addListener(refilter);
        materials.getCheckModel().getCheckedItems().addListener(refilter);
        search.textProperty().addListener((o, a, b) -> applyFilter(false));

        Button zoomIn = iconButton(Material2MZ.ZOOM_IN, "Zoom in (+, or Ctrl+scroll)", timeline::zoomIn);
        Button zoomOut = iconButton(Material2MZ.ZOOM_OUT, "Zoom out (−, or Ctrl+scroll)", timeline::zoomOut);
        Button fit = iconButton(Material2AL.FULLSCREEN, "Fit all (0)", timeline::fitAll);
        fit.setText("Fit all");
        fit.setMinWidth(Region.USE_PREF_SIZE);
        fit.setId("timeline-fit");
        zoomIn.setId("timeline-zoom-in");
        zoomOut.setId("timeline-zoom-out");
        counts.setId("timeline-counts");
        counts.getStyleClass().add("counts");

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // The check lists and the search come a frame after the rest (Reveal): their styling is about half of the
        // view's first pulse. The zoom buttons keep the row's height meanwhile.
        HBox filters = new HBox(8, grow, zoomOut, zoomIn, fit);
        filters.setAlignment(Pos.CENTER_LEFT);

        statusDate.setId("status-date");
        statusDate.setPromptText("pick a day");
        Tips.set(statusDate, "Show what was in force on this day: other measures are dimmed");
        statusDate.valueProperty().addListener((o, a, b) -> {
            timeline.statusDateProperty().set(b);
            updateStatusSummary();
        });
        Button clearDay = new Button("Clear");
        clearDay.setOnAction(e -> statusDate.setValue(null));
        Tips.set(clearDay, "Stop highlighting a day");


        Label detailsTitle = new Label("Selected event");
        detailsTitle.getStyleClass().add("side-title");
        details.setId("timeline-details");
        Label statusTitle = new Label("Status on a day");
        statusTitle.getStyleClass().add("side-title");
        HBox dayRow = new HBox(6, statusDate, clearDay);
        VBox side = new VBox(8, statusTitle, dayRow, statusSummary, new javafx.scene.control.Separator(),
                detailsTitle, details);
        side.setPadding(new Insets(8));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setMinWidth(280);

        SplitPane split = new SplitPane(timeline, sideScroll);
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(sideScroll, false);
        reveal = Reveal.afterFirstFrame(root,
                () -> filters.getChildren().addAll(0, List.of(actors, categories, materials, search)));
        // What the read found shows once the parts are in, in a pulse of its own.
        model.readsProperty().addListener((o, a, b) -> reveal.whenDone(() -> show(model.valueProperty().get())));

        Label heading = new Label("Export-restriction timeline");
        heading.getStyleClass().add("view-title");
        Button pool = new Button("Pool these events…");
        pool.setId("timeline-pool");
        Tips.set(pool, "Open Stock reactions > Pooled with the events shown here as"
                + " its first set");
        pool.setOnAction(e -> onPoolEvents.accept(filter().apply(all).stream().map(PolicyEvent::code).toList()));
        HBox countRow = new HBox(16, counts, pool);
        countRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, heading, filters, countRow, legend());
        top.setPadding(new Insets(0, 0, 6, 0));
        root.setTop(top);
        root.setCenter(split);
        root.setPadding(new Insets(12));

        timeline.selectedProperty().addListener((o, a, b) -> showDetails(b));
        timeline.setOnOpen(e -> onOpenEvent.accept(e));
        ContextMenu menu = new ContextMenu();
        timeline.setOnContextMenuRequested(e -> {
            // The day under the mouse, worked out when the menu is asked for (before any click).
            LocalDate day = timeline.dateAt(e.getX());
            MenuItem add = new MenuItem("Add event on " + Formats.day(day) + "…");
            add.setId("add-event-here");
            add.setOnAction(a -> onAddEventAt.accept(day));
            MenuItem show = new MenuItem("Status on " + Formats.day(day));
            show.setOnAction(a -> statusDate.setValue(day));
            menu.getItems().setAll(add, show);
            menu.getItems().addAll(extraMenuItems.get());
            menu.show(timeline, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        showDetails(null);
        updateStatusSummary();
        // A read the window started before this view was built (it prefetches the view in front).
        if (model.valueProperty().get() != null) {
            reveal.whenDone(() -> show(model.valueProperty().get()));
        }
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        Tips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node legend() {
        FlowPane legend = new FlowPane(14, 4);
        legend.setId("timeline-legend");
        for (Category c : Category.values()) {
            Rectangle r = new Rectangle(18, 8, Palette.of(c));
            legend.getChildren().add(legendItem(r, c.label()));
        }
        // Neutral swatches take their colour from the theme (app.css / dark.css).
        Rectangle suspended = new Rectangle(18, 8);
        suspended.getStyleClass().add("legend-suspended");
        suspended.getStrokeDashArray().setAll(3.0, 2.0);
        legend.getChildren().add(legendItem(suspended, "suspended stretch"));
        Line pending = new Line(0, 0, 18, 0);
        pending.getStrokeDashArray().setAll(3.0, 3.0);
        pending.setStrokeWidth(2);
        pending.getStyleClass().add("legend-neutral-line");
        legend.getChildren().add(legendItem(pending, "announced, not yet in force"));
        Circle point = new Circle(5);
        point.getStyleClass().add("legend-neutral");
        legend.getChildren().add(legendItem(point, "announcement"));
        Line lapsed = new Line(0, 0, 18, 0);
        lapsed.getStrokeDashArray().setAll(1.5, 3.0);
        lapsed.setStrokeWidth(1.5);
        lapsed.getStyleClass().add("legend-neutral-line");
        legend.getChildren().add(legendItem(lapsed, "lapsed, not confirmed (?)"));
        Line today = new Line(0, 0, 0, 12);
        today.setStroke(Palette.TODAY);
        today.setStrokeWidth(2);
        legend.getChildren().add(legendItem(today, "today"));
        return legend;
    }

    private static Node legendItem(Node swatch, String text) {
        HBox box = new HBox(5, swatch, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The actor filter (for tests). */
    public CheckComboBox<Actor> actorsChoice() {
        return actors;
    }

    /** Called with the codes of the events shown when the user asks to pool their stock reactions. */
    public void setOnPoolEvents(Consumer<List<String>> handler) {
        this.onPoolEvents = handler;
    }

    /** Called when the user opens an event (double-click or Enter). */
    public void setOnOpenEvent(Consumer<PolicyEvent> handler) {
        this.onOpenEvent = handler;
    }

    /** More items for the timeline's context menu (export commands). */
    public void setExtraMenuItems(java.util.function.Supplier<List<javafx.scene.control.MenuItem>> items) {
        this.extraMenuItems = items;
    }

    /** Called from the context menu's "Add event on …". */
    public void setOnAddEventAt(Consumer<LocalDate> handler) {
        this.onAddEventAt = handler;
    }

    /**
     * Selects the event with this code, clearing filters that hide it. Before the first read has finished and is
     * shown, the selection waits for it; returns false when the event is not in what was read.
     */
    public boolean selectEvent(String code) {
        // Not read yet, or read but not shown until the view's parts are in (its first showing).
        if (model.valueProperty().get() == null || reveal.inProgress()) {
            pendingSelection = code;
            if (model.valueProperty().get() == null && !model.loadingProperty().get()) {
                model.refresh();
            }
            if (pendingSelection != null) {
                return true; // selected when the read in the background is done
            }
        }
        return select(code);
    }

    private boolean select(String code) {
        java.util.Optional<PolicyEvent> e = all.stream().filter(x -> x.code().equals(code)).findFirst();
        if (e.isEmpty()) {
            return false;
        }
        if (!filter().test(e.get())) {
            clearFilters();
        }
        timeline.selectedProperty().set(e.get());
        return true;
    }

    private void clearFilters() {
        actors.getCheckModel().clearChecks();
        categories.getCheckModel().clearChecks();
        materials.getCheckModel().clearChecks();
        search.clear();
        applyFilter(false);
    }

    public TimelineCanvas canvas() {
        return timeline;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    /** The events, read off the FX thread in the window. */
    @Override
    public TimelineViewModel reads() {
        return model;
    }

    @Override
    public Reveal reveal() {
        return reveal;
    }

    /** Lays out the events just read, keeping the filters; then the selection asked for meanwhile, if any. */
    private void show(List<PolicyEvent> events) {
        all = events;
        timeline.setContext(all);
        timeline.setToday(AppClock.today());
        TreeSet<String> mats = all.stream().flatMap(e -> e.materials().stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
        List<String> checked = List.copyOf(materials.getCheckModel().getCheckedItems());
        if (!materials.getItems().equals(List.copyOf(mats))) {
            materials.getItems().setAll(mats);
            checked.stream().filter(mats::contains).forEach(m -> materials.getCheckModel().check(m));
            DropDowns.recount(materials);
        }
        applyFilter(firstShow);
        firstShow = false;
        if (pendingSelection != null) {
            String code = pendingSelection;
            pendingSelection = null;
            select(code);
        }
    }

    @Override
    public org.rareearth.dashboard.desktop.export.ExportSpec exportSpec() {
        LocalDate today = AppClock.today();
        // The same listing as the timeline command's (status on the day, lapses to review).
        org.rareearth.dashboard.service.TimelineService.Listing listing =
                org.rareearth.dashboard.service.TimelineService.listing(all,
                        filter(), today, false);
        List<PolicyEvent> shown = listing.entries().stream()
                .map(org.rareearth.dashboard.service.TimelineService.Entry::event).toList();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (org.rareearth.dashboard.service.TimelineService.Entry entry : listing.entries()) {
            PolicyEvent e = entry.event();
            rows.add(java.util.Arrays.asList(e.code(), e.actor().code(), e.category().code(), e.title(),
                    String.join("; ", e.materials()), str(e.announced()), str(e.effective()), str(e.ends()),
                    str(e.suspendedFrom()), str(e.suspendedUntil()), e.status(), entry.status().code(),
                    entry.review().orElse(""), e.source(), e.sourceUrl(), e.confidence()));
        }
        return new org.rareearth.dashboard.desktop.export.ExportSpec("timeline",
                "China's export restrictions and the US/allied response",
                "Announcements (points) and the life of each measure (bars: in force, hatched: suspended, dashed:"
                        + " announced, not yet in force, dotted with ?: lapsed, not confirmed); " + shown.size()
                        + " events, as of " + Formats.day(today) + ".", () -> {
                    TimelineCanvas c = new TimelineCanvas();
                    c.hideScrollBar();
                    c.setToday(today);
                    c.setContext(all);
                    c.statusDateProperty().set(timeline.statusDateProperty().get());
                    c.setEvents(shown, true);
                    javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, legend(), c);
                    javafx.scene.layout.VBox.setVgrow(c, Priority.ALWAYS);
                    return box;
                }, shown.stream().map(e -> org.rareearth.dashboard.desktop.export.ExportSpec.cite(e.source(), e.sourceUrl())).toList(),
                List.of("id", "actor", "category", "title", "materials", "announced", "effective", "ends",
                        "suspended_from", "suspended_until", "status", "status_today", "review", "source", "source_url",
                        "confidence"), rows);
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private EventFilter filter() {
        return new EventFilter(new HashSet<>(actors.getCheckModel().getCheckedItems()),
                new HashSet<>(categories.getCheckModel().getCheckedItems()),
                new HashSet<>(materials.getCheckModel().getCheckedItems()), search.getText(), null, null);
    }

    private void applyFilter(boolean fit) {
        List<PolicyEvent> shown = filter().apply(all);
        timeline.setEvents(shown, fit);
        Map<Actor, Long> byActor = new EnumMap<>(Actor.class);
        shown.forEach(e -> byActor.merge(e.actor(), 1L, Long::sum));
        counts.setText("Showing " + shown.size() + " of " + all.size() + " events"
                + (shown.isEmpty() ? (all.isEmpty() ? " — the store has none yet: add one in the Data view"
                : " — no event matches the filters") : ": " + byActor.entrySet().stream()
                .map(en -> en.getKey().label() + " " + en.getValue()).collect(Collectors.joining(" · "))));
        updateStatusSummary();
    }

    private void updateStatusSummary() {
        LocalDate day = statusDate.getValue();
        statusSummary.getChildren().clear();
        if (day == null) {
            Label hint = new Label("Pick a day to see which measures were announced, in force, suspended or ended"
                    + " then.");
            hint.setWrapText(true);
            statusSummary.getChildren().add(hint);
            return;
        }
        Map<EventStatus, List<PolicyEvent>> by = new EnumMap<>(EventStatus.class);
        for (PolicyEvent e : filter().apply(all)) {
            by.computeIfAbsent(EventStatus.on(e, day), k -> new java.util.ArrayList<>()).add(e);
        }
        for (EventStatus s : List.of(EventStatus.IN_FORCE, EventStatus.SUSPENDED, EventStatus.ANNOUNCED,
                EventStatus.ENDED)) {
            List<PolicyEvent> list = by.getOrDefault(s, List.of());
            Label head = new Label(s.code() + ": " + list.size());
            head.getStyleClass().add("status-head");
            head.setId("status-count-" + s.code());
            statusSummary.getChildren().add(head);
            for (PolicyEvent e : list) {
                Label l = new Label("• " + e.title());
                l.setWrapText(true);
                l.setOnMouseClicked(ev -> timeline.selectedProperty().set(e));
                statusSummary.getChildren().add(l);
            }
        }
    }

    private void showDetails(PolicyEvent e) {
        details.getChildren().clear();
        if (e == null) {
            Label hint = new Label("Click an event, or focus the timeline and use the arrow keys. Double-click or"
                    + " press Enter to see its stock reactions.");
            hint.setWrapText(true);
            details.getChildren().add(hint);
            return;
        }
        Label title = new Label(e.title());
        title.setWrapText(true);
        title.getStyleClass().add("detail-title");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int r = 0;
        LocalDate today = AppClock.today();
        r = row(grid, r, "Actor", e.actor().label());
        r = row(grid, r, "Category", e.category().label());
        r = row(grid, r, "Materials", String.join(", ", e.materials()));
        r = row(grid, r, "Announced", Formats.day(e.announced()));
        r = row(grid, r, "Effective", Formats.day(e.effective()));
        r = row(grid, r, "Ends", Formats.day(e.ends()));
        r = row(grid, r, "Suspended from", Formats.day(e.suspendedFrom()));
        r = row(grid, r, "Suspended until", Formats.day(e.suspendedUntil()));
        r = row(grid, r, "Status (source)", e.status());
        var lapse = EventReview.lapse(e, all, today);
        r = row(grid, r, "Status today", EventStatus.on(e, today).code()
                + lapse.map(l -> " — lapsed, not confirmed: " + l.reason()).orElse(""));
        r = row(grid, r, "Summary", e.summary());
        r = row(grid, r, "Source", e.source() + (e.sourceUrl() == null ? "" : "\n" + e.sourceUrl()));
        r = row(grid, r, "Confidence", e.confidence());
        r = row(grid, r, "Note", e.note());
        row(grid, r, "Code", e.code());
        Button open = new Button("Stock reactions to this event");
        open.setOnAction(a -> onOpenEvent.accept(e));
        open.setId("open-reactions");
        details.getChildren().addAll(title, grid, open);
    }

    private static int row(GridPane grid, int r, String name, String value) {
        Label k = new Label(name);
        k.getStyleClass().add("detail-key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value == null || value.isBlank() ? "—" : value);
        v.setWrapText(true);
        v.setMaxWidth(220);
        grid.addRow(r, k, v);
        return r + 1;
    }
}
