package org.rareearth.dashboard.domain;

/** A listed equity or a benchmark index. The symbol is its key. */
public record Security(String symbol, String name, String exchange, String currency, String country,
                       boolean benchmark, String source, String confidence, String note) {
}
