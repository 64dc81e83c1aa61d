package org.rareearth.dashboard.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.DatasetDiff;
import org.rareearth.dashboard.store.RecordStore;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * A store made by an older version never gets the records a newer one ships by itself: when the bundled dataset
 * holds records whose keys the store lacks, a quiet bar over the view says so and offers a list to review, each
 * record ticked or not; only what the user keeps ticked is added, and nothing stored is changed.
 */
final class BundledRecordsOffer {
    static final String ID = "bundled-offer";

    private final Workspace services;
    private final HBox bar = new HBox(10);
    private final Label text = new Label();
    private DatasetDiff.Plan plan;
    private boolean checkStarted;

    /** The screens follow the records it adds through the store's changes. */
    BundledRecordsOffer(Workspace services) {
        this.services = services;
        bar.setId(ID);
        bar.getStyleClass().add("offer-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.setStyle("-fx-background-color: #fff4d6; -fx-border-color: #e6c35c; -fx-border-width: 0 0 1 0;");
        text.setStyle("-fx-text-fill: #3d3000;");
        text.setWrapText(true);
        Button review = new Button("Review and add…");
        review.setId("bundled-review");
        Tips.set(review, "See the records and tick the ones to add; nothing"
                + " already stored changes");
        review.setOnAction(e -> review(bar.getScene() == null ? null : bar.getScene().getWindow()));
        Button later = new Button("Not now");
        later.setId("bundled-later");
        Tips.set(later, "Hide this until the next start");
        later.setOnAction(e -> hide());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        bar.getChildren().addAll(text, grow, review, later);
        hide();
    }

    /** The bar, hidden until {@link #check} finds records to offer. */
    HBox node() {
        return bar;
    }

    /** Compares the bundled dataset with the store off the FX thread, then shows the bar if there is anything. */
    CompletableFuture<Void> check() {
        checkStarted = true;
        return CompletableFuture.supplyAsync(services::bundledRecordsMissing)
                .thenAccept(p -> Platform.runLater(() -> show(p)))
                .exceptionally(e -> {
                    org.slf4j.LoggerFactory.getLogger(BundledRecordsOffer.class)
                            .warn("could not compare the store with the bundled dataset", e);
                    return null;
                });
    }

    /** True once {@link #check} has been called. */
    boolean checkStarted() {
        return checkStarted;
    }

    /** The records last offered (null before the check has answered). */
    DatasetDiff.Plan plan() {
        return plan;
    }

    private void show(DatasetDiff.Plan p) {
        plan = p;
        int n = p.added();
        if (n == 0) {
            hide();
            return;
        }
        text.setText("This version of the app ships " + n + " sourced record" + (n == 1 ? "" : "s")
                + " your store does not hold (events, quotes, fixings, floors…). Nothing is added unless you choose.");
        bar.setVisible(true);
        bar.setManaged(true);
    }

    private void hide() {
        bar.setVisible(false);
        bar.setManaged(false);
    }

    /** The review list: every offered record, ticked; OK adds the ticked ones in one transaction. */
    void review(Window owner) {
        if (plan == null || plan.added() == 0) {
            return;
        }
        List<Object> offered = plan.additions().records();
        List<CheckBox> boxes = new ArrayList<>();
        ListView<CheckBox> list = new ListView<>();
        list.setId("bundled-list");
        for (Object r : offered) {
            CheckBox c = new CheckBox(describe(r));
            c.setSelected(true);
            c.setUserData(r);
            boxes.add(c);
        }
        list.getItems().setAll(boxes);
        list.setPrefSize(720, 420);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Records this version ships");
        d.setHeaderText(offered.size() + " records from the bundled dataset are not in your store. Untick any you"
                + " do not want; the records you hold stay as they are.");
        Label note = new Label("A reaction or stake needs its event and security: keep those ticked too.");
        note.setWrapText(true);
        d.getDialogPane().setContent(new VBox(8, list, note));
        d.getDialogPane().getButtonTypes().addAll(new ButtonType("Add ticked records",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        d.setResizable(true);
        d.showAndWait().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> add(boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getUserData).toList(),
                        owner));
    }

    /** Adds {@code chosen}; a choice that leaves a reference dangling is refused with the validator's words. */
    void add(List<?> chosen, Window owner) {
        if (chosen.isEmpty()) {
            return;
        }
        try {
            services.addBundled(chosen);
            hide();
            check();
        } catch (RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.WARNING, e.getMessage(), ButtonType.OK);
            a.initOwner(owner);
            a.setHeaderText("Nothing was added");
            a.showAndWait();
        }
    }

    static String describe(Object r) {
        String kind = r.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        String title = r instanceof org.rareearth.dashboard.domain.PolicyEvent e ? " — " + e.title() : "";
        return kind + ": " + RecordStore.key(r) + title;
    }
}
