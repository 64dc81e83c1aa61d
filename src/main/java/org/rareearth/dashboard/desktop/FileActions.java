package org.rareearth.dashboard.desktop;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.common.Background;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.service.Workspace;

/**
 * The File menu's work on files: import prices and datasets, export, back up and restore, each with its dialogs;
 * the store and file work runs off the FX thread, the status bar saying what is under way.
 */
final class FileActions {
    private final Stage stage;
    private final Workspace services;
    private final java.util.function.Consumer<String> status;
    private final ErrorReporter errors;
    private final java.util.function.Supplier<String> readOnly;

    /** {@code readOnly} says why this user may not write to the store (imports and restore are then refused), or null. */
    FileActions(Stage stage, Workspace services, java.util.function.Consumer<String> status, ErrorReporter errors,
                java.util.function.Supplier<String> readOnly) {
        this.stage = stage;
        this.services = services;
        this.status = status;
        this.errors = errors;
        this.readOnly = readOnly;
    }

    /** True, after saying why, when this user may not write to the store. */
    private boolean refusedAsReadOnly(String what) {
        String reason = readOnly.get();
        if (reason != null) {
            errors.report(what, reason);
            return true;
        }
        return false;
    }

    /** Asks for a CSV file and opens the import dialog on it; {@code symbol} preselects the security. */
    void importPrices(String symbol) {
        if (refusedAsReadOnly("Nothing can be imported")) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(symbol == null ? "Import daily prices" : "Import daily prices for " + symbol);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            importPrices(f.toPath(), symbol);
        }
    }

    /** Opens the import dialog on a file. */
    void importPrices(Path file, String symbol) {
        if (refusedAsReadOnly("Nothing can be imported")) {
            return;
        }
        Background.write(() -> org.rareearth.dashboard.desktop.prices.PriceImportDialog.Opening.read(services, file),
                opening -> importPrices(file, symbol, opening), m -> errors.report("The file cannot be imported", m));
    }

    private void importPrices(Path file, String symbol,
                              org.rareearth.dashboard.desktop.prices.PriceImportDialog.Opening opening) {
        org.rareearth.dashboard.desktop.prices.PriceImportDialog dialog;
        try {
            dialog = new org.rareearth.dashboard.desktop.prices.PriceImportDialog(stage, services, file, symbol,
                    opening);
        } catch (RuntimeException ex) {
            errors.report("The file cannot be imported", ex.getMessage());
            return;
        }
        dialog.showAndWait().ifPresent(r -> {
            status.accept(String.format("Imported %s: %d rows, %d new, %d updated, %d rejected", file.getFileName(),
                    r.rows(), r.inserted(), r.updated(), r.skipped().size()));
        });
    }

    void backupStore() {
        if (services.store().isPostgres()) {
            backupAsDataset();
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Back up the store");
        fc.setInitialFileName(services.store().path().getFileName().toString().replace(".db", "")
                + "-backup-" + org.rareearth.dashboard.service.AppClock.today() + ".db");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stores", "*.db"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            status.accept("Backing up the store to " + f + "…");
            Background.write(() -> {
                services.store().backupTo(f.toPath());
                return f;
            }, done -> status.accept("Backed up the store to " + f),
                    m -> errors.report("The backup was not written", m));
        }
    }

    /** A PostgreSQL store's backup is its whole record as a dataset JSON (the server keeps its own backups). */
    private void backupAsDataset() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Back up the team store as a dataset");
        fc.setInitialFileName(services.store().location().name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-backup-"
                + org.rareearth.dashboard.service.AppClock.today() + ".json");
        writeDataset(fc, "Backing up the store to ", "Backed up the store to %s as a dataset JSON (File > Import"
                + " dataset brings it back)", "The backup was not written");
    }

    /** Asks where with {@code fc}, then writes the whole store there as a dataset JSON off the FX thread. */
    private void writeDataset(FileChooser fc, String doing, String done, String failed) {
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dataset JSON", "*.json"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            status.accept(doing + f + "…");
            Background.write(() -> {
                services.exportDataset(f.toPath());
                return f;
            }, written -> status.accept(String.format(done, f)), m -> errors.report(failed, m));
        }
    }

    void restoreStore() {
        if (services.store().isPostgres()) {
            errors.report("A team store is not restored from a store file", services.store().location().display()
                    + " is a PostgreSQL database. Its server keeps its own backups; a dataset backup of it comes"
                    + " back with File > Import dataset.");
            return;
        }
        if (refusedAsReadOnly("Nothing can be restored")) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Restore the store from a backup");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stores", "*.db"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Replace everything in " + services.store().path()
                + " with " + f + "? The current content is kept in the backups folder first.", ButtonType.OK,
                ButtonType.CANCEL);
        Theme.dress(a);
        a.initOwner(stage);
        if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        status.accept("Restoring from " + f + "…");
        Background.write(() -> services.store().restoreFrom(f.toPath()),
                safety -> status.accept("Restored from " + f + "; the previous content is in " + safety),
                m -> errors.report("Nothing was restored", m));
    }

    void exportDataset() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export dataset");
        fc.setInitialFileName("rare-earth-dataset.json");
        writeDataset(fc, "Exporting the dataset to ", "Exported the dataset to %s", "The dataset could not be exported");
    }

    void importDataset() {
        if (refusedAsReadOnly("Nothing can be imported")) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Import dataset");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dataset JSON", "*.json"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            status.accept("Importing " + p + "…");
            Background.write(() -> {
                services.importDataset(p, false);
                return p;
            }, done -> status.accept("Imported " + p),
                    m -> errors.report("The dataset was not imported; the store is unchanged", m));
        }
    }
}
