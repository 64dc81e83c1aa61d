package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.common.FxPinger;
import org.rareearth.dashboard.desktop.dashboard.DashboardView;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.supply.SupplyChainView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No store work on the FX thread, on a large store: 2,400,000 daily prices (96 generated series of 25,000 days,
 * made up for the test) and 1,000 events (the default 43 and generated ones). While the test switches through
 * every view, reads a 25,000-day series and edits a record, a watchdog samples the FX thread's stack every
 * couple of milliseconds and pings it: any sample inside JDBC (the store's connection) fails the test, whatever the
 * machine's speed. The longest time the FX thread kept a ping waiting, and where it was meanwhile, are printed
 * beside it: that depends on the machine (JavaFX's own layout and rendering), so it is reported, not asserted.
 */
@ExtendWith(FxThreadLookups.class)
class FxThreadWatchdogTest {
    private static Path dir;
    private static Path db;
    private Workspace services;
    private MainWindow window;

    @BeforeAll
    static void bigStore() throws Exception {
        dir = Files.createTempDirectory("red-watchdog");
        db = dir.resolve("big.db");
        org.rareearth.dashboard.bench.ViewSwitchBenchmark.largeStore(db, dir);
        try (Workspace s = Workspace.open(db)) {
            assertThat(s.datasets.counts().priceBars()).isEqualTo(2_400_000);
            assertThat(s.events.count()).isEqualTo(1_000);
        }
    }

    @AfterAll
    static void removeStore() {
        org.rareearth.dashboard.testing.TestDirs.deleteTree(dir);
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, dir.resolve("home").toString());
        services = Workspace.open(db);
        window = new MainWindow(services, stage);
        window.show();
    }

    @AfterEach
    void close() {
        services.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    /** Samples the FX thread's stack on every tick of an {@link FxPinger}, which pings it. */
    static final class Watchdog implements AutoCloseable {
        /** Every store read or write goes through JDBC; a record's key or a pure rule in store/ does not count. */
        private static final List<String> STORE_CODE = List.of("org.sqlite.", "java.sql.",
                "org.rareearth.dashboard.store.Jdbc", "org.rareearth.dashboard.store.Store.");
        private final Thread fx;
        final List<String> storeWork = Collections.synchronizedList(new ArrayList<>());
        volatile long longestWaitMs;
        /** Where the FX thread was (its first frames of this app's code) while a ping waited over 100 ms. */
        final java.util.Map<String, Integer> slow = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> pending = new ArrayList<>();
        volatile int samples;
        /** Pings answered so far. */
        volatile int answers;

        private final FxPinger pinger;

        Watchdog(Thread fx) {
            this.fx = fx;
            this.pinger = new FxPinger(this::answered, this::sample);
        }

        /** A ping was answered: its wait, and where the FX thread was meanwhile if it waited over 100 ms. */
        private void answered(long waitedNanos) {
            long waited = waitedNanos / 1_000_000;
            longestWaitMs = Math.max(longestWaitMs, waited);
            if (waited > 100) {
                pending.forEach(w -> slow.merge(w, 1, Integer::sum));
            }
            pending.clear();
            answers++;
        }

        /**
         * Forgets the waits so far, once the ping held up by the FX thread's last task has been answered: the figures
         * then cover only what comes after (not the test's own query on the FX thread that proves the watchdog sees).
         */
        void startOver() {
            int seen = answers;
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answers >= seen + 2);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the pinger answered no ping in 10 s", e);
            }
            longestWaitMs = 0;
            slow.clear();
        }

        private void sample() {
            StackTraceElement[] stack = fx.getStackTrace();
            samples++;
            pending.add(where(stack));
            if (Arrays.stream(stack).anyMatch(f -> STORE_CODE.stream().anyMatch(f.getClassName()::startsWith))) {
                storeWork.add(String.join("\n  at ", Arrays.stream(stack).limit(40).map(Object::toString).toList()));
            }
        }

        /** The packages of the controls a slow pulse is put down to. */
        private static final List<String> CONTROLS = List.of("javafx.scene.control", "javafx.scene.chart",
                "eu.hansolo", "org.controlsfx");
        /** Base classes every control runs through, which say nothing of which control it was. */
        private static final java.util.Set<String> GENERIC = java.util.Set.of("Control", "SkinBase", "Labeled",
                "LabeledSkinBase", "Skin", "Region", "Parent");

        /** JavaFX's phases of a pulse, by the method that runs each. */
        private static final java.util.Map<String, String> PHASES = java.util.Map.of("doCSSPass", "styling",
                "doLayoutPass", "layout", "synchronizeSceneNodes", "syncing for rendering", "applyCss", "styling",
                "processCSS", "styling", "layout", "layout",
                "waitForRenderingToComplete", "waiting for the render thread to paint the frame before");

        /**
         * Where the FX thread is: its first three frames of this app's code, or, in JavaFX's own work, the phase of
         * the pulse and the control or skin at work (TilesFX's and ControlsFX's count as controls).
         */
        static String where(StackTraceElement[] stack) {
            String app = Arrays.stream(stack).filter(f -> f.getClassName().startsWith("org.rareearth"))
                    .limit(3).map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName() + ":"
                            + f.getLineNumber()).collect(java.util.stream.Collectors.joining(" < "));
            if (!app.isEmpty()) {
                return app;
            }
            String phase = Arrays.stream(stack).map(f -> PHASES.get(f.getMethodName())).filter(p -> p != null)
                    .reduce((inner, outer) -> outer).orElse("other work");
            String control = Arrays.stream(stack).map(StackTraceElement::getClassName)
                    .filter(c -> CONTROLS.stream().anyMatch(c::startsWith)).map(c -> c.replaceAll(".*\\.", ""))
                    .filter(c -> !GENERIC.contains(c.replaceAll("\\$.*", ""))).findFirst()
                    .map(c -> ", in " + c).orElse("");
            return "JavaFX " + phase + control;
        }

        @Override
        public void close() throws InterruptedException {
            pinger.close();
        }
    }

    private void showEach(FxRobot robot) {
        for (String title : List.of(DashboardView.TITLE, ReactionsView.TITLE, GapView.TITLE, TimelineView.TITLE,
                DataView.TITLE, SupplyChainView.TITLE)) {
            robot.interact(() -> window.show(title));
            WindowFixture.awaitReads(window);
            assertThat(window.currentView()).isEqualTo(title);
        }
    }

    @Test
    void every_view_and_an_edit_leave_the_store_work_off_the_fx_thread(FxRobot robot) throws Exception {
        Thread fx = WaitForAsyncUtils.asyncFx(Thread::currentThread).get(10, TimeUnit.SECONDS);
        Watchdog dog = new Watchdog(fx);
        try {
            // The watchdog sees store work on the FX thread: the FX thread queries the store until it is caught.
            robot.interact(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (dog.storeWork.isEmpty() && System.nanoTime() < deadline) {
                    services.store().read(c -> {
                        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                            return rs.next();
                        }
                    });
                }
            });
            assertThat(dog.storeWork).as("the watchdog caught a query on the FX thread").isNotEmpty();
            dog.storeWork.clear();
            dog.startOver();

            showEach(robot);

            robot.interact(() -> window.show(DataView.TITLE));
            WindowFixture.awaitReads(window);
            TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-events".equals(t.getId())).findFirst().orElseThrow()));
            @SuppressWarnings("unchecked")
            TableView<PolicyEvent> events = robot.lookup("#table-events").queryAs(TableView.class);
            assertThat(events.getItems()).hasSize(1_000);
            PolicyEvent dod = events.getItems().stream().filter(e -> e.code().equals("dod-mp-2025")).findFirst()
                    .orElseThrow();
            robot.interact(() -> events.getSelectionModel().select(dod));
            robot.clickOn("#edit-events");
            TextField title = robot.lookup("#field-title").queryAs(TextField.class);
            robot.interact(() -> title.setText(dod.title() + " (edited)"));
            robot.clickOn("#form-save");
            WindowFixture.awaitWrites(window);
            assertThat(services.events.find("dod-mp-2025").orElseThrow().title()).endsWith("(edited)");

            robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-price-bars".equals(t.getId())).findFirst().orElseThrow()));
            @SuppressWarnings("unchecked")
            ComboBox<String> symbol = robot.lookup("#bars-symbol").queryAs(ComboBox.class);
            robot.interact(() -> symbol.setValue("SYN07"));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#table-price-bars")
                    .queryAs(TableView.class).getItems().size() == 25_000);

            showEach(robot); // every view again, now after the edit
        } finally {
            dog.close();
        }
        System.out.printf("FX thread watchdog: %d samples, longest wait for a ping while the views were shown and a"
                + " record edited %d ms%n", dog.samples, dog.longestWaitMs);
        dog.slow.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15).forEach(e -> System.out.println("  slow pulse in " + e.getKey() + ": " + e.getValue()));
        assertThat(dog.storeWork).as("stacks of the FX thread inside the store or JDBC").isEmpty();
    }
}
