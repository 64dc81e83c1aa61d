package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.StoreException;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop start: the main window appears in its opening state while the store opens, takes its menus,
 * toolbar and navigation once the store is open, then builds the view in front; a store that cannot be opened
 * is reported over that window.
 */
@ExtendWith(FxThreadLookups.class)
class DesktopStartTest {

    private Path home;
    private Path db;
    private final CompletableFuture<Workspace> store = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Workspace opened;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createTempDirectory("red-start");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        Files.writeString(home.resolve("window.properties"), "width=1100\nheight=700\ntheme=dark\nview=Export-restriction timeline\n");
        db = home.resolve("analyst.db");
        DashboardApp.opening(new org.rareearth.dashboard.store.StoreLocation.SqliteFile(db), store);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
        if (opened != null) {
            opened.close();
        }
        robot.interact(() -> org.rareearth.dashboard.desktop.common.Theme.currentProperty()
                .set(org.rareearth.dashboard.desktop.common.Theme.LIGHT));
        System.clearProperty(AppPaths.HOME_PROPERTY);
        org.rareearth.dashboard.testing.TestDirs.deleteTree(home);
    }

    private void start(FxRobot robot) {
        robot.interact(() -> {
            stage = new Stage();
            DashboardApp.start(stage, closed::countDown, failures::add);
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the FX thread has run {@code n} pulses (frames), however long the machine takes for them. */
    static void letPulsesPass(int n) throws java.util.concurrent.TimeoutException {
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        javafx.application.Platform.runLater(timer::start);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pulses.get() >= n);
        } finally {
            javafx.application.Platform.runLater(timer::stop);
        }
    }

    private static List<Node> all(Parent root) {
        List<Node> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    @Test
    void the_window_appears_before_the_store_is_open_and_takes_its_controls_once_it_is(FxRobot robot)
            throws Exception {
        start(robot);
        WaitForAsyncUtils.waitForFxEvents();
        letPulsesPass(10); // frames go by; the store is still opening

        Parent first = stage.getScene().getRoot();
        assertThat(stage.isShowing()).isTrue();
        assertThat(first.getId()).isEqualTo(OpeningFrame.ID);
        assertThat(stage.getTitle()).contains("analyst.db");
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(((Label) first.lookup("#opening-store")).getText()).contains("analyst.db");
        // Nothing in it pretends to work: no menus, no buttons yet.
        assertThat(all(first)).noneMatch(n -> n instanceof MenuBar || n instanceof ButtonBase);
        // Its icons wait for the controls' first frame: setting them holds the FX thread (JavaFX scales them).
        assertThat(stage.getIcons()).isEmpty();

        opened = Workspace.open(db);
        store.complete(opened);

        // The controls, then the remembered view once they are painted. Checked on the FX thread, which builds the
        // window in one go (read from here, a window half built could pass for one built).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            Parent root = stage.getScene().getRoot();
            return all(root).stream().anyMatch(n -> n instanceof MenuBar) && root.lookup("#view-opening") == null;
        }));
        assertThat(stage.getScene().lookup("#" + OpeningFrame.ID)).isNull();
        assertThat(((javafx.scene.control.ToggleButton) stage.getScene().lookup("#nav-export-restriction-timeline"))
                .isSelected()).isTrue();
        // The remembered view's events, read while the window was built (before the view existed), are laid out.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().lookup("#timeline-counts")
                instanceof Label l && l.getText().startsWith("Showing 43 of 43 events")));
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(DashboardApp.services()).isSameAs(opened);
        // The window icons arrive off the FX thread, once.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getIcons().size() == MainWindow.ICON_SIZES.length);
        letPulsesPass(10);
        assertThat(stage.getIcons()).hasSize(MainWindow.ICON_SIZES.length);

        robot.interact(stage::close);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void a_store_that_cannot_be_opened_is_reported_over_the_window_and_quit_closes_it(FxRobot robot)
            throws Exception {
        start(robot);
        store.completeExceptionally(new StoreException("Cannot open store " + db + ": file is not a database"));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problemDialog() != null);
        Window dialog = problemDialog();
        assertThat(((javafx.stage.Stage) dialog).getOwner()).isSameAs(stage);
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(((javafx.scene.control.TextArea) pane.getContent()).getText()).contains("not a database");

        robot.interact(() -> ((Button) pane.lookupButton(StoreProblemDialog.QUIT)).fire());

        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stage.isShowing()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void a_team_store_that_cannot_be_opened_yet_opens_once_tried_again(FxRobot robot) throws Exception {
        org.rareearth.dashboard.testing.PostgresServer server = org.rareearth.dashboard.testing.PostgresServer.shared();
        String name = "later_" + ProcessHandle.current().pid();
        org.rareearth.dashboard.store.StoreLocation team =
                org.rareearth.dashboard.store.StoreLocation.parse(server.url(name), "--db");
        DashboardApp.opening(team, store);
        start(robot);
        assertThat(stage.getTitle()).endsWith(name + " on 127.0.0.1");
        StoreException missing = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Workspace.open(team, java.util.Map.of()), StoreException.class);
        assertThat(missing.getMessage()).contains("create it first");
        store.completeExceptionally(missing);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problemDialog() != null);
        DialogPane pane = (DialogPane) problemDialog().getScene().getRoot();
        assertThat(pane.lookupButton(StoreProblemDialog.RESTORE)).as("no file backup for a team store").isNull();
        assertThat(((javafx.scene.control.TextArea) pane.getContent()).getText()).contains("try again");
        server.execute("postgres", "CREATE DATABASE " + name);
        // The dialog waits for the user in a nested event loop; the store then opens off the FX thread.
        javafx.application.Platform.runLater(() -> ((Button) pane.lookupButton(StoreProblemDialog.TRY_AGAIN)).fire());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> all(stage.getScene().getRoot()).stream()
                .anyMatch(n -> n instanceof MenuBar)));
        opened = DashboardApp.services();
        assertThat(opened.store().isPostgres()).isTrue();
        assertThat(opened.events.count()).as("a new team store holds the bundled records").isPositive();
        robot.interact(stage::close);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }

    private static Window problemDialog() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                        && "store-problem".equals(p.getId()))
                .findFirst().orElse(null);
    }

    @Test
    void a_window_whose_controls_cannot_be_built_closes_and_says_why(FxRobot robot) throws Exception {
        start(robot);
        Workspace unusable = Workspace.open(db);
        unusable.close();
        store.complete(unusable);

        assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stage.isShowing()).isFalse();
        assertThat(failures).hasSize(1);
    }
}
