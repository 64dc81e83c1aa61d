package org.rareearth.dashboard.domain;

import java.util.List;

/** Everything a store holds, as read from or written to a dataset file. */
public record Dataset(String format, Integer version, List<Security> securities, List<PriceBar> priceBars,
                      List<PolicyEvent> events, List<Reaction> reactions, List<PriceAssessment> assessments,
                      List<FxRate> fxRates, List<PriceFloor> floors) {

    public static final String FORMAT = "rare-earth-dashboard-dataset";
    public static final int VERSION = 1;

    public Dataset {
        securities = securities == null ? List.of() : securities;
        priceBars = priceBars == null ? List.of() : priceBars;
        events = events == null ? List.of() : events;
        reactions = reactions == null ? List.of() : reactions;
        assessments = assessments == null ? List.of() : assessments;
        fxRates = fxRates == null ? List.of() : fxRates;
        floors = floors == null ? List.of() : floors;
    }
}
