package org.rareearth.dashboard.domain;

import java.time.LocalDate;

/** A guaranteed minimum price, with the share of any upside above it kept by the guarantor (0.30 = 30%). */
public record PriceFloor(String program, String commodity, Double level, String currency, String unit,
                         LocalDate start, LocalDate end, Double upsideShare, String source, String confidence,
                         String note) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
