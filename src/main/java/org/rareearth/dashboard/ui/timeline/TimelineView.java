package org.rareearth.dashboard.ui.timeline;

import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.ui.common.Formats;
import org.rareearth.dashboard.ui.common.Tables;
import org.rareearth.dashboard.ui.common.View;

/** China's export controls and the US/allied actions, with announced, effective and suspension dates. */
public final class TimelineView implements View {
    public static final String TITLE = "Export-restriction timeline";

    private final Services services;
    private final TableView<PolicyEvent> table = Tables.table(
            "No events in the store yet. Add one in the Data view, or import a dataset (File → Import dataset…).");
    private final BorderPane root = new BorderPane();

    public TimelineView(Services services) {
        this.services = services;
        table.setId("timeline-table");
        LocalDate today = LocalDate.now();
        table.getColumns().add(Tables.column("Announced", e -> Formats.day(e.announced()), 100));
        table.getColumns().add(Tables.column("Effective", e -> Formats.day(e.effective()), 100));
        table.getColumns().add(Tables.column("Ends / suspended", TimelineView::endText, 190));
        table.getColumns().add(Tables.column("Actor", e -> e.actor().label(), 130));
        table.getColumns().add(Tables.column("Category", e -> e.category().label(), 170));
        table.getColumns().add(Tables.column("Title", PolicyEvent::title, 380));
        table.getColumns().add(Tables.column("Status today", e -> EventStatus.on(e, today).code(), 110));
        table.getColumns().add(Tables.column("Source", PolicyEvent::source, 200));
        Label heading = new Label("Export-restriction timeline");
        heading.getStyleClass().add("view-title");
        Label sub = new Label("Every measure with its announced, effective, end and suspension dates; the status is"
                + " worked out for today (" + Formats.day(today) + ").");
        sub.getStyleClass().add("view-subtitle");
        root.setTop(new VBox(2, heading, sub));
        root.setCenter(table);
        root.setPadding(new Insets(12));
    }

    private static String endText(PolicyEvent e) {
        StringBuilder sb = new StringBuilder();
        if (e.ends() != null) {
            sb.append("ends ").append(Formats.day(e.ends()));
        }
        if (e.suspendedFrom() != null) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append("suspended ").append(Formats.day(e.suspendedFrom()));
            if (e.suspendedUntil() != null) {
                sb.append(" – ").append(Formats.day(e.suspendedUntil()));
            }
        }
        return sb.toString();
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        table.setItems(FXCollections.observableArrayList(services.events.all()));
    }
}
