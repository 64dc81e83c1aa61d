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
        VBox top = new VBox(2, heading, sub);
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

    @Override
    public void refresh() {
        List<Reaction> reactions = services.reactions.all();
        if (reactions.isEmpty()) {
            empty.setText("No reported reactions in the store yet. Add one in the Data view, or import a dataset"
                    + " (File → Import dataset…).");
            root.setCenter(empty);
            return;
        }
        root.setCenter(chart);
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
