package org.rareearth.dashboard.desktop.common;

import javafx.scene.Node;

/** One screen of the main window. */
public interface View {
    /** The title shown in the navigation and the window. */
    String title();

    Node node();

    /** Reloads what the view shows from the store. */
    void refresh();
}
