package org.rareearth.dashboard.desktop;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;

/** Help: the keyboard shortcuts and About (version, store, log, downloads, the sources in the store). */
final class HelpDialogs {
    private final Stage stage;
    private final Workspace services;
    private final java.util.function.Supplier<String> downloads;

    /** {@code downloads} says whether price downloads are allowed, and from where. */
    HelpDialogs(Stage stage, Workspace services, java.util.function.Supplier<String> downloads) {
        this.stage = stage;
        this.services = services;
        this.downloads = downloads;
    }

    /** F1: the keyboard shortcuts, as the menus also show them. */
    void shortcuts() {
        String text = String.join("\n",
                "Ctrl+1 … Ctrl+6   Dashboard, Stock reactions, Price-support gap, Timeline, Data, Supply chain",
                "Ctrl+I            Import daily prices",
                "Ctrl+U            Update all prices (download, after you allowed downloads once)",
                "Ctrl+N            New record (an event on the timeline, a price quote on the gap view)",
                "Ctrl+E            Export the chart in view as PNG",
                "Ctrl+F            Search (timeline) or filter (data tables)",
                "Ctrl+Z / Ctrl+Y   Undo / redo the session's edits",
                "F5                Reload from the store",
                "Ctrl+Shift+D      Dark theme on or off (remembered)",
                "F1                This sheet",
                "Ctrl+Q            Quit",
                "",
                "Timeline: Ctrl+scroll or + / − zoom, drag to pan, 0 fits all, arrow keys move between",
                "events, Enter or a double-click opens an event's stock reactions.",
                "Daily-price chart (Data): Ctrl+scroll zooms, drag pans, double-click or 0 shows it all,",
                "+ / − and the arrow keys with the chart focused.");
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        Theme.dress(a);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        Label l = new Label(text);
        l.setStyle("-fx-font-family: monospace;");
        l.setId("shortcut-sheet");
        a.getDialogPane().setContent(l);
        a.showAndWait();
    }

    /** Reads the store's sources and schema version off the FX thread, then shows them. */
    void about() {
        String feed = downloads.get();
        org.rareearth.dashboard.desktop.common.Background.write(() -> {
            // The records without the daily bars: their sources are all About lists.
            org.rareearth.dashboard.domain.Dataset d = services.datasets.records();
            java.util.TreeSet<String> sources = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            d.events().forEach(e -> sources.add(e.source()));
            d.reactions().forEach(r -> sources.add(r.source()));
            d.assessments().forEach(x -> sources.add(x.source()));
            d.fxRates().forEach(x -> sources.add(x.source()));
            d.floors().forEach(x -> sources.add(x.source()));
            d.stakes().forEach(x -> sources.add(x.source()));
            return "Schema version " + services.store().schemaVersion() + "\nLog: "
                    + AppPaths.home().resolve("dashboard.log") + "\nPrice downloads: " + feed
                    + "\n\nEvery record names its source and a confidence mark (S seen in a published source, U"
                    + " uncertain, calc derived). The sources in this store:\n • " + String.join("\n • ", sources);
        }, this::about, m -> about("The store cannot be read: " + m));
    }

    private void about(String storeFacts) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        Theme.dress(a);
        a.initOwner(stage);
        a.setTitle("About");
        a.setHeaderText(MainWindow.TITLE);
        String v = MainWindow.class.getPackage().getImplementationVersion();
        Label text = new Label("Version " + (v == null ? "development build" : v) + "\nStore: "
                + services.store().location().display() + "\n" + storeFacts);
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("about-text");
        ScrollPane sp = new ScrollPane(text);
        sp.setFitToWidth(true);
        sp.setPrefViewportHeight(380);
        a.getDialogPane().setContent(sp);
        a.showAndWait();
    }
}
