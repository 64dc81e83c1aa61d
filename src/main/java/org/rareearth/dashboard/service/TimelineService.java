package org.rareearth.dashboard.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rareearth.dashboard.analytics.EventReview;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.store.EventRepository;

/**
 * The export-restriction timeline on a day: the events a filter keeps, each with its status that day and, where
 * its suspension or end date passed with nothing recorded after it, the lapse to review. The {@code timeline}
 * command and the timeline screen's table and export both list it from here.
 */
public final class TimelineService {
    /** One event on the day: its status and its lapse, if any. */
    public record Entry(PolicyEvent event, EventStatus status, Optional<EventReview.Lapse> lapse) {
        /** The review text the command's JSON and the screen's export both carry. */
        public Optional<String> review() {
            return lapse.map(l -> "lapsed, not confirmed: " + l.reason());
        }
    }

    /**
     * The events kept, oldest first as the filter gives them; those not yet announced on the day are left out
     * when {@code hideNotYetAnnounced}, and counted. {@code all} is every stored event (links between events need
     * them).
     */
    public record Listing(LocalDate on, List<Entry> entries, int notYetAnnounced, List<PolicyEvent> all) {}

    private final EventRepository events;

    public TimelineService(EventRepository events) {
        this.events = events;
    }

    public Listing on(EventFilter filter, LocalDate day, boolean hideNotYetAnnounced) {
        return listing(events.all(), filter, day, hideNotYetAnnounced);
    }

    /** The same over events already read. */
    public static Listing listing(List<PolicyEvent> all, EventFilter filter, LocalDate day,
                                  boolean hideNotYetAnnounced) {
        List<Entry> out = new ArrayList<>();
        int notYet = 0;
        for (PolicyEvent e : filter.apply(all)) {
            EventStatus status = EventStatus.on(e, day);
            if (hideNotYetAnnounced && status == EventStatus.NOT_YET_ANNOUNCED) {
                notYet++;
                continue;
            }
            out.add(new Entry(e, status, EventReview.lapse(e, all, day)));
        }
        return new Listing(day, List.copyOf(out), notYet, all);
    }
}
