package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A listed equity or a benchmark index. The symbol is its key. {@code tickers} holds the security's ticker at each
 * quote source that names it differently from what {@link QuoteTickers#defaultFor} derives (or that derives
 * nothing), keyed by source id ({@code yahoo}, {@code stooq}, {@code tiingo}).
 */
public record Security(String symbol, String name, String exchange, String currency, String country,
                       boolean benchmark, String source, String confidence, String note, String sourceUrl,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tickers) implements DataRecord {

    @Override
    public String key() {
        return symbol;
    }

    @JsonCreator
    public Security {
        tickers = tickers == null || tickers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(tickers));
    }

    /** A security with no source URL. */
    public Security(String symbol, String name, String exchange, String currency, String country, boolean benchmark,
                    String source, String confidence, String note) {
        this(symbol, name, exchange, currency, country, benchmark, source, confidence, note, null, Map.of());
    }

    /** A security with no tickers of its own: every source uses the derived default. */
    public Security(String symbol, String name, String exchange, String currency, String country, boolean benchmark,
                    String source, String confidence, String note, String sourceUrl) {
        this(symbol, name, exchange, currency, country, benchmark, source, confidence, note, sourceUrl, Map.of());
    }

    public Security withSourceUrl(String url) {
        return new Security(symbol, name, exchange, currency, country, benchmark, source, confidence, note, url,
                tickers);
    }

    public Security withTickers(Map<String, String> t) {
        return new Security(symbol, name, exchange, currency, country, benchmark, source, confidence, note, sourceUrl,
                t);
    }
}
