package org.rareearth.dashboard.desktop;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.StoreChanges;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.desktop.common.StatusLine;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.dashboard.DashboardViewModel;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.service.DashboardSummary;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.supply.SupplyChainView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.slf4j.LoggerFactory;
import org.rareearth.dashboard.desktop.common.Tips;

/** The main window: navigation on the left, the current view in the middle, a status bar below. */
public final class MainWindow {
    public static final String TITLE = "Rare Earth Dashboard";
    /**
     * The window icon's sizes, in pixels: the one JavaFX hands the platform. Of a stage's icons it takes only the
     * one closest to 128×128 on Linux and macOS, 32×32 on Windows, and scales that one to the size (OpenJFX's
     * {@code WindowStage.setIcons}); decoding and converting the other sizes took CPU time the start needs on a
     * two-core machine, the 512 px one most (BENCHMARKS.md). The desktop entry's icons (the .deb's hicolor theme)
     * are other files.
     */
    static final int[] ICON_SIZES = System.getProperty("os.name", "").startsWith("Windows") ? new int[] {32}
            : new int[] {128};
    private static final String ICONS_LOADING = "rare-earth-dashboard.icons-loading";

    private final Workspace services;
    private final Stage stage;
    private final Map<String, java.util.function.Supplier<View>> factories = new LinkedHashMap<>();
    /** The views built so far (a view is built when first shown or needed). */
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final StackPane center = new StackPane();
    private final StatusLine status = new StatusLine();
    private BundledRecordsOffer offer;
    private final WindowState windowState;
    private final org.rareearth.dashboard.desktop.export.ExportActions exports;
    private final org.rareearth.dashboard.service.RecordEditor editor;
    private final org.rareearth.dashboard.desktop.prices.PriceDownloads downloads;
    private final ErrorReporter errors;
    private final FileActions files;
    private final HelpDialogs help;
    /** A refresh is posted to the FX thread and not yet run: further changes wait for it. */
    private final java.util.concurrent.atomic.AtomicBoolean refreshPosted = new java.util.concurrent.atomic.AtomicBoolean();
    private String current;
    /** This window's listeners on the app-wide theme, removed when the window closes. */
    private final List<javafx.beans.value.ChangeListener<Theme>> themeListeners = new java.util.ArrayList<>();

    /** The views by title, in navigation order. */
    static final List<String> VIEW_TITLES = List.of(DashboardView.TITLE, ReactionsView.TITLE, GapView.TITLE,
            TimelineView.TITLE, DataView.TITLE, SupplyChainView.TITLE);

    /** The view a window opens on: the one it showed last, else the first (the dashboard). */
    public static String frontView(String remembered) {
        return VIEW_TITLES.contains(remembered) ? remembered : VIEW_TITLES.get(0);
    }

    public MainWindow(Workspace services, Stage stage) {
        this(services, stage, false);
    }

    /**
     * With {@code deferContent}, the view in front is built only when the window is shown (see
     * {@link #showProgressively}), and the comparison with the bundled dataset waits for its content.
     */
    public MainWindow(Workspace services, Stage stage, boolean deferContent) {
        this(services, stage, deferContent, null);
    }

    /**
     * As above; {@code dashboardRead}, when not null, is the dashboard's read of {@code services} already under way
     * (started as the store opened, see DesktopLauncher): a window opening on the dashboard takes it instead of
     * reading again.
     */
    public MainWindow(Workspace services, Stage stage, boolean deferContent,
                      java.util.concurrent.CompletableFuture<DashboardSummary> dashboardRead) {
        this.services = services;
        this.stage = stage;
        this.windowState = new WindowState(AppPaths.home().resolve("window.properties"));
        Theme.currentProperty().set(Theme.parse(windowState.theme()).orElse(Theme.LIGHT));

        // A store that cannot answer stops the window here, before any control is built on it (the counts and the
        // last-fetched line are read in the background, where a failure would go unseen).
        services.store().schemaVersion();
        this.editor = new org.rareearth.dashboard.service.RecordEditor(services);
        this.errors = new ErrorReporter(stage, status);
        this.files = new FileActions(stage, services, status::setText, errors, readOnlyReason::get);
        org.rareearth.dashboard.service.FeedSettings feedSettings =
                new org.rareearth.dashboard.service.FeedSettings(AppPaths.downloadSettings());
        this.downloads = new org.rareearth.dashboard.desktop.prices.PriceDownloads(stage,
                new org.rareearth.dashboard.desktop.prices.PriceUpdateViewModel(
                        services.priceFeeds(org.rareearth.dashboard.io.quotes.QuoteClient.standard()), feedSettings,
                        id -> org.rareearth.dashboard.io.quotes.QuoteSources.byId(id,
                                () -> feedSettings.tiingoKey(System.getenv())),
                        org.rareearth.dashboard.desktop.common.Background.executor(), javafx.application.Platform::runLater),
                status::setText);
        downloads.model().lastFetchedProperty().addListener((o, a, b) -> updateStatus());
        this.help = new HelpDialogs(stage, services, () -> downloads.model().needsConsent() ? "not allowed (the app"
                + " asks before the first one)" : "allowed, from " + org.rareearth.dashboard.domain.QuoteTickers
                .displayName(downloads.model().settings().source()));
        // Views are built when first shown: start-up builds only the one in front.
        // The dashboard's figures and the timeline's events are read off the FX thread; the read of the view in
        // front starts before the window's chrome is built.
        DashboardViewModel dashboardModel = new DashboardViewModel(DashboardViewModel.reading(services),
                org.rareearth.dashboard.desktop.common.Background.executor(), javafx.application.Platform::runLater);
        org.rareearth.dashboard.desktop.timeline.TimelineViewModel timelineModel =
                new org.rareearth.dashboard.desktop.timeline.TimelineViewModel(services.events::all,
                        org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater);
        org.rareearth.dashboard.desktop.reactions.ReactionsViewModel reactionsModel =
                org.rareearth.dashboard.desktop.reactions.ReactionsViewModel.over(services,
                        org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater);
        org.rareearth.dashboard.desktop.gap.GapViewModel gapModel = org.rareearth.dashboard.desktop.gap.GapViewModel
                .over(services.gaps(), org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater);
        org.rareearth.dashboard.desktop.data.DataViewModel dataModel = org.rareearth.dashboard.desktop.data
                .DataViewModel.over(services, org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater);
        org.rareearth.dashboard.desktop.supply.SupplyChainViewModel supplyModel =
                org.rareearth.dashboard.desktop.supply.SupplyChainViewModel.over(services,
                        org.rareearth.dashboard.desktop.common.Background.executor(),
                        javafx.application.Platform::runLater);
        // The views that read in the background, by title: the window prefetches the one in front and tells them
        // all of the store's changes.
        Map<String, org.rareearth.dashboard.desktop.common.LatestRead<?>> backgroundReads = Map.of(
                DashboardView.TITLE, dashboardModel, TimelineView.TITLE, timelineModel,
                ReactionsView.TITLE, reactionsModel.records(), GapView.TITLE, gapModel,
                DataView.TITLE, dataModel, SupplyChainView.TITLE, supplyModel.reads());
        add(DashboardView.TITLE, () -> {
            DashboardView dashboard = new DashboardView(services, dashboardModel);
            dashboard.setOnOpen(this::open);
            return dashboard;
        }, Material2AL.DASHBOARD,
                "Headline figures from the store");
        add(ReactionsView.TITLE, () -> {
            ReactionsView reactions = new ReactionsView(services, reactionsModel);
            reactions.setOnImportPrices(this::importPrices);
            reactions.setOnDownloadPrices(symbols -> downloads.download(symbols, symbols.isEmpty()));
            return reactions;
        }, Material2MZ.SHOW_CHART, "How rare-earth equities moved around each event");
        add(GapView.TITLE, () -> {
            GapView gap = new GapView(services, gapModel);
            gap.setExtraMenuItems(this::exportMenuItems);
            gap.setOnAddQuote((d, c) -> dataView().addPriceQuote(d, c));
            return gap;
        }, Material2AL.ATTACH_MONEY, "The US price floor against China's NdPr oxide price");
        add(TimelineView.TITLE, () -> {
            TimelineView timeline = new TimelineView(services, timelineModel);
            timeline.setExtraMenuItems(this::exportMenuItems);
            timeline.setOnOpenEvent(e -> {
                show(ReactionsView.TITLE);
                ((ReactionsView) view(ReactionsView.TITLE)).focusEvent(e.code());
            });
            timeline.setOnAddEventAt(d -> dataView().addEvent(d));
            timeline.setOnPoolEvents(codes -> {
                show(ReactionsView.TITLE);
                ((ReactionsView) view(ReactionsView.TITLE)).poolEvents(codes);
            });
            return timeline;
        }, Material2MZ.TIMELINE, "China's export controls and the US/allied actions");
        add(DataView.TITLE, () -> {
            DataView data = new DataView(services, editor, dataModel);
            data.setOwner(stage);
            data.setDownloads(downloads);
            data.readOnlyProperty().bind(readOnlyReason);
            return data;
        }, Material2MZ.STORAGE, "Every record in the store, with its source; add, edit and delete");
        add(SupplyChainView.TITLE, () -> {
            var supply = new SupplyChainView(supplyModel);
            supply.setOnOpenEvent(code -> {
                show(ReactionsView.TITLE);
                ((ReactionsView) view(ReactionsView.TITLE)).focusEvent(code);
            });
            supply.setOnOpenFloor(program -> {
                show(GapView.TITLE);
                GapView gap = (GapView) view(GapView.TITLE);
                if (gap.programChooser().getItems().contains(program)) {
                    gap.programChooser().setValue(program);
                }
            });
            return supply;
        }, Material2MZ.SETTINGS_INPUT_COMPONENT, "Non-China capacity by stage, China's share and the time lag");
        exports = new org.rareearth.dashboard.desktop.export.ExportActions(stage, this::currentExportable,
                () -> center, text -> status.setText(text), text -> error("Export", text),
                (export, failed) -> afterRead(views.get(current), export, failed));
        // Every committed write (an edit, an import, a download, a restore) reaches the view in front and the
        // status bar through the store's changes, whichever thread made it; the other views catch up when shown.
        StoreChanges.Subscription following = services.changes().follow(c -> {
            if (c.elsewhere() != null) {
                // A quiet note in the status bar, not a dialog: the views show the change by themselves.
                elsewhereNote.set("updated " + java.time.LocalTime.now().withNano(0) + ": " + c.elsewhere());
            }
            if (refreshPosted.compareAndSet(false, true)) {
                javafx.application.Platform.runLater(() -> {
                    refreshPosted.set(false);
                    backgroundReads.values().forEach(org.rareearth.dashboard.desktop.common.LatestRead::storeChanged);
                    View v = views.get(current);
                    if (v != null) {
                        refresh(current, v);
                    }
                    updateStatus();
                    String note = elsewhereNote.getAndSet(null);
                    if (note != null) {
                        status.setText(status.getText() + " · " + note);
                    }
                });
            }
        });
        this.following = following;
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, onHidden);
        // Changes by another program or analyst on the same store come too, once this is under way (off the FX
        // thread: it reads the store or connects to its server).
        org.rareearth.dashboard.desktop.common.Background.executor().execute(() -> {
            try {
                services.changes().watchElsewhere();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MainWindow.class).warn("Cannot watch the store for changes made"
                        + " elsewhere", e);
            }
        });

        if (!VIEW_TITLES.equals(List.copyOf(factories.keySet()))) {
            throw new IllegalStateException("VIEW_TITLES " + VIEW_TITLES + " differs from the views " + factories.keySet());
        }
        String initial = frontView(windowState.lastView());
        if (initial.equals(DashboardView.TITLE) && dashboardRead != null) {
            dashboardModel.adopt(dashboardRead);
        } else if (backgroundReads.containsKey(initial)) {
            backgroundReads.get(initial).prefetch();
        }
        org.rareearth.dashboard.service.StartupTrace.mark("views registered");
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        ToggleGroup group = new ToggleGroup();
        int i = 1;
        for (Map.Entry<String, ToggleButton> e : navButtons.entrySet()) {
            ToggleButton b = e.getValue();
            b.setToggleGroup(group);
            Tips.set(b, Tips.text(b) + " (Ctrl+" + i++ + ")");
            nav.getChildren().add(b);
        }
        // A view stays selected: clicking the current one again does not leave the window empty.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });

        BorderPane root = new BorderPane();
        offer = new BundledRecordsOffer(services);
        WindowMenus menus = new WindowMenus(commands());
        exportButtons.addAll(menus.exportButtons());
        root.setTop(new VBox(menus.menuBar(), menus.toolBar(), offer.node()));
        if (!deferContent) {
            offer.check(); // a window shown progressively checks once its first view is painted
        }
        downloads.model().loadLastFetched();
        checkWriteAccess();
        center.setOnContextMenuRequested(e -> {
            if (currentExportable() != null) {
                new javafx.scene.control.ContextMenu(exportMenuItems().toArray(MenuItem[]::new))
                        .show(center, e.getScreenX(), e.getScreenY());
            }
        });
        root.setLeft(nav);
        center.getStyleClass().add("content");
        root.setCenter(center);
        root.setBottom(status);

        Scene scene = new Scene(root);
        Theme.current().applyTo(scene);
        followTheme((obs, old, now) -> {
            // The hidden views leave the scene, to be styled in the new theme when next shown, not all at once now
            // (with every view built, restyling them all held the FX thread 120-270 ms instead of 60-70).
            center.getChildren().removeIf(n -> !n.isVisible());
            readAt.clear(); // a view builds its figures in the theme's colours from what it reads
            now.applyTo(scene);
            views.values().forEach(v -> now.applyTo(v.node()));
            windowState.saveTheme(now.key());
            status.setText(now.label() + " theme");
        });
        // The theme is the app's; a closed window stops following it (onHidden, registered above).
        stage.setScene(scene);
        stage.setTitle(TITLE + " — " + services.store().location().name());
        // The window icon is decoded off the FX thread once the window is painted (loadIcons).
        if (stage.isShowing()) {
            org.rareearth.dashboard.desktop.FirstFrame.afterNextFrame(scene, () -> loadIcons(stage));
        } else {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                    e -> org.rareearth.dashboard.desktop.FirstFrame.afterNextFrame(scene, () -> loadIcons(stage)));
        }
        org.rareearth.dashboard.service.StartupTrace.mark("chrome built");
        windowState.restore(stage);
        stage.setOnCloseRequest(e -> windowState.save(stage, current));
        org.rareearth.dashboard.service.StartupTrace.mark("stage ready");
        if (deferContent) {
            current = initial;
            navButtons.get(initial).setSelected(true);
            exportButtons.forEach(b -> b.setDisable(true));
            Label opening = new Label("Opening " + initial + "…");
            opening.getStyleClass().add("empty-state");
            opening.setId("view-opening");
            center.getChildren().setAll(opening);
        } else {
            show(initial);
        }
        updateStatus();
    }

    /**
     * Loads the icon font (Ikonli's resolver and its Material font) on the calling thread, so that building the
     * window's controls does not have to. Making a node off the FX thread is allowed while it is in no scene; a
     * failure only means the font loads later, on the FX thread.
     */
    public static void preloadIconFont() {
        try {
            new FontIcon(Material2AL.DASHBOARD);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(MainWindow.class).debug("icon font not preloaded", e);
        }
    }

    /**
     * Decodes the window icon ({@link #ICON_SIZES}) on a background thread and hands it to the stage on the FX
     * thread; once per stage (FX thread).
     */
    static void loadIcons(Stage stage) {
        if (!stage.getIcons().isEmpty() || stage.getProperties().putIfAbsent(ICONS_LOADING, Boolean.TRUE) != null) {
            return;
        }
        Thread t = new Thread(() -> {
            List<Image> icons = new java.util.ArrayList<>();
            for (int size : ICON_SIZES) {
                try (InputStream in = MainWindow.class.getResourceAsStream(
                        "/org/rareearth/dashboard/icons/rare-earth-dashboard-" + size + ".png")) {
                    if (in != null) {
                        icons.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    LoggerFactory.getLogger(MainWindow.class).debug("window icon {} not read", size, e);
                }
            }
            javafx.application.Platform.runLater(() -> {
                if (stage.getIcons().isEmpty()) {
                    stage.getIcons().setAll(icons);
                }
            });
        }, "window-icons");
        t.setDaemon(true);
        t.start();
    }

    private void add(String title, java.util.function.Supplier<View> factory, Ikon icon, String tooltip) {
        factories.put(title, factory);
        ToggleButton b = new ToggleButton(title, new FontIcon(icon));
        b.setId("nav-" + title.toLowerCase().replaceAll("[^a-z]+", "-"));
        b.getStyleClass().add("nav-button");
        b.setMaxWidth(Double.MAX_VALUE);
        Tips.set(b, tooltip);
        b.setOnAction(e -> show(title));
        navButtons.put(title, b);
    }

    private DataView dataView() {
        return (DataView) view(DataView.TITLE);
    }

    private org.rareearth.dashboard.desktop.export.Exportable currentExportable() {
        View v = views.get(current);
        return v instanceof org.rareearth.dashboard.desktop.export.Exportable e ? e : null;
    }

    private List<MenuItem> exportMenuItems() {
        MenuItem png = new MenuItem("Export PNG…", new FontIcon(Material2AL.IMAGE));
        png.setOnAction(e -> exports.exportPng());
        MenuItem copy = new MenuItem("Copy image", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setOnAction(e -> exports.copyImage());
        MenuItem csv = new MenuItem("Export data (CSV)…", new FontIcon(Material2MZ.TABLE_CHART));
        csv.setOnAction(e -> exports.exportData());
        return List.of(png, copy, csv);
    }

    /** The toolbar's export buttons: enabled only while the view in front has a chart. */
    private final List<javafx.scene.control.Button> exportButtons = new java.util.ArrayList<>();

    /** Runs {@code export} once {@code v} has read the store, or tells {@code failed} why its read failed. */
    private static void afterRead(View v, Runnable export, java.util.function.Consumer<String> failed) {
        v.whenLoaded(() -> {
            String problem = v.failedRead();
            if (problem.isEmpty()) {
                export.run();
            } else {
                failed.accept(problem);
            }
        });
    }

    /** Every chart, once every view has read what the store holds now. */
    private void exportAll() {
        whenChartsRead((ready, failed) -> {
            if (!failed.isEmpty()) {
                error("Export", (ready.isEmpty() ? "Nothing was exported:\n" : "Some charts are not exported:\n")
                        + String.join("\n", failed) + (ready.isEmpty() ? "" : "\nThe other charts are exported next."));
            }
            if (!ready.isEmpty()) {
                exports.exportAll(ready);
            }
        });
    }

    /**
     * Gives {@code then}, once every view with a chart has read what the store holds now, the views that read it
     * and, for those whose read failed, why. A view not yet shown, or last read before the store changed (views not
     * in front catch up only when shown), reads again first, off the FX thread.
     */
    void whenChartsRead(java.util.function.BiConsumer<List<org.rareearth.dashboard.desktop.export.Exportable>,
            List<String>> then) {
        List<String> titles = factories.keySet().stream()
                .filter(t -> view(t) instanceof org.rareearth.dashboard.desktop.export.Exportable).toList();
        List<org.rareearth.dashboard.desktop.export.Exportable> ready = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        int[] waiting = {titles.size()};
        Runnable answered = () -> {
            if (--waiting[0] == 0) {
                // In the order of the navigation, whichever read answered first.
                ready.sort(java.util.Comparator.comparingInt(x -> titles.indexOf(((View) x).title())));
                then.accept(List.copyOf(ready), List.copyOf(failed));
            }
        };
        for (String title : titles) {
            View v = view(title);
            if (!upToDate(title, v)) {
                refresh(title, v);
            }
            afterRead(v, () -> {
                ready.add((org.rareearth.dashboard.desktop.export.Exportable) v);
                answered.run();
            }, problem -> {
                failed.add(problem);
                answered.run();
            });
        }
    }

    /** Edit > Undo, off the FX thread (after the writes asked for before it). */
    private void undo() {
        org.rareearth.dashboard.desktop.common.Background.write(editor::undo,
                what -> status.setText(what == null ? "Nothing to undo" : "Undid: " + what),
                m -> error("Undo", "Nothing was undone: " + m));
    }

    private void redo() {
        org.rareearth.dashboard.desktop.common.Background.write(editor::redo,
                what -> status.setText(what == null ? "Nothing to redo" : "Redid: " + what),
                m -> error("Redo", "Nothing was redone: " + m));
    }

    /** Ctrl+N: a record of the kind the view in front shows. */
    private void newRecord() {
        if (TimelineView.TITLE.equals(current)) {
            dataView().addEvent(AppClock.today());
        } else if (GapView.TITLE.equals(current)) {
            dataView().addPriceQuote(AppClock.today(), null);
        } else {
            dataView().addInCurrentTab();
        }
    }

    private void quit() {
        windowState.save(stage, current);
        stage.close();
    }

    private void reloadAll() {
        views.forEach(this::refresh);
        updateStatus();
    }

    /** What the menus and the toolbar do, in this window. */
    private WindowMenus.Commands commands() {
        return new WindowMenus.Commands() {
            @Override public void openStore() { MainWindow.this.openStore(); }
            @Override public javafx.beans.value.ObservableBooleanValue readOnly() { return readOnly; }
            @Override public boolean teamStore() { return services.store().isPostgres(); }
            @Override public void importPrices() { MainWindow.this.importPrices(null); }
            @Override public void updateAllPrices() { downloads.download(List.of(), true); }
            @Override public void downloadSettings() { downloads.settingsDialog(); }
            @Override public void importDataset() { files.importDataset(); }
            @Override public void exportDataset() { files.exportDataset(); }
            @Override public void backUp() { files.backupStore(); }
            @Override public void restore() { files.restoreStore(); }
            @Override public void quit() { MainWindow.this.quit(); }
            @Override public void exportPng() { exports.exportPng(); }
            @Override public void copyImage() { exports.copyImage(); }
            @Override public void exportData() { exports.exportData(); }
            @Override public void exportAll() { MainWindow.this.exportAll(); }
            @Override public List<String> viewTitles() { return MainWindow.this.viewTitles(); }
            @Override public void show(String title) { MainWindow.this.show(title); }
            @Override public void reloadAll() { MainWindow.this.reloadAll(); }
            @Override public void followTheme(javafx.beans.value.ChangeListener<Theme> l) {
                MainWindow.this.followTheme(l);
            }
            @Override public void undo() { MainWindow.this.undo(); }
            @Override public void redo() { MainWindow.this.redo(); }
            @Override public void newRecord() { MainWindow.this.newRecord(); }
            @Override public void search() { focusSearch(); }
            @Override public void about() { help.about(); }
            @Override public void shortcuts() { help.shortcuts(); }
        };
    }

    /** Why this user may only read the store (entry, imports and downloads are then off), or null. */
    private final javafx.beans.property.ReadOnlyStringWrapper readOnlyReason =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "readOnly", null);
    private final javafx.beans.binding.BooleanBinding readOnly = readOnlyReason.isNotNull();
    private StoreChanges.Subscription following;
    /** What this window stops when it closes or gives the stage to a window on another store. */
    private final javafx.event.EventHandler<javafx.stage.WindowEvent> onHidden = e -> stopFollowing();

    private void stopFollowing() {
        if (following != null) {
            following.close();
        }
        themeListeners.forEach(l -> Theme.currentProperty().removeListener(l));
    }

    /** Why this user may only read the store, or null when they may write (for tests and the status bar). */
    public javafx.beans.property.ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /**
     * Asks the store, off the FX thread, whether this user may write to it; if not, the window turns read-only:
     * entry, imports and downloads are disabled, and the status bar says why.
     */
    private void checkWriteAccess() {
        org.rareearth.dashboard.desktop.common.Background.executor().execute(() -> {
            String reason;
            try {
                reason = services.store().canWrite() ? null : readOnlyText();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(MainWindow.class).warn("Cannot tell whether the store may be written", e);
                return; // a write will say what is wrong
            }
            javafx.application.Platform.runLater(() -> {
                readOnlyReason.set(reason);
                downloads.setReadOnly(reason);
                updateStatus();
            });
        });
    }

    private String readOnlyText() {
        org.rareearth.dashboard.store.StoreLocation where = services.store().location();
        if (where instanceof org.rareearth.dashboard.store.StoreLocation.Postgres pg) {
            String user = pg.connectionProperties(System.getenv()).getProperty("user");
            return "Read only: the PostgreSQL role " + user + " may read " + pg.display() + " but not write to it,"
                    + " so entry, imports and downloads are off. Ask the store's owner to grant it INSERT, UPDATE"
                    + " and DELETE.";
        }
        return "Read only: the file " + where.display() + " may not be written by you, so entry, imports and"
                + " downloads are off. Give yourself write permission on it, or open a copy.";
    }

    /** File > Open store: a file or a team store, opened off the FX thread; the window then shows it. */
    private void openStore() {
        if (downloads.model().runningProperty().get()) {
            status.setText("A price download is writing to this store: open another once it is done");
            return;
        }
        java.util.Optional<org.rareearth.dashboard.store.StoreLocation> chosen =
                OpenStoreDialog.ask(stage, services.store().location());
        if (chosen.isEmpty()) {
            return;
        }
        org.rareearth.dashboard.store.StoreLocation where = chosen.get();
        if (where.equals(services.store().location())) {
            status.setText("The store " + where.display() + " is already open");
            return;
        }
        status.setText("Opening the store " + where.display() + "…");
        javafx.concurrent.Task<Workspace> open = new javafx.concurrent.Task<>() {
            @Override
            protected Workspace call() {
                return Workspace.open(where, System.getenv());
            }
        };
        open.setOnSucceeded(e -> switchTo(open.getValue()));
        open.setOnFailed(e -> error("The store " + where.display() + " cannot be opened",
                open.getException().getMessage() + "\n\nThe store in the window is still open."));
        org.rareearth.dashboard.desktop.common.Background.run(open);
    }

    /**
     * Gives this window's stage to a window on {@code next}; this window stops following its store, which closes
     * once the writes asked of it are done.
     */
    private void switchTo(Workspace next) {
        windowState.save(stage, current);
        stopFollowing();
        stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, onHidden);
        Workspace previous = services;
        MainWindow window;
        try {
            window = new MainWindow(next, stage);
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        DashboardApp.switchedTo(next);
        org.rareearth.dashboard.desktop.common.Background.write(() -> {
            previous.close();
            return null;
        }, done -> { }, m -> LoggerFactory.getLogger(MainWindow.class).warn("Closing the previous store: {}", m));
        window.status.setText("Opened the store " + next.store().location().display());
        opened.accept(window);
    }

    /** Told of the window that replaced this one on the stage (File > Open store). */
    private static java.util.function.Consumer<MainWindow> opened = w -> { };

    /** For tests: follows the windows that File > Open store puts on the stage. */
    static void onOpened(java.util.function.Consumer<MainWindow> listener) {
        opened = listener == null ? w -> { } : listener;
    }

    /** The store this window shows. */
    public Workspace workspace() {
        return services;
    }

    /** The offer of bundled records the store lacks (for tests). */
    BundledRecordsOffer bundledOffer() {
        return offer;
    }

    /** Shows the view with this title. */
    public void show(String title) {
        if (!factories.containsKey(title)) {
            return;
        }
        View v = view(title);
        current = title;
        exportButtons.forEach(b -> b.setDisable(currentExportable() == null));
        if (!upToDate(title, v)) {
            refresh(title, v);
        }
        showInFront(v.node());
        navButtons.get(title).setSelected(true);
    }

    /**
     * When a view last read the store: the number of the store's latest change then, the app's day, and whether
     * changes made elsewhere were being watched (a change made elsewhere before that was never counted).
     */
    private record ReadStamp(long change, java.time.LocalDate day, boolean watched) {
    }

    /** By view title, what {@link #upToDate} compares with. */
    private final Map<String, ReadStamp> readAt = new java.util.HashMap<>();

    /** Reads the store again for a view, noting when. */
    private void refresh(String title, View v) {
        readAt.put(title, new ReadStamp(services.changes().latest(), AppClock.today(),
                services.changes().watchingElsewhere()));
        v.refresh();
    }

    /**
     * True when what a view read last is still what the store holds, so showing it again need not read: no change
     * committed since (by this app, or elsewhere once that is watched), the same day (figures count days), the same
     * theme, and the read did not fail. Reading again each time a view came back allocated its whole answer anew
     * (all 1,000 events of a large store), and the collections that followed held the FX thread (BENCHMARKS.md).
     */
    private boolean upToDate(String title, View v) {
        ReadStamp at = readAt.get(title);
        if (at == null || !at.watched()) {
            return false;
        }
        String problem = v.readProblem();
        return at.change() == services.changes().latest() && at.day().equals(AppClock.today())
                && (problem == null || problem.isEmpty());
    }

    /**
     * Puts a view's node in front. A view once shown stays in the scene, hidden while another is in front: taken
     * out and put back, JavaFX styled the whole view anew at every showing, which held the FX thread up to about
     * 120 ms for the Data view (BENCHMARKS.md). A hidden view is neither laid out nor drawn. A change of theme
     * takes the hidden views out of the scene again (they are restyled when next shown).
     */
    private void showInFront(javafx.scene.Node node) {
        center.getChildren().removeIf(n -> n.getId() != null && n.getId().equals("view-opening"));
        if (!center.getChildren().contains(node)) {
            center.getChildren().add(node);
        }
        for (javafx.scene.Node n : center.getChildren()) {
            boolean front = n == node;
            n.setVisible(front);
            n.setManaged(front);
        }
    }

    private void followTheme(javafx.beans.value.ChangeListener<Theme> l) {
        Theme.currentProperty().addListener(l);
        themeListeners.add(l);
    }

    /** Opens a view from a dashboard tile, on the tile's event when it names one. */
    public void open(DashboardView.Target target) {
        show(target.view());
        if (target.event() == null) {
            return;
        }
        if (ReactionsView.TITLE.equals(target.view())) {
            ((ReactionsView) view(ReactionsView.TITLE)).focusEvent(target.event());
        } else if (TimelineView.TITLE.equals(target.view())) {
            ((TimelineView) view(TimelineView.TITLE)).selectEvent(target.event());
        }
    }

    /** The view with this title, built now if it was not yet. */
    public View view(String title) {
        return views.computeIfAbsent(title, t -> factories.get(t).get());
    }

    public String currentView() {
        return current;
    }

    public List<String> viewTitles() {
        return List.copyOf(factories.keySet());
    }

    public void show() {
        stage.show();
    }

    /**
     * Shows the window with the view in front, which fills in once its read of the store answers;
     * {@code onContent} runs then, and the comparison with the bundled dataset starts once that content is painted
     * (on two cores it would otherwise slow the start by its own work). For a window made with
     * {@code deferContent}. Building the view in the same frame as the menus and navigation, not in a frame after
     * them, brings the dashboard's content about 5% sooner (BENCHMARKS.md).
     */
    public void showProgressively(Runnable onContent) {
        stage.show();
        if (views.get(current) == null && center.lookup("#view-opening") != null) {
            show(current);
        }
        Runnable then = () -> {
            org.rareearth.dashboard.desktop.FirstFrame.afterNextFrame(stage.getScene(), offer::check);
            onContent.run();
        };
        View v = views.get(current);
        if (v != null) {
            v.whenLoaded(then);
        } else {
            then.run();
        }
    }

    /** The store's counts in the status bar, read off the FX thread (counting millions of bars takes a while). */
    private final Label counts = new Label();
    private final java.util.concurrent.atomic.AtomicLong countsAsked = new java.util.concurrent.atomic.AtomicLong();

    /** What another program or analyst changed, for the status bar's next refresh. */
    private final java.util.concurrent.atomic.AtomicReference<String> elsewhereNote =
            new java.util.concurrent.atomic.AtomicReference<>();

    private void updateStatus() {
        status.setText("Store: " + services.store().location().display());
        counts.setId("store-counts");
        counts.setPadding(new Insets(0, 8, 0, 8));
        status.getRightItems().setAll(counts);
        long asked = countsAsked.incrementAndGet();
        org.rareearth.dashboard.desktop.common.Background.executor().execute(() -> {
            Counts c;
            try {
                c = services.datasets.counts();
            } catch (RuntimeException e) {
                javafx.application.Platform.runLater(() -> counts.setText("The store's counts cannot be read: "
                        + e.getMessage()));
                return;
            }
            javafx.application.Platform.runLater(() -> {
                if (asked == countsAsked.get()) {
                    counts.setText(String.format("%d events · %d securities · %d reactions · %d price quotes · %d"
                                    + " FX rates · %d price bars", c.events(), c.securities(), c.reactions(),
                            c.assessments(), c.fxRates(), c.priceBars()));
                }
            });
        });
        String fetched = downloads.model().lastFetchedProperty().get();
        if (!fetched.isEmpty()) {
            Label last = new Label(fetched);
            last.setId("last-fetched");
            last.setPadding(new Insets(0, 8, 0, 8));
            status.getRightItems().add(0, last);
        }
        if (readOnlyReason.get() != null) {
            Label ro = new Label("Read only");
            ro.setId("read-only");
            ro.setStyle("-fx-font-weight: bold;");
            ro.setPadding(new Insets(0, 8, 0, 8));
            Tips.set(ro, readOnlyReason.get());
            status.getRightItems().add(0, ro);
        }
        // A pinned day stays in view: every "today" in the window is that day, not the machine's.
        AppClock.pinnedDay().ifPresent(d -> {
            Label pinned = new Label("Today pinned to " + org.rareearth.dashboard.desktop.common.Formats.day(d));
            pinned.setId("pinned-day");
            pinned.setStyle("-fx-font-weight: bold;");
            pinned.setPadding(new Insets(0, 8, 0, 8));
            Tips.set(pinned, "Statuses, tiles, the timeline's today line and"
                    + " footnotes are for this day, set with --today or RARE_EARTH_TODAY. Start without them to"
                    + " follow the machine's date.");
            status.getRightItems().add(0, pinned);
        });
    }

    /** Asks for a CSV file and opens the import dialog on it; {@code symbol} preselects the security. */
    public void importPrices(String symbol) {
        files.importPrices(symbol);
    }

    /** Opens the import dialog on a file. */
    public void importPrices(Path file, String symbol) {
        files.importPrices(file, symbol);
    }

    private void error(String header, String detail) {
        errors.report(header, detail);
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Ctrl+F: the search or filter field of the view in front. */
    private void focusSearch() {
        if (!TimelineView.TITLE.equals(current) && !DataView.TITLE.equals(current)) {
            show(TimelineView.TITLE);
        }
        // The filter field of the tab in front is the visible one (a tab pane hides the others); a view shown for
        // the first time puts its fields in over its first frames.
        view(current).whenLoaded(() -> center.lookupAll(".text-field").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("filter-"))
                .filter(MainWindow::shown).findFirst().ifPresent(javafx.scene.Node::requestFocus));
    }


}
