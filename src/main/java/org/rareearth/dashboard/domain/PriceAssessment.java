package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;

/** A commodity price quote as published: a low–high range in the source's currency and unit. */
public record PriceAssessment(String commodity, LocalDate date, Double low, Double high, String currency,
                              String unit, Boolean vatIncluded, String basis, String source,
                              String confidence, String note, String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return commodity + "|" + date + "|" + basis + "|" + source;
    }

    @JsonCreator
    public PriceAssessment {
    }

    /** A quote with no source URL. */
    public PriceAssessment(String commodity, LocalDate date, Double low, Double high, String currency, String unit,
                           Boolean vatIncluded, String basis, String source, String confidence, String note) {
        this(commodity, date, low, high, currency, unit, vatIncluded, basis, source, confidence, note, null);
    }


    /** Mid of the range: the mean of low and high. */
    public double mid() {
        return (low + high) / 2.0;
    }
}
