package org.rareearth.dashboard.analytics.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * A stretch of a measure's bar: announced but not yet effective, in force, suspended, or lapsed (after a suspension
 * or an end date that passed with no later record: what the measure is then is not known).
 */
public record Segment(LocalDate from, LocalDate to, Kind kind) {

    public enum Kind { PENDING, ACTIVE, SUSPENDED, LAPSED }

    /**
     * The stretches of {@code e} up to its end or {@code today} (for ongoing measures): pending from its
     * announcement to its effective date, then in force, with the suspension drawn as its own stretch.
     * Dates are inclusive; {@code to} is the last day of the stretch.
     */
    public static List<Segment> of(PolicyEvent e, LocalDate today) {
        return of(e, today, null);
    }

    /**
     * As {@link #of(PolicyEvent, LocalDate)}, with the stretch after {@code lapsedAfter} (a suspension's last day or
     * an end date that passed unconfirmed) drawn as lapsed up to {@code today}.
     */
    public static List<Segment> of(PolicyEvent e, LocalDate today, LocalDate lapsedAfter) {
        if (lapsedAfter == null || !lapsedAfter.isBefore(today)) {
            return plain(e, today);
        }
        List<Segment> out = new ArrayList<>();
        for (Segment s : plain(e, lapsedAfter)) {
            if (!s.from().isAfter(lapsedAfter)) {
                out.add(new Segment(s.from(), min(s.to(), lapsedAfter), s.kind()));
            }
        }
        LocalDate lapseEnd = e.ends() != null && e.ends().isAfter(lapsedAfter) ? min(e.ends(), today) : today;
        out.add(new Segment(lapsedAfter.plusDays(1), lapseEnd, Kind.LAPSED));
        return out;
    }

    private static List<Segment> plain(PolicyEvent e, LocalDate today) {
        LocalDate effective = e.effective() != null ? e.effective() : e.announced();
        LocalDate last = e.ends() != null ? e.ends() : today;
        List<Segment> out = new ArrayList<>();
        if (last.isBefore(e.announced())) {
            return out;
        }
        LocalDate sFrom = e.suspendedFrom();
        LocalDate sTo = sFrom == null ? null : (e.suspendedUntil() != null ? e.suspendedUntil() : last);
        LocalDate d = e.announced();
        while (!d.isAfter(last)) {
            Kind kind;
            LocalDate until;
            if (sFrom != null && !d.isBefore(sFrom) && !d.isAfter(sTo)) {
                kind = Kind.SUSPENDED;
                until = min(sTo, last);
            } else if (d.isBefore(effective)) {
                kind = Kind.PENDING;
                until = min(effective.minusDays(1), last);
                if (sFrom != null && sFrom.isAfter(d)) {
                    until = min(until, sFrom.minusDays(1));
                }
            } else {
                kind = Kind.ACTIVE;
                until = last;
                if (sFrom != null && sFrom.isAfter(d)) {
                    until = min(until, sFrom.minusDays(1));
                }
            }
            out.add(new Segment(d, until, kind));
            d = until.plusDays(1);
        }
        return out;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
