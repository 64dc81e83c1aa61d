package org.rareearth.dashboard.desktop.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

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

    /** Lines of a table's viewport made in one frame by {@link #linesInSteps}. */
    static final int LINES_PER_FRAME = 8;

    /**
     * Lets a {@link #oneLine} table that is about to make its first rows in a shown window make them
     * {@value #LINES_PER_FRAME} lines a frame, as parts of {@code reveal} ({@link Reveal#then}). JavaFX makes a row
     * and a cell skin for every line of a table's viewport, empty lines too, in the pulse that first lays the table
     * out with items: in a cold start that is about 5 ms a line, so a tall window's table held the FX thread well
     * over 100 ms (BENCHMARKS.md). Until its lines are all in, the table is held to a height of that many lines;
     * anything below it stays empty for those frames. Does nothing for a table that has shown rows before
     * ({@link #shownRows}), is empty, or is not in a shown window. Call after giving the items, before the pulse
     * that would lay out the rows.
     */
    public static void linesInSteps(TableView<?> t, Reveal reveal) {
        javafx.scene.Scene scene = t.getScene();
        if (!t.getStyleClass().contains(ONE_LINE) || t.getItems().isEmpty() || scene == null
                || scene.getWindow() == null || !scene.getWindow().isShowing() || shownRows(t) > 0) {
            return;
        }
        if (t.getFixedCellSize() <= 0) {
            // Just put into the scene (a tab picked): styled now rather than in the coming pulse, for its height.
            t.applyCss();
        }
        double line = t.getFixedCellSize();
        if (line <= 0) {
            return;
        }
        javafx.scene.Node header = t.lookup(".column-header-background");
        double headerHeight = header == null ? 0 : header.getLayoutBounds().getHeight();
        double above = t.snappedTopInset() + t.snappedBottomInset() + (headerHeight > 0 ? headerHeight : line);
        double original = t.getMaxHeight();
        int[] lines = {LINES_PER_FRAME};
        t.setMaxHeight(above + lines[0] * line);
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            // Given less than it may take (its place is full), taken out of the window, or as tall as the window:
            // every line it will show is made.
            if (t.getScene() != scene || t.getHeight() < t.getMaxHeight() - 0.5
                    || t.getMaxHeight() >= scene.getHeight()) {
                t.setMaxHeight(original);
                return;
            }
            lines[0] += LINES_PER_FRAME;
            t.setMaxHeight(above + lines[0] * line);
            reveal.then(step[0]);
        };
        reveal.then(step[0]);
    }

    /** The rows {@code t} shows now (not the hidden row its flow measures with, nor rows kept for reuse). */
    public static long shownRows(TableView<?> t) {
        return t.lookupAll(".table-row-cell").stream()
                .filter(r -> r.isVisible() && r.getParent() != null && r.getParent().isVisible()).count();
    }

    /**
     * A column of {@code value}s. Numbers keep their value, so they sort as numbers, and show as they are typed
     * ({@link #text}).
     */
    public static <T, V> TableColumn<T, V> column(String title, Function<T, V> value, double prefWidth) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TextCell<>());
        c.setPrefWidth(width(title, prefWidth));
        return c;
    }

    /**
     * A cell that shows its value as {@link #text}; when the column is too narrow for the text, so that it ends in
     * "...", the pointer over the cell shows the whole text in a tooltip. The tooltip is worked out on the hover, not
     * when the cell is filled: filling runs for every visible cell at each scroll.
     */
    static final class TextCell<T, V> extends TableCell<T, V> {
        TextCell() {
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                Tips.set(this, isCut() ? getText() : null);
                Tips.build(this);
            });
        }

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text(item));
            if (getTooltip() != null) {
                Tips.set(this, null); // another value now: the next hover decides again
            }
        }

        /** Whether the text on screen is shorter than the cell's text (the skin put "..." in place of the rest). */
        boolean isCut() {
            String whole = getText();
            return whole != null && !whole.isEmpty() && lookup(".text") instanceof Text shown
                    && !whole.equals(shown.getText());
        }
    }

    /** Modena's column titles: bold, at the app's font size (app.css). */
    private static final javafx.scene.text.Font TITLE_FONT = javafx.scene.text.Font.font(
            javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 13);
    /** Room beside a title: the header's padding and the sort arrow. */
    private static final double TITLE_ROOM = 24;
    /** Titles measured so far (the Data view's tables share many: Source, Confidence, Note). */
    private static final java.util.Map<String, Double> TITLE_WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code prefWidth}, or more if the column's title needs more to show whole. A title that fits even at 14 px a
     * character (wider than any letter at 13 px) is not measured.
     */
    static double width(String title, double prefWidth) {
        if (title.length() * 14 + TITLE_ROOM <= prefWidth) {
            return prefWidth;
        }
        return Math.max(prefWidth, TITLE_WIDTHS.computeIfAbsent(title, t -> {
            Text text = new Text(t);
            text.setFont(TITLE_FONT);
            return Math.ceil(text.getLayoutBounds().getWidth()) + TITLE_ROOM;
        }));
    }

    /** How a cell shows a value: a number plainly (400000000, not 4.0E8; 2000, not 2000.0), anything else as text. */
    public static String text(Object value) {
        return value instanceof Double d ? Formats.number(d) : String.valueOf(value);
    }
}
