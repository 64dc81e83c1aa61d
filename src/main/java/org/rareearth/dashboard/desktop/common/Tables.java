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

    /**
     * Gives {@code t} rows of one fixed height ({@code .one-line-table} in app.css, the height its rows had when
     * measured): the table then never measures a row, and a row keeps only the cells of the columns in view in the
     * scene. A table's first filling made a row and measured its cells for every line of its viewport, 150-200 ms of
     * the Data view's first showing (BENCHMARKS.md). For tables whose cells hold one line of text.
     */
    public static <T> TableView<T> oneLine(TableView<T> t) {
        t.getStyleClass().add(ONE_LINE);
        return t;
    }

    /** The style class of {@link #oneLine}'s tables. */
    public static final String ONE_LINE = "one-line-table";

    public static <T, V> TableColumn<T, V> column(String title, Function<T, V> value, double prefWidth) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(prefWidth);
        return c;
    }
}
