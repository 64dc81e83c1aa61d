package org.rareearth.dashboard.domain;

/**
 * A record an analyst keeps in the store and the dataset file: each kind has a key the store knows it by, and every
 * one names its source, carries a confidence mark (S, U or calc), a note and, where known, the source's address.
 */
public sealed interface DataRecord permits Security, PolicyEvent, Reaction, PriceAssessment, FxRate, PriceFloor,
        Stake, CapacityProject, StageShare, Quota {
    /** The record's key as the store identifies it (several fields joined with | where the key has several). */
    String key();

    String source();

    String confidence();

    String note();

    String sourceUrl();
}
