package org.rareearth.dashboard.analytics;

/** Mass units that commodity prices are quoted per. */
public final class Units {
    public static final double KG_PER_LB = 0.45359237;

    private Units() {}

    /** Kilograms in one {@code unit} ("t", "kg" or "lb"). */
    public static double kilograms(String unit) {
        return switch (unit) {
            case "t" -> 1000.0;
            case "kg" -> 1.0;
            case "lb" -> KG_PER_LB;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' (known: t, kg, lb)");
        };
    }
}
