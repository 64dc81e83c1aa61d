package org.rareearth.dashboard.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quote sources a security's daily prices can come from, and the ticker each one knows it by: the security's
 * own entry in {@link Security#tickers()} when it has one, else a default derived from its symbol and exchange.
 * Where a source's convention for an exchange is not established, nothing is derived and the user sets the ticker.
 */
public final class QuoteTickers {
    public static final String YAHOO = "yahoo";
    public static final String STOOQ = "stooq";
    public static final String TIINGO = "tiingo";
    /** Source ids in the order the app offers them. */
    public static final List<String> SOURCES = List.of(YAHOO, STOOQ, TIINGO);

    private static final Set<String> US = Set.of("NYSE", "NASDAQ", "NYSE AMERICAN", "NYSE ARCA", "AMEX", "NYSE MKT",
            "NYSEAMERICAN", "CBOE", "BATS", "OTC");
    /** Yahoo's suffix for listings outside the US. */
    private static final Map<String, String> YAHOO_SUFFIX = Map.of("ASX", ".AX", "SSE", ".SS", "SZSE", ".SZ",
            "HKEX", ".HK", "TSX", ".TO", "TSXV", ".V", "LSE", ".L");
    /** Stooq's names of the US indices its site lists under their own codes. */
    private static final Map<String, String> STOOQ_INDEX = Map.of("^GSPC", "^spx", "^DJI", "^dji");

    private QuoteTickers() {}

    /** The source's name as users know it. */
    public static String displayName(String source) {
        return switch (source) {
            case YAHOO -> "Yahoo Finance";
            case STOOQ -> "Stooq";
            case TIINGO -> "Tiingo";
            default -> source;
        };
    }

    public static boolean isSource(String id) {
        return SOURCES.contains(id);
    }

    /** The ticker to ask {@code source} for: the security's own, else the derived default, else none. */
    public static Optional<String> tickerFor(Security s, String source) {
        String own = s.tickers().get(source);
        if (own != null && !own.isBlank()) {
            return Optional.of(own.strip());
        }
        return defaultFor(s, source);
    }

    /** The ticker derived from the symbol and exchange, when the source's convention for that exchange is known. */
    public static Optional<String> defaultFor(Security s, String source) {
        String symbol = s.symbol();
        String exchange = s.exchange() == null ? "" : s.exchange().strip().toUpperCase(Locale.ROOT);
        boolean us = US.contains(exchange);
        return switch (source) {
            case YAHOO -> {
                if (symbol.startsWith("^")) {
                    yield Optional.of(symbol);
                }
                String suffix = YAHOO_SUFFIX.get(exchange);
                if (suffix != null) {
                    yield Optional.of(symbol.toUpperCase(Locale.ROOT).endsWith(suffix) ? symbol : symbol + suffix);
                }
                // Yahoo writes a share class with a dash: BRK.B is BRK-B.
                yield us ? Optional.of(symbol.replace('.', '-')) : Optional.empty();
            }
            case STOOQ -> {
                if (symbol.startsWith("^")) {
                    yield Optional.ofNullable(STOOQ_INDEX.get(symbol));
                }
                yield us ? Optional.of(symbol.toLowerCase(Locale.ROOT).replace('.', '-') + ".us") : Optional.empty();
            }
            case TIINGO -> us && !symbol.startsWith("^") ? Optional.of(symbol.replace('.', '-')) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
