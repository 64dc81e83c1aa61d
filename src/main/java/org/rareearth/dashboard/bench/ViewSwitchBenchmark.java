package org.rareearth.dashboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.FxRuntime;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.common.FxPinger;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.supply.SupplyChainView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;

/**
 * How long the FX thread keeps the user waiting while they switch through every view: a pinger posts a task to
 * the FX thread every 2 ms and notes how long the longest one waited. On a large store (2,400,000 generated bars,
 * 1,000 events) beside the default store as the baseline, each for the first showing of every view in a new
 * window and for showing them all again. The store's reads run off the FX thread in both; what is left is JavaFX's
 * own work (CSS, layout, rendering), which the baseline shows for a small store.
 */
public final class ViewSwitchBenchmark {
    private static final List<String> VIEWS = List.of(DashboardView.TITLE, ReactionsView.TITLE, GapView.TITLE,
            TimelineView.TITLE, DataView.TITLE, SupplyChainView.TITLE);

    private ViewSwitchBenchmark() {}

    /**
     * Fills {@code db} with 2,400,000 generated daily prices (96 series of 25,000 days, SYN00…SYN95) and events up to
     * 1,000 (the default ones and copies of them); {@code work} holds the generated price file meanwhile.
     */
    public static void largeStore(Path db, Path work) throws java.io.IOException {
        try (Workspace s = Workspace.open(db)) {
            Path csv = ImportBenchmark.writeLongFile(work.resolve("long.csv"), 96, 25_000);
            PriceImportService.run(s.store(), csv, new PriceImportService.Options(null, false, true, null, null,
                    null));
            Files.delete(csv);
            List<PolicyEvent> base = s.events.all();
            List<PolicyEvent> more = new ArrayList<>();
            for (int i = 0; more.size() + base.size() < 1_000; i++) {
                PolicyEvent e = base.get(i % base.size());
                more.add(new PolicyEvent(e.code() + "-copy-" + i, e.actor(), e.category(), e.title() + " (copy " + i
                        + ")", e.summary(), e.materials(), e.announced(), e.effective(), e.ends(),
                        e.suspendedFrom(), e.suspendedUntil(), e.status(), e.source(), e.confidence(), e.note(),
                        List.of(), e.sourceUrl()));
            }
            s.datasets.write(Dataset.ofAll(more), false);
        }
    }

    public static void run(Bench bench, Path work) throws Exception {
        FxRuntime.start();
        Path small = work.resolve("default.db");
        try (Workspace s = Workspace.open(small)) {
            s.events.count(); // the default dataset, as a new store gets it
        }
        Path big = work.resolve("big.db");
        largeStore(big, work);
        // The baseline first, so that it, not the large store, pays for the JVM's first loading of every class.
        Run smallRun = switchThrough(small);
        Run largeRun = switchThrough(big);
        List<java.util.Map<String, Double>> baseline = smallRun.passes();
        List<java.util.Map<String, Double>> large = largeRun.passes();
        double formBaseline = median(smallRun.formMs());
        double formLarge = median(largeRun.formMs());
        bench.add(new Bench.Figure("baseline-view-switch-longest-wait-default-store-first", longest(baseline.get(0)),
                "ms", "the default store: the longest an FX task waited while each view was shown the first time"));
        bench.add(new Bench.Figure("baseline-view-switch-longest-wait-default-store-again", medianLongest(baseline),
                "ms", "the same, every view shown again: the median over " + AGAIN_PASSES + " passes of each pass's"
                + " longest"));
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-window-opening", largeRun.openingMs(), "ms",
                "2,400,000 bars and 1,000 events: the longest wait until a new window's first frame had gone to the"
                        + " render thread, two pulses after it was shown (its chrome and the opening line; not in the"
                        + " view figures since 2026-12-07)"));
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-first", longest(large.get(0)), "ms",
                "the same store: each view shown the first time in that window"));
        java.util.Map.Entry<String, Double> firstGc = gcAtLongest(largeRun, 0);
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-first-gc", firstGc.getValue(), "ms",
                "the collector's pauses while the view of that longest first wait (" + firstGc.getKey() + ") was"
                        + " shown"));
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-again", medianLongest(large), "ms",
                "the same, every view shown again, median over " + AGAIN_PASSES + " passes; budget: under 100"));
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-again-worst", worst(large), "ms",
                "the worst of those passes"));
        java.util.Map.Entry<String, Double> worstGc = worstGc(largeRun);
        bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-again-worst-gc", worstGc.getValue(), "ms",
                "the collector's pauses while the view of that worst wait (" + worstGc.getKey() + ") was shown:"
                        + " of the wait, what was no task of the app's"));
        bench.add(new Bench.Figure("baseline-event-form-open-longest-wait-default-store", formBaseline, "ms",
                "the default store (43 events): the longest an FX task waited while the event edit form opened, median"
                + " of " + FORM_OPENINGS + " openings"));
        bench.add(new Bench.Figure("event-form-open-longest-wait-2m-bars", formLarge, "ms",
                "the same on the large store, whose form lists 1,000 events to act on; budget: under 100"));
        bench.add(new Bench.Figure("event-form-open-longest-wait-2m-bars-first", largeRun.formMs().get(0), "ms",
                "the first of those openings in the window, which makes the form"));
        bench.add(new Bench.Figure("event-form-open-longest-wait-2m-bars-kept", median(largeRun.formMs().subList(1,
                FORM_OPENINGS)), "ms", "the later openings, of the form kept from the first (median of "
                + (FORM_OPENINGS - 1) + ")"));
        baseline.get(0).forEach((view, ms) -> bench.add(new Bench.Figure(
                "baseline-view-switch-longest-wait-default-store-first-" + slug(view), ms, "ms", "while " + view
                + " was shown the first time on the default store (the JVM's first showing of each view)")));
        large.get(0).forEach((view, ms) -> bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-first-"
                + slug(view), ms, "ms", "while " + view + " was shown the first time")));
        medianAgain(large).forEach((view, ms) -> bench.add(new Bench.Figure("view-switch-longest-wait-2m-bars-again-"
                + slug(view), ms, "ms",
                "while " + view + " was shown again (median)")));
    }

    /** A view's title as part of a figure's name: "Stock reactions" gives "stock-reactions". */
    static String slug(String view) {
        return view.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    /**
     * How many times every view is shown again. On a small machine one pass's longest wait swings with the
     * collector and the other threads (70 to 570 ms for the same view in five runs), so the figures for showing
     * again are medians over these passes, and the worst pass is given beside them.
     */
    static final int AGAIN_PASSES = 5;

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Every pass after the first: the median of each pass's longest wait, and of each view's. */
    private static java.util.Map<String, Double> medianAgain(List<java.util.Map<String, Double>> passes) {
        java.util.Map<String, Double> byView = new java.util.LinkedHashMap<>();
        for (String view : passes.get(1).keySet()) {
            byView.put(view, median(passes.subList(1, passes.size()).stream().map(p -> p.get(view)).toList()));
        }
        return byView;
    }

    private static double medianLongest(List<java.util.Map<String, Double>> passes) {
        return median(passes.subList(1, passes.size()).stream().map(ViewSwitchBenchmark::longest).toList());
    }

    private static double worst(List<java.util.Map<String, Double>> passes) {
        return passes.subList(1, passes.size()).stream().mapToDouble(ViewSwitchBenchmark::longest).max().orElse(0);
    }

    /** The view of the worst pass's longest wait (after the first), and the collector's pause time meanwhile. */
    private static java.util.Map.Entry<String, Double> worstGc(Run run) {
        int worstPass = 1;
        for (int i = 1; i < run.passes().size(); i++) {
            if (longest(run.passes().get(i)) > longest(run.passes().get(worstPass))) {
                worstPass = i;
            }
        }
        return gcAtLongest(run, worstPass);
    }

    /** The view of a pass's longest wait, and the collector's pause time while it was shown. */
    private static java.util.Map.Entry<String, Double> gcAtLongest(Run run, int pass) {
        java.util.Map<String, Double> waits = run.passes().get(pass);
        String view = waits.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        return java.util.Map.entry(view, run.gcPasses().get(pass).get(view));
    }

    private static double longest(java.util.Map<String, Double> byView) {
        return byView.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * One window's figures: the longest wait of an FX task while each view is shown the first time, then again, by
     * view (ms), and then while the event form opens, each opening ({@link #openEventForm}).
     */
    private record Run(double openingMs, List<java.util.Map<String, Double>> passes,
                       List<java.util.Map<String, Double>> gcPasses, List<Double> formMs) {}

    private static Run switchThrough(Path db) throws Exception {
        try (Workspace services = Workspace.open(db); FxPinger pinger = new FxPinger()) {
            Stage stage = FxRuntime.call(Stage::new);
            MainWindow window = FxRuntime.call(() -> {
                MainWindow w = new MainWindow(services, stage);
                w.show();
                return w;
            });
            pinger.takeLongest();
            // The window's first frame (its chrome styled, laid out and painted) is the start-up's, not a view's.
            java.util.concurrent.CountDownLatch painted = new java.util.concurrent.CountDownLatch(1);
            FxRuntime.call(() -> {
                org.rareearth.dashboard.desktop.FirstFrame.afterNextFrame(stage.getScene(), painted::countDown);
                return null;
            });
            if (!painted.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the window was not painted within 60 s");
            }
            double opening = pinger.takeLongest() / 1e6;
            List<java.util.Map<String, Double>> passes = new ArrayList<>();
            List<java.util.Map<String, Double>> gcPasses = new ArrayList<>();
            gcPasses.add(new java.util.LinkedHashMap<>());
            passes.add(showEach(window, pinger, gcPasses.get(0)));
            for (int i = 0; i < AGAIN_PASSES; i++) {
                gcPasses.add(new java.util.LinkedHashMap<>());
                passes.add(showEach(window, pinger, gcPasses.get(gcPasses.size() - 1)));
            }
            List<Double> formMs = openEventForm(window, stage, pinger);
            FxRuntime.call(() -> {
                stage.hide();
                return null;
            });
            org.rareearth.dashboard.desktop.common.Background.awaitWrites(20);
            return new Run(opening, passes, gcPasses, formMs);
        }
    }

    /** How many times the event form is opened and closed; the figure is the median of each opening's longest wait. */
    static final int FORM_OPENINGS = 5;

    /**
     * Opens the edit form of the first event in the Data view's Events tab {@value #FORM_OPENINGS} times, as a click
     * on Edit does, and closes it again: the longest an FX task waited while each opening was shown (ms), in order.
     * The form's list of events to act on holds every event of the store.
     */
    private static List<Double> openEventForm(MainWindow window, Stage stage, FxPinger pinger) {
        FxRuntime.call(() -> {
            window.show(org.rareearth.dashboard.desktop.data.DataView.TITLE);
            return null;
        });
        awaitReading(window, org.rareearth.dashboard.desktop.data.DataView.TITLE);
        FxRuntime.call(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) stage.getScene().lookup("#data-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-events".equals(t.getId()))
                    .findFirst().orElseThrow());
            return null;
        });
        javafx.scene.control.Button edit = FxRuntime.call(() -> { // the tab's content is in the scene now
            ((javafx.scene.control.TableView<?>) stage.getScene().lookup("#table-events")).getSelectionModel()
                    .select(0);
            return (javafx.scene.control.Button) stage.getScene().lookup("#edit-events");
        });
        List<Double> waits = new ArrayList<>();
        for (int i = 0; i < FORM_OPENINGS; i++) {
            pinger.takeLongest();
            javafx.application.Platform.runLater(edit::fire); // the form waits for its answer in a nested loop
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Stage form = null;
            while (form == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the event form did not open within 60 s");
                }
                form = FxRuntime.call(() -> javafx.stage.Window.getWindows().stream()
                        .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                                && w.getScene().lookup("#form-save") != null)
                        .map(Stage.class::cast).findFirst().orElse(null));
            }
            FxRuntime.call(() -> null); // the form laid out and painted
            FxRuntime.call(() -> null);
            waits.add(pinger.takeLongest() / 1e6);
            Stage shown = form;
            FxRuntime.call(() -> {
                shown.close();
                return null;
            });
            FxRuntime.call(() -> null);
        }
        return waits;
    }

    /**
     * Stock reactions computes its event studies after its records are read, and shows them when they come: without
     * this wait, the next view's figure took them in (the gap's, since it is shown over a few frames; BENCHMARKS.md).
     */
    private static void awaitStudies(MainWindow window, String title) {
        if (window.view(title) instanceof org.rareearth.dashboard.desktop.reactions.ReactionsView reactions) {
            awaitWhile(() -> reactions.model().computingProperty().get(), title + " computing its event studies");
        }
    }

    private static void awaitReading(MainWindow window, String title) {
        awaitWhile(() -> window.view(title).isReading(), title + " reading the store");
    }

    /** Waits while {@code condition}, asked on the FX thread, holds; at most 60 s. */
    private static void awaitWhile(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (FxRuntime.call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still " + what + " after 60 s");
            }
            // Asked every millisecond, not in a spin: each question is a task on the FX thread, and a spin's
            // questions (and their garbage) were most of what the run allocated, on the thread it measures.
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + what, e);
            }
        }
    }

    /**
     * Shows each view in turn: the longest wait of an FX task while each was shown (ms), by view; {@code gcByView}
     * gets the collector's pause time meanwhile (ms), which any FX task waiting then waited for too.
     */
    private static java.util.Map<String, Double> showEach(MainWindow window, FxPinger pinger,
                                                         java.util.Map<String, Double> gcByView) {
        java.util.Map<String, Double> byView = new java.util.LinkedHashMap<>();
        for (String title : VIEWS) {
            long gcBefore = collectorMillis();
            FxRuntime.call(() -> {
                window.show(title);
                return null;
            });
            awaitReading(window, title);
            awaitStudies(window, title);
            FxRuntime.call(() -> null); // the view's answer laid out
            FxRuntime.call(() -> null);
            byView.put(title, pinger.takeLongest() / 1e6);
            gcByView.put(title, (double) (collectorMillis() - gcBefore));
        }
        return byView;
    }

    /** The collectors' pause time so far in this JVM (ms). */
    private static long collectorMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }
}
