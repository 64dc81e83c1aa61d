package org.rareearth.dashboard.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.store.AssessmentRepository;
import org.rareearth.dashboard.store.FloorRepository;
import org.rareearth.dashboard.store.FxRateRepository;

/**
 * The price-support gap over the store: the floors chosen by programme, each against every China quote of its
 * commodity in USD/kg on a VAT basis, at the FX fixing of the quote's date. The {@code gap} command and the gap
 * screen both ask here, so a programme, basis, volume and period give the same report in both.
 */
public final class GapService {
    private final FloorRepository floors;
    private final AssessmentRepository assessments;
    private final FxRateRepository fxRates;
    private final org.rareearth.dashboard.store.EventRepository events;

    public GapService(FloorRepository floors, AssessmentRepository assessments, FxRateRepository fxRates,
                      org.rareearth.dashboard.store.EventRepository events) {
        this.events = events;
        this.floors = floors;
        this.assessments = assessments;
        this.fxRates = fxRates;
    }

    public List<PriceFloor> floors() {
        return floors.all();
    }

    /**
     * What a gap report is computed from, read in one go: the floors, the China quotes, the FX fixings and the
     * events marked on the chart. The gap screen reads it off the FX thread and computes its reports from it as the
     * user changes the programme, basis, volume or period.
     */
    public record Inputs(List<PriceFloor> floors, List<org.rareearth.dashboard.domain.PriceAssessment> assessments,
                         List<org.rareearth.dashboard.domain.FxRate> fxRates,
                         List<org.rareearth.dashboard.domain.PolicyEvent> events) {
        public Inputs {
            floors = List.copyOf(floors);
            assessments = List.copyOf(assessments);
            fxRates = List.copyOf(fxRates);
            events = List.copyOf(events);
        }

        /** One floor's report; {@code volume} in tonnes a year, the period's ends may be null. */
        public GapReport report(PriceFloor floor, VatBasis basis, double volume, LocalDate from, LocalDate to) {
            return GapReport.build(floor, assessments, fxRates, basis, volume, from, to);
        }

        /** Every floor side by side, each at its own volume from its terms. */
        public List<GapReport> compareAll(VatBasis basis) {
            return GapReport.compare(floors, assessments, fxRates, basis, null, null, null);
        }
    }

    /** Reads the inputs of the gap reports. */
    public Inputs inputs() {
        return new Inputs(floors.all(), assessments.all(), fxRates.all(), events.all());
    }

    /**
     * The floors named, in that order (all of them when none is named); an unknown name is refused listing the
     * known ones, and a store without floors says so.
     */
    public List<PriceFloor> choose(List<String> names) {
        List<PriceFloor> all = floors.all();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the store holds no price floor; add one first");
        }
        List<PriceFloor> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(f -> f.program().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no price floor named '" + name.strip()
                            + "' (known: " + String.join(", ", all.stream().map(PriceFloor::program).toList())
                            + ")")));
        }
        return chosen.isEmpty() ? all : chosen;
    }

    /** One floor's report; {@code volume} in tonnes a year, the period's ends may be null. */
    public GapReport report(PriceFloor floor, VatBasis basis, double volume, LocalDate from, LocalDate to) {
        return GapReport.build(floor, assessments.all(), fxRates.all(), basis, volume, from, to);
    }

    /** Several floors side by side, each at its own volume from its terms unless {@code volume} sets one for all. */
    public List<GapReport> compare(List<PriceFloor> chosen, VatBasis basis, Double volume, LocalDate from,
                                   LocalDate to) {
        return GapReport.compare(chosen, assessments.all(), fxRates.all(), basis, volume, from, to);
    }
}
