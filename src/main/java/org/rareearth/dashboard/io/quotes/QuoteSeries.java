package org.rareearth.dashboard.io.quotes;

import java.util.List;

/** What a quote source answered for one ticker: its daily bars, oldest first, and its currency when it says. */
public record QuoteSeries(String ticker, String currency, List<QuoteBar> bars) {
    public QuoteSeries {
        bars = List.copyOf(bars);
    }
}
