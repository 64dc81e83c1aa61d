package org.rareearth.dashboard.desktop;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.service.StoreRecovery;
import org.rareearth.dashboard.store.StoreException;

/**
 * Shown instead of the main window when the store cannot be opened (damaged, not a database, read-only, locked,
 * or from a newer version): the reason, and a choice to open another store, restore the latest backup, or quit.
 * The unusable file is never overwritten.
 */
final class StoreProblemDialog {
    static final ButtonType OPEN_OTHER = new ButtonType("Open another store…", ButtonBar.ButtonData.LEFT);
    static final ButtonType RESTORE = new ButtonType("Restore the latest backup", ButtonBar.ButtonData.OTHER);
    static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);

    private StoreProblemDialog() {}

    /** Asks, over {@code owner} (the window in its opening state), until a store opens (returned) or the user quits (empty). */
    static Optional<Workspace> resolve(Path db, StoreException problem, javafx.stage.Window owner) {
        Path current = db;
        StoreException error = problem;
        while (true) {
            Alert a = new Alert(Alert.AlertType.ERROR, "", OPEN_OTHER, RESTORE, QUIT);
            org.rareearth.dashboard.desktop.common.Theme.dress(a);
            a.initOwner(owner);
            a.setTitle("Rare Earth Dashboard");
            a.setHeaderText("The store " + current.getFileName() + " cannot be opened");
            TextArea text = new TextArea(error.getMessage() + "\n\nThe file was not changed. You can open another"
                    + " store, put the latest backup of this one in its place (the unusable file is kept beside it"
                    + " under another name), or quit.");
            text.setWrapText(true);
            text.setEditable(false);
            text.setPrefRowCount(6);
            a.getDialogPane().setContent(text);
            a.getDialogPane().setId("store-problem");
            StoreRecovery.latestBackup(current).ifPresentOrElse(
                    b -> ((javafx.scene.control.Button) a.getDialogPane().lookupButton(RESTORE))
                            .setText("Restore the latest backup (" + b.getFileName() + ")"),
                    () -> a.getDialogPane().lookupButton(RESTORE).setDisable(true));
            ButtonType choice = a.showAndWait().orElse(QUIT);
            try {
                if (choice == OPEN_OTHER) {
                    FileChooser fc = new FileChooser();
                    fc.setTitle("Open a store");
                    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stores", "*.db"));
                    File f = fc.showOpenDialog(owner);
                    if (f == null) {
                        continue;
                    }
                    current = f.toPath();
                    return Optional.of(Workspace.open(current));
                } else if (choice == RESTORE) {
                    StoreRecovery.restoreLatest(current);
                    return Optional.of(Workspace.open(current));
                } else {
                    return Optional.empty();
                }
            } catch (StoreException e) {
                error = e;
            }
        }
    }
}
