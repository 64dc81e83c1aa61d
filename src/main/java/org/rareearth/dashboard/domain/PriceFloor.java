package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;

/**
 * A guaranteed minimum price, with the share of any upside kept by the guarantor (0.30 = 30%). {@code volume} is
 * the tonnes a year the programme covers, when its terms give one; {@code upsideFrom} is the price above which the upside is shared (the floor itself when
 * empty) and {@code upsideCap} caps the guarantor's share of it a year, in {@code currency}.
 */
public record PriceFloor(String program, String commodity, Double level, String currency, String unit,
                         LocalDate start, LocalDate end, Double upsideShare, String source, String confidence,
                         String note, Double volume, Double upsideFrom, Double upsideCap, String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return program;
    }

    @JsonCreator
    public PriceFloor {
    }

    /** A floor with no volume, upside terms beyond the share, or source URL. */
    public PriceFloor(String program, String commodity, Double level, String currency, String unit, LocalDate start,
                      LocalDate end, Double upsideShare, String source, String confidence, String note) {
        this(program, commodity, level, currency, unit, start, end, upsideShare, source, confidence, note, null, null,
                null, null);
    }

    /** The price above which the guarantor shares the upside: {@code upsideFrom}, or the floor level. */
    public double upsideThreshold() {
        return upsideFrom != null ? upsideFrom : level;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
