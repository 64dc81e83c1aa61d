package org.rareearth.dashboard.desktop.data;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.rareearth.dashboard.desktop.common.DropDowns;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Add or edit one record. Every field is checked as the user types, with the reason next to the field, and Save
 * stays disabled while anything is wrong. If saving fails (store locked, disk full) the form stays open with the
 * input intact and says why.
 *
 * <p>One form serves every record of its kind ({@link #load} fills it before each opening). Making the dialog, its
 * controls and their skins, and styling them, held the FX thread 60-90 ms at every opening of the event form; kept,
 * an opening costs its window and the new values (BENCHMARKS.md). The Data view also gets a form ready before its
 * first opening, a few fields at a time ({@link #prepareStep}).
 */
final class RecordForm<T> extends Dialog<T> {
    private final RecordKind<T> kind;
    private final RecordEditor editor;
    /** What the form checks against as the user types; a save checks against the store again. */
    private RecordEditor.Context known = RecordEditor.Context.EMPTY;
    /** The record being edited, or null when one is added. */
    private T old;
    private final ScrollPane scroll;
    /** True while {@link #load} sets the controls: the form is checked once, when all are set. */
    private boolean filling;
    private final Map<String, Node> controls = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Label message = new Label();
    private final Button save;
    private final GridPane grid = new GridPane();
    /** Each field's label, control and error line, put in the grid by {@link #attach} (all of them before opening). */
    private final List<Node[]> rows = new ArrayList<>();
    /** How many of {@link #rows} are in the grid. */
    private int attached;

    RecordForm(Window owner, RecordKind<T> kind, RecordEditor editor) {
        this.kind = kind;
        this.editor = editor;
        initOwner(owner);
        setResizable(true);
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Field f : kind.fields(RecordEditor.Context.EMPTY)) {
            Node c = control(f);
            c.setId("field-" + f.name());
            controls.put(f.name(), c);
            Label l = new Label(f.label() + (f.required() ? " *" : ""));
            l.setLabelFor(c);
            l.setMinWidth(Region.USE_PREF_SIZE);
            Label err = new Label();
            err.getStyleClass().add("field-error");
            err.setId("error-" + f.name());
            err.setWrapText(true);
            err.setMaxWidth(420);
            errors.put(f.name(), err);
            rows.add(new Node[] {l, c, err});
            row += 2;
        }
        message.getStyleClass().add("warning-text");
        message.setWrapText(true);
        message.setId("form-message");
        scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(620, row * 22 + 40));
        getDialogPane().setContent(new VBox(6, scroll, message));
        getDialogPane().setPrefWidth(620);
        ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("form-save");
        Tips.set(save, "Save the record to the store (Enter); Ctrl+Z undoes it");
        Tips.set(getDialogPane().lookupButton(ButtonType.CANCEL), "Close without saving (Esc)");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (built == null) {
                e.consume(); // the form stays open while the record is saved, and with the user's input if it fails
                startSave();
            }
        });
        setResultConverter(b -> b == saveType ? built : null);
        Node first = controls.values().iterator().next();
        setOnShown(e -> javafx.application.Platform.runLater(first::requestFocus));
    }

    /** Fields styled in one step of {@link #prepareStep}: a few milliseconds each once the JVM is warm. */
    private static final int FIELDS_A_STEP = 2;

    /**
     * One step of getting the form ready before its first opening, for a caller that runs each step as its own FX
     * event: the first styles the dialog's frame (header, buttons, scroll pane), each later one puts the next few
     * fields in the grid and styles them (their controls' skins made). Made and styled in one go, the event form held
     * the FX thread 100-200 ms at its first opening (BENCHMARKS.md); in steps, no event holds it long, and an
     * opening finds the work done. Returns true while steps remain; false once all are done, the form is open (its
     * opening did the rest), or its window has closed.
     */
    boolean prepareStep() {
        if (isShowing() || getOwner() == null || !getOwner().isShowing()) {
            return false;
        }
        boolean first = !isDressed();
        if (first) {
            org.rareearth.dashboard.desktop.common.Theme.dress(this);
        } else {
            attach(Math.min(rows.size(), attached + FIELDS_A_STEP));
        }
        getDialogPane().applyCss();
        return attached < rows.size();
    }

    /** True when every field is in the grid (its opening then only fills and shows it). */
    boolean prepared() {
        return attached == rows.size() && isDressed();
    }

    private boolean isDressed() {
        return getDialogPane().getStylesheets().equals(org.rareearth.dashboard.desktop.common.Theme.current()
                .stylesheets());
    }

    /** Puts rows up to {@code upTo} (exclusive) in the grid: label, control, and the error line under it. */
    private void attach(int upTo) {
        for (; attached < upTo; attached++) {
            Node[] r = rows.get(attached);
            grid.add(r[0], 0, 2 * attached);
            grid.add(r[1], 1, 2 * attached);
            grid.add(r[2], 1, 2 * attached + 1);
        }
    }

    /**
     * Fills the form for one record: {@code old} to edit it, or null to add one starting from {@code initial}. The
     * same form serves every record of its kind, one at a time: nothing of the record it showed before stays (its
     * values, marks, messages, the fields the user touched, the scroll position), and its choices are read again
     * from {@code known}. Returns the form, ready for {@link #showAndWait()}.
     */
    RecordForm<T> load(T old, Map<String, Object> initial, RecordEditor.Context known) {
        if (isShowing()) {
            throw new IllegalStateException("the form is open");
        }
        this.old = old;
        this.known = known;
        setTitle(old == null ? "Add " + kind.name : "Edit " + kind.name);
        setHeaderText(old == null ? "New " + kind.name : "Edit " + RecordEditor.describe(old));
        if (!isDressed()) {
            org.rareearth.dashboard.desktop.common.Theme.dress(this); // the first time, or the theme changed since
        }
        attach(rows.size()); // the fields not yet put in by prepareStep
        Map<String, Object> values = old != null ? kind.values(old) : initial;
        start = null;
        filling = true;
        try {
            for (Field f : kind.fields(known)) {
                fill(f, controls.get(f.name()), values.get(f.name()));
            }
        } finally {
            filling = false;
        }
        touched.clear();
        built = null;
        saving = false;
        save.setDisable(false);
        setResult(null);
        scroll.setVvalue(0);
        start = read(new LinkedHashMap<>());
        validate();
        return this;
    }

    private T built;
    /** The values the form opened with: a new record's untouched fields do not shout "missing" yet. */
    private Map<String, Object> start;
    private final java.util.Set<String> touched = new java.util.HashSet<>();

    /** The control of one field, empty; {@link #fill} gives it a record's value. */
    private Node control(Field f) {
        Node n;
        switch (f.type()) {
            case AREA -> {
                TextArea a = new TextArea();
                a.setPrefRowCount(2);
                a.setWrapText(true);
                a.textProperty().addListener((o, x, y) -> validate());
                n = a;
            }
            case DATE -> {
                DatePicker p = new DatePicker();
                p.setEditable(true);
                p.setPromptText("yyyy-mm-dd");
                p.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(LocalDate d) {
                        return d == null ? "" : d.toString();
                    }

                    @Override
                    public LocalDate fromString(String s) {
                        try {
                            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
                        } catch (DateTimeParseException e) {
                            return null;
                        }
                    }
                });
                p.valueProperty().addListener((o, x, y) -> validate());
                p.getEditor().textProperty().addListener((o, x, y) -> validate());
                n = p;
            }
            case BOOL -> {
                CheckBox c = new CheckBox();
                c.selectedProperty().addListener((o, x, y) -> validate());
                n = c;
            }
            case CHOICE, EDITABLE_CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.setEditable(f.type() == Field.Type.EDITABLE_CHOICE);
                c.valueProperty().addListener((o, x, y) -> validate());
                if (c.isEditable()) {
                    c.getEditor().textProperty().addListener((o, x, y) -> validate());
                }
                c.setMaxWidth(Double.MAX_VALUE);
                DropDowns.measureFewRows(c);
                n = c;
            }
            case MULTI -> {
                CheckComboBox<String> c = new CheckComboBox<>();
                c.setTitle("choose…");
                DropDowns.measureFewRows(c); // "Acts on" lists every event
                c.setShowCheckedCount(true);
                c.getCheckModel().getCheckedItems().addListener(
                        (javafx.collections.ListChangeListener<String>) ch -> validate());
                TextField more = new TextField();
                more.setPromptText("other materials, comma-separated");
                more.setId("field-" + f.name() + "-more");
                Tips.set(c, f.tip());
                Tips.set(more, "Materials not in the list, separated by commas");
                more.textProperty().addListener((o, x, y) -> validate());
                VBox box = new VBox(4, c, more);
                box.setUserData(new Object[] {c, more});
                n = box;
            }
            default -> {
                TextField t = new TextField();
                t.textProperty().addListener((o, x, y) -> validate());
                n = t;
            }
        }
        if (n instanceof javafx.scene.control.Control c) {
            Tips.set(c, f.tip());
        }
        return n;
    }

    /** Sets a field's control to a record's value (null: empty), with the field's choices as of now. */
    private void fill(Field f, Node n, Object value) {
        switch (f.type()) {
            case DATE -> {
                DatePicker p = (DatePicker) n;
                p.setValue(value instanceof LocalDate d ? d : null);
                // What the user typed last time stays in the editor when the value itself does not change.
                p.getEditor().setText(p.getConverter().toString(p.getValue()));
            }
            case BOOL -> ((CheckBox) n).setSelected(Boolean.TRUE.equals(value));
            case CHOICE, EDITABLE_CHOICE -> {
                @SuppressWarnings("unchecked")
                ComboBox<String> c = (ComboBox<String>) n;
                List<String> choices = f.choices().get();
                if (!c.getItems().equals(choices)) {
                    c.getItems().setAll(choices);
                }
                c.setValue(value == null ? null : value.toString());
                if (c.isEditable()) {
                    c.getEditor().setText(value == null ? "" : value.toString());
                }
            }
            case MULTI -> {
                Object[] parts = (Object[]) n.getUserData();
                @SuppressWarnings("unchecked")
                CheckComboBox<String> c = (CheckComboBox<String>) parts[0];
                List<String> items = new ArrayList<>(f.choices().get());
                if (value instanceof List<?> l) {
                    l.stream().map(Object::toString).filter(x -> !items.contains(x)).forEach(items::add);
                }
                c.getCheckModel().clearChecks();
                if (!c.getItems().equals(items)) {
                    c.getItems().setAll(items);
                }
                if (value instanceof List<?> l) {
                    l.forEach(x -> c.getCheckModel().check(x.toString()));
                }
                ((TextField) parts[1]).setText("");
            }
            default -> ((TextInputControl) n).setText(value == null ? ""
                    : value instanceof Double d ? org.rareearth.dashboard.desktop.common.Formats.number(d)
                    : value.toString());
        }
    }

    /** Reads every control; a value that cannot be read is reported against its field. */
    private Map<String, Object> read(Map<String, String> problems) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Field f : kind.fields(known)) {
            Node n = controls.get(f.name());
            switch (f.type()) {
                case DATE -> {
                    DatePicker p = (DatePicker) n;
                    String text = p.getEditor().getText();
                    if (text != null && !text.isBlank()) {
                        try {
                            v.put(f.name(), LocalDate.parse(text.trim()));
                        } catch (DateTimeParseException e) {
                            problems.put(f.name(), "'" + text.trim() + "' is not a real date (yyyy-mm-dd)");
                        }
                    } else if (f.required()) {
                        problems.put(f.name(), "missing date");
                    }
                }
                case NUMBER -> {
                    String text = ((TextInputControl) n).getText().trim().replace(",", "");
                    if (!text.isEmpty()) {
                        try {
                            double d = Double.parseDouble(text);
                            if (!Double.isFinite(d)) {
                                throw new NumberFormatException();
                            }
                            v.put(f.name(), d);
                        } catch (NumberFormatException e) {
                            problems.put(f.name(), "'" + text + "' is not a number");
                        }
                    } else if (f.required()) {
                        problems.put(f.name(), "missing");
                    }
                }
                case BOOL -> v.put(f.name(), ((CheckBox) n).isSelected());
                case CHOICE, EDITABLE_CHOICE -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> c = (ComboBox<String>) n;
                    v.put(f.name(), c.isEditable() ? c.getEditor().getText() : c.getValue());
                }
                case MULTI -> {
                    Object[] parts = (Object[]) n.getUserData();
                    @SuppressWarnings("unchecked")
                    CheckComboBox<String> c = (CheckComboBox<String>) parts[0];
                    List<String> all = new ArrayList<>(c.getCheckModel().getCheckedItems());
                    for (String m : ((TextField) parts[1]).getText().split(",")) {
                        if (!m.isBlank() && !all.contains(m.trim())) {
                            all.add(m.trim());
                        }
                    }
                    v.put(f.name(), all);
                }
                default -> v.put(f.name(), ((TextInputControl) n).getText());
            }
        }
        return v;
    }

    /** Checks everything and shows each reason next to its field; returns the record when it can be saved. */
    T validate() {
        if (save == null || filling) {
            return null;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> v = read(problems);
        // What could not even be read (a date that does not exist, a number with letters) always shows.
        java.util.Set<String> unreadable = java.util.Set.copyOf(problems.keySet());
        T record = null;
        try {
            record = kind.build(v);
            for (Map.Entry<String, String> e : RecordEditor.check(record, old, known).entrySet()) {
                problems.putIfAbsent(e.getKey(), e.getValue());
            }
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent("", e.getMessage());
        }
        int untouched = 0;
        for (Map.Entry<String, Label> en : errors.entrySet()) {
            String name = en.getKey();
            String p = problems.get(name);
            // Editing a stored record shows every problem; a new one only those of fields already changed.
            if (start != null && !java.util.Objects.equals(v.get(name), start.get(name))) {
                touched.add(name); // once changed, a field stays touched (typed, then erased: "missing")
            }
            boolean shown = p != null && (old != null || start == null || unreadable.contains(name)
                    || touched.contains(name));
            if (p != null && !shown) {
                untouched++;
            }
            en.getValue().setText(shown ? p : "");
            Node c = controls.get(name);
            c.getStyleClass().remove("invalid");
            if (shown) {
                c.getStyleClass().add("invalid");
            }
        }
        List<String> unplaced = new ArrayList<>(problems.entrySet().stream()
                .filter(e -> !errors.containsKey(e.getKey()))
                .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + ": ") + e.getValue()).toList());
        // Every field that blocks Save is counted and named, the untouched and the invalid alike.
        List<String> blocking = new ArrayList<>();
        for (Field f : kind.fields(known)) {
            if (errors.containsKey(f.name()) && problems.containsKey(f.name())) {
                blocking.add(f.label());
            }
        }
        if (!blocking.isEmpty()) {
            unplaced.add(blocking.size() == 1 ? "Save needs 1 more field: " + blocking.get(0) + "."
                    : "Save needs " + blocking.size() + " more fields: " + String.join(", ", blocking) + "."
                    + (untouched > 0 ? " Fill in the fields marked *." : ""));
        }
        message.setText(String.join("\n", unplaced));
        save.setDisable(!problems.isEmpty());
        return problems.isEmpty() ? record : null;
    }

    /** Saves off the FX thread; once saved, the form closes with the record (Save fired again, let through). */
    private void startSave() {
        T record = validate();
        if (record == null || saving) {
            return;
        }
        saving = true;
        save.setDisable(true);
        message.setText("Saving…");
        write(() -> editor.save(old, record), record);
    }

    /** Runs a save off the FX thread: closes the form once saved, asks when someone else changed the record. */
    private void write(Runnable saveIt, T record) {
        org.rareearth.dashboard.desktop.common.Background.write(() -> {
            try {
                saveIt.run();
                return null;
            } catch (org.rareearth.dashboard.store.RecordConflict c) {
                return c;
            }
        }, conflict -> {
            saving = false;
            save.setDisable(false);
            if (conflict == null) {
                built = record;
                save.fire();
            } else {
                settle(conflict, record);
            }
        }, m -> {
            saving = false;
            validate();
            message.setText("Not saved: " + m + "\nYour input is kept; try again or cancel.");
        });
    }

    /** Someone else changed the record since the form opened: both versions, and the user's choice. */
    private void settle(org.rareearth.dashboard.store.RecordConflict conflict, T record) {
        javafx.scene.control.ButtonType choice = RecordConflictDialog.ask(getDialogPane().getScene().getWindow(),
                kind, conflict).orElse(RecordConflictDialog.KEEP_THEIRS);
        if (choice == RecordConflictDialog.OVERWRITE) {
            saving = true;
            save.setDisable(true);
            message.setText("Saving over their version…");
            write(() -> editor.overwrite(conflict), record);
            return;
        }
        if (choice == RecordConflictDialog.COPY_MINE) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(RecordEditor.datasetJson(record));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
        setResult(null);
        close();
    }

    private boolean saving;
}
