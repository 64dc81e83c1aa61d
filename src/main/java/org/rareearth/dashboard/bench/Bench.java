package org.rareearth.dashboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny harness: repeats a piece of work, reports the median and the 90th percentile in milliseconds. */
public final class Bench {

    /** One figure: {@code name: value unit}. */
    public record Figure(String name, double value, String unit, String note) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: %.3f %s%s", name, value, unit,
                    note == null ? "" : "   (" + note + ")");
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final java.io.PrintWriter out;
    private final String mainClass;

    /** {@code mainClass} is the app's entry point, started in child processes by the start-up and import runs. */
    public Bench(java.io.PrintWriter out, String mainClass) {
        this.out = out;
        this.mainClass = mainClass;
    }

    public String mainClass() {
        return mainClass;
    }

    public void add(Figure f) {
        figures.add(f);
        out.println(f);
        out.flush();
    }

    /** Runs {@code work} {@code warmup} times unmeasured, then {@code runs} times; adds median and p90. */
    public double[] time(String name, int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        double p90 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)];
        add(new Figure(name, median, "ms", "median of " + runs + ", p90 " + String.format(java.util.Locale.ROOT,
                "%.3f", p90)));
        return ms;
    }

    /**
     * Like {@link #time} for work that measures itself (for example inside the FX thread, so that waiting for the
     * thread is not counted): {@code work} returns its own duration in milliseconds.
     */
    public double[] timeSelf(String name, int warmup, int runs, java.util.function.DoubleSupplier work) {
        for (int i = 0; i < warmup; i++) {
            work.getAsDouble();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = work.getAsDouble();
        }
        Arrays.sort(ms);
        double p90 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)];
        add(new Figure(name, ms[runs / 2], "ms", "median of " + runs + ", p90 "
                + String.format(java.util.Locale.ROOT, "%.3f", p90)));
        return ms;
    }

    /** Runs {@code work} on the FX thread and returns how long it took there, in milliseconds. */
    public static double onFx(Runnable work) {
        return org.rareearth.dashboard.desktop.FxRuntime.call(() -> {
            long t0 = System.nanoTime();
            work.run();
            return (System.nanoTime() - t0) / 1e6;
        });
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public Map<String, Object> toJson(Map<String, Object> machine) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("value", f.value());
            m.put("unit", f.unit());
            m.put("note", f.note());
            list.add(m);
        }
        root.put("figures", list);
        return root;
    }
}
