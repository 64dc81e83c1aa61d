package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;

/**
 * An equity stake taken in a listed company, such as the Department of Defense's preferred stock in MP Materials.
 * {@code amount} is what the holder paid, in {@code currency}; {@code percent} is the share of the company it
 * represents (as converted, in percent: 15 for 15%). The key is holder, security and date.
 */
public record Stake(String holder, String symbol, String event, LocalDate date, Double amount, String currency,
                    Double percent, String instrument, String source, String confidence, String note,
                    String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return holder + "|" + symbol + "|" + date;
    }

    @JsonCreator
    public Stake {
    }

    /** A stake with no source URL. */
    public Stake(String holder, String symbol, String event, LocalDate date, Double amount, String currency,
                 Double percent, String instrument, String source, String confidence, String note) {
        this(holder, symbol, event, date, amount, currency, percent, instrument, source, confidence, note, null);
    }
}
