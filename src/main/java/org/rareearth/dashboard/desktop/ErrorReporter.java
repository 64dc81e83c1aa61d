package org.rareearth.dashboard.desktop;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.rareearth.dashboard.desktop.common.StatusLine;
import org.rareearth.dashboard.desktop.common.Theme;
import org.slf4j.LoggerFactory;

/** How the window reports an error: a notification, and the status bar with the whole text one click away. */
final class ErrorReporter {
    private final Stage stage;
    private final StatusLine status;

    ErrorReporter(Stage stage, StatusLine status) {
        this.stage = stage;
        this.status = status;
    }

    /**
     * An error: a notification, and the status bar with the full detail one click away (also in the log file).
     */
    void report(String header, String detail) {
        LoggerFactory.getLogger(MainWindow.class).warn("{}: {}", header, detail);
        String first = detail == null ? "" : detail.lines().findFirst().orElse("");
        org.controlsfx.control.Notifications.create().owner(stage).title(header)
                .text(first.length() > 160 ? first.substring(0, 159) + "…" : first)
                .hideAfter(javafx.util.Duration.seconds(8)).showError();
        status.setText(header + ": " + first);
        javafx.scene.control.Hyperlink details = new javafx.scene.control.Hyperlink("Details…");
        details.setId("error-details");
        details.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
            Theme.dress(a);
            a.initOwner(stage);
            a.setHeaderText(header);
            TextArea text = new TextArea(detail);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(8);
            a.getDialogPane().setContent(text);
            a.showAndWait();
            status.getLeftItems().remove(details);
        });
        status.getLeftItems().setAll(details);
    }
}
