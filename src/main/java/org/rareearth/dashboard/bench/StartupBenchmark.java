package org.rareearth.dashboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rareearth.dashboard.app.DesktopLauncher;
import org.rareearth.dashboard.app.Launcher;

/**
 * Start-up to the first painted frame: the app on a store that exists (no seeding), against a bare JavaFX window
 * with the same flag, each in a fresh JVM. Without a display both render on the headless platform.
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
        app.addAll(List.of(Launcher.class.getName(), "--db", db.toString(), "--exit-after-first-frame"));
        List<String> bare = new ArrayList<>(base);
        bare.add(BareWindow.Main.class.getName());
        firstFrame(app); // creates and seeds the store; not measured
        double[] a = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            a[i] = firstFrame(app);
            b[i] = firstFrame(bare);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        bench.add(new Bench.Figure("first-frame-app", a[runs / 2], "ms", "median of " + runs + " fresh JVMs"));
        bench.add(new Bench.Figure("baseline-first-frame-bare-window", b[runs / 2], "ms", "median of " + runs));
        bench.add(new Bench.Figure("first-frame-vs-bare", a[runs / 2] / b[runs / 2], "x", "budget: at most 1.5"));
        ImportBenchmark.exec(app);
        bench.add(new Bench.Figure("first-frame-app-peak-memory", ImportBenchmark.lastPeakMiB, "MiB",
                "peak resident memory up to the first frame, default store; budget: under 300"));
        ImportBenchmark.exec(bare);
        bench.add(new Bench.Figure("baseline-bare-window-peak-memory", ImportBenchmark.lastPeakMiB, "MiB", null));
    }

    static double firstFrame(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no first frame within 120 s: " + String.join(" ", cmd));
        }
        return out.lines().filter(l -> l.startsWith("first-frame-ms: ")).findFirst()
                .map(l -> Double.parseDouble(l.substring("first-frame-ms: ".length()).trim()))
                .orElseThrow(() -> new IllegalStateException("no first-frame-ms line from " + cmd + ": " + out));
    }
}
