package org.rareearth.dashboard.desktop.prices;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rareearth.dashboard.service.PriceImportService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.prices.PriceCsv;
import org.rareearth.dashboard.io.prices.PriceCsvReader;
import org.rareearth.dashboard.io.prices.PriceCsv.Role;
import org.rareearth.dashboard.desktop.common.Background;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Price import with a preview: the first rows as parsed, the column mapping, date format, delimiter and decimal
 * separator (all correctable), the security (chosen or created), then the import with progress and Cancel.
 */
public final class PriceImportDialog extends Dialog<PriceImportService.Result> {
    private static final String NONE = "(none)";
    static final int PREVIEW_ROWS = 20;

    private final Workspace services;
    private final Path file;
    private final PriceImportService.Head head;
    private final Map<Role, ComboBox<String>> mapping = new EnumMap<>(Role.class);
    private final ComboBox<String> dateFormat = new ComboBox<>();
    private final ChoiceBox<String> delimiter = new ChoiceBox<>(FXCollections.observableArrayList(
            Opening.DELIMITERS.stream().map(PriceImportDialog::delimiterName).toList()));
    private final ChoiceBox<String> decimal = new ChoiceBox<>(FXCollections.observableArrayList(".", ","));
    private final ComboBox<String> symbol = new ComboBox<>();
    private final TextField newExchange = new TextField();
    private final TextField newCurrency = new TextField("USD");
    private final CheckBox skipBad = new CheckBox("Skip bad rows (import the good ones and list the rest)");

    /**
     * The importer's messages name the command line's options; here they name the dialog's controls instead.
     */
    static String inDialogWords(String message) {
        if (message == null) {
            return "";
        }
        return message.replace("(use --skip-bad-rows to import the good rows)",
                        "(tick \u201cSkip bad rows\u201d to import the good rows)")
                .replace("or import with --create", "or type a new symbol in Security above to create it")
                .replace("(--symbol SYM)", "(pick it under Security)");
    }
    private final TableView<PriceCsv.Row> preview = Tables.table("No rows to preview.");
    private final Label layout = new Label();
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancelImport = new Button("Cancel import");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private PriceCsv.Format format;
    private Task<PriceImportService.Result> running;

    /** What the dialog opens with, read off the FX thread: the file's first records and the stored securities. */
    public record Opening(PriceImportService.Head head, List<String> symbols,
                          Map<Character, PriceImportService.Preview> previews) {
        /** The delimiters the dialog offers; the preview for each is read here, so choosing one reads no file. */
        static final List<Character> DELIMITERS = List.of(',', ';', '\t');

        public static Opening read(Workspace services, Path file) {
            PriceImportService.Head head = PriceImportService.head(file, PREVIEW_ROWS);
            Map<Character, PriceImportService.Preview> previews = new java.util.HashMap<>();
            for (char d : DELIMITERS) {
                previews.put(d, PriceImportService.preview(file, d, PREVIEW_ROWS));
            }
            return new Opening(head, services.securities.all().stream().map(Security::symbol).toList(),
                    Map.copyOf(previews));
        }
    }

    /** Reads what it opens with itself (on the calling thread). */
    public PriceImportDialog(Window owner, Workspace services, Path file, String preferredSymbol) {
        this(owner, services, file, preferredSymbol, Opening.read(services, file));
    }

    public PriceImportDialog(Window owner, Workspace services, Path file, String preferredSymbol, Opening opening) {
        this.services = services;
        this.file = file;
        initOwner(owner);
        setTitle("Import daily prices");
        setHeaderText("Import " + file.getFileName());
        setResizable(true);
        org.rareearth.dashboard.desktop.common.Theme.dress(this);
        this.head = opening.head();
        this.previews = opening.previews();
        PriceCsv.Format detected;
        try {
            detected = PriceCsv.detect(head.delimiter(), head.header(), head.rows());
        } catch (DataFileException e) {
            // Nothing recognised: start from the first columns and let the user map them.
            char d = head.delimiter();
            List<String> header = head.header();
            Map<Role, Integer> cols = new EnumMap<>(Role.class);
            cols.put(Role.DATE, 0);
            cols.put(Role.CLOSE, Math.min(1, header.size() - 1));
            detected = new PriceCsv.Format(d, d == ';' ? ',' : '.', PriceCsv.DATE_PATTERNS.get(0), cols, header,
                    "not recognised: " + e.getMessage());
        }
        this.format = detected;

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (Role r : Role.values()) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("map-" + r.name().toLowerCase(Locale.ROOT));
            Tips.set(box, "Which column holds " + PriceCsv.label(r).toLowerCase(Locale.ROOT));
            mapping.put(r, box);
            box.valueProperty().addListener((o, a, b) -> reparse());
            grid.add(new Label(PriceCsv.label(r) + ":"), (row % 4) * 2, row / 4);
            grid.add(box, (row % 4) * 2 + 1, row / 4);
            row++;
        }
        dateFormat.setEditable(true);
        dateFormat.setId("date-format");
        dateFormat.getItems().setAll(PriceCsv.DATE_PATTERNS.stream().map(p -> p.replace("uuuu", "yyyy")
                .replace("uu", "yy")).toList());
        Tips.set(dateFormat, "How dates are written, e.g. yyyy-MM-dd, M/d/yyyy, MMM d, yyyy");
        dateFormat.valueProperty().addListener((o, a, b) -> reparse());
        delimiter.setId("delimiter");
        Tips.set(delimiter, "The character between columns");
        delimiter.valueProperty().addListener((o, a, b) -> {
            fillColumns();
            reparse();
        });
        decimal.setId("decimal");
        Tips.set(decimal, "The decimal separator of prices");
        decimal.valueProperty().addListener((o, a, b) -> reparse());
        HBox formatRow = new HBox(8, new Label("Delimiter:"), delimiter, new Label("Decimal separator:"), decimal,
                new Label("Date format:"), dateFormat);
        formatRow.setAlignment(Pos.CENTER_LEFT);

        symbol.setEditable(true);
        symbol.setId("import-symbol");
        symbol.setPromptText("symbol, e.g. MP");
        symbol.getItems().setAll(opening.symbols());
        Tips.set(symbol, "The security these prices are for; type a new symbol to add it");
        if (preferredSymbol != null) {
            symbol.setValue(preferredSymbol);
        } else {
            // "MP.csv" or "mp_daily.csv": the file is probably for MP.
            String stem = file.getFileName().toString().split("[^A-Za-z0-9^]")[0].toUpperCase(Locale.ROOT);
            if (symbol.getItems().contains(stem)) {
                symbol.setValue(stem);
            }
        }
        newExchange.setPromptText("exchange, e.g. NYSE");
        newExchange.setId("new-exchange");
        newCurrency.setId("new-currency");
        newExchange.setPrefColumnCount(8);
        newCurrency.setPrefColumnCount(4);
        Label newLabel = new Label("New security — exchange:");
        HBox newBox = new HBox(6, newLabel, newExchange, new Label("currency:"), newCurrency);
        newBox.setAlignment(Pos.CENTER_LEFT);
        newBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> isNewSymbol(),
                symbol.valueProperty(), symbol.getEditor().textProperty()));
        newBox.managedProperty().bind(newBox.visibleProperty());
        HBox symbolRow = new HBox(8, new Label("Security:"), symbol, newBox);
        symbolRow.setAlignment(Pos.CENTER_LEFT);
        skipBad.setId("skip-bad-rows");
        Tips.set(skipBad, "Off: one bad row stops the import and nothing is written."
                + " On: the good rows are imported and the bad ones listed with their line and column");

        preview.setId("import-preview");
        preview.setPrefHeight(300);
        preview.getColumns().setAll(List.of(
                Tables.column("Line", PriceCsv.Row::line, 50),
                Tables.column("Symbol", PriceCsv.Row::symbol, 70),
                Tables.column("Date", PriceCsv.Row::date, 95),
                Tables.column("Open", PriceCsv.Row::open, 75),
                Tables.column("High", PriceCsv.Row::high, 75),
                Tables.column("Low", PriceCsv.Row::low, 75),
                Tables.column("Close", PriceCsv.Row::close, 75),
                Tables.column("Adj close", PriceCsv.Row::adjClose, 75),
                Tables.column("Volume", PriceCsv.Row::volume, 90),
                Tables.column("Problem", r -> r.problem() == null ? (r.isBlank() ? "no price (skipped)" : "")
                        : r.problem().toString().replaceFirst("^line \\d+, ", ""), 300)));
        layout.setWrapText(true);
        message.setWrapText(true);
        message.setId("import-message");
        message.getStyleClass().add("warning-text");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        cancelImport.setVisible(false);
        cancelImport.setId("cancel-import");
        cancelImport.setOnAction(e -> cancelled.set(true));
        HBox progressRow = new HBox(8, progress, cancelImport);
        HBox.setHgrow(progress, javafx.scene.layout.Priority.ALWAYS);
        progress.setId("import-progress");

        VBox content = new VBox(8, layout, formatRow, grid, symbolRow, skipBad,
                new Label("First rows as they will be read:"), preview, message, progressRow);
        content.setPadding(new Insets(8));
        content.setPrefWidth(980);
        getDialogPane().setContent(content);
        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(importType, ButtonType.CANCEL);
        Button importButton = (Button) getDialogPane().lookupButton(importType);
        importButton.setId("do-import");
        Tips.set(importButton, "Import every row in one transaction: all or nothing");
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open while the import runs
            startImport();
        });
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> running != null
                || (!format.isLong() && symbolText().isEmpty()), symbol.valueProperty(),
                symbol.getEditor().textProperty(), progress.visibleProperty()));
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.disableProperty().bind(progress.visibleProperty());
        Tips.set(cancel, "Close without importing (Esc)");
        setResultConverter(b -> null);

        applyFormatToControls();
        reparse();
    }

    private String symbolText() {
        String t = symbol.isEditable() ? symbol.getEditor().getText() : symbol.getValue();
        if ((t == null || t.isBlank()) && symbol.getValue() != null) {
            t = symbol.getValue();
        }
        return t == null ? "" : t.trim();
    }

    private boolean isNewSymbol() {
        String s = symbolText();
        return !format.isLong() && !s.isEmpty() && !symbol.getItems().contains(s);
    }

    /** How the delimiter choice names a delimiter: a tab by its name, the others as themselves. */
    private static String delimiterName(char d) {
        return d == '\t' ? "tab" : String.valueOf(d);
    }

    private char delimiterChar() {
        String d = delimiter.getValue();
        return "tab".equals(d) ? '\t' : d == null ? ',' : d.charAt(0);
    }

    private boolean applying;

    private void applyFormatToControls() {
        applying = true;
        try {
            delimiter.setValue(delimiterName(format.delimiter()));
            decimal.setValue(String.valueOf(format.decimal()));
            dateFormat.setValue(format.datePattern().replace("uuuu", "yyyy").replace("uu", "yy"));
            fillColumns();
        } finally {
            applying = false;
        }
    }

    /** The preview's records by delimiter, read with the opening (off the FX thread). */
    private final Map<Character, PriceImportService.Preview> previews;

    /**
     * The header's cells with the chosen delimiter, as the preview (the import's tokenizer) read them; a header that
     * cannot be read with it is the detected header's cells.
     */
    private List<String> headerCells() {
        return previews.get(delimiterChar()).records().stream()
                .filter(r -> java.util.Arrays.stream(r.cells()).anyMatch(c -> !c.isBlank()))
                .findFirst().map(r -> List.of(r.cells())).orElse(head.header());
    }

    private void fillColumns() {
        List<String> header = headerCells();
        boolean was = applying;
        applying = true;
        try {
            for (Map.Entry<Role, ComboBox<String>> e : mapping.entrySet()) {
                List<String> items = new ArrayList<>();
                items.add(NONE);
                for (int i = 0; i < header.size(); i++) {
                    items.add((i + 1) + ": " + header.get(i));
                }
                e.getValue().getItems().setAll(items);
                Integer col = format.columns().get(e.getKey());
                e.getValue().setValue(col != null && col < header.size() ? items.get(col + 1) : NONE);
            }
        } finally {
            applying = was;
        }
    }

    /** Builds the format from the controls and parses the preview rows with it. */
    private void reparse() {
        if (applying || head == null) {
            return;
        }
        Map<Role, Integer> cols = new EnumMap<>(Role.class);
        mapping.forEach((r, box) -> {
            String v = box.getValue();
            if (v != null && !NONE.equals(v)) {
                cols.put(r, Integer.parseInt(v.substring(0, v.indexOf(':'))) - 1);
            }
        });
        String pattern = Objects.requireNonNullElse(dateFormat.getValue(), "yyyy-MM-dd").trim()
                .replace("yyyy", "uuuu").replace("yy", "uu");
        List<String> header = headerCells();
        char dec = decimal.getValue() == null ? '.' : decimal.getValue().charAt(0);
        format = new PriceCsv.Format(delimiterChar(), dec, pattern, cols, header, format.layout());
        layout.setText("Layout: " + format.layout() + ". Correct anything below that was read wrong.");
        message.setText("");
        if (!cols.containsKey(Role.DATE) || !cols.containsKey(Role.CLOSE)) {
            preview.getItems().clear();
            message.setText("Choose the Date and Close columns.");
            return;
        }
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            preview.getItems().clear();
            message.setText("Date format: " + e.getMessage());
            return;
        }
        // The rows as the import will read them: the same tokenizer, the same line numbers.
        PriceImportService.Preview read = previews.get(delimiterChar()); // one for every delimiter offered
        List<PriceCsv.Row> rows = new ArrayList<>();
        for (int i = 1; i < read.records().size(); i++) {
            PriceCsvReader.Record rec = read.records().get(i);
            rows.add(PriceCsv.row(rec.line(), rec.cells(), format, f, symbolText()));
        }
        preview.setItems(FXCollections.observableArrayList(rows));
        long bad = rows.stream().filter(r -> r.problem() != null).count();
        if (read.fault() != null) {
            message.setText("The file cannot be read past " + read.fault());
        } else if (bad > 0) {
            message.setText(bad + " of the first " + rows.size() + " rows cannot be read as mapped: fix the mapping,"
                    + " or tick \"Skip bad rows\".");
        }
    }

    private void startImport() {
        String sym = symbolText();
        PriceImportService.Options opt = new PriceImportService.Options(format.isLong() ? null : sym, skipBad.isSelected(),
                isNewSymbol(), newExchange.getText().isBlank() ? null : newExchange.getText().trim(),
                newCurrency.getText().isBlank() ? null : newCurrency.getText().trim().toUpperCase(Locale.ROOT),
                format);
        cancelled.set(false);
        Task<PriceImportService.Result> task = new Task<>() {
            @Override
            protected PriceImportService.Result call() {
                return PriceImportService.run(services.store(), file, opt, p -> updateProgress(p, 1), cancelled::get);
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        cancelImport.setVisible(true);
        message.setText("Importing…");
        task.setOnSucceeded(e -> {
            done();
            setResult(task.getValue());
            close();
        });
        task.setOnFailed(e -> {
            done();
            Throwable t = task.getException();
            message.setText((t instanceof java.util.concurrent.CancellationException
                    ? "Cancelled: nothing was imported." : "Nothing was imported. " + inDialogWords(t.getMessage())));
        });
        Background.run(task);
    }

    private void done() {
        running = null;
        progress.progressProperty().unbind();
        progress.setVisible(false);
        cancelImport.setVisible(false);
    }

    /** The format as the controls set it (for tests). */
    PriceCsv.Format format() {
        return format;
    }
}
