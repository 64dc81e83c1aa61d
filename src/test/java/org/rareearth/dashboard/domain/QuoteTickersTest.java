package org.rareearth.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteTickersTest {
    private static Security sec(String symbol, String exchange) {
        return new Security(symbol, symbol, exchange, "USD", null, false, "x", "S", null);
    }

    @Test
    void defaults_follow_each_sources_convention_for_the_exchange() {
        assertThat(QuoteTickers.defaultFor(sec("MP", "NYSE"), "yahoo")).contains("MP");
        assertThat(QuoteTickers.defaultFor(sec("MP", "NYSE"), "stooq")).contains("mp.us");
        assertThat(QuoteTickers.defaultFor(sec("MP", "NYSE"), "tiingo")).contains("MP");
        assertThat(QuoteTickers.defaultFor(sec("BRK.B", "NYSE"), "yahoo")).contains("BRK-B");
        assertThat(QuoteTickers.defaultFor(sec("LYC", "ASX"), "yahoo")).contains("LYC.AX");
        assertThat(QuoteTickers.defaultFor(sec("LYC", "ASX"), "stooq")).isEmpty();
        assertThat(QuoteTickers.defaultFor(sec("600111.SS", "SSE"), "yahoo")).contains("600111.SS");
        assertThat(QuoteTickers.defaultFor(sec("600111", "SSE"), "yahoo")).contains("600111.SS");
        assertThat(QuoteTickers.defaultFor(sec("000831.SZ", "SZSE"), "yahoo")).contains("000831.SZ");
        assertThat(QuoteTickers.defaultFor(sec("^GSPC", "NYSE"), "yahoo")).contains("^GSPC");
        assertThat(QuoteTickers.defaultFor(sec("^GSPC", "NYSE"), "stooq")).contains("^spx");
        assertThat(QuoteTickers.defaultFor(sec("^AXJO", "ASX"), "stooq")).isEmpty();
        assertThat(QuoteTickers.defaultFor(sec("^GSPC", "NYSE"), "tiingo")).isEmpty();
        assertThat(QuoteTickers.defaultFor(sec("XYZ", "Somewhere"), "yahoo")).isEmpty();
    }

    @Test
    void a_securitys_own_ticker_wins_over_the_default() {
        Security lyc = sec("LYC", "ASX").withTickers(Map.of("yahoo", "LYC.AX", "stooq", "lyc.au"));
        assertThat(QuoteTickers.tickerFor(lyc, "stooq")).contains("lyc.au");
        assertThat(QuoteTickers.tickerFor(sec("LYC", "ASX"), "stooq")).isEmpty();
    }
}
