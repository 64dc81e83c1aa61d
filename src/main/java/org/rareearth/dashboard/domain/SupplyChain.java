package org.rareearth.dashboard.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The supply-chain vocabulary: the stages, the project statuses and the capacity units the store accepts. */
public final class SupplyChain {
    /** The stages, upstream first. */
    public static final List<String> STAGES = List.of("mining", "separation", "metal-alloy", "magnets", "recycling");
    /** Project statuses; capacity counts from the first-output (or target) year, except for cancelled projects. */
    public static final List<String> STATUSES = List.of("operating", "construction", "planned", "cancelled");
    /** Capacity units, each a tonnage a year, with its factor to tonnes a year. */
    public static final Map<String, Double> UNITS = Map.of("t/yr", 1.0, "kt/yr", 1000.0);

    /**
     * The product each stage's capacity is added up in unless another is chosen: capacities of another product
     * at the same stage are listed but never added to these.
     */
    public static final Map<String, String> DEFAULT_PRODUCTS = Map.of("mining", "REO", "separation", "NdPr oxide",
            "metal-alloy", "metal and alloy", "magnets", "rare-earth magnets", "recycling", "recycled feed");

    private SupplyChain() {}

    public static String defaultProduct(String stage) {
        return DEFAULT_PRODUCTS.getOrDefault(stage, "");
    }

    public static String stageLabel(String stage) {
        return switch (stage) {
            case "metal-alloy" -> "Metal and alloy";
            case "mining" -> "Mining";
            case "separation" -> "Separation";
            case "magnets" -> "Magnets";
            case "recycling" -> "Recycling";
            default -> stage;
        };
    }

    /** Tonnes a year per one {@code unit}, or null for a unit that is not a known tonnage a year. */
    public static Double tonnesFactor(String unit) {
        return unit == null ? null : UNITS.get(unit.strip().toLowerCase(Locale.ROOT));
    }

    /** Two products are the same when they read the same without case and surrounding space. */
    public static boolean sameProduct(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
