package org.rareearth.dashboard.analytics;

/**
 * Largest-triangle-three-buckets: reduces a series to a given number of points while keeping its visual shape
 * (peaks and troughs survive), so a chart never draws more points than it has pixels for.
 */
public final class Downsample {
    private Downsample() {}

    /**
     * Indices of the points to keep, in order: all of them when {@code threshold} is at least the size or below 3;
     * otherwise {@code threshold} indices including the first and the last. {@code x} must be increasing.
     */
    public static int[] lttb(double[] x, double[] y, int threshold) {
        return lttb(x, y, 0, x.length, threshold);
    }

    /**
     * The same over the points {@code from} (inclusive) to {@code to} (exclusive) only, as for the part of a series
     * in view; the indices returned are those of the whole arrays.
     */
    public static int[] lttb(double[] x, double[] y, int from, int to, int threshold) {
        if (from < 0 || to > x.length || to > y.length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside a series of " + x.length);
        }
        int n = to - from;
        if (threshold >= n || threshold < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = from + i;
            }
            return all;
        }
        int[] out = new int[threshold];
        double every = (double) (n - 2) / (threshold - 2);
        int a = from;
        out[0] = from;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = from + (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = from + Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            int len = Math.max(1, avgEnd - avgStart);
            avgX /= len;
            avgY /= len;
            int rangeStart = from + (int) Math.floor(i * every) + 1;
            int rangeEnd = from + (int) Math.floor((i + 1) * every) + 1;
            double best = -1;
            int pick = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    pick = j;
                }
            }
            out[i + 1] = pick;
            a = pick;
        }
        out[threshold - 1] = to - 1;
        return out;
    }
}
