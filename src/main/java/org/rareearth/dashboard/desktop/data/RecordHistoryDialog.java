package org.rareearth.dashboard.desktop.data;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rareearth.dashboard.desktop.common.Tables;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.store.RecordEdit;

/**
 * A record's edit log: each change with its version, when (in the user's time zone), who (the PostgreSQL role on a
 * team store, the system user on a file), what was done, what it came through (the app's forms or an import), and
 * each changed field before and after.
 */
final class RecordHistoryDialog {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    private RecordHistoryDialog() {}

    /** One change as a row. */
    record Row(int version, String when, String who, String action, String through, String changes) {}

    static List<Row> rows(List<RecordEdit> edits, ZoneId zone) {
        return edits.stream().map(e -> new Row(e.version(), WHEN.format(e.at().atZone(zone)), e.who(),
                e.action() + (e.previousKey() != null ? " (was " + e.previousKey() + ")" : ""), e.through(),
                RecordEditor.changes(e).stream().map(c -> c.field() + ": " + shown(c.before()) + " → "
                        + shown(c.after())).collect(Collectors.joining("\n")))).toList();
    }

    private static String shown(String v) {
        return v == null ? "—" : v.length() > 120 ? v.substring(0, 119) + "…" : v;
    }

    static void show(Window owner, Object record, List<RecordEdit> edits) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        org.rareearth.dashboard.desktop.common.Theme.dress(a);
        a.initOwner(owner);
        a.setTitle("History");
        a.setHeaderText("History of " + RecordEditor.describe(record));
        a.setResizable(true);
        Label summary = new Label(edits.isEmpty()
                ? "No change on record (version 0): the record is as the store was first filled with it, or as"
                        + " imported by a version of the app that did not yet log imports."
                : "Version " + edits.get(0).version() + ", last changed by " + edits.get(0).who() + " on "
                        + WHEN.format(edits.get(0).at().atZone(ZoneId.systemDefault())) + " through "
                        + edits.get(0).through() + ".");
        summary.setId("history-summary");
        summary.setWrapText(true);
        TableView<Row> table = Tables.table("No changes on record yet.");
        table.setId("history-table");
        table.getColumns().setAll(List.of(Tables.column("Version", Row::version, 64),
                Tables.column("When", Row::when, 150), Tables.column("Who", Row::who, 100),
                Tables.column("What", Row::action, 90), Tables.column("Through", Row::through, 290),
                Tables.column("Changed fields (before → after)", Row::changes, 460)));
        table.getItems().setAll(rows(edits, ZoneId.systemDefault()));
        table.setPrefHeight(320);
        a.getDialogPane().setContent(new VBox(8, summary, table));
        a.getDialogPane().setId("record-history");
        a.getDialogPane().setPrefWidth(1180);
        a.show();
    }
}
