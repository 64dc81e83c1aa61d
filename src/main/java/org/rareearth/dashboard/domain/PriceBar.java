package org.rareearth.dashboard.domain;

import java.time.LocalDate;

/** One daily bar of a security. Only the close is required; one bar per security and date. */
public record PriceBar(String symbol, LocalDate date, Double open, Double high, Double low, Double close,
                       Double adjClose, Long volume, String source) {

    /** The price returns are computed from: adjusted close where there is one, else close. */
    public double returnBasis() {
        return adjClose != null ? adjClose : close;
    }
}
