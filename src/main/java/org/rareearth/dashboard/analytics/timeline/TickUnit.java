package org.rareearth.dashboard.analytics.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The steps of the time axis, from coarse to fine; the finest one whose ticks stay readable is used. */
public enum TickUnit {
    YEAR(365.25, "yyyy"),
    QUARTER(91.3, null),
    MONTH(30.44, "MMM yyyy"),
    WEEK(7, "d MMM"),
    DAY(1, "d MMM");

    /** Ticks closer than this many pixels would crowd their labels. */
    public static final double MIN_SPACING_PX = 70;

    private final double days;
    private final DateTimeFormatter format;

    TickUnit(double days, String pattern) {
        this.days = days;
        this.format = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    }

    /** The finest unit whose ticks are at least {@link #MIN_SPACING_PX} apart at this zoom. */
    public static TickUnit choose(double pixelsPerDay) {
        TickUnit best = YEAR;
        for (TickUnit u : values()) {
            if (u.days * pixelsPerDay >= MIN_SPACING_PX) {
                best = u;
            }
        }
        return best;
    }

    /** Tick dates in {@code [from, to]}: the first day of each year, quarter, month, Monday or day. */
    public List<LocalDate> ticks(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = floor(from);
        if (d.isBefore(from)) {
            d = next(d);
        }
        while (!d.isAfter(to)) {
            out.add(d);
            d = next(d);
        }
        return out;
    }

    public String label(LocalDate d) {
        if (this == QUARTER) {
            return "Q" + ((d.getMonthValue() - 1) / 3 + 1) + " " + d.getYear();
        }
        return format.format(d);
    }

    LocalDate floor(LocalDate d) {
        return switch (this) {
            case YEAR -> d.withDayOfYear(1);
            case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case MONTH -> d.withDayOfMonth(1);
            case WEEK -> d.minusDays(d.getDayOfWeek().getValue() - 1L);
            case DAY -> d;
        };
    }

    LocalDate next(LocalDate d) {
        return switch (this) {
            case YEAR -> d.plusYears(1);
            case QUARTER -> d.plusMonths(3);
            case MONTH -> d.plusMonths(1);
            case WEEK -> d.plus(1, ChronoUnit.WEEKS);
            case DAY -> d.plusDays(1);
        };
    }
}
