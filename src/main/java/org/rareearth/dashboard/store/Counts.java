package org.rareearth.dashboard.store;

/** How many records of each kind a store (or a dataset) holds. */
public record Counts(long securities, long priceBars, long events, long reactions, long assessments, long fxRates,
                     long floors, long stakes, long capacityProjects, long stageShares, long quotas) {

    /** Counts without supply-chain records. */
    public Counts(long securities, long priceBars, long events, long reactions, long assessments, long fxRates,
                  long floors, long stakes) {
        this(securities, priceBars, events, reactions, assessments, fxRates, floors, stakes, 0, 0, 0);
    }
}
