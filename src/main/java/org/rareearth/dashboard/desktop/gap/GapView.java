package org.rareearth.dashboard.desktop.gap;

import org.rareearth.dashboard.desktop.common.Reveal;
import eu.hansolo.tilesfx.Tile;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.rareearth.dashboard.analytics.GapAnalysis;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.TileFactory;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.common.Tips;

/** The price-support gap: China's NdPr oxide price against the US floor, in USD/kg on a named VAT basis. */
public final class GapView implements View.Reading, org.rareearth.dashboard.desktop.export.Exportable {
    public static final String TITLE = "Price-support gap";
    private static final double TILE_W = 230;
    private static final double TILE_H = 130;

    private final Workspace services;
    private final GapChart chart = newChart();
    private final ToggleGroup vat = new ToggleGroup();
    private final Spinner<Integer> volume = new Spinner<>();
    private final javafx.scene.control.DatePicker periodFrom = new javafx.scene.control.DatePicker();
    private final javafx.scene.control.DatePicker periodTo = new javafx.scene.control.DatePicker();
    private final HBox tiles = new HBox(10);
    private final Label basisNote = new Label();
    private final Label problems = new Label();
    private final javafx.scene.control.ComboBox<String> program = new javafx.scene.control.ComboBox<>();
    private final Label programmes = new Label();
    private final BorderPane root = new BorderPane();
    private final Reveal reveal;
    private final GapViewModel model;
    private java.util.function.BiConsumer<LocalDate, String> onAddQuote = (d, c) -> { };
    private java.util.function.Supplier<List<javafx.scene.control.MenuItem>> extraMenuItems = List::of;

    /** A gap screen that reads the store when refreshed, on the calling thread (for exports and the PNG command). */
    public GapView(Workspace services) {
        this(services, GapViewModel.over(services.gaps(), Runnable::run, Runnable::run));
    }

    /** A gap screen showing what {@code model} reads (off the FX thread in the window). */
    public GapView(Workspace services, GapViewModel model) {
        this.services = services;
        this.model = model;
        model.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                problems.setText(b + " (F5 tries again)");
            }
        });
        chart.setId("gap-chart");
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        chart.setOnContextMenuRequested(e -> {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            double day = x.getValueForDisplay(x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            LocalDate date = LocalDate.ofEpochDay(Math.round(day));
            GapReport report = model.reportProperty().get();
            String commodity = report == null ? null : report.floor().commodity();
            javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem("Add price quote on "
                    + Formats.day(date) + "…");
            add.setId("add-quote-here");
            add.setOnAction(a -> onAddQuote.accept(date, commodity));
            menu.getItems().setAll(add);
            menu.getItems().addAll(extraMenuItems.get());
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        RadioButton excl = new RadioButton("VAT excluded");
        excl.setId("vat-excluded");
        Tips.set(excl, "Take China's 13% VAT out of domestic quotes (the floor is a pre-tax US price)");
        RadioButton incl = new RadioButton("VAT included");
        incl.setId("vat-included");
        Tips.set(incl, "Compare with China's quotes as published, 13% VAT included");
        excl.setToggleGroup(vat);
        incl.setToggleGroup(vat);
        excl.setUserData(VatBasis.EXCLUDED);
        incl.setUserData(VatBasis.INCLUDED);
        excl.setSelected(true);
        vat.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                model.basisProperty().set((VatBasis) b.getUserData());
            }
        });
        model.basisProperty().addListener((o, a, b) -> vat.getToggles().stream()
                .filter(t -> t.getUserData() == b).findFirst().ifPresent(t -> t.setSelected(true)));

        volume.setId("gap-volume");
        volume.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000,
                GapViewModel.DEFAULT_VOLUME, 100));
        volume.getValueFactory().valueProperty().bindBidirectional(model.volumeProperty());
        volume.setEditable(true);
        volume.setPrefWidth(120);
        Tips.set(volume, "Tonnes of NdPr oxide a year that the floor covers: sets the top-up payment");
        // A typed value that is not a whole number of tonnes is put back to the last good one.
        volume.getEditor().focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitVolume();
            }
        });
        volume.getEditor().setOnAction(e -> commitVolume());
        program.setId("gap-program");
        Tips.set(program, "The price-floor programme drawn on the chart; the list below compares them"
                + " all, each at its own volume and terms");
        program.valueProperty().bindBidirectional(model.programProperty());
        programmes.setId("gap-programmes");
        programmes.setWrapText(true);
        programmes.getStyleClass().add("muted-text");
        periodFrom.setId("gap-period-from");
        periodTo.setId("gap-period-to");
        periodFrom.setPromptText("floor start");
        periodTo.setPromptText("latest quote");
        periodFrom.setPrefWidth(130);
        periodTo.setPrefWidth(130);
        Tips.set(periodFrom, "Start of the period the yearly top-up is averaged over (empty: the floor's"
                + " start)");
        Tips.set(periodTo, "End of that period (empty: the latest quote)");
        periodFrom.valueProperty().bindBidirectional(model.fromProperty());
        periodTo.valueProperty().bindBidirectional(model.toProperty());

        Label heading = new Label("Price-support gap");
        heading.getStyleClass().add("view-title");
        basisNote.getStyleClass().add("view-subtitle");
        basisNote.setWrapText(true);
        // Three groups that wrap as a whole when the window is narrow, never cutting a label short.
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(24, 6,
                group(new Label("Programme:"), program),
                group(new Label("China price basis:"), excl, incl),
                group(new Label("Volume (t/year):"), volume),
                group(new Label("Top-up period:"), periodFrom, new Label("to"), periodTo));
        controls.setId("gap-controls");
        controls.setAlignment(Pos.CENTER_LEFT);
        tiles.setId("gap-tiles");
        problems.getStyleClass().add("warning-text");
        problems.setWrapText(true);
        VBox top = new VBox(6, heading, basisNote, programmes, tiles);
        root.setTop(top);
        root.setBottom(problems);
        root.setPadding(new Insets(12));
        // On a first showing the controls come a frame after the heading, the chart a frame after them, and what
        // was read after that, each in a pulse of its own (Reveal): in one pulse they held the FX thread 140-240 ms.
        // All below the controls is empty until they are in, so nothing drawn moves.
        reveal = Reveal.afterFirstFrame(root, () -> top.getChildren().add(2, controls), () -> {
            if (root.getCenter() == null) {
                root.setCenter(chart);
            }
        });
        model.readsProperty().addListener(o -> reveal.whenDone(this::show));
        model.reportProperty().addListener(o -> reveal.whenDone(this::show));
    }

    @Override
    public Reveal reveal() {
        return reveal;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void commitVolume() {
        String text = volume.getEditor().getText().replace(",", "").trim();
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            volume.getValueFactory().setValue(v);
        } catch (NumberFormatException e) {
            volume.getEditor().setText(String.valueOf(volume.getValue()));
        }
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Called from the chart's "Add price quote on …" with the date under the mouse and the commodity. */
    public void setOnAddQuote(java.util.function.BiConsumer<LocalDate, String> handler) {
        this.onAddQuote = handler;
    }

    /** More items for the chart's context menu (export commands). */
    public void setExtraMenuItems(java.util.function.Supplier<List<javafx.scene.control.MenuItem>> items) {
        this.extraMenuItems = items;
    }

    public VatBasis basis() {
        return model.basisProperty().get();
    }

    /** The figures on screen, for tests and exports. */
    public GapReport report() {
        return model.reportProperty().get();
    }

    /** What the screen reads, and the report its choices give. */
    @Override
    public GapViewModel reads() {
        return model;
    }

    /** Lays out the report the view model holds. */
    /** The floors, report, comparison, events and theme (the tiles are styled by it) the screen shows. */
    private List<Object> lastShown;

    private void show() {
        List<PriceFloor> floors = model.floors();
        GapReport report = model.reportProperty().get();
        if (model.valueProperty().get() == null) {
            return;
        }
        if (floors.isEmpty() || report == null) {
            lastShown = null;
            tiles.getChildren().clear();
            basisNote.setText("");
            programmes.setText("");
            Label l = new Label("No price floor in the store. Add one in the Data view to compare China's price"
                    + " against it.");
            l.getStyleClass().add("empty-state");
            root.setCenter(l);
            return;
        }
        // A read that gives what is on screen already (F5, say) keeps the chart, its points and tips.
        List<Object> now = java.util.Arrays.asList(floors, report, model.comparisonProperty().get(),
                model.valueProperty().get().events(), org.rareearth.dashboard.desktop.common.Theme.current());
        if (now.equals(lastShown)) {
            return;
        }
        lastShown = now;
        List<String> names = floors.stream().map(PriceFloor::program).toList();
        if (!program.getItems().equals(names)) {
            String was = model.programProperty().get();
            program.getItems().setAll(names);
            program.setValue(was);
        }
        PriceFloor floor = report.floor();
        VatBasis basis = report.basis();
        double level = GapAnalysis.floorUsdPerKg(floor);
        basisNote.setText(floor.program() + ": " + Formats.usdPerKg(level) + " from " + Formats.day(floor.start())
                + ". China " + floor.commodity() + " in USD/kg, " + basis.label() + ", each quote converted at the"
                + " USD/CNY fixing of its date or the nearest earlier one (hover a point for the arithmetic).");
        problems.setText(report.skipped().isEmpty() ? "" : "Not shown (no FX rate within 10 days): "
                + String.join("; ", report.skipped()));
        updateTiles(report);
        programmes.setText(comparison(model.comparisonProperty().get()));
        if (report.points().isEmpty()) {
            Label l = new Label("No " + floor.commodity() + " price quotes can be shown. Add a quote (and the FX rate"
                    + " of its date) in the Data view.");
            l.getStyleClass().add("empty-state");
            root.setCenter(l);
            return;
        }
        root.setCenter(chart);
        fill(chart, report, model.valueProperty().get().events());
    }

    /** One line per programme: its terms and what it would pay a year at the latest price, at its own volume. */
    static String comparison(List<GapReport> reports) {
        StringBuilder sb = new StringBuilder(reports.size() == 1 ? "The programme:" : "The programmes compared:");
        for (GapReport r : reports) {
            PriceFloor f = r.floor();
            sb.append("\n• ").append(f.program()).append(": ").append(Formats.usdPerKg(GapAnalysis.floorUsdPerKg(f)))
                    .append(" from ").append(Formats.day(f.start()))
                    .append(f.end() == null ? " (end not stated)" : " to " + Formats.day(f.end()));
            sb.append(f.volume() == null ? "; no volume in its terms" : String.format(Locale.ROOT, "; %,.0f t/year",
                    f.volume()));
            if (f.upsideShare() != null && f.upsideShare() > 0) {
                sb.append(String.format(Locale.ROOT, "; %.0f%% of the upside above %s", f.upsideShare() * 100,
                        Formats.usdPerKg(f.upsideThreshold())));
                if (f.upsideCap() != null) {
                    sb.append(String.format(Locale.ROOT, ", capped at %,.0f %s a year", f.upsideCap(), f.currency()));
                }
            }
            r.latest().ifPresent(p -> sb.append(p.floorInForce() || f.volume() == null ? ""
                    : "; not in force on the latest quote (" + Formats.day(p.date()) + ")"));
            if (f.volume() != null) {
                sb.append(String.format(Locale.ROOT, "; top-up %,.0f USD/year at the latest price",
                        r.latest().map(p -> Math.max(0, p.gapUsdPerKg()) * r.volumeTonnes() * 1000).orElse(0.0)));
            }
            if ("U".equals(f.confidence())) {
                sb.append(" (U: see its note)");
            }
        }
        return sb.toString();
    }

    /** The programme on the chart. */
    public javafx.scene.control.ComboBox<String> programChooser() {
        return program;
    }

    @Override
    public org.rareearth.dashboard.desktop.export.ExportSpec exportSpec() {
        if (model.valueProperty().get() == null) {
            refresh(); // a screen not yet shown (the PNG command) reads the store now
        }
        GapReport r = model.reportProperty().get();
        List<org.rareearth.dashboard.domain.PolicyEvent> events = model.valueProperty().get() == null ? List.of()
                : model.valueProperty().get().events();
        List<String> sources = new java.util.ArrayList<>();
        List<List<Object>> rows = new java.util.ArrayList<>();
        if (r != null) {
            sources.add(org.rareearth.dashboard.desktop.export.ExportSpec.cite(r.floor().source(), r.floor().sourceUrl()));
            for (GapAnalysis.Point p : r.points()) {
                sources.add(org.rareearth.dashboard.desktop.export.ExportSpec.cite(p.quote().source(), p.quote().sourceUrl()));
                rows.add(java.util.Arrays.asList(p.date().toString(), p.quote().source(), p.quote().basis(),
                        p.quote().low(), p.quote().high(), p.quote().currency(), p.quote().unit(),
                        p.quote().vatIncluded(), p.fx() == null ? null : p.fx().pair(),
                        p.fx() == null ? null : p.fx().date().toString(), p.fx() == null ? null : p.fx().rate(),
                        r.basis().code(), p.chinaUsdPerKg(), p.lowUsdPerKg(), p.highUsdPerKg(), p.floorUsdPerKg(),
                        p.gapUsdPerKg(), p.ratio(), p.floorInForce(), r.volumeTonnes(), p.topUpUsd()));
            }
            if (r.points().stream().anyMatch(p -> p.fx() != null)) {
                model.valueProperty().get().fxRates().stream().map(org.rareearth.dashboard.domain.FxRate::source)
                        .distinct()
                        .forEach(sources::add);
            }
        }
        String subtitle = r == null ? "No price floor in the store"
                : r.floor().program() + " " + Formats.usdPerKg(GapAnalysis.floorUsdPerKg(r.floor())) + " from "
                + Formats.day(r.floor().start()) + ". China price in USD/kg, " + r.basis().label()
                + ", at the USD/CNY fixing of each quote date or the nearest earlier one.";
        return new org.rareearth.dashboard.desktop.export.ExportSpec("gap", "The price-support gap: US floor vs China's"
                + " NdPr oxide price", subtitle, () -> {
                    if (r == null || r.points().isEmpty()) {
                        return new Label("No China price quotes can be shown.");
                    }
                    GapChart c = newChart();
                    fill(c, r, events);
                    c.setTitle(null);
                    return c;
                }, sources, List.of("date", "source", "basis", "low", "high", "currency", "unit", "vat_included",
                "fx_pair", "fx_date", "fx_rate", "vat_basis", "china_usd_per_kg", "china_low_usd_per_kg",
                "china_high_usd_per_kg", "floor_usd_per_kg", "gap_usd_per_kg", "ratio", "floor_in_force",
                "volume_t_per_year", "top_up_usd_per_year"), rows);
    }

    /** A price-gap chart with its date axis, empty. */
    static GapChart newChart() {
        NumberAxis x = org.rareearth.dashboard.desktop.common.SeriesCharts.dateAxis();
        NumberAxis y = new NumberAxis();
        GapChart chart = new GapChart(x, y);
        chart.getStyleClass().add("gap-lines");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        x.setAutoRanging(false);
        x.setLabel("Date");
        y.setLabel("USD per kg");
        y.setForceZeroInRange(true);
        return chart;
    }

    /** Puts a report on a chart: China's price with its band, the floor, the shaded gap and the event markers. */
    static void fill(GapChart chart, GapReport report, List<org.rareearth.dashboard.domain.PolicyEvent> events) {
        PriceFloor floor = report.floor();
        double level = GapAnalysis.floorUsdPerKg(floor);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        chart.setTitle(floor.commodity() + ": US floor vs China price (USD/kg, " + report.basis().label() + ")");
        XYChart.Series<Number, Number> china = new XYChart.Series<>();
        china.setName("China " + floor.commodity() + " (mid; band: low–high)");
        for (GapAnalysis.Point p : report.points()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.date().toEpochDay(), p.chinaUsdPerKg());
            String tip = tooltip(p);
            d.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    Tips.set(node, tip, t -> t.setShowDelay(Duration.millis(100)));
                }
            });
            china.getData().add(d);
        }
        LocalDate first = report.points().get(0).date();
        LocalDate last = report.points().get(report.points().size() - 1).date();
        LocalDate lo = first.isBefore(floor.start()) ? first : floor.start();
        LocalDate hi = last.isAfter(floor.start()) ? last : floor.start().plusDays(30);
        XYChart.Series<Number, Number> floorLine = new XYChart.Series<>();
        floorLine.setName("US price floor " + Formats.usdPerKg(level));
        floorLine.getData().add(new XYChart.Data<>(floor.start().toEpochDay(), level));
        floorLine.getData().add(new XYChart.Data<>(hi.toEpochDay(), level));
        long pad = Math.max(7, (hi.toEpochDay() - lo.toEpochDay()) / 30);
        x.setLowerBound(lo.toEpochDay() - pad);
        x.setUpperBound(hi.toEpochDay() + pad);
        x.setTickUnit(Math.max(7, (x.getUpperBound() - x.getLowerBound()) / 8));
        chart.getData().setAll(List.of(china, floorLine));
        chart.setLayers(report.points(), level, floor.start(), floor.end(), events);
    }

    /**
     * The figures' tiles, made once and then given each report's figures: a change of the volume, basis or period
     * made four new TilesFX tiles before, each with four tooltips, styled and laid out anew.
     */
    private Tile chinaTile;
    private Tile gapTile;
    private Tile ratioTile;
    private Tile topUpTile;
    private Tile noQuoteTile;

    private void updateTiles(GapReport report) {
        List<Node> now = new java.util.ArrayList<>();
        report.latest().ifPresentOrElse(p -> {
            chinaTile = numberTile(chinaTile, "China price, " + Formats.day(p.date()), p.chinaUsdPerKg(), "USD/kg",
                    2, report.basis().label());
            gapTile = numberTile(gapTile, "Gap to the floor", p.gapUsdPerKg(), "USD/kg", 2,
                    "floor " + Formats.usdPerKg(p.floorUsdPerKg()) + " − China");
            ratioTile = numberTile(ratioTile, "Floor ÷ China price", p.ratio(), "×", 2,
                    p.ratio() >= 1.9 ? "about double" : "");
            now.addAll(List.of(chinaTile, gapTile, ratioTile));
        }, () -> {
            if (noQuoteTile == null) {
                noQuoteTile = TileFactory.text("China price", "No quote can be converted.", TILE_W, TILE_H);
            }
            org.rareearth.dashboard.desktop.common.Theme.current().style(noQuoteTile);
            now.add(noQuoteTile);
        });
        topUpTile = numberTile(topUpTile, "Implied annual top-up", report.annualTopUpUsd() / 1e6, "M USD", 1,
                String.format(Locale.ROOT, "%,.0f t/yr, %s to %s", report.volumeTonnes(), report.periodFrom(),
                        report.periodTo()));
        topUpTile.setId("tile-top-up");
        now.add(topUpTile);
        if (!tiles.getChildren().equals(now)) {
            tiles.getChildren().setAll(now);
        }
    }

    /** {@code tile} given these figures and the theme's colours, or a new tile when there is none yet. */
    private static Tile numberTile(Tile tile, String title, double value, String unit, int decimals,
                                   String description) {
        if (tile == null) {
            return TileFactory.number(title, value, unit, decimals, description, TILE_W, TILE_H);
        }
        tile.setTitle(title);
        tile.setUnit(unit);
        tile.setDecimals(decimals);
        tile.setValue(value);
        tile.setDescription(description);
        org.rareearth.dashboard.desktop.common.Theme.current().style(tile);
        return tile;
    }

    private static String tooltip(GapAnalysis.Point p) {
        PriceAssessment a = p.quote();
        String range = a.low().equals(a.high()) ? String.format(Locale.ROOT, "%,.2f", a.low())
                : String.format(Locale.ROOT, "%,.2f–%,.2f", a.low(), a.high());
        return Formats.day(p.date()) + " — " + a.source() + " (" + a.basis() + ")"
                + "\nQuote: " + range + " " + a.currency() + "/" + a.unit()
                + (Boolean.TRUE.equals(a.vatIncluded()) ? ", VAT included" : ", VAT excluded")
                + (p.fx() == null ? "\nNo FX needed (USD quote)"
                : "\nFX: " + p.fx().pair() + " " + p.fx().rate() + " fixing of " + Formats.day(p.fx().date())
                + (p.fx().date().equals(p.date()) ? "" : " (nearest earlier)"))
                + "\n" + p.arithmetic()
                + String.format(Locale.ROOT, "%nRange: %.2f–%.2f USD/kg%nGap to floor: %s · floor %.2f× China",
                p.lowUsdPerKg(), p.highUsdPerKg(), Formats.usdPerKg(p.gapUsdPerKg()), p.ratio())
                + (p.floorInForce() ? String.format(Locale.ROOT, "%nTop-up at this price: %,.0f USD/year",
                p.topUpUsd()) : "\nFloor not yet in force");
    }
}
