package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;

/**
 * Everything the price-support gap view and the {@code gap} command show: the points on one basis, the quotes
 * that could not be converted (with the reason), and the yearly top-up over a period.
 */
public record GapReport(PriceFloor floor, VatBasis basis, double volumeTonnes, List<GapAnalysis.Point> points,
                        List<String> skipped, LocalDate periodFrom, LocalDate periodTo, double annualTopUpUsd) {

    /**
     * Builds the report for {@code floor}'s commodity. Quotes that cannot be converted (no FX rate near their
     * date) are listed in {@link #skipped()} with the date named. The period for the yearly top-up defaults to
     * the floor's start through the latest quote (or the floor's start when no quote is later).
     */
    public static GapReport build(PriceFloor floor, List<PriceAssessment> assessments, List<FxRate> fxRates,
                                  VatBasis basis, double volumeTonnes, LocalDate from, LocalDate to) {
        if (!(volumeTonnes >= 0) || Double.isInfinite(volumeTonnes)) {
            throw new IllegalArgumentException("volume must be zero or more tonnes a year, not " + volumeTonnes);
        }
        FxTable fx = new FxTable(fxRates);
        List<GapAnalysis.Point> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        assessments.stream()
                .filter(a -> a.commodity().equals(floor.commodity()))
                .sorted(Comparator.comparing(PriceAssessment::date))
                .forEach(a -> {
                    try {
                        points.add(GapAnalysis.point(a, basis, fx, floor, volumeTonnes));
                    } catch (IllegalArgumentException e) {
                        skipped.add(a.date() + " (" + a.source() + "): " + e.getMessage());
                    }
                });
        LocalDate start = from != null ? from : floor.start();
        LocalDate last = points.isEmpty() ? start : points.get(points.size() - 1).date();
        LocalDate end = to != null ? to : (last.isAfter(start) ? last : start);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the period ends (" + end + ") before it starts (" + start + ")");
        }
        double annual = GapAnalysis.annualisedTopUp(points, floor, volumeTonnes, start, end);
        return new GapReport(floor, basis, volumeTonnes, List.copyOf(points), List.copyOf(skipped), start, end,
                annual);
    }

    /**
     * One report per programme of {@code floors} on the same quotes: each with its own yearly volume (from its terms;
     * none counts as zero) unless {@code volumeTonnes} sets one for all, and its own term and upside terms.
     */
    public static List<GapReport> compare(List<PriceFloor> floors, List<PriceAssessment> assessments,
                                          List<FxRate> fxRates, VatBasis basis, Double volumeTonnes, LocalDate from,
                                          LocalDate to) {
        List<GapReport> out = new ArrayList<>();
        for (PriceFloor f : floors) {
            double v = volumeTonnes != null ? volumeTonnes : f.volume() != null ? f.volume() : 0;
            out.add(build(f, assessments, fxRates, basis, v, from, to));
        }
        return out;
    }

    public Optional<GapAnalysis.Point> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
