package org.rareearth.dashboard.io.quotes;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.rareearth.dashboard.domain.QuoteTickers;

/** The quote sources the app knows, by id. */
public final class QuoteSources {
    private QuoteSources() {}

    /** The source with this id; {@code tiingoKey} is asked for Tiingo's key at each request. */
    public static Optional<QuoteSource> byId(String id, Supplier<String> tiingoKey) {
        return Optional.ofNullable(switch (id) {
            case QuoteTickers.YAHOO -> new YahooChart();
            case QuoteTickers.STOOQ -> new StooqDaily();
            case QuoteTickers.TIINGO -> new TiingoDaily(tiingoKey);
            default -> null;
        });
    }

    public static List<String> ids() {
        return QuoteTickers.SOURCES;
    }

    static String displayName(QuoteSource s) {
        return QuoteTickers.displayName(s.id());
    }
}
