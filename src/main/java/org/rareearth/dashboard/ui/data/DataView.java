package org.rareearth.dashboard.ui.data;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.ui.common.Tables;
import org.rareearth.dashboard.ui.common.View;

/** Every record in the store, one table per kind, each with its source, confidence mark and note. */
public final class DataView implements View {
    public static final String TITLE = "Data";

    private final Services services;
    private final TableView<Security> securities = Tables.table("No securities yet.");
    private final TableView<PolicyEvent> events = Tables.table("No events yet.");
    private final TableView<Reaction> reactions = Tables.table("No reported reactions yet.");
    private final TableView<PriceAssessment> assessments = Tables.table("No price quotes yet.");
    private final TableView<FxRate> fxRates = Tables.table("No FX rates yet.");
    private final TableView<PriceFloor> floors = Tables.table("No price floors yet.");
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();

    public DataView(Services services) {
        this.services = services;
        securities.getColumns().setAll(java.util.List.of(
                Tables.column("Symbol", Security::symbol, 90), Tables.column("Name", Security::name, 260),
                Tables.column("Exchange", Security::exchange, 110), Tables.column("Currency", Security::currency, 70),
                Tables.column("Country", Security::country, 70),
                Tables.column("Benchmark", s -> s.benchmark() ? "yes" : "", 80),
                Tables.column("Source", Security::source, 220), Tables.column("Conf.", Security::confidence, 50),
                Tables.column("Note", Security::note, 240)));
        events.getColumns().setAll(java.util.List.of(
                Tables.column("Code", PolicyEvent::code, 170), Tables.column("Actor", e -> e.actor().label(), 120),
                Tables.column("Category", e -> e.category().label(), 160), Tables.column("Title", PolicyEvent::title, 320),
                Tables.column("Materials", e -> String.join(", ", e.materials()), 200),
                Tables.column("Announced", PolicyEvent::announced, 95),
                Tables.column("Effective", PolicyEvent::effective, 95), Tables.column("Ends", PolicyEvent::ends, 95),
                Tables.column("Suspended from", PolicyEvent::suspendedFrom, 110),
                Tables.column("Suspended until", PolicyEvent::suspendedUntil, 110),
                Tables.column("Status", PolicyEvent::status, 80), Tables.column("Source", PolicyEvent::source, 220),
                Tables.column("Conf.", PolicyEvent::confidence, 50), Tables.column("Note", PolicyEvent::note, 260)));
        reactions.getColumns().setAll(java.util.List.of(
                Tables.column("Symbol", Reaction::symbol, 80), Tables.column("Event", Reaction::event, 150),
                Tables.column("Date", Reaction::date, 95), Tables.column("Measure", Reaction::measure, 110),
                Tables.column("Move %", Reaction::percent, 70), Tables.column("From", Reaction::fromPrice, 70),
                Tables.column("To", Reaction::toPrice, 70), Tables.column("Source", Reaction::source, 220),
                Tables.column("Conf.", Reaction::confidence, 50), Tables.column("Note", Reaction::note, 300)));
        assessments.getColumns().setAll(java.util.List.of(
                Tables.column("Commodity", PriceAssessment::commodity, 100),
                Tables.column("Date", PriceAssessment::date, 95),
                Tables.column("Low", a -> String.format("%,.2f", a.low()), 90),
                Tables.column("High", a -> String.format("%,.2f", a.high()), 90),
                Tables.column("Currency", PriceAssessment::currency, 70), Tables.column("Unit", PriceAssessment::unit, 50),
                Tables.column("VAT incl.", a -> Boolean.TRUE.equals(a.vatIncluded()) ? "yes" : "no", 70),
                Tables.column("Basis", PriceAssessment::basis, 200), Tables.column("Source", PriceAssessment::source, 180),
                Tables.column("Conf.", PriceAssessment::confidence, 50), Tables.column("Note", PriceAssessment::note, 300)));
        fxRates.getColumns().setAll(java.util.List.of(
                Tables.column("Pair", FxRate::pair, 90), Tables.column("Date", FxRate::date, 95),
                Tables.column("Rate", FxRate::rate, 80), Tables.column("Source", FxRate::source, 320),
                Tables.column("Conf.", FxRate::confidence, 50), Tables.column("Note", FxRate::note, 200)));
        floors.getColumns().setAll(java.util.List.of(
                Tables.column("Programme", PriceFloor::program, 260), Tables.column("Commodity", PriceFloor::commodity, 100),
                Tables.column("Level", PriceFloor::level, 70), Tables.column("Currency", PriceFloor::currency, 70),
                Tables.column("Unit", PriceFloor::unit, 50), Tables.column("Start", PriceFloor::start, 95),
                Tables.column("End", PriceFloor::end, 95), Tables.column("Upside share", PriceFloor::upsideShare, 90),
                Tables.column("Source", PriceFloor::source, 220), Tables.column("Conf.", PriceFloor::confidence, 50),
                Tables.column("Note", PriceFloor::note, 300)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("Securities", securities), new Tab("Events", events),
                new Tab("Reported reactions", reactions), new Tab("Price quotes", assessments),
                new Tab("FX rates", fxRates), new Tab("Price floors", floors));
        tabs.setId("data-tabs");
        Label heading = new Label("Data");
        heading.getStyleClass().add("view-title");
        Label sub = new Label("Every record in the store with its source and confidence mark (S: seen in a published"
                + " source; U: uncertain or conflicting; calc: derived).");
        sub.getStyleClass().add("view-subtitle");
        root.setTop(new VBox(2, heading, sub));
        root.setCenter(tabs);
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

    @Override
    public void refresh() {
        securities.setItems(FXCollections.observableArrayList(services.securities.all()));
        events.setItems(FXCollections.observableArrayList(services.events.all()));
        reactions.setItems(FXCollections.observableArrayList(services.reactions.all()));
        assessments.setItems(FXCollections.observableArrayList(services.assessments.all()));
        fxRates.setItems(FXCollections.observableArrayList(services.fxRates.all()));
        floors.setItems(FXCollections.observableArrayList(services.floors.all()));
    }
}
