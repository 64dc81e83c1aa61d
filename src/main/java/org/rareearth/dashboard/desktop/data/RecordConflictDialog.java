package org.rareearth.dashboard.desktop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.store.RecordConflict;

/**
 * A save refused because someone else changed the record since the form opened: both versions side by side,
 * field by field (the fields that differ marked), and the choice of keeping theirs, overwriting it with mine, or
 * keeping theirs and copying mine to the clipboard as a dataset file (which File &gt; Import dataset takes back).
 * Nothing is lost whichever is chosen, and nothing is written before the choice.
 */
final class RecordConflictDialog {
    static final ButtonType KEEP_THEIRS = new ButtonType("Keep theirs", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType OVERWRITE = new ButtonType("Overwrite with mine", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType COPY_MINE = new ButtonType("Keep theirs, copy mine", ButtonBar.ButtonData.OTHER);

    private RecordConflictDialog() {}

    /** One field of the two versions. */
    record Row(String field, String mine, String theirs, boolean differs) {}

    static <T> List<Row> rows(RecordKind<T> kind, RecordConflict c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> mine = c.mine() == null ? Map.of() : kind.values((T) c.mine());
        @SuppressWarnings("unchecked")
        Map<String, Object> theirs = c.theirs() == null ? Map.of() : kind.values((T) c.theirs());
        List<Row> out = new ArrayList<>();
        for (Field f : kind.fields(RecordEditor.Context.EMPTY)) {
            String m = c.mine() == null ? "(deleted)" : text(mine.get(f.name()));
            String t = c.theirs() == null ? "(deleted)" : text(theirs.get(f.name()));
            out.add(new Row(f.label(), m, t, !Objects.equals(m, t)));
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no"; // as the Data tables show it
        }
        return v instanceof List<?> l ? String.join(", ", l.stream().map(Object::toString).toList()) : v.toString();
    }

    /** Asks; empty when the dialog was closed without a choice (which keeps theirs). */
    static <T> Optional<ButtonType> ask(Window owner, RecordKind<T> kind, RecordConflict c) {
        Alert a = new Alert(Alert.AlertType.WARNING, "", OVERWRITE, COPY_MINE, KEEP_THEIRS);
        org.rareearth.dashboard.desktop.common.Theme.dress(a);
        a.initOwner(owner);
        a.setTitle("Changed by someone else");
        a.setHeaderText(c.getMessage());
        a.setResizable(true);
        String by = c.lastEdit() == null ? "Their version came from outside the app's edits (an import or another"
                + " tool), so the edit log does not name who made it."
                : "Their version " + c.lastEdit().version() + " is by " + c.lastEdit().who() + ", "
                + RecordHistoryDialog.WHEN.format(c.lastEdit().at().atZone(java.time.ZoneId.systemDefault())) + ".";
        Label what = new Label(by + " Keep theirs drops your changes; Overwrite writes yours over theirs (Ctrl+Z"
                + " takes it back); Keep theirs, copy mine leaves theirs and puts yours on the clipboard as a"
                + " dataset file, for File > Import dataset or to enter again.");
        what.setWrapText(true);
        what.setMaxWidth(760);
        TableView<Row> table = Tables.table("");
        table.setId("conflict-table");
        table.getColumns().setAll(List.of(Tables.column("Field", Row::field, 160),
                Tables.column("Yours", Row::mine, 280), Tables.column("Theirs (in the store now)", Row::theirs, 280)));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(!empty && r != null && r.differs() ? "-fx-font-weight: bold;" : "");
            }
        });
        table.getItems().setAll(rows(kind, c));
        table.setPrefHeight(300);
        a.getDialogPane().setContent(new VBox(8, what, table));
        a.getDialogPane().setId("record-conflict");
        a.getDialogPane().setPrefWidth(800);
        return a.showAndWait();
    }
}
