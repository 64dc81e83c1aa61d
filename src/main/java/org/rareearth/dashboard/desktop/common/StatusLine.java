package org.rareearth.dashboard.desktop.common;

import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's status bar: items on the left (a "Details…" link after an error), the latest message, and items
 * on the right (the store's counts). A plain row of labels, so it costs next to nothing at start-up.
 */
public final class StatusLine extends HBox {
    private final HBox left = new HBox(4);
    private final Label text = new Label();
    private final HBox right = new HBox(4);

    public StatusLine() {
        getStyleClass().add("status-line");
        setAlignment(Pos.CENTER_LEFT);
        left.setAlignment(Pos.CENTER_LEFT);
        right.setAlignment(Pos.CENTER_RIGHT);
        text.setId("status-text");
        text.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        getChildren().addAll(left, text, grow, right);
    }

    public void setText(String message) {
        text.setText(message);
    }

    public String getText() {
        return text.getText();
    }

    public ObservableList<Node> getLeftItems() {
        return left.getChildren();
    }

    public ObservableList<Node> getRightItems() {
        return right.getChildren();
    }
}
