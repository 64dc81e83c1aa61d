package org.rareearth.dashboard.analytics;

import java.util.Set;
import org.rareearth.dashboard.domain.Actor;

/**
 * Which session of an exchange first trades on news. An announcement made in US or allied working hours
 * reaches the Asia-Pacific exchanges after their close, so their first reaction is the next session (the DoD–MP
 * deal of 2025-07-10 moved Lynas on the ASX on 2025-07-11). China's announcements fall in Asian hours, and
 * US exchanges trade on them the same calendar day.
 */
public final class SessionOffset {
    public static final Set<String> ASIA_PACIFIC = Set.of("ASX", "SSE", "SZSE", "HKEX", "TSE", "JPX", "KRX");

    private SessionOffset() {}

    /** Trading days from the first session on or after the event date to day 0. */
    public static int of(Actor actor, String exchange) {
        return actor != Actor.CHINA && exchange != null && ASIA_PACIFIC.contains(exchange.toUpperCase()) ? 1 : 0;
    }
}
