package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A listed equity or a benchmark index. The symbol is its key. */
public record Security(String symbol, String name, String exchange, String currency, String country,
                       boolean benchmark, String source, String confidence, String note, String sourceUrl) {

    @JsonCreator
    public Security {
    }

    /** A security with no source URL. */
    public Security(String symbol, String name, String exchange, String currency, String country, boolean benchmark,
                    String source, String confidence, String note) {
        this(symbol, name, exchange, currency, country, benchmark, source, confidence, note, null);
    }

    public Security withSourceUrl(String url) {
        return new Security(symbol, name, exchange, currency, country, benchmark, source, confidence, note, url);
    }
}
