package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.desktop.FxRuntime;

/**
 * A drop-down of many items sizes itself from its first items only: an item far down the list, however long, does
 * not widen the closed box (JavaFX would otherwise measure every item, a styled cell each).
 */
class DropDownsTest {
    /** 1,000 short items, the last one very long. */
    private static List<String> items() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            out.add("event " + i);
        }
        out.add("a very long event title ".repeat(20));
        return out;
    }

    @Test
    void a_long_item_far_down_does_not_widen_a_limited_box_and_widens_an_unlimited_one() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        double[] widths = FxRuntime.call(() -> {
            ComboBox<String> plain = new ComboBox<>();
            ComboBox<String> limited = DropDowns.measureFewRows(new ComboBox<>());
            CheckComboBox<String> plainChecks = new CheckComboBox<>();
            CheckComboBox<String> limitedChecks = DropDowns.measureFewRows(new CheckComboBox<>());
            plain.getItems().setAll(items());
            limited.getItems().setAll(items());
            plainChecks.getItems().setAll(items());
            limitedChecks.getItems().setAll(items());
            HBox root = new HBox(plain, limited, plainChecks, limitedChecks);
            new Scene(root);
            root.applyCss();
            root.layout();
            return new double[] {plain.prefWidth(-1), limited.prefWidth(-1), plainChecks.prefWidth(-1),
                limitedChecks.prefWidth(-1)};
        });
        assertThat(widths[0]).as("every item measured: as wide as the long title").isGreaterThan(1_000);
        assertThat(widths[1]).as("the first items measured").isLessThan(300);
        assertThat(widths[2]).as("a check list, every item measured").isGreaterThan(1_000);
        assertThat(widths[3]).as("a check list, the first items measured").isLessThan(300);
    }
}
