package org.rareearth.dashboard.desktop.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.rareearth.dashboard.io.CsvExport;
import org.rareearth.dashboard.desktop.common.Background;

/** The export commands of the main window: PNG, clipboard, CSV, and every chart at once. */
public final class ExportActions {
    private final Window owner;
    private final Supplier<Exportable> current;
    private final Supplier<Node> currentNode;
    private final Consumer<String> status;
    private final Consumer<String> error;
    private final AfterRead afterRead;

    /** How an export waits for the view in front to have read the store. */
    @FunctionalInterface
    public interface AfterRead {
        /**
         * Runs {@code export} once the view in front shows what the store holds, or, if its read failed, tells
         * {@code failed} why (the read's message) and never runs it.
         */
        void then(Runnable export, Consumer<String> failed);
    }

    /**
     * {@code current} is the view in front if it has a chart (else null), {@code currentNode} its node, and
     * {@code afterRead} runs an export once that view shows what the store holds: an export asked for while its read
     * is under way waits for it, rather than finding no figures and reading the store itself on the FX thread, and
     * a view whose read failed exports nothing (its chart would show no records, as if the store had none).
     */
    public ExportActions(Window owner, Supplier<Exportable> current, Supplier<Node> currentNode,
                         Consumer<String> status, Consumer<String> error, AfterRead afterRead) {
        this.owner = owner;
        this.current = current;
        this.currentNode = currentNode;
        this.status = status;
        this.error = error;
        this.afterRead = afterRead;
    }

    /** Runs {@code export} once the view has read; a failed read is reported instead. */
    private void whenRead(Runnable export) {
        afterRead.then(export, problem -> error.accept("Nothing was exported. " + problem));
    }

    private Exportable exportable() {
        Exportable e = current.get();
        if (e == null) {
            error.accept("This view has no chart to export. Open the dashboard, stock reactions, price-support gap,"
                    + " export-restriction timeline or supply chain view.");
        }
        return e;
    }

    /** "Export PNG…": the dialog, a file, then rendering and writing off the FX thread. */
    public void exportPng() {
        Exportable e = exportable();
        if (e != null) {
            whenRead(() -> exportPng(e));
        }
    }

    private void exportPng(Exportable e) {
        ExportSpec spec = e.exportSpec();
        Bounds b = currentNode.get().getLayoutBounds();
        new ExportDialog(owner, spec, b.getWidth(), b.getHeight()).showAndWait().ifPresent(options -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export PNG");
            fc.setInitialDirectory(existing(ExportDialog.lastFolder()));
            fc.setInitialFileName(spec.key() + ".png");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File f = fc.showSaveDialog(owner);
            if (f == null) {
                return;
            }
            Path target = f.toPath().toString().toLowerCase().endsWith(".png") ? f.toPath()
                    : Path.of(f.getPath() + ".png");
            ExportDialog.rememberFolder(target.getParent());
            Task<Path> task = new Task<>() {
                @Override
                protected Path call() throws Exception {
                    ChartExporter.renderSettled(spec, options).writePng(target);
                    return target;
                }
            };
            task.setOnSucceeded(ev -> status.accept("Exported " + target + " (" + options.pixelWidth() + "×"
                    + options.pixelHeight() + " px)"));
            task.setOnFailed(ev -> error.accept("The PNG was not written; any existing file is unchanged. "
                    + task.getException().getMessage()));
            Background.run(task);
        });
    }

    /** "Copy image": the chart at its current size, scale 1, onto the clipboard. */
    public void copyImage() {
        Exportable e = exportable();
        if (e != null) {
            whenRead(() -> copyImage(e));
        }
    }

    private void copyImage(Exportable e) {
        ExportSpec spec = e.exportSpec();
        Bounds b = currentNode.get().getLayoutBounds();
        ExportOptions o = new ExportOptions((int) Math.max(200, b.getWidth()), (int) Math.max(150, b.getHeight()),
                1, ExportOptions.Theme.LIGHT, null, null, null);
        Task<ChartExporter.Pixels> task = new Task<>() {
            @Override
            protected ChartExporter.Pixels call() {
                return ChartExporter.renderSettled(spec, o);
            }
        };
        task.setOnSucceeded(ev -> {
            ChartExporter.Pixels px = task.getValue();
            WritableImage img = new WritableImage(px.width(), px.height());
            img.getPixelWriter().setPixels(0, 0, px.width(), px.height(), PixelFormat.getIntArgbInstance(),
                    px.argb(), 0, px.width());
            ClipboardContent content = new ClipboardContent();
            content.putImage(img);
            Clipboard.getSystemClipboard().setContent(content);
            status.accept("Copied the chart to the clipboard (" + px.width() + "×" + px.height() + " px)");
        });
        task.setOnFailed(ev -> error.accept("The chart could not be copied: " + task.getException().getMessage()));
        Background.run(task);
    }

    /** "Export data (CSV)…": the series behind the chart, formulas neutralised. */
    public void exportData() {
        Exportable e = exportable();
        if (e != null) {
            whenRead(() -> exportData(e));
        }
    }

    private void exportData(Exportable e) {
        ExportSpec spec = e.exportSpec();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export data");
        fc.setInitialDirectory(existing(ExportDialog.lastFolder()));
        fc.setInitialFileName(spec.key() + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        try {
            CsvExport.write(f.toPath(), spec.csvHeader(), spec.csvRows());
            ExportDialog.rememberFolder(f.toPath().toAbsolutePath().getParent());
            status.accept("Exported " + spec.csvRows().size() + " rows to " + f);
        } catch (Exception ex) {
            error.accept("The CSV was not written; any existing file is unchanged. " + ex.getMessage());
        }
    }

    /** "Export all charts…": every chart as PNG and CSV into one folder, with progress. */
    public void exportAll(List<Exportable> all) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export all charts to a folder");
        dc.setInitialDirectory(existing(ExportDialog.lastFolder()));
        File dir = dc.showDialog(owner);
        if (dir == null) {
            return;
        }
        ExportDialog.rememberFolder(dir.toPath());
        List<ExportSpec> specs = all.stream().map(Exportable::exportSpec).toList();
        ExportOptions o = new ExportOptions(1600, 900, 2, ExportOptions.Theme.LIGHT, null, null, null);
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws Exception {
                int n = 0;
                for (ExportSpec s : specs) {
                    if (isCancelled()) {
                        break;
                    }
                    updateMessage("Exporting " + s.key() + "…");
                    ChartExporter.renderSettled(s, o).writePng(dir.toPath().resolve(s.key() + ".png"));
                    CsvExport.write(dir.toPath().resolve(s.key() + ".csv"), s.csvHeader(), s.csvRows());
                    updateProgress(++n, specs.size());
                }
                return n;
            }
        };
        javafx.scene.control.Dialog<Void> progress = progressDialog(task, "Export all charts",
                "Writing every chart to " + dir);
        task.setOnSucceeded(ev -> {
            progress.close();
            status.accept("Exported " + task.getValue() + " charts (PNG and CSV) to " + dir);
        });
        task.setOnFailed(ev -> {
            progress.close();
            error.accept("Export stopped: " + task.getException().getMessage());
        });
        task.setOnCancelled(ev -> {
            progress.close();
            status.accept("Export cancelled: the charts written before it stay in " + dir + " (each one whole)");
        });
        progress.show();
        Background.run(task);
    }

    /** A window with the task's message, its progress and a Cancel button that stops it. */
    private javafx.scene.control.Dialog<Void> progressDialog(Task<?> task, String title, String header) {
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        org.rareearth.dashboard.desktop.common.Theme.dress(d);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("export-all-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        javafx.scene.control.Label message = new javafx.scene.control.Label();
        message.textProperty().bind(task.messageProperty());
        d.getDialogPane().setContent(new javafx.scene.layout.VBox(8, message, bar));
        d.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.control.Button cancel = (javafx.scene.control.Button) d.getDialogPane()
                .lookupButton(javafx.scene.control.ButtonType.CANCEL);
        cancel.setId("export-all-cancel");
        cancel.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            task.cancel();
        });
        // Closing the window asks to stop too; it closes once the task has.
        d.setOnCloseRequest(e -> {
            if (task.isRunning()) {
                task.cancel();
                e.consume();
            }
        });
        return d;
    }

    private static File existing(Path p) {
        File f = p.toFile();
        return f.isDirectory() ? f : new File(System.getProperty("user.home"));
    }
}
