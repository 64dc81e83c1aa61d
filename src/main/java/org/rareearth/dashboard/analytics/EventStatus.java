package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import org.rareearth.dashboard.domain.PolicyEvent;

/** What state a measure is in on a given day, from its announced, effective, suspension and end dates. */
public enum EventStatus {
    NOT_YET_ANNOUNCED("not-yet-announced"),
    ANNOUNCED("announced"),
    IN_FORCE("in-force"),
    SUSPENDED("suspended"),
    ENDED("ended");

    private final String code;

    EventStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The status of {@code e} on {@code day}. {@code ends} and {@code suspendedUntil} are the last days of the
     * measure and of its suspension; after a suspension lapses with no end recorded the measure is in force again.
     */
    public static EventStatus on(PolicyEvent e, LocalDate day) {
        if (day.isBefore(e.announced())) {
            return NOT_YET_ANNOUNCED;
        }
        if (e.ends() != null && day.isAfter(e.ends())) {
            return ENDED;
        }
        if (e.suspendedFrom() != null && !day.isBefore(e.suspendedFrom())
                && (e.suspendedUntil() == null || !day.isAfter(e.suspendedUntil()))) {
            return SUSPENDED;
        }
        LocalDate effective = e.effective() != null ? e.effective() : e.announced();
        return day.isBefore(effective) ? ANNOUNCED : IN_FORCE;
    }

    @Override
    public String toString() {
        return code;
    }
}
