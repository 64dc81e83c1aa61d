package org.rareearth.dashboard.io.prices;

import java.time.LocalDate;

/**
 * The rules every stored daily bar meets, whether it came from a CSV file or a quote source: a date from 1900 to
 * 2100, prices that are positive finite numbers, a low no higher than the high, a volume that is not negative.
 * Each check answers the reason in plain words, or null when the value passes.
 */
public final class PriceRules {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private PriceRules() {}

    public static String date(LocalDate d) {
        return d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR ? "outside " + FIRST_YEAR + "–" + LAST_YEAR : null;
    }

    /** A price, when there is one (null passes: the column is empty). */
    public static String price(Double v) {
        return v != null && !(v > 0 && Double.isFinite(v)) ? "a price must be a positive number" : null;
    }

    public static String lowHigh(Double high, Double low) {
        return high != null && low != null && low > high ? "low is above high (" + high + ")" : null;
    }

    public static String volume(Double v) {
        return v != null && !(v >= 0 && Double.isFinite(v)) ? "a volume must be zero or more" : null;
    }
}
