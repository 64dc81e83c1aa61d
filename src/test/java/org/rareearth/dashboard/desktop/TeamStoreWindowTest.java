package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.common.StatusLine;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.rareearth.dashboard.testing.PostgresServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a team store: it names the server; a role that may only read gets a read-only window that says
 * why; File > Open store moves the window to another store, a file or a PostgreSQL URL.
 */
@ExtendWith(FxThreadLookups.class)
class TeamStoreWindowTest {
    private Stage stage;
    private Path home;
    private Workspace opened;
    private final AtomicReference<MainWindow> replaced = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory("red-team-window");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        MainWindow.onOpened(replaced::set);
    }

    @AfterEach
    void close(FxRobot robot) {
        MainWindow.onOpened(null);
        robot.interact(stage::hide);
        if (replaced.get() != null) {
            replaced.get().workspace().close();
        }
        if (opened != null) {
            opened.close();
        }
        System.clearProperty(AppPaths.HOME_PROPERTY);
        org.rareearth.dashboard.testing.TestDirs.deleteTree(home);
    }

    private MainWindow openOn(FxRobot robot, StoreLocation where) throws Exception {
        opened = Workspace.open(where, Map.of());
        MainWindow w = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow m = new MainWindow(opened, stage);
            m.show();
            return m;
        }).get();
        WindowFixture.awaitReads(w);
        return w;
    }

    private static MenuItem menuItem(FxRobot robot, String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> text.equals(i.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text));
    }

    @Test
    void a_role_that_may_only_read_gets_a_read_only_window_that_says_why(FxRobot robot) throws Exception {
        PostgresServer server = PostgresServer.shared();
        String db = server.newDatabase();
        try (Workspace w = Workspace.open(StoreLocation.parse(server.url(db), "--db"), Map.of())) {
            assertThat(w.store().canWrite()).isTrue();
        }
        String role = "viewer_" + db;
        server.execute(db, "CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        StoreLocation asViewer = StoreLocation.parse(server.url(db).replace(PostgresServer.SUPERUSER + "@",
                role + "@"), "--db");
        MainWindow w = openOn(robot, asViewer);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.readOnlyReasonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo(MainWindow.TITLE + " — " + db + " on 127.0.0.1");
        assertThat(robot.lookup(".status-line").queryAs(StatusLine.class).getText())
                .contains("postgresql://" + role + "@127.0.0.1:" + server.port() + "/" + db);
        Label ro = robot.lookup("#read-only").queryAs(Label.class);
        assertThat(org.rareearth.dashboard.desktop.common.Tips.text(ro)).contains("role " + role)
                .contains("may read").contains("not write");
        for (String item : new String[] {"Import prices…", "Import dataset…", "Update all prices (download)…",
            "Undo", "Redo", "New record…"}) {
            assertThat(menuItem(robot, item).isDisable()).as(item).isTrue();
        }
        assertThat(menuItem(robot, "Restore from backup (store files only)").isDisable()).isTrue();
        assertThat(menuItem(robot, "Export dataset…").isDisable()).as("reading stays").isFalse();
        assertThat(robot.lookup("#tool-import-prices").queryAs(Button.class).isDisable()).isTrue();

        robot.interact(() -> w.show(DataView.TITLE));
        WindowFixture.awaitReads(w);
        assertThat(robot.lookup("#add-securities").queryAs(Button.class).isDisable()).isTrue();
        Label note = robot.lookup("#data-read-only").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("entry, imports and downloads are off");
        assertThat(robot.lookup("#history-securities").queryAs(Button.class).isDisable())
                .as("history needs a selection, not write access").isTrue();
    }

    @Test
    void open_store_moves_the_window_to_another_store_and_refuses_a_url_it_cannot_take(FxRobot robot)
            throws Exception {
        MainWindow first = openOn(robot, new StoreLocation.SqliteFile(home.resolve("mine.db")));
        assertThat(stage.getTitle()).endsWith("mine.db");

        MenuItem openStore = menuItem(robot, "Open store…");
        javafx.application.Platform.runLater(openStore::fire); // the dialog waits for the user
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#open-store").tryQuery().isPresent());
        TextField where = robot.lookup("#open-store-location").queryAs(TextField.class);
        Button open = robot.lookup("#open-store-open").queryAs(Button.class);
        robot.interact(() -> where.setText("https://example.org/store"));
        assertThat(open.isDisable()).isTrue();
        assertThat(robot.lookup("#open-store-problem").queryAs(Label.class).getText()).contains("is a URL (https)");
        robot.interact(() -> where.setText("postgresql://ana:secret@db.example/desk"));
        assertThat(open.isDisable()).isTrue();
        assertThat(robot.lookup("#open-store-problem").queryAs(Label.class).getText()).contains("carries a password")
                .doesNotContain("secret");

        PostgresServer server = PostgresServer.shared();
        String db = server.newDatabase();
        robot.interact(() -> where.setText(server.url(db)));
        assertThat(open.isDisable()).isFalse();
        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> replaced.get() != null);
        MainWindow team = replaced.get();
        WindowFixture.awaitReads(team);
        assertThat(stage.getTitle()).isEqualTo(MainWindow.TITLE + " — " + db + " on 127.0.0.1");
        assertThat(team.workspace().store().isPostgres()).isTrue();
        assertThat(DashboardApp.services()).as("the store closed on exit").isSameAs(team.workspace());
        assertThat(robot.lookup(".status-line").queryAs(StatusLine.class).getText()).contains(server.url(db));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                first.workspace().store().schemaVersion();
                return false;
            } catch (RuntimeException closed) {
                return true; // the previous store was closed once its writes were done
            }
        });
        assertThat(menuItem(robot, "Back up store (as a dataset)…")).isNotNull();
    }
}
