package org.rareearth.dashboard.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.app.Services;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.ui.common.Formats;
import org.rareearth.dashboard.ui.common.TileFactory;
import org.rareearth.dashboard.ui.common.View;

/** The first screen: headline figures, each computed from the store on every refresh. */
public final class DashboardView implements View, org.rareearth.dashboard.ui.export.Exportable {
    public static final String TITLE = "Dashboard";
    private static final double TILE_W = 300;
    private static final double TILE_H = 190;

    private final Services services;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final java.util.List<String> sources = new java.util.ArrayList<>();
    private final ScrollPane root;

    public DashboardView(Services services) {
        this.services = services;
        tiles.setPadding(new Insets(16));
        tiles.setId("dashboard-tiles");
        Label heading = new Label("The US–China rare-earth contest at a glance");
        heading.getStyleClass().add("view-title");
        VBox box = new VBox(4, heading, tiles);
        box.setPadding(new Insets(12, 12, 12, 12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
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
        tiles.getChildren().clear();
        sources.clear();
        LocalDate today = LocalDate.now();
        List<PolicyEvent> events = services.events.all();
        List<Reaction> reactions = services.reactions.all();
        Map<String, PolicyEvent> byCode = events.stream().collect(Collectors.toMap(PolicyEvent::code, Function.identity()));

        // The event with the most reported reactions is the headline; its two largest movers get tiles.
        Optional<String> headline = reactions.stream()
                .collect(Collectors.groupingBy(Reaction::event, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        java.util.Set<String> benchmarks = services.securities.all().stream()
                .filter(org.rareearth.dashboard.domain.Security::benchmark)
                .map(org.rareearth.dashboard.domain.Security::symbol).collect(Collectors.toSet());
        headline.ifPresent(code -> reactions.stream()
                .filter(r -> r.event().equals(code) && "close-to-close".equals(r.measure())
                        && !benchmarks.contains(r.symbol()))
                .sorted(Comparator.comparing(Reaction::percent).reversed())
                .limit(3)
                .forEach(r -> tiles.getChildren().add(reactionTile(r, byCode.get(code), reactions))));

        // One report feeds both price tiles: China's price on the floor's basis.
        List<PriceFloor> floors = services.floors.all();
        org.rareearth.dashboard.analytics.GapReport report = floors.isEmpty() ? null
                : org.rareearth.dashboard.analytics.GapReport.build(floors.get(0), services.assessments.all(),
                services.fxRates.all(), VatBasis.EXCLUDED, 0, null, null);
        tiles.getChildren().add(floorTile(report));
        sparkline(report).ifPresent(tiles.getChildren()::add);

        long inForce = events.stream().filter(e -> EventStatus.on(e, today) == EventStatus.IN_FORCE
                && e.actor() == org.rareearth.dashboard.domain.Actor.CHINA).count();
        long suspended = events.stream().filter(e -> EventStatus.on(e, today) == EventStatus.SUSPENDED).count();
        tiles.getChildren().add(number("China's measures in force today", inForce, "",
                suspended + " suspended today · " + events.size() + " events stored"));

        events.stream().filter(e -> e.actor() == org.rareearth.dashboard.domain.Actor.CHINA
                        && e.category() != org.rareearth.dashboard.domain.Category.SUSPENSION
                        && !e.announced().isAfter(today))
                .max(Comparator.comparing(PolicyEvent::announced))
                .ifPresent(e -> tiles.getChildren().add(number("Days since China's latest control",
                        ChronoUnit.DAYS.between(e.announced(), today), "days",
                        e.title() + " (" + Formats.day(e.announced()) + ")")));

        events.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.suspendedUntil(), e.ends())
                        .filter(d -> d != null && !d.isBefore(today)).map(d -> Map.entry(d, e)))
                .min(Map.Entry.comparingByKey())
                .ifPresentOrElse(
                        n -> tiles.getChildren().add(number("Next expiry", ChronoUnit.DAYS.between(today, n.getKey()),
                                "days", n.getValue().title() + " — " + Formats.day(n.getKey()))),
                        () -> tiles.getChildren().add(text("Next expiry",
                                "No suspension or measure ends after today in the store.")));
    }

    private Node reactionTile(Reaction close, PolicyEvent event, List<Reaction> all) {
        String others = all.stream()
                .filter(r -> r.symbol().equals(close.symbol()) && r.event().equals(close.event())
                        && !r.measure().equals("close-to-close"))
                .map(r -> r.measure() + " " + Formats.percent(r.percent()))
                .collect(Collectors.joining(", "));
        sources.add(close.source());
        String desc = "close-to-close, " + Formats.day(close.date())
                + (others.isEmpty() ? "" : "; " + others) + "\n" + (event == null ? close.event() : event.title())
                + "\nSource: " + close.source();
        Tile t = number(close.symbol() + " reaction", close.percent(), "%", desc);
        t.setDecimals(2);
        return t;
    }

    /** China's price on the same basis as the floor tile, as a line of its quotes. */
    private Optional<Node> sparkline(org.rareearth.dashboard.analytics.GapReport r) {
        if (r == null || r.points().size() < 2) {
            return Optional.empty();
        }
        javafx.scene.chart.XYChart.Series<String, Number> series = new javafx.scene.chart.XYChart.Series<>();
        for (GapAnalysis.Point p : r.points()) {
            series.getData().add(new javafx.scene.chart.XYChart.Data<>(p.date().toString(), p.chinaUsdPerKg()));
        }
        Tile t = eu.hansolo.tilesfx.TileBuilder.create().skinType(Tile.SkinType.SMOOTHED_CHART)
                .prefSize(TILE_W, TILE_H).title("China " + r.floor().commodity() + ", USD/kg (VAT out)")
                .chartType(Tile.ChartType.LINE).series(series).smoothing(false).animated(false).build();
        t.getStyleClass().add("dashboard-tile");
        t.setId("tile-sparkline");
        r.points().forEach(p -> sources.add(p.quote().source()));
        return Optional.of(t);
    }

    /** The latest China price that can be put on the floor's basis, with the gap and the ratio. */
    private Node floorTile(org.rareearth.dashboard.analytics.GapReport r) {
        if (r == null) {
            return text("Price floor", "No price floor in the store. Add one in the Data view.");
        }
        PriceFloor floor = r.floor();
        if (r.latest().isEmpty()) {
            return text("Floor vs China price", r.skipped().isEmpty() ? "No " + floor.commodity()
                    + " price quotes in the store. Add one in the Data view."
                    : "No quote can be converted to USD: " + r.skipped().get(r.skipped().size() - 1));
        }
        GapAnalysis.Point p = r.latest().get();
        sources.add(floor.source());
        sources.add(p.quote().source());
        Tile t = number("China " + floor.commodity() + " (" + Formats.day(p.date()) + ")", p.chinaUsdPerKg(),
                "USD/kg", String.format("Floor %s · gap %s · floor %.2f× China%n%s", Formats.usdPerKg(p.floorUsdPerKg()),
                        Formats.usdPerKg(p.gapUsdPerKg()), p.ratio(), VatBasis.EXCLUDED.label()));
        t.setDecimals(2);
        return t;
    }

    @Override
    public org.rareearth.dashboard.ui.export.ExportSpec exportSpec() {
        DashboardView fresh = new DashboardView(services);
        fresh.refresh();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (javafx.scene.Node n : fresh.tiles.getChildren()) {
            if (n instanceof Tile t) {
                rows.add(java.util.Arrays.asList(t.getTitle(), t.getSkinType() == Tile.SkinType.NUMBER
                        ? t.getValue() : null, t.getUnit(), t.getDescription()));
            }
        }
        return new org.rareearth.dashboard.ui.export.ExportSpec("dashboard",
                "The US–China rare-earth contest at a glance", "Figures from the store as of "
                + Formats.day(LocalDate.now()) + ".", () -> {
                    DashboardView v = new DashboardView(services);
                    v.refresh();
                    v.tiles.setPadding(new Insets(4, 0, 4, 0));
                    return v.tiles;
                }, List.copyOf(fresh.sources), List.of("tile", "value", "unit", "description"), rows);
    }

    private static Tile number(String title, double value, String unit, String description) {
        return TileFactory.number(title, value, unit, 0, description, TILE_W, TILE_H);
    }

    private static Tile text(String title, String description) {
        return TileFactory.text(title, description, TILE_W, TILE_H);
    }
}
