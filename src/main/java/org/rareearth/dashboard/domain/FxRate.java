package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;

/** An exchange rate: units of the quote currency per one unit of the base ({@code USD/CNY} 7.151). */
public record FxRate(String pair, LocalDate date, Double rate, String source, String confidence, String note,
                     String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return pair + "|" + date;
    }

    @JsonCreator
    public FxRate {
    }

    /** A rate with no source URL. */
    public FxRate(String pair, LocalDate date, Double rate, String source, String confidence, String note) {
        this(pair, date, rate, source, confidence, note, null);
    }
}
