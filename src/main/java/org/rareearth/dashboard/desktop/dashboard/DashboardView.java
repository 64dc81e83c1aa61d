package org.rareearth.dashboard.desktop.dashboard;

import org.rareearth.dashboard.service.DashboardSummary;
import org.rareearth.dashboard.analytics.Freshness;
import eu.hansolo.tilesfx.Tile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Stake;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Palette;
import org.rareearth.dashboard.desktop.common.Theme;
import org.rareearth.dashboard.desktop.common.TileFactory;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.export.ExportSpec;
import org.rareearth.dashboard.desktop.export.Exportable;
import org.rareearth.dashboard.desktop.gap.GapView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.desktop.timeline.TimelineView;

/** The first screen: headline figures, each computed from the store on every refresh. */
public final class DashboardView implements View.Reading, Exportable {
    public static final String TITLE = "Dashboard";
    private static final double TILE_W = 300;
    private static final double TILE_H = 190;

    /** Where a click on a tile or chart leads: a view, and the event to select there (or null). */
    public record Target(String view, String event) {
    }

    private final Workspace services;
    private final DashboardViewModel model;
    private final FlowPane tiles = new FlowPane(12, 12);
    private Consumer<Target> onOpen = t -> { };
    private final List<String> sources = new ArrayList<>();
    private final ScrollPane root;

    /** A dashboard that reads the store when refreshed, on the calling thread (for exports and the PNG command). */
    public DashboardView(Workspace services) {
        this(services, new DashboardViewModel(DashboardViewModel.reading(services), Runnable::run, Runnable::run));
    }

    /** A dashboard showing what {@code model} reads (the window's reads off the FX thread). */
    public DashboardView(Workspace services, DashboardViewModel model) {
        this.services = services;
        this.model = model;
        model.readsProperty().addListener((o, a, b) -> build(model.summaryProperty().get()));
        model.problemProperty().addListener((o, a, b) -> showProblem(b));
        tiles.setPadding(new Insets(16));
        tiles.setId("dashboard-tiles");
        Label heading = new Label("The US–China rare-earth contest at a glance");
        heading.getStyleClass().add("view-title");
        VBox box = new VBox(4, heading, tiles);
        box.setPadding(new Insets(12, 12, 12, 12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        // The grid uses the width: as many columns as fit at the tiles' smallest width, each column as wide as the
        // window allows, and the wide tiles (the small timeline) two columns wide.
        tiles.widthProperty().addListener((o, a, b) -> fitColumns());
        if (model.summaryProperty().get() != null) {
            build(model.summaryProperty().get());
        } else {
            Label reading = new Label("Reading the store…");
            reading.setId("dashboard-reading");
            tiles.getChildren().add(reading);
        }
    }

    /** The summary the tiles show, read off the FX thread in the window. */
    @Override
    public DashboardViewModel reads() {
        return model;
    }

    private void showProblem(String problem) {
        tiles.getChildren().removeIf(n -> "tile-dashboard-problem".equals(n.getId()));
        if (problem == null || problem.isEmpty()) {
            return;
        }
        tiles.getChildren().removeIf(n -> "dashboard-reading".equals(n.getId()));
        Tile t = text("Dashboard not up to date", problem + "\nThe figures below, if any, are from the last"
                + " read; F5 tries again.");
        t.setId("tile-dashboard-problem");
        tiles.getChildren().add(0, t);
        fitColumns();
    }

    /** Smallest width of a column; the tiles grow from it to fill the row. */
    static final double MIN_TILE_W = TILE_W;
    private static final String SPAN = "dashboard-span";

    /** The column width for a grid of {@code inner} pixels: as many columns of at least {@link #MIN_TILE_W}. */
    public static double columnWidth(double inner, double gap) {
        int columns = Math.max(1, (int) Math.floor((inner + gap) / (MIN_TILE_W + gap)));
        return Math.max(MIN_TILE_W, Math.floor((inner - (columns - 1) * gap) / columns));
    }

    private void fitColumns() {
        double inner = tiles.getWidth() - tiles.getPadding().getLeft() - tiles.getPadding().getRight() - 1;
        if (inner <= 0) {
            return;
        }
        double gap = tiles.getHgap();
        double w = columnWidth(inner, gap);
        for (Node n : tiles.getChildren()) {
            if (n instanceof javafx.scene.layout.Region r) {
                int span = Math.min(r.getProperties().get(SPAN) instanceof Integer i ? i : 1,
                        Math.max(1, (int) Math.floor((inner + gap) / (w + gap))));
                double width = span * w + (span - 1) * gap;
                r.setPrefWidth(width);
                r.setMinWidth(width);
                r.setMaxWidth(width);
            }
        }
    }

    /** Called when a tile or chart is clicked (or activated with Enter or Space). */
    public void setOnOpen(Consumer<Target> handler) {
        this.onOpen = handler;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    /** The summary and theme the tiles were built from: a read that gives the same summary keeps the tiles. */
    private DashboardSummary builtFrom;
    private Theme builtTheme;

    private void build(DashboardSummary sum) {
        // (Not compared on the first build: a record's first equals links its call site, a few ms of the start.)
        if (builtFrom != null && sum.equals(builtFrom) && Theme.current() == builtTheme) {
            return;
        }
        builtFrom = sum;
        builtTheme = Theme.current();
        tiles.getChildren().clear();
        sources.clear();
        // What the tiles show is decided by the service; this only builds them.
        LocalDate today = sum.today();
        List<PolicyEvent> events = sum.events();
        List<Reaction> reactions = sum.reactions();
        Map<String, PolicyEvent> byCode = sum.eventsByCode();

        sum.headline().ifPresent(code -> sum.topMovers().forEach(r -> tiles.getChildren().add(link(
                reactionTile(r, byCode.get(code), reactions), new Target(ReactionsView.TITLE, code),
                "the stock reactions to this event"))));

        sum.latestStakes().forEach(k -> tiles.getChildren().add(link(stakeTile(k),
                new Target(ReactionsView.TITLE, k.event()), "the stock reactions to this event")));
        if (sum.latestStakes().isEmpty()) {
            tiles.getChildren().add(text("Equity stakes", "No equity stake in the store. Add one in Data > Stakes:"
                    + " who took it, in which security, what was paid and the share it buys."));
        }

        // One report feeds both price tiles: China's price on the floor's basis.
        GapReport report = sum.gap();
        tiles.getChildren().add(link(floorTile(report, sum.today()), new Target(GapView.TITLE, null),
                "the price-support gap"));
        sparkline(report).ifPresent(n -> tiles.getChildren().add(link(n, new Target(GapView.TITLE, null),
                "the price-support gap")));

        long lapsed = sum.lapsed();
        Tile measures = number("China's measures in force today", sum.inForce(), "",
                (lapsed == 0 ? "" : lapsed + " whose suspension lapsed without a recorded follow-up\n")
                        + sum.suspended() + " suspended · " + events.size() + " events · " + asOf(today, today)
                        + (lapsed == 0 ? "" : STALE + "rests on lapsed dates (Data > Review)"));
        measures.setId("tile-in-force");
        markStale(measures, lapsed > 0);
        tiles.getChildren().add(link(measures, new Target(TimelineView.TITLE, null), "the export-restriction timeline"));

        sum.latestControl().ifPresent(e -> tiles.getChildren().add(link(number("Days since China's latest control",
                sum.daysSinceLatestControl(), "days", e.title() + " (" + Formats.day(e.announced()) + ")\n"
                        + asOf(today, today)), new Target(TimelineView.TITLE, e.code()),
                "this control on the timeline")));

        sum.nextExpiry().ifPresentOrElse(
                n -> tiles.getChildren().add(link(number("Next expiry", n.daysLeft(), "days",
                        n.event().title() + " — " + Formats.day(n.date()) + "\n" + asOf(today, today)),
                        new Target(TimelineView.TITLE, n.event().code()), "this measure on the timeline")),
                () -> tiles.getChildren().add(text("Next expiry",
                        "No suspension or measure ends after today in the store.")));

        // Small versions of the reactions chart and the timeline (the gap chart is the line above).
        sum.headline().ifPresent(code -> miniReactions(code, reactions, byCode.get(code), sum.benchmarks())
                .ifPresent(tiles.getChildren()::add));
        if (!events.isEmpty()) {
            tiles.getChildren().add(miniTimeline(events, today));
        }
        tiles.getChildren().add(supplyTile(sum.supply()));
        fitColumns();
    }

    /** Makes a tile open a view on click, Enter or Space; the tooltip says where it leads. */
    private Node link(Node n, Target target, String what) {
        n.getStyleClass().add("linked-tile");
        n.setCursor(Cursor.HAND);
        n.setFocusTraversable(true);
        org.rareearth.dashboard.desktop.common.Tips.set(n, "Click to open " + what);
        n.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                onOpen.accept(target);
            }
        });
        n.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                onOpen.accept(target);
                e.consume();
            }
        });
        return n;
    }

    /** The headline event's close-to-close moves as bars, benchmarks included for scale. */
    private Optional<Node> miniReactions(String code, List<Reaction> all, PolicyEvent event,
                                         Set<String> benchmarks) {
        List<Reaction> moves = all.stream()
                .filter(r -> r.event().equals(code) && "close-to-close".equals(r.measure()))
                .sorted(Comparator.comparing(Reaction::percent).reversed()).toList();
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        List<MiniChart.Bar> bars = moves.stream().map(r -> new MiniChart.Bar(r.symbol(), r.percent(),
                benchmarks.contains(r.symbol()) ? BENCHMARK_GREY : Palette.of(Category.INVESTMENT),
                r.symbol() + " " + Formats.percent(r.percent()) + (benchmarks.contains(r.symbol())
                        ? " (benchmark)" : ""))).toList();
        MiniChart chart = MiniChart.bars(bars, v -> Math.round(v) + "%", (event == null ? code : event.title())
                + "\nBenchmarks in grey. Click to open the stock reactions.");
        moves.forEach(r -> sources.add(r.source()));
        ChartTile t = chartTile("Close-to-close moves" + (event == null ? "" : ", " + Formats.day(event.announced())), chart);
        t.setId("tile-mini-reactions");
        return Optional.of(link(t, new Target(ReactionsView.TITLE, code), "the stock reactions to this event"));
    }

    private static final javafx.scene.paint.Color BENCHMARK_GREY = javafx.scene.paint.Color.web("#8a96a3");

    /** Every event on one small canvas; a click on a dot opens that event on the full timeline. */
    private Node miniTimeline(List<PolicyEvent> events, LocalDate today) {
        MiniTimeline mini = new MiniTimeline(events, today);
        ChartTile t = chartTile("Export controls and responses, " + events.size() + " events, as of "
                + Formats.day(today), mini);
        t.setPrefSize(2 * TILE_W + 12, TILE_H);
        t.getProperties().put(SPAN, 2);
        t.setId("tile-mini-timeline");
        link(t, new Target(TimelineView.TITLE, null), "the export-restriction timeline (click a dot for its event)");
        t.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                javafx.geometry.Point2D p = mini.sceneToLocal(e.getSceneX(), e.getSceneY());
                onOpen.accept(new Target(TimelineView.TITLE,
                        mini.eventAt(p.getX(), p.getY()).map(PolicyEvent::code).orElse(null)));
            }
        });
        return t;
    }

    /**
     * Magnet capacity outside China by year and status, with the first year it reaches China's 2025 magnet exports
     * to the US (the same outlook as the Supply chain view and the capacity command).
     */
    private Node supplyTile(Optional<org.rareearth.dashboard.service.SupplyChainService.Outlook> outlook) {
        var ref = org.rareearth.dashboard.service.SupplyChainService.REFERENCES.get(0);
        if (outlook.isEmpty()) {
            Tile t = text("Supply chain", "No capacity projects in the store. Add them in Data > Capacity projects"
                    + " to see non-China capacity by stage and the time lag.");
            t.setId("tile-supply-chain");
            return link(t, new Target(org.rareearth.dashboard.desktop.supply.SupplyChainView.TITLE, null),
                    "the supply chain");
        }
        var o = outlook.get();
        List<String> years = new ArrayList<>();
        List<Double> operating = new ArrayList<>();
        List<Double> construction = new ArrayList<>();
        List<Double> planned = new ArrayList<>();
        for (var y : o.result().byYear()) {
            years.add(String.valueOf(y.year()));
            operating.add(y.operating());
            construction.add(y.construction());
            planned.add(y.planned());
        }
        var lag = o.result().lag();
        String when = lag.withPlanned() == null ? "not on record" : String.valueOf(lag.withPlanned());
        o.result().counted().forEach(e -> sources.add(e.project().source()));
        MiniChart chart = MiniChart.stacked(years, List.of(
                new MiniChart.Layer("operating", org.rareearth.dashboard.desktop.supply.SupplyChainView.OPERATING,
                        operating),
                new MiniChart.Layer("under construction", org.rareearth.dashboard.desktop.supply.SupplyChainView
                        .CONSTRUCTION, construction),
                new MiniChart.Layer("planned", org.rareearth.dashboard.desktop.supply.SupplyChainView.PLANNED,
                        planned)), v -> String.format(java.util.Locale.ROOT, "%,.0f", v),
                String.format(java.util.Locale.ROOT, "Green operating, amber under construction, blue planned.%n"
                        + "%s (%,.0f t) reached: operating only %s, with everything on record %s.%nClick to open"
                        + " the supply chain.", ref.label(), ref.tonnes(), lag.operatingOnly() == null
                        ? "not on record" : lag.operatingOnly(), when));
        ChartTile t = chartTile("Magnet capacity outside China, t/yr", chart);
        t.setId("tile-supply-chain");
        return link(t, new Target(org.rareearth.dashboard.desktop.supply.SupplyChainView.TITLE, null),
                "the supply chain");
    }

    private static ChartTile chartTile(String title, javafx.scene.layout.Region content) {
        ChartTile t = new ChartTile(title, content);
        t.setPrefSize(TILE_W, TILE_H);
        return t;
    }

    private Node reactionTile(Reaction close, PolicyEvent event, List<Reaction> all) {
        String others = all.stream()
                .filter(r -> r.symbol().equals(close.symbol()) && r.event().equals(close.event())
                        && !r.measure().equals("close-to-close"))
                .map(r -> r.measure() + " " + Formats.percent(r.percent()))
                .collect(Collectors.joining(", "));
        sources.add(ExportSpec.cite(close.source(), close.sourceUrl()));
        String desc = "close-to-close, " + asOf(close.date(), null)
                + (others.isEmpty() ? "" : "; " + others) + "\n" + (event == null ? close.event() : event.title())
                + "\nSource: " + close.source();
        Tile t = number(close.symbol() + " reaction", close.percent(), "%", desc);
        t.setDecimals(2);
        return t;
    }

    /** An equity stake: what was paid (in millions) and the share of the company it buys. */
    private Node stakeTile(Stake k) {
        sources.add(ExportSpec.cite(k.source(), k.sourceUrl()));
        String share = k.percent() == null ? null : "about " + Formats.number(k.percent()) + "% of " + k.symbol()
                + (k.instrument() != null && k.instrument().contains("convertible") ? " as converted" : "");
        String desc = (share == null ? "" : share + "\n")
                + (k.instrument() == null ? "" : k.instrument() + "\n")
                + asOf(k.date(), null) + " · Source: " + k.source();
        Tile t;
        if (k.amount() != null) {
            t = number(k.holder() + " stake in " + k.symbol(), k.amount() / 1e6, "M " + k.currency(), desc);
            t.setDecimals(k.amount() % 1e6 == 0 ? 0 : 1);
        } else {
            t = number(k.holder() + " stake in " + k.symbol(), k.percent(), "%", desc);
            t.setDecimals(1);
        }
        t.setId("tile-stake-" + k.symbol());
        return t;
    }

    /** The gap chart in small: China's price on the floor's basis, with the floor as a dashed line. */
    private Optional<Node> sparkline(GapReport r) {
        if (r == null || r.points().size() < 2) {
            return Optional.empty();
        }
        List<MiniChart.Point> china = new ArrayList<>();
        for (GapAnalysis.Point p : r.points()) {
            china.add(new MiniChart.Point(p.date().toEpochDay(), p.chinaUsdPerKg(), "China "
                    + Formats.day(p.date()) + ": " + Formats.usdPerKg(p.chinaUsdPerKg()) + " (VAT out)"));
        }
        // The floor from its start (or the first quote, if later) to the last quote, as on the full chart.
        GapAnalysis.Point first = r.points().get(0);
        GapAnalysis.Point last = r.points().get(r.points().size() - 1);
        long from = Math.max(first.date().toEpochDay(), r.floor().start().toEpochDay());
        List<MiniChart.Point> floor = new ArrayList<>();
        if (from < last.date().toEpochDay()) {
            String tip = "US floor: " + Formats.usdPerKg(last.floorUsdPerKg());
            floor.add(new MiniChart.Point(from, last.floorUsdPerKg(), tip));
            floor.add(new MiniChart.Point(last.date().toEpochDay(), last.floorUsdPerKg(), tip));
        }
        MiniChart chart = MiniChart.lines(List.of(
                new MiniChart.Line("China", t -> Palette.line(org.rareearth.dashboard.domain.Actor.CHINA, t), false,
                        2, china),
                new MiniChart.Line("Floor", t -> Palette.line(org.rareearth.dashboard.domain.Actor.UNITED_STATES, t),
                        true, 1.5, floor)),
                x -> Formats.day(LocalDate.ofEpochDay(Math.round(x))), v -> String.valueOf(Math.round(v)),
                "China's price on the floor's basis (solid) against the US floor (dashed)."
                        + "\nClick to open the price-support gap.");
        ChartTile t = chartTile("China " + r.floor().commodity() + " vs the floor, USD/kg (VAT out), to "
                + Formats.day(last.date()), chart);
        t.setId("tile-sparkline");
        r.points().forEach(p -> sources.add(ExportSpec.cite(p.quote().source(),
                p.quote().sourceUrl())));
        return Optional.of(t);
    }

    /**
     * The latest China price that can be put on the floor's basis, with the gap and the ratio; stale or not on
     * {@code today}, the day the summary was read for (as every other tile).
     */
    private Node floorTile(GapReport r, LocalDate today) {
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
        sources.add(ExportSpec.cite(floor.source(), floor.sourceUrl()));
        sources.add(ExportSpec.cite(p.quote().source(), p.quote().sourceUrl()));
        boolean stale = Freshness.stale(p.date(), today);
        Tile t = number("China " + floor.commodity() + " (" + Formats.day(p.date()) + ")", p.chinaUsdPerKg(),
                "USD/kg", String.format("Floor %s · gap %s · floor %.2f× China%n%s%n%s", Formats.usdPerKg(p.floorUsdPerKg()),
                        Formats.usdPerKg(p.gapUsdPerKg()), p.ratio(), VatBasis.EXCLUDED.label(), asOf(p.date(), today))
                        + (stale ? STALE + "the latest quote is " + Freshness.age(p.date(), today) + " days old" : ""));
        t.setDecimals(2);
        t.setId("tile-china-price");
        markStale(t, stale);
        return t;
    }

    /**
     * The tiles of the summary the dashboard shows, built anew for the export (a node has one parent): the window's
     * export reads nothing on the FX thread. A dashboard that has not read yet reads the store now.
     */
    @Override
    public ExportSpec exportSpec() {
        DashboardSummary read = model.summaryProperty().get();
        DashboardSummary sum = read != null ? read : DashboardViewModel.reading(services).get();
        DashboardView fresh = showing(sum);
        List<List<Object>> rows = new ArrayList<>();
        for (Node n : fresh.tiles.getChildren()) {
            if (n instanceof Tile t) {
                rows.add(Arrays.asList(t.getTitle(), t.getSkinType() == Tile.SkinType.NUMBER
                        ? t.getValue() : null, t.getUnit(), t.getDescription()));
            } else if (n instanceof ChartTile c) {
                rows.add(Arrays.asList(c.getTitle(), null, "", ""));
            }
        }
        return new ExportSpec("dashboard",
                "The US–China rare-earth contest at a glance", "Figures from the store as of "
                + Formats.day(sum.today()) + ".", () -> {
                    DashboardView v = showing(sum);
                    v.tiles.setPadding(new Insets(4, 0, 4, 0));
                    return v.tiles;
                }, List.copyOf(fresh.sources), List.of("tile", "value", "unit", "description"), rows);
    }

    /** A dashboard with its tiles built from {@code sum}, which it does not read again. */
    private DashboardView showing(DashboardSummary sum) {
        DashboardView v = new DashboardView(services, new DashboardViewModel(() -> sum, Runnable::run, Runnable::run));
        v.refresh();
        return v;
    }

    /** The mark a stale figure carries in its tile (and so in exports). */
    static final String STALE = "\n⚠ Stale: ";

    /** "as of 12 Feb 2026", and how old that is when {@code today} is given and it is not today. */
    static String asOf(LocalDate day, LocalDate today) {
        if (today == null || day.equals(today)) {
            return "as of " + Formats.day(day);
        }
        long age = Freshness.age(day, today);
        return "as of " + Formats.day(day) + " (" + age + (age == 1 ? " day" : " days") + " ago)";
    }

    private static void markStale(Tile t, boolean stale) {
        if (stale) {
            // The title keeps its words (tiles are found by them); its colour and the description say it is stale.
            t.getStyleClass().add("stale-tile");
            t.setTitleColor(javafx.scene.paint.Color.web("#E69F00"));
        }
    }

    private static Tile number(String title, double value, String unit, String description) {
        return TileFactory.number(title, value, unit, 0, description, TILE_W, TILE_H);
    }

    private static Tile text(String title, String description) {
        return TileFactory.text(title, description, TILE_W, TILE_H);
    }
}
