package org.rareearth.dashboard.desktop.timeline;

import org.rareearth.dashboard.service.AppClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.analytics.timeline.TickUnit;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.Palette;

/**
 * The timeline control: a canvas with lanes by actor, a point at each announcement and a bar for each measure's
 * life (in force, suspended, or announced but not yet effective), an axis whose ticks follow the zoom, a today
 * line and the "status on" day. Ctrl+scroll or +/− zoom, dragging pans, arrow keys move between items, Enter or
 * a double-click opens the selected event.
 */
public final class TimelineCanvas extends Region implements org.rareearth.dashboard.desktop.common.Theme.Themed {
    static final double MIN_PX_PER_DAY = 0.02;
    static final double MAX_PX_PER_DAY = 200;

    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private org.rareearth.dashboard.desktop.common.Theme.Colors colors =
            org.rareearth.dashboard.desktop.common.Theme.current().colors();
    private final Font labelFont = Font.font("System", 12);
    private final Font laneFont = Font.font("System", FontWeight.BOLD, 13);
    private final Font axisFont = Font.font("System", 11);
    private final Map<String, Double> widthCache = new HashMap<>();
    private final Text measurer = new Text();
    private final Tooltip hoverTip = new Tooltip();
    private final ObjectProperty<PolicyEvent> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<LocalDate> statusDate = new SimpleObjectProperty<>(this, "statusDate");
    private List<PolicyEvent> events = List.of();
    private LocalDate today = AppClock.today();
    private java.util.List<PolicyEvent> context = java.util.List.of();
    private double originDay;
    private double pxPerDay = 1;
    private TimelineLayout layout;
    private Consumer<PolicyEvent> onOpen = e -> { };
    private double dragX = Double.NaN;
    private PolicyEvent hovered;
    private boolean fitPending;
    private boolean exportMode;

    public TimelineCanvas() {
        getStyleClass().add("timeline-canvas");
        setFocusTraversable(true);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setMin(0);
        vbar.valueProperty().addListener((o, a, b) -> redraw());
        getChildren().addAll(canvas, vbar);
        // Only the visible part is drawn: the canvas is the size of the control, whatever the number of rows.
        setMinHeight(120);
        setPrefHeight(600);
        measurer.setFont(labelFont);
        setAccessibleText("Timeline of events");
        selected.addListener((o, a, b) -> {
            ensureVisible(b);
            redraw();
        });
        statusDate.addListener((o, a, b) -> redraw());
        focusedProperty().addListener((o, a, b) -> redraw());
        widthProperty().addListener((o, a, b) -> {
            // A fit asked for before the control had a width is done once it has one.
            if (fitPending && b.doubleValue() > 0) {
                fitAll();
            } else {
                relayout();
            }
        });

        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                if (e.getDeltaY() != 0) {
                    zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX());
                }
            } else {
                scrollBy(-e.getDeltaY());
            }
            e.consume();
        });
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
        });
        setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX) && e.getButton() == MouseButton.PRIMARY) {
                pan(e.getX() - dragX);
                dragX = e.getX();
            }
        });
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseClicked(this::clicked);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> hoverTip.hide());
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    // ---- state ----

    /** Shows these events; keeps the zoom unless {@code fit}. */
    public void setEvents(List<PolicyEvent> events, boolean fit) {
        this.events = List.copyOf(events);
        if (selected.get() != null && !this.events.contains(selected.get())) {
            selected.set(null);
        }
        if (fit) {
            fitAll();
        } else {
            relayout();
        }
    }

    public LocalDate today() {
        return today;
    }

    /**
     * Every event of the store, filtered out or not: a later record that follows up a lapsed date counts even when
     * the filter hides it.
     */
    public void setContext(java.util.List<PolicyEvent> all) {
        this.context = java.util.List.copyOf(all);
    }

    /** The day the today line marks and ongoing bars run to (the app's clock; exports and tests set it). */
    public void setToday(LocalDate today) {
        if (today.equals(this.today)) {
            return;
        }
        this.today = today;
        relayout();
    }

    public ObjectProperty<PolicyEvent> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LocalDate> statusDateProperty() {
        return statusDate;
    }

    public void setOnOpen(Consumer<PolicyEvent> onOpen) {
        this.onOpen = onOpen;
    }

    public double pixelsPerDay() {
        return pxPerDay;
    }

    public TickUnit tickUnit() {
        return TickUnit.choose(pxPerDay);
    }

    public LocalDate dateAt(double x) {
        return LocalDate.ofEpochDay(Math.round(originDay + (x - TimelineLayout.GUTTER) / pxPerDay));
    }

    /** Where the event's point is drawn, in this control's coordinates (for tests and menus). */
    public Optional<double[]> pointOf(PolicyEvent e) {
        return layout == null ? Optional.empty() : layout.items.stream().filter(i -> i.event().equals(e)).findFirst()
                .map(i -> new double[] {i.pointX(), i.y() + TimelineLayout.ROW_H * 0.68 - scrollY()});
    }

    /** Every placed item with its row, for tests that check nothing overlaps. */
    List<TimelineLayout.Item> items() {
        return layout == null ? List.of() : layout.items;
    }

    // ---- commands ----

    public void zoom(double factor, double anchorX) {
        double anchorDay = originDay + (anchorX - TimelineLayout.GUTTER) / pxPerDay;
        pxPerDay = Math.max(MIN_PX_PER_DAY, Math.min(MAX_PX_PER_DAY, pxPerDay * factor));
        originDay = anchorDay - (anchorX - TimelineLayout.GUTTER) / pxPerDay;
        relayout();
    }

    public void zoomIn() {
        zoom(1.5, TimelineLayout.GUTTER + plotWidth() / 2);
    }

    public void zoomOut() {
        zoom(1 / 1.5, TimelineLayout.GUTTER + plotWidth() / 2);
    }

    public void pan(double dx) {
        originDay -= dx / pxPerDay;
        relayout();
    }

    /** Zooms so that every shown event, today and every end date fit. */
    public void fitAll() {
        fitPending = getWidth() <= 0;
        if (events.isEmpty()) {
            originDay = today.minusYears(1).toEpochDay();
            pxPerDay = Math.max(MIN_PX_PER_DAY, plotWidth() / 500.0);
            relayout();
            return;
        }
        long min = events.stream().mapToLong(e -> e.announced().toEpochDay()).min().orElseThrow();
        long max = today.toEpochDay();
        for (PolicyEvent e : events) {
            for (LocalDate d : new LocalDate[] {e.effective(), e.ends(), e.suspendedUntil()}) {
                if (d != null) {
                    max = Math.max(max, d.toEpochDay());
                }
            }
        }
        double span = Math.max(30, max - min);
        // Leave room on the right for the labels of the latest items.
        double usable = Math.max(100, plotWidth() - 260);
        pxPerDay = Math.max(MIN_PX_PER_DAY, Math.min(MAX_PX_PER_DAY, usable / span));
        originDay = min - 20 / pxPerDay;
        relayout();
    }

    public void selectNext(int step) {
        if (layout == null || layout.items.isEmpty()) {
            return;
        }
        List<TimelineLayout.Item> items = layout.items;
        int at = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).event().equals(selected.get())) {
                at = i;
            }
        }
        int next = at < 0 ? (step > 0 ? 0 : items.size() - 1) : Math.floorMod(at + step, items.size());
        selected.set(items.get(next).event());
    }

    // ---- layout and drawing ----

    private double plotWidth() {
        return Math.max(200, getWidth() - TimelineLayout.GUTTER);
    }

    private double textWidth(String s) {
        return widthCache.computeIfAbsent(s, k -> {
            measurer.setText(k);
            return measurer.getLayoutBounds().getWidth();
        });
    }

    void relayout() {
        java.util.List<PolicyEvent> known = context.isEmpty() ? events : context;
        layout = TimelineLayout.compute(events, originDay, pxPerDay, today, this::textWidth,
                e -> org.rareearth.dashboard.analytics.EventReview.lapse(e, known, today)
                        .map(org.rareearth.dashboard.analytics.EventReview.Lapse::date).orElse(null));
        updateScrollBar();
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double barW = exportMode ? 0 : vbar.prefWidth(-1);
        double w = Math.max(0, getWidth() - barW);
        double h = getHeight();
        vbar.resizeRelocate(w, 0, barW, h);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            updateScrollBar();
            redraw();
        }
    }

    /** For exports: no scroll bar, the lanes simply end at the bottom edge. */
    public void hideScrollBar() {
        vbar.setManaged(false);
        vbar.setVisible(false);
        vbar.setPrefWidth(0);
        exportMode = true;
        requestLayout();
    }

    /** How far the lanes are scrolled up, in pixels. */
    double scrollY() {
        return vbar.isVisible() ? vbar.getValue() : 0;
    }

    private void scrollBy(double dy) {
        vbar.setValue(Math.max(vbar.getMin(), Math.min(vbar.getMax(), vbar.getValue() + dy)));
    }

    private void updateScrollBar() {
        if (layout == null) {
            return;
        }
        double visible = Math.max(1, getHeight() - TimelineLayout.AXIS_H);
        double content = layout.height - TimelineLayout.AXIS_H + 8;
        double max = Math.max(0, content - visible);
        vbar.setVisible(max > 0 && !exportMode);
        vbar.setMax(max);
        vbar.setVisibleAmount(max <= 0 ? 1 : visible * max / content);
        vbar.setUnitIncrement(TimelineLayout.ROW_H);
        vbar.setBlockIncrement(visible * 0.9);
        if (vbar.getValue() > max) {
            vbar.setValue(max);
        }
    }

    private void ensureVisible(PolicyEvent e) {
        if (e == null || layout == null) {
            return;
        }
        pointOf(e).ifPresent(p -> {
            if (p[1] < TimelineLayout.AXIS_H + TimelineLayout.ROW_H || p[1] > getHeight() - 10) {
                scrollBy(p[1] - getHeight() / 2);
            }
            if (p[0] < TimelineLayout.GUTTER + 20 || p[0] > canvas.getWidth() - 40) {
                originDay = e.announced().toEpochDay() - (plotWidth() / 3) / pxPerDay;
                relayout();
            }
        });
    }

    @Override
    public void applyTheme(org.rareearth.dashboard.desktop.common.Theme theme) {
        colors = theme.colors();
        redraw();
    }

    void redraw() {
        if (layout == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double sy = scrollY();
        g.setFill(colors.background());
        g.fillRect(0, 0, w, h);

        // Lanes and items scroll under a fixed axis; only what is on screen is drawn.
        g.save();
        g.translate(0, -sy);
        double viewTop = sy + TimelineLayout.AXIS_H - TimelineLayout.ROW_H;
        double viewBottom = sy + h;
        boolean shade = false;
        for (TimelineLayout.Lane lane : layout.lanes) {
            g.setFill(shade ? colors.laneShade() : colors.background());
            g.fillRect(0, lane.y(), w, lane.height());
            g.setStroke(colors.rule());
            g.setLineWidth(1);
            g.strokeLine(0, lane.y() + lane.height() - 0.5, w, lane.y() + lane.height() - 0.5);
            shade = !shade;
        }
        TickUnit unit = TickUnit.choose(pxPerDay);
        List<LocalDate> ticks = unit.ticks(dateAt(TimelineLayout.GUTTER), dateAt(w));
        g.setStroke(colors.grid());
        g.setLineWidth(1);
        for (LocalDate d : ticks) {
            double x = Math.round(TimelineLayout.x(d.toEpochDay(), originDay, pxPerDay)) + 0.5;
            g.strokeLine(x, sy + TimelineLayout.AXIS_H, x, sy + h);
        }
        LocalDate statusDay = statusDate.get();
        for (TimelineLayout.Item it : layout.items) {
            if (it.y() < viewTop || it.y() > viewBottom || it.extentEnd() < TimelineLayout.GUTTER
                    || it.extentStart() > w) {
                continue;
            }
            boolean dim = statusDay != null && EventStatus.on(it.event(), statusDay) != EventStatus.IN_FORCE;
            g.setGlobalAlpha(dim ? 0.3 : 1.0);
            drawItem(g, it);
        }
        g.setGlobalAlpha(1.0);
        g.restore();
        g.setFill(colors.background());
        g.fillRect(0, 0, w, TimelineLayout.AXIS_H);

        // The axis: tick marks and labels
        g.setFont(axisFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (LocalDate d : ticks) {
            double x = Math.round(TimelineLayout.x(d.toEpochDay(), originDay, pxPerDay)) + 0.5;
            g.setStroke(colors.tick());
            g.strokeLine(x, TimelineLayout.AXIS_H - 8, x, TimelineLayout.AXIS_H);
            g.setFill(colors.axisText());
            g.fillText(unit.label(d), x + 4, TimelineLayout.AXIS_H / 2 - 2);
        }
        g.setStroke(colors.tick());
        g.strokeLine(0, TimelineLayout.AXIS_H - 0.5, w, TimelineLayout.AXIS_H - 0.5);

        // Today and the status day
        verticalLine(g, today, Palette.TODAY, "today", h, new double[0]);
        if (statusDay != null) {
            verticalLine(g, statusDay, colors.focus(), "status on " + Formats.day(statusDay), h,
                    new double[] {5, 4});
        }

        // Lane headers over everything, so panning slides under them
        g.setFill(colors.gutter());
        g.fillRect(0, 0, TimelineLayout.GUTTER, h);
        g.setStroke(colors.gutterRule());
        g.strokeLine(TimelineLayout.GUTTER - 0.5, 0, TimelineLayout.GUTTER - 0.5, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (TimelineLayout.Lane lane : layout.lanes) {
            double ly = lane.y() - sy;
            if (ly + lane.height() < TimelineLayout.AXIS_H || ly > h) {
                continue;
            }
            // A lane header stays in view while any of its lane is.
            double ty = Math.max(TimelineLayout.AXIS_H, ly);
            ty = Math.min(ty, ly + lane.height() - 40);
            g.setFill(Palette.of(lane.actor()));
            g.fillRect(0, Math.max(TimelineLayout.AXIS_H, ly), 5,
                    Math.min(ly + lane.height() - 1, h) - Math.max(TimelineLayout.AXIS_H, ly));
            g.setFont(laneFont);
            g.setFill(colors.text());
            g.fillText(lane.actor().label(), 12, ty + 10);
            g.setFont(axisFont);
            g.setFill(colors.mutedText());
            g.fillText(lane.count() == 0 ? "no events shown" : lane.count() + (lane.count() == 1 ? " event" : " events"),
                    12, ty + 28);
        }
        g.setFill(colors.gutter());
        g.fillRect(0, 0, TimelineLayout.GUTTER, TimelineLayout.AXIS_H);
        if (isFocused()) {
            g.setStroke(colors.focus());
            g.setLineWidth(2);
            g.strokeRect(1, 1, w - 2, h - 2);
        }
    }

    private void drawItem(GraphicsContext g, TimelineLayout.Item it) {
        Color c = Palette.of(it.event().category());
        double barY = it.y() + TimelineLayout.ROW_H * 0.68;
        boolean isSelected = it.event().equals(selected.get());
        if (isSelected) {
            g.setFill(colors.selectionFill());
            g.fillRoundRect(it.extentStart() - 6, it.y() + 1, it.extentEnd() - it.extentStart() + 12,
                    TimelineLayout.ROW_H - 2, 8, 8);
            g.setStroke(colors.selectionStroke());
            g.setLineWidth(1.5);
            g.strokeRoundRect(it.extentStart() - 6, it.y() + 1, it.extentEnd() - it.extentStart() + 12,
                    TimelineLayout.ROW_H - 2, 8, 8);
        }
        for (TimelineLayout.SegmentPx s : it.segments()) {
            double x0 = s.x0();
            double x1 = Math.max(s.x1(), x0 + 1);
            switch (s.kind()) {
                case PENDING -> {
                    g.setStroke(c);
                    g.setLineWidth(2);
                    g.setLineDashes(3, 3);
                    g.strokeLine(x0, barY, x1, barY);
                    g.setLineDashes();
                }
                case ACTIVE -> {
                    g.setFill(c);
                    g.fillRect(x0, barY - 4, x1 - x0, 8);
                }
                case SUSPENDED -> {
                    g.setFill(colors.background());
                    g.fillRect(x0, barY - 4, x1 - x0, 8);
                    g.setStroke(c);
                    g.setLineWidth(1);
                    g.strokeRect(x0 + 0.5, barY - 3.5, Math.max(0, x1 - x0 - 1), 7);
                    // Hatching clipped by hand: a canvas clip costs a full-size blend in software rendering.
                    double top = barY - 4;
                    double bottom = barY + 4;
                    for (double a = x0 - 8; a < x1; a += 6) {
                        double xa = Math.max(a, x0);
                        double xb = Math.min(a + 8, x1);
                        if (xa < xb) {
                            g.strokeLine(xa, bottom - (xa - a), xb, bottom - (xb - a));
                        }
                    }
                }
                case LAPSED -> {
                    // Lapsed, not confirmed: a thin dotted line in grey, ending in a question mark.
                    g.setStroke(colors.mutedText());
                    g.setLineWidth(1.5);
                    g.setLineDashes(1.5, 3);
                    g.strokeLine(x0, barY, x1, barY);
                    g.setLineDashes();
                    g.setFill(colors.mutedText());
                    g.setFont(axisFont);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText("?", x1 + 2, barY);
                }
                default -> throw new IllegalStateException();
            }
        }
        g.setFill(c);
        g.fillOval(it.pointX() - TimelineLayout.POINT_R, barY - TimelineLayout.POINT_R, 2 * TimelineLayout.POINT_R,
                2 * TimelineLayout.POINT_R);
        g.setStroke(colors.background());
        g.setLineWidth(1.5);
        g.strokeOval(it.pointX() - TimelineLayout.POINT_R, barY - TimelineLayout.POINT_R,
                2 * TimelineLayout.POINT_R, 2 * TimelineLayout.POINT_R);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(colors.text());
        g.fillText(fitted(it.label(), getWidth() - 6 - it.labelX()), it.labelX(), it.y() + 3);
    }

    /**
     * {@code label} cut to {@code room} pixels with an ellipsis at the visible edge (never mid-glyph at the canvas
     * border); the whole title is in the hover and the details panel.
     */
    String fitted(String label, double room) {
        if (room <= 0 || textWidth(label) <= room) {
            return room <= 0 ? "" : label;
        }
        int lo = 0;
        int hi = label.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (textWidth(label.substring(0, mid).stripTrailing() + "…") <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? "" : label.substring(0, lo).stripTrailing() + "…";
    }

    private void verticalLine(GraphicsContext g, LocalDate d, Color color, String label, double h, double[] dashes) {
        double x = TimelineLayout.x(d.toEpochDay(), originDay, pxPerDay);
        if (x < TimelineLayout.GUTTER || x > canvas.getWidth()) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.setLineDashes(dashes);
        g.strokeLine(x, TimelineLayout.AXIS_H, x, h);
        g.setLineDashes();
        g.setFill(color);
        g.setFont(axisFont);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(label, x - 3, TimelineLayout.AXIS_H - 2);
    }

    // ---- input ----

    private Optional<TimelineLayout.Item> itemAt(double x, double y) {
        if (layout == null || x < TimelineLayout.GUTTER) {
            return Optional.empty();
        }
        if (y < TimelineLayout.AXIS_H) {
            return Optional.empty();
        }
        double cy = y + scrollY();
        return layout.items.stream().filter(i -> i.hit(x, cy)).findFirst();
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY) {
            return;
        }
        if (!e.isStillSincePress()) {
            return;
        }
        Optional<TimelineLayout.Item> it = itemAt(e.getX(), e.getY());
        selected.set(it.map(TimelineLayout.Item::event).orElse(null));
        if (e.getClickCount() == 2 && it.isPresent()) {
            onOpen.accept(it.get().event());
        }
    }

    private void hover(MouseEvent e) {
        PolicyEvent now = itemAt(e.getX(), e.getY()).map(TimelineLayout.Item::event).orElse(null);
        if (now == null) {
            hovered = null;
            hoverTip.hide();
            return;
        }
        if (!now.equals(hovered)) {
            hovered = now;
            hoverTip.setText(now.title() + "\n" + now.actor().label() + " · " + now.category().label()
                    + "\nAnnounced " + Formats.day(now.announced())
                    + (now.effective() != null ? " · effective " + Formats.day(now.effective()) : "")
                    + "\nStatus today: " + EventStatus.on(now, today).code()
                    + (org.rareearth.dashboard.analytics.EventReview.lapsed(now, context.isEmpty() ? List.of(now)
                    : context, today) ? " (lapsed, not confirmed: no later record)" : "")
                    + "\nSource: " + now.source()
                    + "\nDouble-click to see the stock reactions");
        }
        hoverTip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case RIGHT, DOWN -> selectNext(1);
            case LEFT, UP -> selectNext(-1);
            case HOME -> {
                selected.set(null);
                selectNext(1);
            }
            case END -> {
                selected.set(null);
                selectNext(-1);
            }
            case ENTER -> {
                if (selected.get() != null) {
                    onOpen.accept(selected.get());
                }
            }
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0 -> fitAll();
            default -> {
                return;
            }
        }
        e.consume();
    }

}
