package org.rareearth.dashboard.desktop.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and dates read on screen. */
public final class Formats {
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Formats() {}

    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%+.2f%%", p);
    }

    /**
     * A plain number without trailing zeros or an exponent: 15 for 15.0, 15.5 for 15.50, 400000000 for 4.0E8 (the
     * way the number is typed into a form).
     */
    public static String number(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
    }

    /**
     * Formats a day and a number in each locale the window formats in (its own, the root locale and TilesFX's US
     * English), so that the JDK's locale data (month names, number symbols) is loaded on the calling thread: a
     * start calls it on a background thread, and the dashboard's first frame then does not load it on the FX
     * thread (BENCHMARKS.md).
     */
    public static void loadLocaleData() {
        day(LocalDate.EPOCH);
        for (Locale l : new Locale[] {Locale.ROOT, Locale.getDefault(Locale.Category.FORMAT), Locale.US}) {
            String.format(l, "%.2f %,.0f", 1.5, 1500.0);
        }
    }

    public static String usdPerKg(double v) {
        return String.format(Locale.ROOT, "$%.2f/kg", v);
    }
}
