package org.rareearth.dashboard.desktop;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.rareearth.dashboard.desktop.common.Theme;

/**
 * The main window's menus and toolbar: what each item is called, its shortcut and icon. What an item does is the
 * window's ({@link Commands}); the toolbar's export buttons are handed back for the window to enable.
 */
final class WindowMenus {
    /** What the menus and the toolbar ask the window to do. */
    interface Commands {
        void openStore();

        /** True while this user may only read the store: the items that write are disabled. */
        javafx.beans.value.ObservableBooleanValue readOnly();

        /** True for a team store (PostgreSQL), which is not restored from a store file. */
        boolean teamStore();

        void importPrices();

        void updateAllPrices();

        void downloadSettings();

        void importDataset();

        void exportDataset();

        void backUp();

        void restore();

        void quit();

        void exportPng();

        void copyImage();

        void exportData();

        void exportAll();

        List<String> viewTitles();

        void show(String title);

        void reloadAll();

        void followTheme(javafx.beans.value.ChangeListener<Theme> listener);

        void undo();

        void redo();

        void newRecord();

        void search();

        void about();

        void shortcuts();
    }

    private final Commands c;
    private final List<javafx.scene.control.Button> exportButtons = new java.util.ArrayList<>();

    WindowMenus(Commands commands) {
        this.c = commands;
    }

    /** The toolbar's buttons that export the chart in view (built with the toolbar). */
    List<javafx.scene.control.Button> exportButtons() {
        if (exportButtons.isEmpty()) {
            toolBar = toolBarOnce();
        }
        return exportButtons;
    }

    private javafx.scene.control.ToolBar toolBar;

    /** The toolbar: import, the chart exports. */
    javafx.scene.control.ToolBar toolBar() {
        if (toolBar == null) {
            toolBar = toolBarOnce();
        }
        return toolBar;
    }

    private javafx.scene.control.ToolBar toolBarOnce() {
        javafx.scene.control.Button importPrices = toolButton(Material2AL.FILE_UPLOAD, "Import prices…",
                "Import daily prices from a CSV file (Ctrl+I)", c::importPrices);
        importPrices.setId("tool-import-prices");
        importPrices.disableProperty().bind(c.readOnly());
        javafx.scene.control.Button png = toolButton(Material2AL.IMAGE, "Export PNG…",
                "Export the chart in view as a PNG (Ctrl+E)", c::exportPng);
        png.setId("tool-export-png");
        javafx.scene.control.Button copy = toolButton(Material2AL.CONTENT_COPY, "Copy image",
                "Copy the chart in view to the clipboard", c::copyImage);
        javafx.scene.control.Button csv = toolButton(Material2MZ.TABLE_CHART, "Export data",
                "Export the data behind the chart in view as CSV", c::exportData);
        javafx.scene.control.Button all = toolButton(Material2AL.COLLECTIONS, "Export all charts…",
                "Export every chart as PNG and CSV into a folder", c::exportAll);
        all.setId("tool-export-all");
        exportButtons.addAll(List.of(png, copy, csv));
        return new javafx.scene.control.ToolBar(importPrices, new javafx.scene.control.Separator(), png, copy, csv,
                all);
    }

    private static javafx.scene.control.Button toolButton(Ikon icon, String text, String tip, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text, new FontIcon(icon));
        org.rareearth.dashboard.desktop.common.Tips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A menu item that runs {@code action}, with a shortcut when {@code key} is not null. */
    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(key);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The shortcut key (Ctrl, or Cmd on a Mac) with {@code code}. */
    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** File, Edit, View and Help, with their shortcuts. */
    MenuBar menuBar() {
        MenuItem openStore = item("Open store…", shortcut(KeyCode.O), c::openStore);
        openStore.setId("menu-open-store");
        MenuItem importPrices = item("Import prices…", shortcut(KeyCode.I), c::importPrices);
        MenuItem updatePrices = item("Update all prices (download)…", shortcut(KeyCode.U), c::updateAllPrices);
        MenuItem downloadSettings = item("Download settings…", null, c::downloadSettings);
        MenuItem exportData = item("Export dataset…", null, c::exportDataset);
        MenuItem importData = item("Import dataset…", null, c::importDataset);
        MenuItem quit = item("Quit", shortcut(KeyCode.Q), c::quit);
        MenuItem backup = item("Back up store…", null, c::backUp);
        MenuItem restore = item("Restore from backup…", null, c::restore);
        MenuItem exportPng = item("Export PNG…", shortcut(KeyCode.E), c::exportPng);
        MenuItem copyImage = item("Copy image", null, c::copyImage);
        MenuItem exportCsv = item("Export chart data (CSV)…", null, c::exportData);
        MenuItem exportAllItem = item("Export all charts…", null, c::exportAll);
        if (c.teamStore()) {
            backup.setText("Back up store (as a dataset)…");
            restore.setText("Restore from backup (store files only)");
            restore.setDisable(true);
        } else {
            restore.disableProperty().bind(c.readOnly());
        }
        for (MenuItem writes : List.of(importPrices, updatePrices, importData)) {
            writes.disableProperty().bind(c.readOnly());
        }
        Menu file = new Menu("File", null, openStore, new javafx.scene.control.SeparatorMenuItem(), importPrices,
                updatePrices, downloadSettings, importData, exportData,
                new javafx.scene.control.SeparatorMenuItem(), exportPng, copyImage, exportCsv, exportAllItem,
                new javafx.scene.control.SeparatorMenuItem(), backup, restore,
                new javafx.scene.control.SeparatorMenuItem(), quit);

        Menu view = new Menu("View");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6};
        int i = 0;
        for (String title : c.viewTitles()) {
            view.getItems().add(item(title, shortcut(digits[i++]), () -> c.show(title)));
        }
        MenuItem refresh = item("Reload from store", new KeyCodeCombination(KeyCode.F5), c::reloadAll);
        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem("Dark theme");
        dark.setId("menu-dark-theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setSelected(Theme.current() == Theme.DARK);
        dark.selectedProperty().addListener((obs, was, on) -> Theme.currentProperty().set(on ? Theme.DARK : Theme.LIGHT));
        c.followTheme((obs, old, now) -> dark.setSelected(now == Theme.DARK));
        view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), refresh, dark);

        MenuItem undo = item("Undo", shortcut(KeyCode.Z), c::undo);
        undo.setGraphic(new FontIcon(Material2MZ.UNDO));
        MenuItem redo = item("Redo", shortcut(KeyCode.Y), c::redo);
        redo.setGraphic(new FontIcon(Material2MZ.REDO));
        MenuItem newRecord = item("New record…", shortcut(KeyCode.N), c::newRecord);
        newRecord.setGraphic(new FontIcon(Material2AL.ADD));
        MenuItem search = item("Search…", shortcut(KeyCode.F), c::search);
        for (MenuItem writes : List.of(undo, redo, newRecord)) {
            writes.disableProperty().bind(c.readOnly());
        }
        Menu edit = new Menu("Edit", null, undo, redo, new javafx.scene.control.SeparatorMenuItem(), newRecord,
                search);

        MenuItem about = item("About Rare Earth Dashboard", null, c::about);
        MenuItem keys = item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), c::shortcuts);
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, edit, view, help);
    }

}
