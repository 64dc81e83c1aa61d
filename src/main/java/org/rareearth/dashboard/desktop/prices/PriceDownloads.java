package org.rareearth.dashboard.desktop.prices;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.io.quotes.TiingoDaily;
import org.rareearth.dashboard.service.PriceFeedService;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * The desktop's price downloads: the question before the first one, a progress window with Cancel while one runs,
 * the outcome (what failed and why), and the download settings. The work runs in {@link PriceUpdateViewModel}.
 */
public final class PriceDownloads {
    private final Window owner;
    private final PriceUpdateViewModel model;
    private final Consumer<String> status;
    private Dialog<Void> progress;

    /**
     * {@code status} gets the one-line outcome; the screens follow the written prices through the store's changes.
     */
    public PriceDownloads(Window owner, PriceUpdateViewModel model, Consumer<String> status) {
        this.owner = owner;
        this.model = model;
        this.status = status;
    }

    public PriceUpdateViewModel model() {
        return model;
    }

    private volatile String readOnly;

    /** Why this user may not write to the store (downloads are then refused, saying so), or null. */
    public void setReadOnly(String reason) {
        readOnly = reason;
    }

    /** Downloads the prices of {@code symbols} (all securities when {@code all}), asking first if never allowed. */
    public void download(List<String> symbols, boolean all) {
        if (model.runningProperty().get()) {
            return;
        }
        if (readOnly != null) {
            alert(Alert.AlertType.INFORMATION, "No prices were downloaded", readOnly);
            return;
        }
        if (model.needsConsent() && !askConsent()) {
            status.accept("No prices were downloaded: downloads are not allowed");
            return;
        }
        showProgress();
        model.update(symbols, all, this::finished, e -> {
            closeProgress();
            alert(Alert.AlertType.ERROR, "The download did not run", e.getMessage());
        });
    }

    private boolean askConsent() {
        ButtonType allow = new ButtonType("Allow downloads", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, model.consentQuestion(), allow, ButtonType.CANCEL);
        Theme.dress(a);
        a.initOwner(owner);
        a.setTitle("Price downloads");
        a.setHeaderText(model.consentTitle());
        a.getDialogPane().setId("download-consent");
        a.getDialogPane().setPrefWidth(520);
        boolean yes = a.showAndWait().orElse(ButtonType.CANCEL) == allow;
        if (yes) {
            model.allow();
        }
        return yes;
    }

    private void showProgress() {
        progress = new Dialog<>();
        Theme.dress(progress);
        progress.initOwner(owner);
        progress.setTitle("Update prices");
        progress.setHeaderText("Downloading daily prices from " + QuoteTickers.displayName(model.source().id()));
        ProgressBar bar = new ProgressBar();
        bar.setId("download-progress");
        bar.setPrefWidth(380);
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("download-progress-text");
        text.textProperty().bind(model.progressTextProperty());
        Label hint = new Label("One request at a time, with a pause between; each security is stored whole or not at"
                + " all.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-text");
        progress.getDialogPane().setContent(new VBox(8, text, bar, hint));
        progress.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        Button cancel = (Button) progress.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("download-cancel");
        Tips.set(cancel, "Stop: the security being downloaded and those after it are not written");
        cancel.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            model.cancel();
            cancel.setDisable(true);
            text.textProperty().unbind();
            text.setText("Stopping after the current request…");
            e.consume();
        });
        progress.setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                model.cancel();
                e.consume();
            }
        });
        progress.show();
    }

    private void closeProgress() {
        if (progress != null) {
            progress.setOnCloseRequest(null);
            progress.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
            progress.close();
            progress = null;
        }
    }

    private void finished(PriceFeedService.Report r) {
        closeProgress();
        status.accept(PriceUpdateViewModel.summary(r));
        if (!r.failed().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (PriceFeedService.Failure f : r.failed()) {
                sb.append(f.symbol()).append(": ").append(f.reason()).append("\n\n");
            }
            Alert a = new Alert(r.results().isEmpty() ? Alert.AlertType.ERROR : Alert.AlertType.WARNING);
            Theme.dress(a);
            a.initOwner(owner);
            a.setTitle("Update prices");
            a.setHeaderText(PriceUpdateViewModel.summary(r));
            TextArea area = new TextArea(sb.toString().strip());
            area.setId("download-failures");
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(Math.min(14, 3 * r.failed().size()));
            area.setPrefColumnCount(60);
            a.getDialogPane().setContent(area);
            a.show();
        }
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text, ButtonType.OK);
        Theme.dress(a);
        a.initOwner(owner);
        a.setTitle("Update prices");
        a.setHeaderText(header);
        a.show();
    }

    /** Whether downloads are allowed, the source, and a Tiingo key. */
    public void settingsDialog() {
        Dialog<ButtonType> d = new Dialog<>();
        Theme.dress(d);
        d.initOwner(owner);
        d.setTitle("Download settings");
        d.setHeaderText("Daily prices from a quote source");
        CheckBox allowed = new CheckBox("Allow price downloads");
        allowed.setId("settings-allowed");
        allowed.setSelected(!model.needsConsent());
        Tips.set(allowed, "Off: the app never goes online; Update prices asks first");
        ComboBox<String> source = new ComboBox<>();
        source.setId("settings-source");
        source.getItems().setAll(QuoteTickers.SOURCES);
        source.setValue(model.settings().source());
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "" : QuoteTickers.displayName(id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Tips.set(source, "Yahoo Finance: US, ASX, Shanghai, Shenzhen and indices, adjusted closes."
                + " Stooq: US listings and some indices. Tiingo: US listings, adjusted closes, needs a free key.");
        PasswordField key = new PasswordField();
        key.setId("settings-tiingo-key");
        key.setText(model.settings().storedTiingoKey());
        key.setPromptText("Tiingo API key (kept in your settings file, never logged)");
        Tips.set(key, TiingoDaily.KEY_ENV + " in the environment is used first when set");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        g.addRow(0, allowed);
        g.addRow(1, new Label("Source:"), source);
        g.addRow(2, new Label("Tiingo key:"), key);
        javafx.scene.control.TextField mirror = new javafx.scene.control.TextField(
                model.settings().endpoint().map(Object::toString).orElse(""));
        mirror.setId("settings-endpoint");
        mirror.setPromptText("optional: http://host:port of a mirror");
        Tips.set(mirror, "Ask this host instead of the source's own (the paths stay the source's);"
                + " empty for the source itself");
        g.addRow(3, new Label("Mirror:"), mirror);
        Label note = new Label("Downloads send only the tickers and date ranges asked for, to the chosen source.");
        note.setWrapText(true);
        note.getStyleClass().add("hint-text");
        g.add(note, 0, 4, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            try {
                // The mirror first: the one entry that can be refused, before anything else is saved.
                model.settings().setEndpoint(mirror.getText());
                model.settings().setDownloadsAllowed(allowed.isSelected());
                model.settings().setSource(source.getValue());
                model.settings().setTiingoKey(key.getText());
                status.accept("Download settings saved: " + (allowed.isSelected() ? "downloads allowed from "
                        + QuoteTickers.displayName(source.getValue()) : "downloads off"));
            } catch (RuntimeException e) {
                alert(Alert.AlertType.ERROR, "The settings were not saved", e.getMessage());
            }
        }
    }
}
