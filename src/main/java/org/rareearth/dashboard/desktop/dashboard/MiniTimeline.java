package org.rareearth.dashboard.desktop.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rareearth.dashboard.analytics.timeline.Segment;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.desktop.common.Palette;
import org.rareearth.dashboard.desktop.common.Theme;

/**
 * The timeline in small: one row per actor, each event a dot at its announcement and a bar while in force, with
 * today marked. It answers "which event is this?" for a point so a click can open it on the full timeline.
 */
final class MiniTimeline extends CanvasRegion implements Theme.Themed {
    private static final double LABEL_W = 58;
    private static final double AXIS_H = 16;
    private final List<PolicyEvent> events;
    private final LocalDate today;
    private final List<double[]> hits = new ArrayList<>();
    private final List<PolicyEvent> hitEvents = new ArrayList<>();
    private Theme.Colors colors = Theme.current().colors();

    MiniTimeline(List<PolicyEvent> events, LocalDate today) {
        super(GENERAL_TIP);
        this.events = List.copyOf(events);
        this.today = today;
        setMinSize(120, 80);
        setPrefSize(280, 130);
    }

    /** Hovering a dot names its event; elsewhere the tooltip says what a click does. */
    @Override
    public Optional<String> tipAt(double x, double y) {
        return eventAt(x, y).map(ev -> ev.title() + " (" + org.rareearth.dashboard.desktop.common.Formats.day(
                ev.announced()) + ")\nClick to select it on the timeline");
    }

    static final String GENERAL_TIP = "Every event, one row per actor: a dot at its announcement, a bar while in"
            + " force, today in red. Click a dot to open that event on the timeline.";

    @Override
    public void applyTheme(Theme theme) {
        colors = theme.colors();
        redraw();
    }

    /** The event whose dot is nearest to (x, y), within a few pixels. */
    Optional<PolicyEvent> eventAt(double x, double y) {
        PolicyEvent best = null;
        double bestD = 8 * 8;
        for (int i = 0; i < hits.size(); i++) {
            double dx = hits.get(i)[0] - x;
            double dy = hits.get(i)[1] - y;
            if (dx * dx + dy * dy <= bestD) {
                bestD = dx * dx + dy * dy;
                best = hitEvents.get(i);
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        hits.clear();
        hitEvents.clear();
        if (events.isEmpty() || w < 20 || h < 20) {
            return;
        }
        long from = events.stream().mapToLong(e -> e.announced().toEpochDay()).min().orElseThrow();
        long to = Math.max(today.toEpochDay(), events.stream().mapToLong(e -> e.announced().toEpochDay()).max()
                .orElseThrow());
        long pad = Math.max(15, (to - from) / 20);
        from -= pad;
        to += pad;
        double x0 = LABEL_W;
        double span = Math.max(1, to - from);
        double plotW = w - x0 - 4;
        List<Actor> actors = List.of(Actor.values());
        double rowH = (h - AXIS_H) / actors.size();
        Font small = Font.font("System", 10);
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        // Years along the bottom
        g.setTextAlign(TextAlignment.CENTER);
        for (int y = LocalDate.ofEpochDay(from).getYear() + 1; y <= LocalDate.ofEpochDay(to).getYear(); y++) {
            double x = x0 + (LocalDate.of(y, 1, 1).toEpochDay() - from) / span * plotW;
            g.setStroke(colors.grid());
            g.setLineWidth(1);
            g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, h - AXIS_H);
            g.setFill(colors.mutedText());
            g.fillText(Integer.toString(y), x, h - AXIS_H / 2);
        }
        for (int r = 0; r < actors.size(); r++) {
            Actor a = actors.get(r);
            double cy = r * rowH + rowH / 2;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Palette.of(a));
            g.fillRect(0, cy - 5, 3, 10);
            g.setFill(colors.text());
            g.fillText(shortName(a), 6, cy);
            for (PolicyEvent e : events) {
                if (e.actor() != a) {
                    continue;
                }
                Color c = Palette.of(e.category());
                double ex = x0 + (e.announced().toEpochDay() - from) / span * plotW;
                LocalDate lapsedAfter = org.rareearth.dashboard.analytics.EventReview.lapse(e, events, today)
                        .map(org.rareearth.dashboard.analytics.EventReview.Lapse::date).orElse(null);
                for (Segment s : Segment.of(e, today, lapsedAfter)) {
                    if (s.kind() == Segment.Kind.ACTIVE) {
                        double sx0 = x0 + (s.from().toEpochDay() - from) / span * plotW;
                        double sx1 = x0 + (s.to().toEpochDay() - from) / span * plotW;
                        g.setFill(c.deriveColor(0, 1, 1, 0.45));
                        g.fillRect(sx0, cy - 2, Math.max(1, sx1 - sx0), 4);
                    }
                }
                g.setFill(c);
                g.fillOval(ex - 3.5, cy - 3.5, 7, 7);
                hits.add(new double[] {ex, cy});
                hitEvents.add(e);
            }
        }
        double tx = x0 + (today.toEpochDay() - from) / span * plotW;
        g.setStroke(Palette.TODAY);
        g.setLineWidth(1);
        g.strokeLine(Math.round(tx) + 0.5, 0, Math.round(tx) + 0.5, h - AXIS_H);
    }

    private static String shortName(Actor a) {
        return switch (a) {
            case CHINA -> "China";
            case UNITED_STATES -> "US";
            case ALLIES -> "Allies";
            case BILATERAL -> "US–China";
        };
    }
}
