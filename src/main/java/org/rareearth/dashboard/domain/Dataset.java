package org.rareearth.dashboard.domain;

import java.util.List;

/** Everything a store holds, as read from or written to a dataset file. */
public record Dataset(String format, Integer version, List<Security> securities, List<PriceBar> priceBars,
                      List<PolicyEvent> events, List<Reaction> reactions, List<PriceAssessment> assessments,
                      List<FxRate> fxRates, List<PriceFloor> floors, List<Stake> stakes,
                      List<CapacityProject> capacityProjects, List<StageShare> stageShares, List<Quota> quotas) {

    public static final String FORMAT = "rare-earth-dashboard-dataset";
    public static final int VERSION = 1;

    /** A dataset without supply-chain records. */
    public Dataset(String format, Integer version, List<Security> securities, List<PriceBar> priceBars,
                   List<PolicyEvent> events, List<Reaction> reactions, List<PriceAssessment> assessments,
                   List<FxRate> fxRates, List<PriceFloor> floors, List<Stake> stakes) {
        this(format, version, securities, priceBars, events, reactions, assessments, fxRates, floors, stakes, null,
                null, null);
    }

    /** A dataset holding just this one record. */
    public static Dataset of(Object record) {
        return ofAll(List.of(record));
    }

    /** A dataset holding these records, each in its kind's list, in the order given. */
    public static Dataset ofAll(List<?> records) {
        List<Security> sec = new java.util.ArrayList<>();
        List<PriceBar> bars = new java.util.ArrayList<>();
        List<PolicyEvent> ev = new java.util.ArrayList<>();
        List<Reaction> rx = new java.util.ArrayList<>();
        List<PriceAssessment> as = new java.util.ArrayList<>();
        List<FxRate> fx = new java.util.ArrayList<>();
        List<PriceFloor> fl = new java.util.ArrayList<>();
        List<Stake> st = new java.util.ArrayList<>();
        List<CapacityProject> cp = new java.util.ArrayList<>();
        List<StageShare> ss = new java.util.ArrayList<>();
        List<Quota> q = new java.util.ArrayList<>();
        for (Object r : records) {
            if (r instanceof Security x) {
                sec.add(x);
            } else if (r instanceof PriceBar x) {
                bars.add(x);
            } else if (r instanceof PolicyEvent x) {
                ev.add(x);
            } else if (r instanceof Reaction x) {
                rx.add(x);
            } else if (r instanceof PriceAssessment x) {
                as.add(x);
            } else if (r instanceof FxRate x) {
                fx.add(x);
            } else if (r instanceof PriceFloor x) {
                fl.add(x);
            } else if (r instanceof Stake x) {
                st.add(x);
            } else if (r instanceof CapacityProject x) {
                cp.add(x);
            } else if (r instanceof StageShare x) {
                ss.add(x);
            } else if (r instanceof Quota x) {
                q.add(x);
            } else {
                throw new IllegalArgumentException("not a record: " + r);
            }
        }
        return new Dataset(null, null, sec, bars, ev, rx, as, fx, fl, st, cp, ss, q);
    }

    /** Every record, kind by kind (securities and events first, so that what refers to them follows). */
    public List<Object> records() {
        List<Object> out = new java.util.ArrayList<>();
        out.addAll(securities);
        out.addAll(events);
        out.addAll(priceBars);
        out.addAll(reactions);
        out.addAll(assessments);
        out.addAll(fxRates);
        out.addAll(floors);
        out.addAll(stakes);
        out.addAll(capacityProjects);
        out.addAll(stageShares);
        out.addAll(quotas);
        return out;
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
        capacityProjects = capacityProjects == null ? List.of() : capacityProjects;
        stageShares = stageShares == null ? List.of() : stageShares;
        quotas = quotas == null ? List.of() : quotas;
    }
}
