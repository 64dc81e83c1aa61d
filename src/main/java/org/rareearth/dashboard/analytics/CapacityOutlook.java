package org.rareearth.dashboard.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.domain.TargetRevision;

/**
 * Non-China capacity of one product over the years, by status, and the time lag to a target quantity.
 *
 * <p>A project counts from its first-output year (its target year while under construction or planned) on;
 * an operating project with no year on record counts in every year. Only capacities of the chosen product, in a
 * tonnage a year, are added: a project in another product, with no capacity, with no year to place it on, or
 * cancelled is listed with the reason it is not counted. Ranges count at their lower end.
 *
 * <p>The lag is the first year the capacity on record reaches the target: counting operating projects only, then
 * adding those under construction, then the planned ones; and, with every construction and planned target moved
 * later by the median slip on record (the median, over projects with more than one target on record, of the last
 * target year less the first, rounded up to whole years), with all three. A year is null when the target is not
 * reached by the last year on record.
 */
public final class CapacityOutlook {

    /** Capacity online in a year, in tonnes a year, by status (each status on its own, not stacked). */
    public record YearCapacity(int year, double operating, double construction, double planned) {
        public double total() {
            return operating + construction + planned;
        }
    }

    /** A project as the outlook treats it: counted (and from which year) or not, and why. */
    public record Entry(CapacityProject project, boolean counted, Integer fromYear, Integer slippedYear,
                        String reason) {}

    /** The slip on record: its median in years (null when no project has more than one target) and its basis. */
    public record Slip(Double medianYears, int shiftYears, List<String> basis) {}

    /** The first years a target is reached; null when it is not reached by the last year on record. */
    public record Lag(double target, Integer operatingOnly, Integer withConstruction, Integer withPlanned,
                      Integer withMedianSlip) {}

    public record Result(String product, List<YearCapacity> byYear, List<Entry> entries, Slip slip, Lag lag) {
        public List<Entry> counted() {
            return entries.stream().filter(Entry::counted).toList();
        }

        public List<Entry> notCounted() {
            return entries.stream().filter(e -> !e.counted()).toList();
        }
    }

    private CapacityOutlook() {}

    /**
     * The outlook of {@code projects} in {@code product}, from the earlier of {@code thisYear} and the first
     * counted year to the later of {@code thisYear} and the last. {@code slipBasis} is every project the slip is
     * measured on (usually the whole store); {@code target} may be null.
     */
    public static Result of(Collection<CapacityProject> projects, String product, int thisYear,
                            Collection<CapacityProject> slipBasis, Double target) {
        Slip slip = slip(slipBasis);
        List<Entry> entries = new ArrayList<>();
        for (CapacityProject p : projects) {
            entries.add(entry(p, product, slip.shiftYears()));
        }
        TreeSet<Integer> years = new TreeSet<>();
        years.add(thisYear);
        for (Entry e : entries) {
            if (e.counted()) {
                if (e.fromYear() != null) {
                    years.add(e.fromYear());
                }
                if (e.slippedYear() != null) {
                    years.add(e.slippedYear());
                }
            }
        }
        List<YearCapacity> byYear = new ArrayList<>();
        for (int y = years.first(); y <= years.last(); y++) {
            byYear.add(new YearCapacity(y, sum(entries, "operating", y, false), sum(entries, "construction", y, false),
                    sum(entries, "planned", y, false)));
        }
        Lag lag = null;
        if (target != null) {
            Integer withSlip = null;
            if (slip.medianYears() != null) {
                for (int y = years.first(); y <= years.last() && withSlip == null; y++) {
                    if (reaches(sum(entries, "operating", y, true) + sum(entries, "construction", y, true)
                            + sum(entries, "planned", y, true), target)) {
                        withSlip = y;
                    }
                }
            }
            lag = new Lag(target, first(byYear, y -> y.operating(), target),
                    first(byYear, y -> y.operating() + y.construction(), target),
                    first(byYear, YearCapacity::total, target), withSlip);
        }
        return new Result(product, List.copyOf(byYear), List.copyOf(entries), slip, lag);
    }

    /** The first year whose capacity, as {@code measure} counts it, reaches the target; null when none does. */
    private static Integer first(List<YearCapacity> byYear, java.util.function.ToDoubleFunction<YearCapacity> measure,
                                 double target) {
        return byYear.stream().filter(y -> reaches(measure.applyAsDouble(y), target)).map(YearCapacity::year)
                .findFirst().orElse(null);
    }

    /** A small tolerance, so that a sum equal to the target reaches it despite rounding in the additions. */
    private static boolean reaches(double capacity, double target) {
        return capacity >= target - 1e-9 * Math.max(1, Math.abs(target));
    }

    private static double sum(List<Entry> entries, String status, int year, boolean slipped) {
        double total = 0;
        for (Entry e : entries) {
            if (!e.counted() || !status.equals(e.project().status())) {
                continue;
            }
            Integer from = slipped && e.slippedYear() != null ? e.slippedYear() : e.fromYear();
            if (from == null || from <= year) {
                total += e.project().tonnesPerYear();
            }
        }
        return total;
    }

    static Entry entry(CapacityProject p, String product, int shift) {
        String status = p.status();
        if ("cancelled".equals(status)) {
            return new Entry(p, false, null, null, "cancelled");
        }
        if (p.capacity() == null) {
            return new Entry(p, false, null, null, "capacity not known");
        }
        if (!SupplyChain.sameProduct(p.product(), product)) {
            return new Entry(p, false, null, null, "in " + p.unit() + " of " + p.product() + ", not of " + product
                    + ": capacities of different products are not added");
        }
        if (p.tonnesPerYear() == null) {
            return new Entry(p, false, null, null, "unit '" + p.unit() + "' is not a tonnage a year");
        }
        Integer year = p.firstOutputYear();
        if ("operating".equals(status)) {
            return new Entry(p, true, year, null, null);
        }
        if (year == null) {
            return new Entry(p, false, null, null, "no target year on record: it cannot be placed on a year");
        }
        return new Entry(p, true, year, year + shift, null);
    }

    /** The median slip over the projects with more than one target year on record. */
    public static Slip slip(Collection<CapacityProject> projects) {
        List<Integer> slips = new ArrayList<>();
        List<String> basis = new ArrayList<>();
        for (CapacityProject p : projects) {
            List<TargetRevision> t = p.targets();
            if (t.size() >= 2 && t.get(0).year() != null && t.get(t.size() - 1).year() != null) {
                int s = t.get(t.size() - 1).year() - t.get(0).year();
                slips.add(s);
                basis.add(p.id() + " (" + t.get(0).year() + " → " + t.get(t.size() - 1).year() + ")");
            }
        }
        if (slips.isEmpty()) {
            return new Slip(null, 0, List.of());
        }
        slips.sort(null);
        int n = slips.size();
        double median = n % 2 == 1 ? slips.get(n / 2) : (slips.get(n / 2 - 1) + slips.get(n / 2)) / 2.0;
        return new Slip(median, (int) Math.ceil(median), List.copyOf(basis));
    }
}
