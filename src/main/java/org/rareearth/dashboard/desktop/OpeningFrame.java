package org.rareearth.dashboard.desktop;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rareearth.dashboard.desktop.common.StatusLine;

/**
 * The main window's first state, painted while the store opens: the window at its remembered place and size, in
 * the remembered theme, with the places of its menus, toolbar, navigation and status line, and a line naming the
 * store being opened. The window's controls replace it once the store is open (see {@link DashboardApp}); it
 * holds nothing that can be clicked, so nothing in it pretends to work.
 */
final class OpeningFrame {
    static final String ID = "opening-frame";

    private OpeningFrame() {}

    static BorderPane build(org.rareearth.dashboard.store.StoreLocation store) {
        Region menus = new Region();
        // Modena's own menu-bar and tool-bar backgrounds, so the controls arrive without a change of colour.
        menus.getStyleClass().addAll("menu-bar", "opening-menus");
        Region tools = new Region();
        tools.getStyleClass().addAll("tool-bar", "opening-tools");
        Region nav = new Region();
        nav.getStyleClass().add("nav");

        Label title = new Label(MainWindow.TITLE);
        title.getStyleClass().add("opening-title");
        Label what = new Label("Opening the store " + store.name() + "…");
        what.getStyleClass().add("empty-state");
        what.setId("opening-store");
        VBox middle = new VBox(8, title, what);
        middle.setAlignment(Pos.CENTER);
        middle.getStyleClass().add("content");

        StatusLine status = new StatusLine();
        status.setText("Store: " + store.display());

        BorderPane root = new BorderPane(middle, new VBox(menus, tools), null, status, nav);
        root.setId(ID);
        return root;
    }
}
