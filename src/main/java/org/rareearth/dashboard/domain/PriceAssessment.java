package org.rareearth.dashboard.domain;

import java.time.LocalDate;

/** A commodity price quote as published: a low–high range in the source's currency and unit. */
public record PriceAssessment(String commodity, LocalDate date, Double low, Double high, String currency,
                              String unit, Boolean vatIncluded, String basis, String source,
                              String confidence, String note) {

    /** Mid of the range: the mean of low and high. */
    public double mid() {
        return (low + high) / 2.0;
    }
}
