package org.rareearth.dashboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareearth.dashboard.desktop.DashboardApp;
import org.rareearth.dashboard.desktop.DesktopLauncher;

/**
 * The installed app (the package's launcher, {@code bench --launcher /usr/bin/rare-earth-dashboard}) against the
 * simplest tools beside it, in the same run: its start-up against a bare JavaFX window on the same bundled runtime
 * without an application archive, and its whole import command against {@code sqlite3}'s {@code .import}.
 *
 * <p>Start-up times here are wall-clock, from starting the process to the line the window prints once painted,
 * so whatever a launcher does before the JVM starts is counted too (the JVM's own uptime would hide it).
 */
public final class InstalledBenchmark {
    private InstalledBenchmark() {}

    public static void run(Bench bench, Path work, Path launcher, int runs, int securities, int days)
            throws Exception {
        Path root = launcher.toRealPath().getParent().getParent();
        Path java = root.resolve("lib/runtime/bin/java");
        Path jar = root.resolve("lib/app/rare-earth-dashboard.jar");
        if (!Files.isExecutable(java) || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(launcher + " is not an installed Rare Earth Dashboard launcher"
                    + " (no " + java + " or " + jar + ")");
        }
        List<String> platform = new ArrayList<>(List.of("-Drare-earth-dashboard.home=" + work.resolve("home")));
        if (!DesktopLauncher.hasDisplay()) {
            platform.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32"));
        }
        String options = String.join(" ", platform);
        Path db = work.resolve("startup.db");
        List<String> app = List.of(launcher.toString(), "--db", db.toString(), "--exit-after-first-frame");
        List<String> content = List.of(launcher.toString(), "--db", db.toString());
        List<String> bare = new ArrayList<>(List.of(java.toString()));
        bare.addAll(platform);
        bare.addAll(List.of("-cp", jar.toString(), BareWindow.Main.class.getName()));

        StartupBenchmark.prepareStore(List.of(launcher.toString(), "--db", db.toString(), "info", "--json"));
        wallUntil(app, options, "first-frame-ms"); // a first start, not measured
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] c = new double[runs];
        for (int i = 0; i < runs; i++) {
            a[i] = wallUntil(app, options, "first-frame-ms");
            b[i] = wallUntil(bare, "", "first-frame-ms");
            c[i] = wallUntil(content, options + " -D" + DashboardApp.EXIT_AFTER_CONTENT, "content-ready-ms");
        }
        double bareMs = StartupBenchmark.median(b);
        bench.add(new Bench.Figure("installed-first-frame", StartupBenchmark.median(a), "ms", "median of " + runs
                + ", wall clock; " + launcher + " (its options and start-up archive)"));
        bench.add(new Bench.Figure("baseline-bare-window-bundled-runtime", bareMs, "ms", "median of " + runs
                + ", wall clock; a bare JavaFX window on the same runtime without an application archive"));
        bench.add(new Bench.Figure("installed-first-frame-vs-bare", StartupBenchmark.median(a) / bareMs, "x", "budget: at most 1.0"));
        bench.add(new Bench.Figure("installed-content-ready", StartupBenchmark.median(c), "ms", "median of " + runs
                + ", wall clock; the dashboard's tiles and small charts painted"));
        bench.add(new Bench.Figure("installed-content-ready-vs-bare", StartupBenchmark.median(c) / bareMs, "x", "budget: at most 1.5"));

        viewsShownFirst(bench, launcher, db, java, jar, platform, options, runs);
        if (days > 0) {
            importAgainstSqlite3(bench, work, launcher, options, runs, securities, days);
        }
    }

    private static final Pattern VIEW_SHOWN =
            Pattern.compile("view-shown: (.+); longest FX wait (\\d+) ms");

    /**
     * Each view's first showing in a newly started app: the launcher started {@code runs} times with
     * {@link DashboardApp#EXIT_AFTER_VIEWS}, which shows every view after the dashboard and prints the longest wait
     * of a task on the FX thread while each was shown. The baseline is the same tour on the same runtime and jar
     * without the launcher's options and start-up archive (whose training shows every view too). Medians by view.
     */
    static void viewsShownFirst(Bench bench, Path launcher, Path db, Path java, Path jar, List<String> platform,
                                String options, int runs) throws IOException, InterruptedException {
        List<String> app = List.of(launcher.toString(), "--db", db.toString());
        List<String> plain = new ArrayList<>(List.of(java.toString()));
        plain.addAll(platform);
        plain.addAll(List.of("-D" + DashboardApp.EXIT_AFTER_VIEWS, "-cp", jar.toString(),
                bench.mainClass(), "--db", db.toString()));
        Map<String, List<Double>> installed = new LinkedHashMap<>();
        Map<String, List<Double>> baseline = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            waits(run(app, options + " -D" + DashboardApp.EXIT_AFTER_VIEWS, "views-shown-ms").lines(), installed);
            waits(run(plain, "", "views-shown-ms").lines(), baseline);
        }
        if (installed.isEmpty() || !installed.keySet().equals(baseline.keySet())) {
            throw new IllegalStateException("the view tours printed no view-shown lines, or not the same views: "
                    + installed.keySet() + " through the launcher, " + baseline.keySet() + " without it");
        }
        for (String view : installed.keySet()) {
            String slug = ViewSwitchBenchmark.slug(view);
            bench.add(new Bench.Figure("baseline-view-first-showing-longest-wait-no-archive-" + slug,
                    median(baseline.get(view)), "ms", "median of " + runs + "; the same start and tour on the"
                    + " bundled runtime without the launcher's options and start-up archive"));
            bench.add(new Bench.Figure("installed-view-first-showing-longest-wait-" + slug,
                    median(installed.get(view)), "ms", "median of " + runs + "; " + view + " shown the first time"
                    + " right after a start, the longest an FX task waited until it was painted"));
        }
    }

    private static void waits(List<String> lines, Map<String, List<Double>> byView) {
        for (String line : lines) {
            Matcher m = VIEW_SHOWN.matcher(line);
            if (m.matches()) {
                byView.computeIfAbsent(m.group(1), v -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
            }
        }
    }

    private static double median(List<Double> values) {
        return StartupBenchmark.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The whole {@code import-prices} command of the launcher against {@code sqlite3}'s {@code .import} of the same
     * file, {@code runs} times each, taking turns (so that a machine busier for a while slows both), each into a
     * new store: the app's made by {@code info} (the bundled dataset, not timed) as a first start makes it, and
     * {@code sqlite3}'s a new file. The figures are the medians; one run each was too few to tell a few percent.
     */
    static void importAgainstSqlite3(Bench bench, Path work, Path launcher, String options, int runs, int securities,
                                     int days) throws IOException, InterruptedException {
        Path csv = ImportBenchmark.writeLongFile(work.resolve("long-prices.csv"), securities, days);
        Path store = work.resolve("import.db");
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", options);
        double[] app = new double[runs];
        double[] base = new double[runs];
        for (int i = 0; i < runs; i++) {
            ImportBenchmark.deleteStore(store);
            ImportBenchmark.exec(List.of(launcher.toString(), "--db", store.toString(), "info"), env);
            app[i] = ImportBenchmark.exec(List.of(launcher.toString(), "--db", store.toString(), "import-prices",
                    csv.toString(), "--create"), env);
            base[i] = ImportBenchmark.sqlite3Import(work, csv);
        }
        ImportBenchmark.deleteStore(store);
        String label = ImportBenchmark.label((long) securities * days);
        double appMs = StartupBenchmark.median(app);
        bench.add(new Bench.Figure("installed-import-prices-" + label + "-rows", appMs, "ms", "median of " + runs
                + ", whole command through " + launcher + ", each into a new store"));
        if (Double.isNaN(base[0])) {
            bench.add(new Bench.Figure("baseline-sqlite3-import-" + label + "-rows", Double.NaN, "ms",
                    "sqlite3 not installed: apt-get install sqlite3"));
            return;
        }
        double baseMs = StartupBenchmark.median(base);
        bench.add(new Bench.Figure("baseline-sqlite3-import-" + label + "-rows", baseMs, "ms", "median of " + runs
                + ", sqlite3 .import into a table keyed by (symbol, date), taking turns with the app's"));
        bench.add(new Bench.Figure("installed-import-vs-sqlite3", appMs / baseMs, "x", "budget: at most 1.0"));
    }

    /**
     * Starts {@code cmd} with {@code JAVA_TOOL_OPTIONS} set to {@code options} (when not empty) and returns the
     * milliseconds from the start until it printed a line beginning with {@code key}; then waits for its end.
     */
    static double wallUntil(List<String> cmd, String options, String key) throws IOException, InterruptedException {
        return run(cmd, options, key).ms();
    }

    /** What {@link #run} saw: the milliseconds until the line, and every line printed. */
    record Run(double ms, List<String> lines) {}

    /** As {@link #wallUntil}, keeping what the command printed. */
    static Run run(List<String> cmd, String options, String key) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (!options.isEmpty()) {
            pb.environment().put("JAVA_TOOL_OPTIONS", options);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = Double.NaN;
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (Double.isNaN(ms) && line.startsWith(key + ": ")) {
                    ms = (System.nanoTime() - t0) / 1e6;
                }
                seen.add(line);
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no end within 120 s: " + String.join(" ", cmd));
        }
        if (Double.isNaN(ms)) {
            throw new IllegalStateException("no " + key + " line from " + String.join(" ", cmd) + ": "
                    + String.join("\n", seen));
        }
        return new Run(ms, seen);
    }
}
