package org.rareearth.dashboard.desktop;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.service.StoreRecovery;
import org.rareearth.dashboard.store.StoreException;
import org.rareearth.dashboard.store.StoreLocation;

/**
 * Shown instead of the main window when the store cannot be opened (damaged, not a database, read-only, locked,
 * from a newer version, or a team store's server that cannot be reached or refuses the login): the reason, and a
 * choice to open another store (a file or a PostgreSQL URL), restore the latest backup of a file, try a team store
 * again, or quit. The unusable file is never overwritten.
 */
final class StoreProblemDialog {
    static final ButtonType OPEN_OTHER = new ButtonType("Open another store…", ButtonBar.ButtonData.LEFT);
    static final ButtonType RESTORE = new ButtonType("Restore the latest backup", ButtonBar.ButtonData.OTHER);
    static final ButtonType TRY_AGAIN = new ButtonType("Try again", ButtonBar.ButtonData.OTHER);
    static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);

    private StoreProblemDialog() {}

    /** Asks, over {@code owner} (the window in its opening state), until a store opens (returned) or the user quits (empty). */
    static Optional<Workspace> resolve(StoreLocation db, StoreException problem, javafx.stage.Window owner) {
        StoreLocation current = db;
        StoreException error = problem;
        while (true) {
            boolean file = current instanceof StoreLocation.SqliteFile;
            Alert a = new Alert(Alert.AlertType.ERROR, "", OPEN_OTHER, file ? RESTORE : TRY_AGAIN, QUIT);
            org.rareearth.dashboard.desktop.common.Theme.dress(a);
            a.initOwner(owner);
            a.setTitle("Rare Earth Dashboard");
            a.setHeaderText("The store " + current.name() + " cannot be opened");
            TextArea text = new TextArea(error.getMessage() + (file ? "\n\nThe file was not changed. You can open"
                    + " another store, put the latest backup of this one in its place (the unusable file is kept"
                    + " beside it under another name), or quit." : "\n\nNothing was changed on the server. You can"
                    + " try again (once the server is up, or PGPASSWORD is set), open another store, or quit."));
            text.setWrapText(true);
            text.setEditable(false);
            text.setPrefRowCount(6);
            a.getDialogPane().setContent(text);
            a.getDialogPane().setId("store-problem");
            if (current instanceof StoreLocation.SqliteFile f) {
                StoreRecovery.latestBackup(f.path()).ifPresentOrElse(
                        b -> ((javafx.scene.control.Button) a.getDialogPane().lookupButton(RESTORE))
                                .setText("Restore the latest backup (" + b.getFileName() + ")"),
                        () -> a.getDialogPane().lookupButton(RESTORE).setDisable(true));
            }
            ButtonType choice = a.showAndWait().orElse(QUIT);
            try {
                if (choice == OPEN_OTHER) {
                    Optional<StoreLocation> other = OpenStoreDialog.ask(owner, null);
                    if (other.isEmpty()) {
                        continue;
                    }
                    current = other.get();
                    return Optional.of(offFxThread(current, null));
                } else if (choice == RESTORE && current instanceof StoreLocation.SqliteFile f) {
                    return Optional.of(offFxThread(current, () -> StoreRecovery.restoreLatest(f.path())));
                } else if (choice == TRY_AGAIN) {
                    return Optional.of(offFxThread(current, null));
                } else {
                    return Optional.empty();
                }
            } catch (StoreException e) {
                error = e;
            }
        }
    }

    /**
     * Opens the store (after {@code first}, if given) on a thread of its own, the FX thread meanwhile serving the
     * window (a server that does not answer may take its connect timeout); returns it, or throws why not.
     */
    private static Workspace offFxThread(StoreLocation where, Runnable first) {
        Object key = new Object();
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            Object result;
            try {
                if (first != null) {
                    first.run();
                }
                result = Workspace.open(where, System.getenv());
            } catch (RuntimeException e) {
                result = e;
            }
            outcome.set(result);
            javafx.application.Platform.runLater(() -> javafx.application.Platform.exitNestedEventLoop(key, null));
        }, "store-open");
        t.setDaemon(true);
        t.start();
        javafx.application.Platform.enterNestedEventLoop(key);
        Object result = outcome.get();
        if (result instanceof Workspace w) {
            return w;
        }
        if (result instanceof StoreException e) {
            throw e;
        }
        throw (RuntimeException) result;
    }
}
