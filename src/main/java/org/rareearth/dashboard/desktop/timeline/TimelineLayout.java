package org.rareearth.dashboard.desktop.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.rareearth.dashboard.analytics.timeline.RowStacker;
import org.rareearth.dashboard.analytics.timeline.Segment;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * Where every item of the timeline goes, in pixels, for one zoom: lanes by actor, rows within a lane so that
 * no two items (bar and label) overlap. Pure geometry: no JavaFX, so it can be tested and benchmarked alone.
 */
public final class TimelineLayout {
    static final double GUTTER = 150;
    static final double AXIS_H = 30;
    static final double LANE_HEADER = 4;
    static final double ROW_H = 34;
    static final double LANE_PAD = 8;
    static final double POINT_R = 5;
    static final double LABEL_GAP = 12;
    static final int MAX_LABEL_CHARS = 60;

    /** One event placed: its lane and row, the x of its announcement, its bar stretches and its label. */
    record Item(PolicyEvent event, Actor lane, int row, double y, double pointX, List<SegmentPx> segments,
                double labelX, double labelWidth, String label, double extentStart, double extentEnd) {
        boolean hit(double px, double py) {
            return py >= y && py < y + ROW_H && px >= extentStart - 4 && px <= extentEnd + 4;
        }
    }

    record SegmentPx(double x0, double x1, Segment.Kind kind) {}

    record Lane(Actor actor, double y, double height, int count) {}

    final List<Item> items;
    final List<Lane> lanes;
    final double height;

    private TimelineLayout(List<Item> items, List<Lane> lanes, double height) {
        this.items = items;
        this.lanes = lanes;
        this.height = height;
    }

    /**
     * Lays out {@code events}: x = GUTTER + (epochDay - originDay) * pxPerDay. {@code textWidth} measures a label
     * in pixels in the font the canvas draws with.
     */
    public static TimelineLayout compute(List<PolicyEvent> events, double originDay, double pxPerDay, LocalDate today,
                                  ToDoubleFunction<String> textWidth) {
        return compute(events, originDay, pxPerDay, today, textWidth, e -> null);
    }

    /**
     * As above; {@code lapsedAfter} gives, for an event whose suspension or end date lapsed unconfirmed, the last
     * day before its lapsed stretch (null for the others).
     */
    public static TimelineLayout compute(List<PolicyEvent> events, double originDay, double pxPerDay, LocalDate today,
                                  ToDoubleFunction<String> textWidth,
                                  java.util.function.Function<PolicyEvent, LocalDate> lapsedAfter) {
        Map<Actor, List<PolicyEvent>> byLane = new EnumMap<>(Actor.class);
        for (Actor a : Actor.values()) {
            byLane.put(a, new ArrayList<>());
        }
        for (PolicyEvent e : events) {
            byLane.get(e.actor()).add(e);
        }
        List<Item> items = new ArrayList<>(events.size());
        List<Lane> lanes = new ArrayList<>();
        double y = AXIS_H;
        for (Map.Entry<Actor, List<PolicyEvent>> lane : byLane.entrySet()) {
            List<PolicyEvent> list = lane.getValue();
            list.sort(Comparator.comparing(PolicyEvent::announced).thenComparing(PolicyEvent::code));
            int n = list.size();
            double[] starts = new double[n];
            double[] ends = new double[n];
            double[] pointX = new double[n];
            String[] labels = new String[n];
            double[] labelW = new double[n];
            List<List<SegmentPx>> segs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                PolicyEvent e = list.get(i);
                pointX[i] = x(e.announced().toEpochDay(), originDay, pxPerDay);
                List<SegmentPx> sp = new ArrayList<>();
                for (Segment s : Segment.of(e, today, lapsedAfter.apply(e))) {
                    sp.add(new SegmentPx(x(s.from().toEpochDay(), originDay, pxPerDay),
                            x(s.to().toEpochDay() + 1, originDay, pxPerDay), s.kind()));
                }
                segs.add(sp);
                labels[i] = e.title().length() > MAX_LABEL_CHARS
                        ? e.title().substring(0, MAX_LABEL_CHARS - 1) + "…" : e.title();
                labelW[i] = textWidth.applyAsDouble(labels[i]);
                double barEnd = sp.isEmpty() ? pointX[i] : sp.get(sp.size() - 1).x1();
                starts[i] = pointX[i] - POINT_R;
                ends[i] = Math.max(barEnd, pointX[i] - POINT_R + labelW[i]);
            }
            int[] rows = RowStacker.stack(starts, ends, LABEL_GAP);
            int rowCount = 0;
            for (int r : rows) {
                rowCount = Math.max(rowCount, r + 1);
            }
            double laneH = LANE_HEADER + Math.max(1, rowCount) * ROW_H + LANE_PAD;
            for (int i = 0; i < n; i++) {
                items.add(new Item(list.get(i), lane.getKey(), rows[i], y + LANE_HEADER + rows[i] * ROW_H,
                        pointX[i], segs.get(i), pointX[i] - POINT_R, labelW[i], labels[i], starts[i], ends[i]));
            }
            lanes.add(new Lane(lane.getKey(), y, laneH, n));
            y += laneH;
        }
        // Keyboard order: by date across lanes, as a reader scans the axis.
        items.sort(Comparator.comparing((Item i) -> i.event().announced()).thenComparing(i -> i.lane().ordinal())
                .thenComparing(i -> i.event().code()));
        return new TimelineLayout(List.copyOf(items), List.copyOf(lanes), y);
    }

    static double x(double epochDay, double originDay, double pxPerDay) {
        return GUTTER + (epochDay - originDay) * pxPerDay;
    }
}
