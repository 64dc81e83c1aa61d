package org.rareearth.dashboard.desktop.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small builders for read-only tables of records. */
public final class Tables {
    private Tables() {}

    public static <T> TableView<T> table(String emptyText) {
        TableView<T> t = new TableView<>();
        t.setPlaceholder(new Label(emptyText));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return t;
    }

    public static <T, V> TableColumn<T, V> column(String title, Function<T, V> value, double prefWidth) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(prefWidth);
        return c;
    }
}
