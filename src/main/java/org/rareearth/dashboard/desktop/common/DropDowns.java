package org.rareearth.dashboard.desktop.common;

import javafx.scene.control.ComboBox;
import javafx.scene.control.SkinBase;
import org.controlsfx.control.CheckComboBox;

/**
 * Drop-down lists whose items grow with the store (events, securities, materials). JavaFX sizes a drop-down to its
 * widest item, and by default it measures every item to find it: each one a styled list cell with its text laid
 * out. On a store of 1,000 events, opening the event form (its "Acts on" lists every event) held the FX thread
 * 250-276 ms, against 100-106 ms with the limit (BENCHMARKS.md). These lists measure their first
 * {@value #ROWS_MEASURED} items instead; a longer item further down is cut with an ellipsis in the closed box and
 * shown whole in the open list.
 */
public final class DropDowns {
    /** How many items a drop-down measures to size itself. */
    public static final int ROWS_MEASURED = 25;

    /** The key of a ComboBox's properties that JavaFX's skin reads (ComboBoxListViewSkin; every row if absent). */
    static final String ROWS_TO_MEASURE_KEY = "comboBoxRowsToMeasureWidth";

    private DropDowns() {}

    /** Makes {@code box} measure only its first {@value #ROWS_MEASURED} items; returns it. */
    public static <B extends ComboBox<?>> B measureFewRows(B box) {
        box.getProperties().put(ROWS_TO_MEASURE_KEY, ROWS_MEASURED);
        return box;
    }

    /**
     * The same for a ControlsFX check list, whose list is a ComboBox inside its skin: the limit is set when the skin
     * is made, before its first layout.
     */
    public static <B extends CheckComboBox<?>> B measureFewRows(B box) {
        if (box.getSkin() != null) {
            limitInside(box.getSkin());
        }
        box.skinProperty().addListener((o, was, skin) -> limitInside(skin));
        return box;
    }

    /**
     * Writes a ControlsFX check list's closed text ("Materials (checked/all)") again after its items changed: its
     * skin writes it only when the checks change, so items put in after the skin was made showed "(0/0)". This is the
     * call the skin itself makes on a check.
     */
    public static void recount(CheckComboBox<?> box) {
        if (box.getSkin() instanceof SkinBase<?> b) {
            b.getChildren().stream().filter(ComboBox.class::isInstance).map(n -> ((ComboBox<?>) n).getButtonCell())
                    .filter(java.util.Objects::nonNull).forEach(cell -> cell.updateIndex(0));
        }
    }

    private static void limitInside(javafx.scene.control.Skin<?> skin) {
        if (skin instanceof SkinBase<?> b) {
            b.getChildren().stream().filter(ComboBox.class::isInstance).forEach(n -> measureFewRows((ComboBox<?>) n));
        }
    }
}
