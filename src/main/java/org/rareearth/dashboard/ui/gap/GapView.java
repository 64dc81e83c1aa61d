package org.rareearth.dashboard.ui.gap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.rareearth.dashboard.analytics.FxTable;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.ui.common.Formats;
import org.rareearth.dashboard.ui.common.View;

/** The price-support gap: China's NdPr oxide price against the US floor, in USD/kg on a named VAT basis. */
public final class GapView implements View {
    public static final String TITLE = "Price-support gap";

    private final Services services;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final ToggleGroup vat = new ToggleGroup();
    private final Label basisNote = new Label();
    private final Label problems = new Label();
    private final BorderPane root = new BorderPane();

    public GapView(Services services) {
        this.services = services;
        chart.setId("gap-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        x.setForceZeroInRange(false);
        x.setAutoRanging(true);
        x.setLabel("Date");
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.DAY.format(LocalDate.ofEpochDay(Math.round(n.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        y.setLabel("USD per kg");
        y.setForceZeroInRange(true);

        RadioButton excl = new RadioButton("VAT excluded");
        excl.setId("vat-excluded");
        excl.setTooltip(new Tooltip("Take China's 13% VAT out of domestic quotes (the floor is a pre-tax US price)"));
        RadioButton incl = new RadioButton("VAT included");
        incl.setId("vat-included");
        incl.setTooltip(new Tooltip("Compare with China's quotes as published, 13% VAT included"));
        excl.setToggleGroup(vat);
        incl.setToggleGroup(vat);
        excl.setUserData(VatBasis.EXCLUDED);
        incl.setUserData(VatBasis.INCLUDED);
        excl.setSelected(true);
        vat.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                refresh();
            }
        });

        Label heading = new Label("Price-support gap");
        heading.getStyleClass().add("view-title");
        basisNote.getStyleClass().add("view-subtitle");
        basisNote.setWrapText(true);
        HBox controls = new HBox(12, new Label("China price basis:"), excl, incl);
        controls.setAlignment(Pos.CENTER_LEFT);
        problems.getStyleClass().add("warning-text");
        problems.setWrapText(true);
        VBox top = new VBox(4, heading, basisNote, controls);
        root.setTop(top);
        root.setCenter(chart);
        root.setBottom(problems);
        root.setPadding(new Insets(12));
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    public VatBasis basis() {
        return (VatBasis) vat.getSelectedToggle().getUserData();
    }

    @Override
    public void refresh() {
        List<PriceFloor> floors = services.floors.all();
        if (floors.isEmpty()) {
            Label l = new Label("No price floor in the store. Add one in the Data view to compare China's price"
                    + " against it.");
            l.getStyleClass().add("empty-state");
            root.setCenter(l);
            return;
        }
        PriceFloor floor = floors.get(0);
        List<PriceAssessment> quotes = services.assessments.forCommodity(floor.commodity());
        FxTable fx = new FxTable(services.fxRates.all());
        VatBasis basis = basis();
        List<GapAnalysis.Point> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PriceAssessment a : quotes) {
            try {
                points.add(GapAnalysis.point(a, basis, fx, floor, 0));
            } catch (IllegalArgumentException e) {
                skipped.add(Formats.day(a.date()) + " (" + a.source() + "): " + e.getMessage());
            }
        }
        basisNote.setText(floor.program() + ": " + Formats.usdPerKg(GapAnalysis.floorUsdPerKg(floor)) + " from "
                + Formats.day(floor.start()) + ". China " + floor.commodity() + " in USD/kg, " + basis.label()
                + ", converted at the USD/CNY fixing of the quote date or the nearest earlier one.");
        problems.setText(skipped.isEmpty() ? "" : "Not shown: " + String.join("; ", skipped));
        if (points.isEmpty()) {
            Label l = new Label("No " + floor.commodity() + " price quotes can be shown. Add a quote (and the FX rate"
                    + " of its date) in the Data view.");
            l.getStyleClass().add("empty-state");
            root.setCenter(l);
            return;
        }
        root.setCenter(chart);
        chart.setTitle(floor.commodity() + ": US floor vs China price (USD/kg, " + basis.label() + ")");
        XYChart.Series<Number, Number> china = new XYChart.Series<>();
        china.setName("China " + floor.commodity() + " (mid of range)");
        for (GapAnalysis.Point p : points) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.date().toEpochDay(), p.chinaUsdPerKg());
            String tip = Formats.day(p.date()) + " — " + p.quote().source() + "\nQuote: " + quoteText(p.quote())
                    + "\n" + p.arithmetic()
                    + (p.fx() == null ? "" : "\nFX " + p.fx().pair() + " " + p.fx().rate() + " of " + p.fx().date())
                    + String.format("%nGap to floor: %s · floor %.2f× China", Formats.usdPerKg(p.gapUsdPerKg()),
                    p.ratio());
            d.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tooltip t = new Tooltip(tip);
                    t.setShowDelay(Duration.millis(100));
                    Tooltip.install(node, t);
                }
            });
            china.getData().add(d);
        }
        XYChart.Series<Number, Number> level = new XYChart.Series<>();
        level.setName("US price floor " + Formats.usdPerKg(GapAnalysis.floorUsdPerKg(floor)));
        LocalDate last = points.get(points.size() - 1).date();
        LocalDate from = floor.start();
        LocalDate to = last.isAfter(from) ? last : from.plusDays(30);
        level.getData().add(new XYChart.Data<>(from.toEpochDay(), GapAnalysis.floorUsdPerKg(floor)));
        level.getData().add(new XYChart.Data<>(to.toEpochDay(), GapAnalysis.floorUsdPerKg(floor)));
        chart.getData().setAll(List.of(china, level));
    }

    private static String quoteText(PriceAssessment a) {
        String range = a.low().equals(a.high()) ? String.format("%,.2f", a.low())
                : String.format("%,.2f–%,.2f", a.low(), a.high());
        return range + " " + a.currency() + "/" + a.unit() + (Boolean.TRUE.equals(a.vatIncluded()) ? ", VAT included"
                : ", VAT excluded") + " (" + a.basis() + ")";
    }
}
