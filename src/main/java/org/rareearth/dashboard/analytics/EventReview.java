package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * What the record cannot vouch for on a day: a measure whose suspension, or whose own end date, has passed with
 * nothing recorded after it. The dates alone would say the measure is back in force (or over); no source says so,
 * so the app calls it "lapsed, not confirmed" and lists it for review instead of asserting it.
 *
 * <p>A lapse counts as followed up when the store holds a later record about the measure: an event that names it in
 * {@code related} and was announced after the lapsed stretch began (an extension, a reinstatement, a lifting), or
 * the measure's own reported {@code status} already saying what its dates say now (an analyst who checked and set
 * it, say, to {@code in-force}).
 */
public final class EventReview {

    /** Which date lapsed. */
    public enum Kind {
        /** The suspension's last day passed: is the measure back in force, or was the suspension extended? */
        SUSPENSION,
        /** The measure's own end date passed: did it end as scheduled, or was it extended or replaced? */
        END
    }

    /** A lapsed date of a measure on a day, with the reason in plain words. */
    public record Lapse(String event, Kind kind, LocalDate date, String reason) {}

    private EventReview() {}

    /** The lapse of {@code e} on {@code day}, or empty when nothing about it needs review. */
    public static Optional<Lapse> lapse(PolicyEvent e, Collection<PolicyEvent> all, LocalDate day) {
        if (e.ends() != null && day.isAfter(e.ends())) {
            LocalDate stretchStart = e.effective() != null ? e.effective() : e.announced();
            if (followedUp(e, all, stretchStart, day)) {
                return Optional.empty();
            }
            return Optional.of(new Lapse(e.code(), Kind.END, e.ends(), "its end date " + e.ends()
                    + " has passed with no later record about it: whether it ended then, or was extended or"
                    + " replaced, is not known"));
        }
        if (e.suspendedFrom() != null && e.suspendedUntil() != null && day.isAfter(e.suspendedUntil())) {
            if (followedUp(e, all, e.suspendedFrom(), day)) {
                return Optional.empty();
            }
            return Optional.of(new Lapse(e.code(), Kind.SUSPENSION, e.suspendedUntil(), "its suspension until "
                    + e.suspendedUntil() + " has passed with no later record about it: whether it came back into"
                    + " force, or the suspension was extended, is not known"));
        }
        return Optional.empty();
    }

    /** True when {@code e} has a lapse on {@code day}. */
    public static boolean lapsed(PolicyEvent e, Collection<PolicyEvent> all, LocalDate day) {
        return lapse(e, all, day).isPresent();
    }

    private static boolean followedUp(PolicyEvent e, Collection<PolicyEvent> all, LocalDate stretchStart,
                                      LocalDate day) {
        if (e.status() != null && e.status().equals(EventStatus.on(e, day).code())) {
            return true;
        }
        for (PolicyEvent f : all) {
            if (f != e && !f.code().equals(e.code()) && f.related().contains(e.code())
                    && f.announced().isAfter(stretchStart) && !f.announced().isAfter(day)) {
                return true;
            }
        }
        return false;
    }
}
