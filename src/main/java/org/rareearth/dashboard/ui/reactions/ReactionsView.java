package org.rareearth.dashboard.ui.reactions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.ui.common.Formats;
import org.rareearth.dashboard.ui.common.View;

/** Reported stock reactions: one bar per security and measure, grouped by event. */
public final class ReactionsView implements View {
    public static final String TITLE = "Stock reactions";

    private final Services services;
    private final CategoryAxis x = new CategoryAxis();
    private final NumberAxis y = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(x, y);
    private final Label empty = new Label();
    private final BorderPane root = new BorderPane();
    private final javafx.scene.control.ComboBox<PolicyEvent> eventPicker = new javafx.scene.control.ComboBox<>();
    private boolean updatingPicker;

    public ReactionsView(Services services) {
        this.services = services;
        chart.setId("reactions-chart");
        chart.setTitle("Reported moves around each event (%)");
        chart.setAnimated(false);
        chart.setCategoryGap(24);
        chart.setBarGap(2);
        x.setLabel("Security · event");
        y.setLabel("Reported move (%)");
        y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y, "", "%"));
        Label heading = new Label("Stock reactions");
        heading.getStyleClass().add("view-title");
        Label sub = new Label("Moves reported by named sources. Close-to-close and intraday measures are told apart"
                + " by colour; hover a bar for its source.");
        sub.getStyleClass().add("view-subtitle");
        sub.setWrapText(true);
        eventPicker.setId("reactions-event");
        eventPicker.setPromptText("All events");
        eventPicker.setTooltip(new javafx.scene.control.Tooltip("Show the reactions to one event"));
        eventPicker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PolicyEvent e) {
                return e == null ? "All events" : Formats.day(e.announced()) + " — " + e.title();
            }

            @Override
            public PolicyEvent fromString(String s) {
                return null;
            }
        });
        eventPicker.valueProperty().addListener((o, a, b) -> {
            if (!updatingPicker) {
                refresh();
            }
        });
        javafx.scene.control.Button allEvents = new javafx.scene.control.Button("All events");
        allEvents.setOnAction(e -> eventPicker.setValue(null));
        allEvents.setTooltip(new javafx.scene.control.Tooltip("Show the reactions to every event"));
        javafx.scene.layout.HBox pick = new javafx.scene.layout.HBox(8, new Label("Event:"), eventPicker, allEvents);
        pick.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(4, heading, sub, pick);
        root.setTop(top);
        root.setCenter(chart);
        root.setPadding(new Insets(12));
        empty.getStyleClass().add("empty-state");
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Shows the reactions to one event (null: every event). */
    public void focusEvent(String code) {
        refreshPicker();
        eventPicker.setValue(eventPicker.getItems().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElse(null));
    }

    public PolicyEvent focusedEvent() {
        return eventPicker.getValue();
    }

    private void refreshPicker() {
        updatingPicker = true;
        try {
            PolicyEvent current = eventPicker.getValue();
            List<PolicyEvent> events = services.events.all();
            eventPicker.getItems().setAll(events);
            eventPicker.setValue(current == null ? null : events.stream()
                    .filter(e -> e.code().equals(current.code())).findFirst().orElse(null));
        } finally {
            updatingPicker = false;
        }
    }

    @Override
    public void refresh() {
        if (eventPicker.getItems().isEmpty()) {
            refreshPicker();
        }
        PolicyEvent only = eventPicker.getValue();
        List<Reaction> reactions = services.reactions.all().stream()
                .filter(r -> only == null || r.event().equals(only.code())).toList();
        if (reactions.isEmpty()) {
            empty.setText(only == null
                    ? "No reported reactions in the store yet. Add one in the Data view, or import a dataset"
                    + " (File → Import dataset…)."
                    : "No reported reactions to \"" + only.title() + "\" in the store. Add one in the Data view.");
            root.setCenter(empty);
            return;
        }
        root.setCenter(chart);
        chart.setTitle(only == null ? "Reported moves around each event (%)"
                : "Reported moves around " + Formats.day(only.announced()) + ": " + shortTitle(only.title()) + " (%)");
        Map<String, PolicyEvent> events = services.events.all().stream()
                .collect(Collectors.toMap(PolicyEvent::code, Function.identity()));
        Map<String, XYChart.Series<String, Number>> byMeasure = new LinkedHashMap<>();
        for (String m : Reaction.MEASURES) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m);
            byMeasure.put(m, s);
        }
        for (Reaction r : reactions) {
            PolicyEvent e = events.get(r.event());
            String category = r.symbol() + "\n" + shortTitle(e == null ? r.event() : e.title());
            XYChart.Data<String, Number> d = new XYChart.Data<>(category, r.percent());
            String tip = r.symbol() + " — " + r.measure() + " " + Formats.percent(r.percent()) + " on "
                    + Formats.day(r.date()) + "\n" + (e == null ? r.event() : e.title()) + "\nSource: " + r.source()
                    + (r.note() == null ? "" : "\n" + r.note());
            d.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip t = new Tooltip(tip);
                    t.setShowDelay(Duration.millis(150));
                    Tooltip.install(node, t);
                }
            });
            byMeasure.computeIfAbsent(r.measure(), k -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(k);
                return s;
            }).getData().add(d);
        }
        chart.getData().setAll(byMeasure.values().stream().filter(s -> !s.getData().isEmpty()).toList());
    }

    private static String shortTitle(String title) {
        int cut = title.indexOf(':');
        String s = cut > 0 ? title.substring(0, cut) : title;
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }
}
