package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void a_short_series_is_kept_whole() {
        assertThat(Downsample.lttb(new double[] {1, 2, 3}, new double[] {5, 6, 7}, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void a_long_series_keeps_the_threshold_its_ends_and_its_spikes() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 5000.0);
        }
        y[43_210] = 40; // a one-day spike must survive
        y[77_777] = -40; // and a one-day crash
        int[] keep = Downsample.lttb(x, y, 2000);
        assertThat(keep).hasSize(2000);
        assertThat(keep[0]).isZero();
        assertThat(keep[keep.length - 1]).isEqualTo(n - 1);
        assertThat(keep).contains(43_210, 77_777);
        int[] sorted = keep.clone();
        Arrays.sort(sorted);
        assertThat(keep).containsExactly(sorted);
        assertThat(Arrays.stream(keep).distinct().count()).isEqualTo(2000);
    }

    @Test
    void a_range_is_reduced_on_its_own_with_indices_of_the_whole_series() {
        int n = 50_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.cos(i / 700.0);
        }
        y[12_345] = 9; // inside the range: kept
        y[30_000] = -9; // outside it: never picked
        int[] keep = Downsample.lttb(x, y, 10_000, 20_000, 500);
        assertThat(keep).hasSize(500);
        assertThat(keep[0]).isEqualTo(10_000);
        assertThat(keep[keep.length - 1]).isEqualTo(19_999);
        assertThat(keep).contains(12_345).doesNotContain(30_000);
        assertThat(Arrays.stream(keep).allMatch(i -> i >= 10_000 && i < 20_000)).isTrue();
        // The whole series through the range form is the plain form.
        assertThat(Downsample.lttb(x, y, 0, n, 700)).containsExactly(Downsample.lttb(x, y, 700));
        // A short range comes back whole, a bad one is refused.
        assertThat(Downsample.lttb(x, y, 5, 8, 100)).containsExactly(5, 6, 7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Downsample.lttb(x, y, 10, n + 1, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
