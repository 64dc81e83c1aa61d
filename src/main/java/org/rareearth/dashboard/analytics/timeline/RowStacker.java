package org.rareearth.dashboard.analytics.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts horizontal extents into rows so that none overlap: items sorted by start go into the first row whose
 * last item ends (plus a gap) before they start. This is optimal in the number of rows for intervals.
 */
public final class RowStacker {
    private RowStacker() {}

    /** Returns the row of each extent, in input order. {@code starts[i] <= ends[i]}. */
    public static int[] stack(double[] starts, double[] ends, double gap) {
        int n = starts.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> starts[i]));
        List<Double> rowEnds = new ArrayList<>();
        int[] rows = new int[n];
        for (int i : order) {
            int row = -1;
            for (int r = 0; r < rowEnds.size(); r++) {
                if (rowEnds.get(r) + gap <= starts[i]) {
                    row = r;
                    break;
                }
            }
            if (row < 0) {
                row = rowEnds.size();
                rowEnds.add(ends[i]);
            } else {
                rowEnds.set(row, ends[i]);
            }
            rows[i] = row;
        }
        return rows;
    }
}
