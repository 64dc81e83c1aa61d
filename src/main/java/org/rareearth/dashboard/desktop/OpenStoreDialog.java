package org.rareearth.dashboard.desktop;

import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * File &gt; Open store: a store file (typed, or chosen with Choose file…) or a team store's PostgreSQL URL, checked
 * as it is typed with the rules {@code --db} follows: a URL of another scheme, or one that carries a password, is
 * refused with the reason, and Open stays disabled. The password comes from PGPASSWORD or ~/.pgpass, never from
 * here.
 */
final class OpenStoreDialog extends Dialog<StoreLocation> {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    private final TextField where = new TextField();
    private final Label problem = new Label();
    private StoreLocation chosen;

    OpenStoreDialog(Window owner, StoreLocation current) {
        initOwner(owner);
        setTitle("Open store");
        setHeaderText("Open a store file or a team store");
        org.rareearth.dashboard.desktop.common.Theme.dress(this);
        where.setId("open-store-location");
        where.setPromptText("/path/to/store.db  or  postgresql://user@host:5432/dbname");
        where.setPrefColumnCount(44);
        where.setText(current == null ? "" : current.display());
        Button choose = new Button("Choose file…");
        choose.setId("open-store-choose-file");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a store file");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Stores", "*.db"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = fc.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                where.setText(f.getAbsolutePath());
            }
        });
        HBox row = new HBox(8, where, choose);
        HBox.setHgrow(where, Priority.ALWAYS);
        Label help = new Label("A store file is a SQLite database of your own; a new file name creates one with the"
                + " bundled records. A team store is a PostgreSQL database: postgresql://user@host:5432/dbname,"
                + " with ?sslmode=require for TLS. The password is taken from PGPASSWORD or ~/.pgpass, never from"
                + " this field.");
        help.setWrapText(true);
        help.setMaxWidth(560);
        problem.setId("open-store-problem");
        problem.getStyleClass().add("warning-text");
        problem.setWrapText(true);
        problem.setMaxWidth(560);
        VBox box = new VBox(8, row, help, problem);
        box.setPadding(new Insets(8));
        getDialogPane().setContent(box);
        getDialogPane().setId("open-store");
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        Button open = (Button) getDialogPane().lookupButton(OPEN);
        open.setId("open-store-open");
        Tips.set(open, "Open this store in the window (the current one is closed)");
        where.textProperty().addListener((o, a, b) -> check(open));
        check(open);
        setResultConverter(b -> b == OPEN ? chosen : null);
        setOnShown(e -> where.requestFocus());
    }

    private void check(Button open) {
        String text = where.getText() == null ? "" : where.getText().strip();
        chosen = null;
        if (text.isEmpty()) {
            problem.setText("");
            open.setDisable(true);
            return;
        }
        try {
            chosen = StoreLocation.parse(text, "The store");
            problem.setText("");
        } catch (IllegalArgumentException e) { // InvalidPathException too
            problem.setText(e.getMessage());
        }
        open.setDisable(chosen == null);
    }

    /** Asks; empty when the user cancels. */
    static Optional<StoreLocation> ask(Window owner, StoreLocation current) {
        return new OpenStoreDialog(owner, current).showAndWait();
    }
}
