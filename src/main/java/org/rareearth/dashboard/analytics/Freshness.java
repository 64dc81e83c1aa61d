package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How old a figure may be before the app marks it stale. */
public final class Freshness {
    /** A price or a quote older than this many days is stale. */
    public static final int MAX_AGE_DAYS = 30;

    private Freshness() {}

    /** True when a figure as of {@code asOf} is older than {@value #MAX_AGE_DAYS} days on {@code today}. */
    public static boolean stale(LocalDate asOf, LocalDate today) {
        return asOf != null && ChronoUnit.DAYS.between(asOf, today) > MAX_AGE_DAYS;
    }

    /** Days from {@code asOf} to {@code today}. */
    public static long age(LocalDate asOf, LocalDate today) {
        return ChronoUnit.DAYS.between(asOf, today);
    }
}
