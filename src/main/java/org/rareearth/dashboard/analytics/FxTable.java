package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rareearth.dashboard.domain.FxRate;

/** Exchange rates by pair and date, looked up at a date or the nearest earlier one within a limit. */
public final class FxTable {
    /** A rate older than this many days is not used. */
    public static final int MAX_AGE_DAYS = 10;

    private final Map<String, NavigableMap<LocalDate, Double>> byPair;

    public FxTable(List<FxRate> rates) {
        this.byPair = rates.stream().collect(Collectors.groupingBy(FxRate::pair,
                Collectors.toMap(FxRate::date, FxRate::rate, (a, b) -> b, TreeMap::new)));
    }

    /** How a price in {@code currency} becomes USD: the rate used, its date, and whether to divide by it. */
    public record Conversion(String pair, LocalDate date, double rate, boolean divide) {
        public double toUsd(double amount) {
            return divide ? amount / rate : amount * rate;
        }
    }

    /**
     * The conversion of {@code currency} to USD on {@code day}: the USD/XXX rate (divide) or XXX/USD (multiply) of
     * that day or the nearest earlier one.
     *
     * @throws IllegalArgumentException naming the date when no rate lies within {@link #MAX_AGE_DAYS} days
     */
    public Conversion toUsd(String currency, LocalDate day) {
        Conversion c = find("USD/" + currency, day, true);
        if (c == null) {
            c = find(currency + "/USD", day, false);
        }
        if (c == null) {
            throw new IllegalArgumentException("no USD/" + currency + " rate on " + day + " or in the "
                    + MAX_AGE_DAYS + " days before it; add one in the Data view");
        }
        return c;
    }

    private Conversion find(String pair, LocalDate day, boolean divide) {
        NavigableMap<LocalDate, Double> rates = byPair.get(pair);
        if (rates == null) {
            return null;
        }
        Map.Entry<LocalDate, Double> e = rates.floorEntry(day);
        if (e == null || ChronoUnit.DAYS.between(e.getKey(), day) > MAX_AGE_DAYS) {
            return null;
        }
        return new Conversion(pair, e.getKey(), e.getValue(), divide);
    }
}
