package org.rareearth.dashboard.store;

/** How many records of each kind a store (or a dataset) holds. */
public record Counts(long securities, long priceBars, long events, long reactions, long assessments, long fxRates,
                     long floors, long stakes) {
}
