package org.rareearth.dashboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rareearth.dashboard.desktop.DesktopLauncher;
import org.rareearth.dashboard.desktop.DashboardApp;

/**
 * Start-up to the first painted frame: the app on a store that exists and holds the default dataset (no seeding
 * while measured), against a bare JavaFX window with the same flag, each in a fresh JVM. Without a display both
 * render on the headless platform.
 */
public final class StartupBenchmark {
    private StartupBenchmark() {}

    public static void run(Bench bench, Path work, int runs) throws Exception {
        Path db = work.resolve("startup.db");
        List<String> base = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Drare-earth-dashboard.home=" + work));
        if (!DesktopLauncher.hasDisplay()) {
            base.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32"));
        }
        List<String> app = new ArrayList<>(base);
        app.addAll(List.of(bench.mainClass(), "--db", db.toString(), "--exit-after-first-frame"));
        List<String> bare = new ArrayList<>(base);
        bare.add(BareWindow.Main.class.getName());
        List<String> info = new ArrayList<>(base);
        info.addAll(List.of(bench.mainClass(), "--db", db.toString(), "info", "--json"));
        prepareStore(info);
        firstFrame(app); // a first start, not measured: the files are read once before the measured ones
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] c = new double[runs];
        double[] m = new double[runs];
        List<String> chrome = new ArrayList<>(base);
        chrome.addAll(List.of("-D" + DashboardApp.EXIT_AFTER_CHROME, bench.mainClass(), "--db", db.toString()));
        List<String> content = new ArrayList<>(base);
        content.addAll(List.of("-D" + DashboardApp.EXIT_AFTER_CONTENT, bench.mainClass(), "--db", db.toString()));
        for (int i = 0; i < runs; i++) {
            a[i] = firstFrame(app);
            b[i] = firstFrame(bare);
            m[i] = timing(chrome, "chrome-ready-ms");
            c[i] = timing(content, "content-ready-ms");
        }
        bench.add(new Bench.Figure("first-frame-app", median(a), "ms", "median of " + runs + " fresh JVMs; the"
                + " main window in its opening state (place, size, theme, store named) while the store opens"));
        bench.add(new Bench.Figure("baseline-first-frame-bare-window", median(b), "ms", "median of " + runs));
        bench.add(new Bench.Figure("first-frame-vs-bare", median(a) / median(b), "x", "budget: at most 1.5"));
        bench.add(new Bench.Figure("chrome-ready-app", median(m), "ms", "median of " + runs + "; the store open and"
                + " the window's menus, toolbar and navigation painted"));
        bench.add(new Bench.Figure("chrome-ready-vs-bare", median(m) / median(b), "x", null));
        bench.add(new Bench.Figure("content-ready-app", median(c), "ms", "median of " + runs + "; the dashboard's"
                + " tiles and small charts painted"));

        // The same with an AppCDS archive for each (JDK class-data sharing of the app's classes), made by a first
        // run; only possible when the class path is made of jar files.
        boolean jarsOnly = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .allMatch(e -> e.endsWith(".jar"));
        if (jarsOnly) {
            Path appJsa = work.resolve("app.jsa");
            Path bareJsa = work.resolve("bare.jsa");
            firstFrame(withJvmFlag(app, "-XX:ArchiveClassesAtExit=" + appJsa));
            firstFrame(withJvmFlag(bare, "-XX:ArchiveClassesAtExit=" + bareJsa));
            double[] ac = new double[runs];
            double[] bc = new double[runs];
            for (int i = 0; i < runs; i++) {
                ac[i] = firstFrame(withJvmFlag(app, "-XX:SharedArchiveFile=" + appJsa));
                bc[i] = firstFrame(withJvmFlag(bare, "-XX:SharedArchiveFile=" + bareJsa));
            }
            bench.add(new Bench.Figure("first-frame-app-appcds", median(ac), "ms", "median of " + runs
                    + "; java -XX:SharedArchiveFile=app.jsa -jar ..."));
            bench.add(new Bench.Figure("baseline-first-frame-bare-window-appcds", median(bc), "ms", "median of " + runs));
            bench.add(new Bench.Figure("first-frame-vs-bare-appcds", median(ac) / median(bc), "x", null));
        }
        ImportBenchmark.exec(content);
        bench.add(new Bench.Figure("content-ready-app-peak-memory", ImportBenchmark.lastPeakMiB, "MiB",
                "peak resident memory until the dashboard is painted, default store; budget: under 300"));
        ImportBenchmark.exec(bare);
        bench.add(new Bench.Figure("baseline-bare-window-peak-memory", ImportBenchmark.lastPeakMiB, "MiB", null));
    }

    /**
     * Creates the store the start-up figures open and fills it with the default dataset, through the app's own
     * command line ({@code info}, which opens the store as any command does), and checks that it holds the
     * dataset: the dashboard must show what a user's first start shows, tiles and small charts. A start closed at
     * its first frame is no way to make it: it exits while the store is still being filled.
     */
    static void prepareStore(List<String> infoCommand) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(infoCommand).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("could not make the start-up store: " + String.join(" ", infoCommand)
                    + ": " + out);
        }
        com.fasterxml.jackson.databind.JsonNode counts = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out).path("counts");
        if (counts.path("events").asInt() == 0 || counts.path("reactions").asInt() == 0
                || counts.path("assessments").asInt() == 0) {
            throw new IllegalStateException("the start-up store does not hold the default dataset: " + out);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The command with a JVM option added before the main class. */
    private static List<String> withJvmFlag(List<String> cmd, String flag) {
        List<String> out = new ArrayList<>(cmd);
        out.add(1, flag);
        return out;
    }

    static double firstFrame(List<String> cmd) throws IOException, InterruptedException {
        return timing(cmd, "first-frame-ms");
    }

    /** Runs {@code cmd} and reads the line {@code key: N} it prints. */
    static double timing(List<String> cmd, String key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no " + key + " within 120 s: " + String.join(" ", cmd));
        }
        return out.lines().filter(l -> l.startsWith(key + ": ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(key.length() + 2).trim()))
                .orElseThrow(() -> new IllegalStateException("no " + key + " line from " + cmd + ": " + out));
    }
}
