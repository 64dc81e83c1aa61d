package org.rareearth.dashboard.desktop.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the tab in front in the scene graph. A TabPane's skin keeps every tab's content in the scene, hidden,
 * so each time a view comes back into the window JavaFX styles and lays out every tab's tables and charts; with
 * this it does the one in front. A tab in the back keeps its content built and filled (aside, in the tab's
 * properties), so bringing it forward reads nothing; content given to a tab in the back is put aside too.
 */
public final class FrontTab {
    private static final Object ASIDE = new Object();

    private FrontTab() {}

    public static void only(TabPane tabs) {
        for (Tab t : tabs.getTabs()) {
            follow(t);
        }
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(FrontTab::follow);
            }
        });
    }

    private static void follow(Tab t) {
        if (t.getProperties().containsKey(FrontTab.class)) {
            return;
        }
        t.getProperties().put(FrontTab.class, Boolean.TRUE);
        t.selectedProperty().addListener((o, was, front) -> place(t));
        t.contentProperty().addListener((o, a, b) -> {
            if (b != null && !t.isSelected()) {
                place(t);
            }
        });
        place(t);
    }

    private static void place(Tab t) {
        if (t.isSelected()) {
            Object aside = t.getProperties().remove(ASIDE);
            if (t.getContent() == null && aside instanceof Node n) {
                t.setContent(n);
            }
        } else if (t.getContent() != null) {
            Node content = t.getContent();
            t.getProperties().put(ASIDE, content);
            t.setContent(null);
        }
    }
}
