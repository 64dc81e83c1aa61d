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
        int n = x.length;
        if (threshold >= n || threshold < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[threshold];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        out[0] = 0;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            int len = Math.max(1, avgEnd - avgStart);
            avgX /= len;
            avgY /= len;
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
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
        out[threshold - 1] = n - 1;
        return out;
    }
}
