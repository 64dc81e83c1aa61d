package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;

/**
 * A stock move reported by a named source around an event. {@code percent} is in percent
 * (50.62 means +50.62%); {@code measure} says what was measured (close-to-close, intraday-high...).
 */
public record Reaction(String symbol, String event, LocalDate date, String measure, Double percent,
                       Double fromPrice, Double toPrice, String source, String confidence, String note,
                       String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return symbol + "|" + event + "|" + measure + "|" + date;
    }

    @JsonCreator
    public Reaction {
    }

    /** A reaction with no source URL. */
    public Reaction(String symbol, String event, LocalDate date, String measure, Double percent, Double fromPrice,
                    Double toPrice, String source, String confidence, String note) {
        this(symbol, event, date, measure, percent, fromPrice, toPrice, source, confidence, note, null);
    }


    public static final java.util.List<String> MEASURES =
            java.util.List.of("close-to-close", "intraday-high", "intraday", "multi-day");
}
