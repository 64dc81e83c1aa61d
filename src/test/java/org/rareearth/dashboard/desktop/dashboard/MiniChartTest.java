package org.rareearth.dashboard.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The small charts' value axis: round ticks that cover the values, whatever their range. No toolkit needed. */
class MiniChartTest {
    @Test
    void ticks_are_round_steps_that_cover_the_values() {
        // The reactions to the DoD–MP deal: 0 to +50.62%, in about six ticks or fewer.
        assertThat(MiniChart.ticks(0, 50.62, 6)).containsExactly(0, 20, 40, 60);
        assertThat(MiniChart.ticks(0, 50.62, 7)).containsExactly(0, 10, 20, 30, 40, 50, 60);
        // China's NdPr oxide in USD/kg, zero not forced in.
        assertThat(MiniChart.ticks(55.1, 108.39, 4)).containsExactly(40, 60, 80, 100, 120);
        // Capacity in tonnes a year.
        assertThat(MiniChart.ticks(0, 37_000, 5)).containsExactly(0, 10_000, 20_000, 30_000, 40_000);
        // A fall and a rise around zero: zero is a tick, not -1.7e-15.
        double[] around = MiniChart.ticks(-3.2, 7.9, 6);
        assertThat(around).containsExactly(-5, -2.5, 0, 2.5, 5, 7.5, 10);
        // Steps of 2.5 times a power of ten are round too.
        assertThat(MiniChart.ticks(0, 0.9, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void a_flat_series_still_gets_an_axis_around_its_value() {
        assertThat(MiniChart.ticks(110, 110, 4)).hasSizeGreaterThanOrEqualTo(2).contains(110.0);
        assertThat(MiniChart.ticks(0, 0, 4)).hasSizeGreaterThanOrEqualTo(2).contains(0.0);
    }

    @Test
    void stacked_layers_must_have_a_value_for_every_category() {
        assertThatThrownBy(() -> MiniChart.stacked(List.of("2025", "2026"), List.of(
                new MiniChart.Layer("operating", Color.GREEN, List.of(1.0))), v -> "", ""))
                .hasMessage("operating has 1 values for 2 categories");
    }
}
