package org.rareearth.dashboard.domain;

import java.util.List;

/** Everything a store holds, as read from or written to a dataset file. */
public record Dataset(String format, Integer version, List<Security> securities, List<PriceBar> priceBars,
                      List<PolicyEvent> events, List<Reaction> reactions, List<PriceAssessment> assessments,
                      List<FxRate> fxRates, List<PriceFloor> floors, List<Stake> stakes) {

    public static final String FORMAT = "rare-earth-dashboard-dataset";
    public static final int VERSION = 1;

    /** A dataset holding just this one record. */
    public static Dataset of(Object record) {
        if (record instanceof Security s) {
            return new Dataset(null, null, List.of(s), null, null, null, null, null, null, null);
        } else if (record instanceof PolicyEvent e) {
            return new Dataset(null, null, null, null, List.of(e), null, null, null, null, null);
        } else if (record instanceof Reaction x) {
            return new Dataset(null, null, null, null, null, List.of(x), null, null, null, null);
        } else if (record instanceof PriceAssessment a) {
            return new Dataset(null, null, null, null, null, null, List.of(a), null, null, null);
        } else if (record instanceof FxRate f) {
            return new Dataset(null, null, null, null, null, null, null, List.of(f), null, null);
        } else if (record instanceof PriceFloor f) {
            return new Dataset(null, null, null, null, null, null, null, null, List.of(f), null);
        } else if (record instanceof Stake k) {
            return new Dataset(null, null, null, null, null, null, null, null, null, List.of(k));
        }
        throw new IllegalArgumentException("not a record: " + record);
    }

    public Dataset {
        securities = securities == null ? List.of() : securities;
        priceBars = priceBars == null ? List.of() : priceBars;
        events = events == null ? List.of() : events;
        reactions = reactions == null ? List.of() : reactions;
        assessments = assessments == null ? List.of() : assessments;
        fxRates = fxRates == null ? List.of() : fxRates;
        floors = floors == null ? List.of() : floors;
        stakes = stakes == null ? List.of() : stakes;
    }
}
