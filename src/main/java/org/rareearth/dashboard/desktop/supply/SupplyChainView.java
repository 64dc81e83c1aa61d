package org.rareearth.dashboard.desktop.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.controlsfx.control.CheckComboBox;
import org.rareearth.dashboard.analytics.CapacityOutlook;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.domain.TargetRevision;
import org.rareearth.dashboard.desktop.common.View;
import org.rareearth.dashboard.desktop.export.ExportSpec;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.service.SupplyChainService;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.desktop.common.Tips;

/**
 * Supply chain: per stage, non-China capacity over the years by status beside China's share; the projects on a
 * timeline (construction to first output, slipped targets as a trail); and the time lag to a target.
 */
public final class SupplyChainView implements View.Reading, org.rareearth.dashboard.desktop.export.Exportable {
    public static final String TITLE = "Supply chain";
    public static final Color OPERATING = Color.web("#2e7d32");
    public static final Color CONSTRUCTION = Color.web("#f9a825");
    public static final Color PLANNED = Color.web("#64b5f6");
    static final Color CANCELLED = Color.web("#9e9e9e");

    private final SupplyChainViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackedBarChart<String, Number> chart = newChart();
    private final Pane projects = new Pane();
    private final Label share = new Label();
    private final Label lag = new Label();
    private final Label notCounted = new Label();
    private final Label empty = new Label();
    private final ChoiceBox<String> stage = new ChoiceBox<>();
    private final ComboBox<String> product = new ComboBox<>();
    private final CheckComboBox<String> status = new CheckComboBox<>();
    private final CheckComboBox<String> country = new CheckComboBox<>();
    private final TextField target = new TextField();
    private final javafx.scene.control.CheckBox overlay = new javafx.scene.control.CheckBox("Events");
    private Consumer<String> onOpenEvent = code -> { };
    private Consumer<String> onOpenFloor = program -> { };
    private boolean updating;

    /** A supply-chain screen that reads the store when refreshed, on the calling thread (for exports and the PNG command). */
    public SupplyChainView(Workspace services) {
        this(SupplyChainViewModel.over(services, Runnable::run, Runnable::run));
    }

    /** A supply-chain screen showing what {@code model} reads (off the FX thread in the window). */
    public SupplyChainView(SupplyChainViewModel model) {
        this.model = model;
        stage.getItems().setAll(SupplyChain.STAGES);
        stage.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : SupplyChain.stageLabel(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        stage.setId("supply-stage");
        stage.valueProperty().bindBidirectional(model.stageProperty());
        product.setId("supply-product");
        product.setItems(model.productChoices);
        Tips.set(product, "Capacities are added up in one product; projects in another are listed as"
                + " not counted");
        status.setId("supply-status");
        status.getItems().setAll(SupplyChain.STATUSES);
        status.setTitle("Status");
        Tips.set(status, "Keep only these statuses (none ticked: all)");
        country.setId("supply-country");
        country.setTitle("Country");
        Tips.set(country, "Keep only these countries (none ticked: all)");
        target.setId("supply-target");
        target.setPromptText("target t/yr");
        target.setPrefColumnCount(8);
        Tips.set(target, "A quantity in tonnes a year of the product: the lag is the first year the"
                + " capacity on record reaches it");
        SupplyChainService.Reference ref = SupplyChainService.REFERENCES.get(0);
        Button useRef = new Button("China → US 2025");
        useRef.setMinWidth(Region.USE_PREF_SIZE);
        useRef.setId("supply-reference");
        Tips.set(useRef, String.format(Locale.ROOT, "Target: %s, %,.0f t (%s)", ref.label(), ref.tonnes(),
                ref.source()));
        useRef.setOnAction(e -> {
            model.useReference(ref);
            target.setText(String.format(Locale.ROOT, "%.0f", ref.tonnes()));
            // The text may already read so (no change event): the stage and product the reference set still count.
            model.recompute();
        });

        product.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.productProperty().set(b);
                model.recompute();
            }
        });
        stage.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                model.productProperty().set(null);
                model.recompute();
            }
        });
        status.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            model.statuses.setAll(status.getCheckModel().getCheckedItems());
            model.recompute();
        });
        country.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!updating) {
                model.countries.setAll(country.getCheckModel().getCheckedItems());
                model.recompute();
            }
        });
        target.textProperty().addListener((o, a, b) -> {
            String t = b == null ? "" : b.replace(",", "").strip();
            Double v = null;
            if (!t.isEmpty()) {
                try {
                    v = Double.valueOf(t);
                } catch (NumberFormatException e) {
                    lag.setText("'" + b + "' is not a number of tonnes a year.");
                    return;
                }
            }
            if (!updating && (model.targetProperty().get() == null || !model.targetProperty().get().equals(v))) {
                model.targetProductProperty().set(null);
            }
            model.targetProperty().set(v);
            model.recompute();
        });
        model.outlookProperty().addListener((o, a, b) -> show(b));
        model.lagTextProperty().addListener((o, a, b) -> lag.setText(b));
        model.problemProperty().addListener((o, a, b) -> showProblem(b));

        product.setPrefWidth(220);
        product.setMinWidth(120);
        overlay.setId("supply-overlay");
        overlay.setMinWidth(Region.USE_PREF_SIZE);
        Tips.set(overlay, "Overlay the policy events on the project timeline (the projects' own events"
                + " are always marked)");
        overlay.selectedProperty().addListener((o, a, b) -> drawProjects(model.outlookProperty().get()));
        HBox bar = new HBox(8, fixed("Stage"), stage, fixed("Product"), product, status, country, fixed("Target"),
                target, useRef, overlay);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label(TITLE);
        heading.getStyleClass().add("view-title");
        VBox top = new VBox(6, heading, bar);
        top.setPadding(new Insets(12, 12, 4, 12));
        share.setId("supply-share");
        share.setWrapText(true);
        lag.setId("supply-lag");
        lag.setWrapText(true);
        lag.getStyleClass().add("headline-note");
        notCounted.setId("supply-not-counted");
        notCounted.setWrapText(true);
        // The notes keep their lines when the window is short; the chart gives up the height.
        for (Label note : List.of(lag, share, notCounted)) {
            note.setMinHeight(Region.USE_PREF_SIZE);
        }
        empty.setId("supply-empty");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setVisible(false);
        empty.setManaged(false);
        ScrollPane scroll = new ScrollPane(projects);
        scroll.setId("supply-projects-scroll");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        projects.setId("supply-projects");
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox body = new VBox(6, empty, lag, chart, share, new Label("Projects (construction to first output;"
                + " grey dots: earlier targets). Hover for the source; click a linked project to open its event"
                + " or floor."), scroll, notCounted);
        body.setPadding(new Insets(4, 12, 12, 12));
        root.setTop(top);
        root.setCenter(body);
        projects.widthProperty().addListener((o, a, b) -> drawProjects(model.outlookProperty().get()));
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static StackedBarChart<String, Number> newChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("t/yr");
        StackedBarChart<String, Number> c = new StackedBarChart<>(x, y);
        c.setId("supply-chart");
        c.setAnimated(false);
        c.setMinHeight(220);
        return c;
    }

    public void setOnOpenEvent(Consumer<String> handler) {
        this.onOpenEvent = handler;
    }

    public void setOnOpenFloor(Consumer<String> handler) {
        this.onOpenFloor = handler;
    }

    public SupplyChainViewModel model() {
        return model;
    }

    private void showProblem(String text) {
        boolean any = text != null && !text.isEmpty();
        empty.setText(any ? text : "");
        empty.setVisible(any);
        empty.setManaged(any);
    }

    private void show(SupplyChainService.Outlook o) {
        if (o == null) {
            return;
        }
        updating = true;
        try {
            product.setValue(o.result().product());
            List<String> checked = new ArrayList<>(model.countries);
            country.getItems().setAll(model.countryChoices);
            checked.forEach(c -> country.getCheckModel().check(c));
        } finally {
            updating = false;
        }
        fill(chart, o);
        chart.setTitle(SupplyChain.stageLabel(o.query().stage()) + " capacity outside China, t/yr of "
                + o.result().product());
        share.setText(shareText(o));
        List<CapacityOutlook.Entry> not = o.result().notCounted();
        notCounted.setText(not.isEmpty() ? "" : "Not counted: " + String.join("; ", not.stream()
                .map(e -> e.project().operator() + ", " + e.project().facility() + " (" + e.reason() + ")").toList())
                + ".");
        drawProjects(o);
    }

    /** Fills a stacked bar chart with the outlook's years, one series per status in its colour. */
    public static void fill(StackedBarChart<String, Number> chart, SupplyChainService.Outlook o) {
        XYChart.Series<String, Number> op = new XYChart.Series<>();
        op.setName("Operating");
        XYChart.Series<String, Number> con = new XYChart.Series<>();
        con.setName("Under construction (on target year)");
        XYChart.Series<String, Number> plan = new XYChart.Series<>();
        plan.setName("Planned (on target year)");
        List<String> years = new ArrayList<>();
        for (CapacityOutlook.YearCapacity y : o.result().byYear()) {
            String k = String.valueOf(y.year());
            years.add(k);
            op.getData().add(new XYChart.Data<>(k, y.operating()));
            con.getData().add(new XYChart.Data<>(k, y.construction()));
            plan.getData().add(new XYChart.Data<>(k, y.planned()));
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(years);
        chart.getData().setAll(List.of(op, con, plan));
        colour(op, OPERATING);
        colour(con, CONSTRUCTION);
        colour(plan, PLANNED);
    }

    private static void colour(XYChart.Series<String, Number> s, Color c) {
        String web = String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
        for (XYChart.Data<String, Number> d : s.getData()) {
            Runnable paint = () -> d.getNode().setStyle("-fx-bar-fill: " + web + ";");
            if (d.getNode() != null) {
                paint.run();
            } else {
                d.nodeProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        b.setStyle("-fx-bar-fill: " + web + ";");
                    }
                });
            }
        }
        javafx.application.Platform.runLater(() -> {
            if (s.getChart() != null) {
                int i = s.getChart().getData().indexOf(s);
                for (Node n : s.getChart().lookupAll(".default-color" + i + ".chart-legend-item-symbol")) {
                    n.setStyle("-fx-background-color: " + web + ";");
                }
            }
        });
    }

    static String shareText(SupplyChainService.Outlook o) {
        List<StageShare> s = o.chinaShare();
        String stage = SupplyChain.stageLabel(o.query().stage()).toLowerCase(Locale.ROOT);
        String share = s.isEmpty() ? "China's share of world " + stage + " output: not known (no source on record)."
                : "China's share of world " + stage + " output: " + String.join("; ", s.stream().map(x -> x.year()
                + " " + SupplyChainService.plain(x.share()) + "% (" + x.source() + (x.confidence() == null ? "" : ", " + x.confidence())
                + ")").toList()) + ".";
        // China's quotas bound the upstream stages it can adjust at will.
        if ((o.query().stage().equals("mining") || o.query().stage().equals("separation")) && !o.quotas().isEmpty()) {
            share += " China's quotas: " + String.join("; ", o.quotas().stream().map(q -> q.year() + " "
                    + (Boolean.TRUE.equals(q.published()) ? (q.mining() == null ? "" : String.format(Locale.ROOT,
                    "mining %,.0f t REO", q.mining())) + (q.smelting() == null ? "" : String.format(Locale.ROOT,
                    ", smelting/separation %,.0f t", q.smelting())) : "not published")).toList()) + ".";
        }
        return share;
    }


    /** One row per project: a bar from construction start to first output, earlier targets as grey dots. */
    private void drawProjects(SupplyChainService.Outlook o) {
        projects.getChildren().clear();
        if (o == null) {
            return;
        }
        List<CapacityProject> rows = o.kept();
        int from = o.result().byYear().isEmpty() ? AppClock.today().getYear() : o.result().byYear().get(0).year();
        int to = o.result().byYear().isEmpty() ? from : o.result().byYear().get(o.result().byYear().size() - 1).year();
        for (CapacityProject p : rows) {
            for (TargetRevision t : p.targets()) {
                from = Math.min(from, t.year());
                to = Math.max(to, t.year());
            }
            if (p.constructionStart() != null) {
                from = Math.min(from, p.constructionStart());
            }
        }
        to = Math.max(to, from + 1);
        double labelW = 300;
        double w = Math.max(500, projects.getWidth() > 0 ? projects.getWidth() : 900) - labelW - 20;
        double rowH = 22;
        double perYear = w / (to - from + 1);
        for (int y = from; y <= to; y++) {
            double x = labelW + (y - from) * perYear;
            Text yt = new Text(x + 2, 12, String.valueOf(y));
            yt.getStyleClass().add("axis-label");
            yt.setFill(Color.GRAY);
            Line grid = new Line(x, 16, x, 18 + rows.size() * rowH);
            grid.setStroke(Color.gray(0.5, 0.3));
            projects.getChildren().addAll(yt, grid);
        }
        int i = 0;
        for (CapacityProject p : rows) {
            double top = 18 + i++ * rowH;
            String cap = p.capacity() == null ? "capacity not known" : String.format(Locale.ROOT, "%,.0f%s %s %s",
                    p.capacity(), p.capacityHigh() == null ? "" : String.format(Locale.ROOT, "–%,.0f",
                            p.capacityHigh()), p.unit(), p.product());
            Label name = new Label(p.operator() + " · " + p.facility());
            name.setLayoutX(0);
            name.setLayoutY(top + 2);
            name.setMaxWidth(labelW - 8);
            name.setPrefWidth(labelW - 8);
            name.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            Color colour = switch (p.status()) {
                case "operating" -> OPERATING;
                case "construction" -> CONSTRUCTION;
                case "planned" -> PLANNED;
                default -> CANCELLED;
            };
            Integer end = p.firstOutputYear();
            Integer start = p.constructionStart() != null ? p.constructionStart() : end;
            Node bar;
            if (end != null) {
                double x0 = labelW + (start - from) * perYear;
                double x1 = labelW + (end - from + 1) * perYear;
                if ("operating".equals(p.status())) {
                    x1 = labelW + (to - from + 1) * perYear;
                }
                Rectangle r = new Rectangle(x0, top + 4, Math.max(6, x1 - x0), rowH - 8);
                r.setFill(colour);
                r.setArcWidth(4);
                r.setArcHeight(4);
                if ("cancelled".equals(p.status())) {
                    r.getStrokeDashArray().setAll(4.0, 3.0);
                    r.setStroke(Color.GRAY);
                    r.setFill(Color.TRANSPARENT);
                }
                bar = r;
            } else {
                Text t = new Text(labelW + 4, top + 15, "year not on record");
                t.setFill(Color.GRAY);
                bar = t;
            }
            List<Node> trail = new ArrayList<>();
            for (TargetRevision t : p.targets()) {
                if (end != null && t.year().equals(end)) {
                    continue;
                }
                Circle c = new Circle(labelW + (t.year() - from + 0.5) * perYear, top + rowH / 2, 4, Color.GRAY);
                Tips.set(c, "Earlier target " + t.year() + " (as of " + t.asOf() + ", " + t.source() + ")");
                trail.add(c);
            }
            StringBuilder tip = new StringBuilder(p.operator() + ", " + p.facility() + " (" + p.country() + ")\n"
                    + p.status() + (end == null ? "" : ", first output " + end) + "\n" + cap + "\nSource: "
                    + p.source() + (p.confidence() == null ? "" : " [" + p.confidence() + "]")
                    + (p.sourceUrl() == null ? "" : "\n" + p.sourceUrl()));
            for (TargetRevision t : p.targets()) {
                tip.append("\nTarget ").append(t.year()).append(" as of ").append(t.asOf()).append(" (")
                        .append(t.source()).append(")");
            }
            if (p.note() != null) {
                tip.append("\n").append(p.note());
            }
            if (p.event() != null || p.floor() != null) {
                tip.append("\nClick to open ").append(p.floor() != null ? "the floor " + p.floor()
                        : "the event " + p.event());
            }
            java.util.function.Consumer<Tooltip> wide = tt -> {
                tt.setWrapText(true);
                tt.setMaxWidth(520);
                tt.setShowDuration(javafx.util.Duration.seconds(30));
            };
            Tips.set(name, tip.toString(), wide);
            Tips.set(bar, tip.toString(), wide);
            if (p.event() != null || p.floor() != null) {
                Runnable open = () -> {
                    if (p.floor() != null) {
                        onOpenFloor.accept(p.floor());
                    } else {
                        onOpenEvent.accept(p.event());
                    }
                };
                name.setOnMouseClicked(e -> open.run());
                bar.setOnMouseClicked(e -> open.run());
                name.setStyle("-fx-underline: true; -fx-cursor: hand;");
            }
            bar.setId("supply-project-" + p.id());
            projects.getChildren().add(name);
            projects.getChildren().add(bar);
            projects.getChildren().addAll(trail);
        }
        // Events: the projects' own always, every event when the overlay is on; a tick at the announcement day.
        java.util.Set<String> own = new java.util.HashSet<>();
        rows.forEach(p -> {
            if (p.event() != null) {
                own.add(p.event());
            }
        });
        double bottom = 18 + rows.size() * rowH;
        for (var e : o.events()) {
            if (!overlay.isSelected() && !own.contains(e.code())) {
                continue;
            }
            int y = e.announced().getYear();
            if (y < from || y > to) {
                continue;
            }
            double x = labelW + (y - from + (e.announced().getDayOfYear() - 1) / 366.0) * perYear;
            Line tick = new Line(x, 16, x, bottom);
            tick.setStroke(own.contains(e.code()) ? Color.web("#c62828") : Color.gray(0.45, 0.6));
            tick.getStrokeDashArray().setAll(3.0, 3.0);
            tick.setStrokeWidth(own.contains(e.code()) ? 1.5 : 1);
            javafx.scene.shape.Polygon mark = new javafx.scene.shape.Polygon(x - 5, 14, x + 5, 14, x, 22);
            mark.setFill(tick.getStroke());
            String tip = e.announced() + ": " + e.title() + " (" + e.source() + ")";
            Tips.set(mark, tip);
            Tips.set(tick, tip);
            mark.setId("supply-event-" + e.code());
            projects.getChildren().addAll(tick, mark);
        }
        projects.setPrefHeight(24 + rows.size() * rowH);
        projects.setMinHeight(Region.USE_PREF_SIZE);
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
    public org.rareearth.dashboard.desktop.common.LatestRead<?> reads() {
        return model.reads();
    }

    /** A failed read, or a store with no capacity projects (cheap to read again). */
    @Override
    public String readProblem() {
        return model.problemProperty().get();
    }

    @Override
    public ExportSpec exportSpec() {
        SupplyChainService.Outlook out = model.outlookProperty().get();
        List<List<Object>> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (out != null) {
            for (CapacityOutlook.YearCapacity y : out.result().byYear()) {
                rows.add(java.util.Arrays.asList(out.query().stage(), out.result().product(), y.year(),
                        y.operating(), y.construction(), y.planned(), y.total()));
            }
            out.result().counted().forEach(e -> sources.add(ExportSpec.cite(e.project().source(),
                    e.project().sourceUrl())));
            out.chinaShare().forEach(s -> sources.add(ExportSpec.cite(s.source(), s.sourceUrl())));
        }
        String subtitle = out == null ? "No supply-chain records" : shareText(out)
                + (out.result().lag() == null ? "" : " " + SupplyChainViewModel.describe(out.result()));
        return new ExportSpec("supply-chain", out == null ? "Supply chain" : SupplyChain.stageLabel(
                out.query().stage()) + " capacity outside China, t/yr of " + out.result().product(), subtitle, () -> {
                    StackedBarChart<String, Number> c = newChart();
                    if (out != null) {
                        fill(c, out);
                    }
                    c.setPrefSize(1000, 560);
                    return c;
                }, sources, List.of("stage", "product", "year", "operating_t_yr", "construction_t_yr",
                "planned_t_yr", "total_t_yr"), rows);
    }
}
