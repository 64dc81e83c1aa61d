package org.rareearth.dashboard.io.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Yahoo Finance's chart API ({@code /v8/finance/chart/TICKER}): JSON, no key. Each bar carries the Unix time of its
 * session; the trading date is that instant in the exchange's time zone, which the answer names in
 * {@code meta.exchangeTimezoneName} (an ASX session in January opens at 23:00 UTC on the day before).
 */
public final class YahooChart implements QuoteSource {
    static final String NAME = "Yahoo Finance";

    @Override
    public String id() {
        return "yahoo";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("https://query1.finance.yahoo.com");
    }

    @Override
    public Duration pause() {
        return Duration.ofMillis(800);
    }

    @Override
    public String whatIsSent() {
        return "the ticker and the date range of each security, to query1.finance.yahoo.com";
    }

    @Override
    public HttpRequest.Builder request(URI endpoint, String ticker, LocalDate from, LocalDate to) {
        // A day either side of the range: a session's instant can fall on the day before its date in UTC (Sydney,
        // Shanghai) or after it; bars are cut to the range by their exchange dates afterwards.
        String range = from == null ? "range=max"
                : "period1=" + from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                + "&period2=" + to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        String path = "/v8/finance/chart/" + URLEncoder.encode(ticker, StandardCharsets.UTF_8) + "?" + range
                + "&interval=1d&events=div%2Csplits&includeAdjustedClose=true";
        return HttpRequest.newBuilder(Answers.at(endpoint, path)).header("Accept", "application/json");
    }

    @Override
    public QuoteException error(String ticker, int status, String body) {
        JsonNode error = errorOf(body);
        if (error == null) {
            return null;
        }
        return toException(ticker, error);
    }

    private static JsonNode errorOf(String body) {
        try {
            JsonNode root = Answers.json(NAME, "", null, body);
            JsonNode e = root.path("chart").path("error");
            return e.isObject() ? e : null;
        } catch (QuoteException e) {
            return null;
        }
    }

    private static QuoteException toException(String ticker, JsonNode error) {
        String code = error.path("code").asText("");
        String description = error.path("description").asText(code);
        if (code.equalsIgnoreCase("Not Found") || description.toLowerCase().contains("no data found")) {
            return new QuoteException(QuoteException.Kind.UNKNOWN_TICKER, NAME + " does not know the ticker " + ticker
                    + " (\"" + Answers.snippet(description) + "\"); check the security's Yahoo ticker in Data >"
                    + " Securities");
        }
        if (Answers.isRateLimitNote(description)) {
            return new QuoteException(QuoteException.Kind.RATE_LIMITED, NAME + " asks to slow down: \""
                    + Answers.snippet(description) + "\"");
        }
        return new QuoteException(QuoteException.Kind.NOT_DATA, NAME + " answered with an error for " + ticker
                + ": " + Answers.snippet(code + (description.equals(code) ? "" : ": " + description)));
    }

    @Override
    public QuoteSeries parse(String ticker, String contentType, String body) {
        JsonNode root = Answers.json(NAME, ticker, contentType, body);
        JsonNode chart = root.path("chart");
        if (!chart.isObject()) {
            throw Answers.notData(NAME, ticker, contentType, body);
        }
        if (chart.path("error").isObject()) {
            throw toException(ticker, chart.path("error"));
        }
        JsonNode result = chart.path("result").path(0);
        if (!result.isObject()) {
            return Answers.throwMalformed(NAME + " sent an answer for " + ticker + " with no result in it");
        }
        JsonNode meta = result.path("meta");
        ZoneId zone = zone(ticker, meta);
        String currency = meta.path("currency").isTextual() ? meta.path("currency").asText() : null;
        JsonNode stamps = result.path("timestamp");
        if (stamps.isMissingNode() || stamps.isNull()) {
            return new QuoteSeries(ticker, currency, List.of()); // no trading in the range
        }
        if (!stamps.isArray()) {
            return Answers.throwMalformed(NAME + " sent a timestamp for " + ticker + " that is not a list");
        }
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode adj = result.path("indicators").path("adjclose").path(0).path("adjclose");
        int n = stamps.size();
        String[] fields = {"open", "high", "low", "close", "volume"};
        for (String f : fields) {
            JsonNode a = quote.path(f);
            if (!a.isArray() || a.size() != n) {
                return Answers.throwMalformed(NAME + " sent " + n + " dates for " + ticker + " but "
                        + (a.isArray() ? a.size() + " values of " + f : "no " + f + " values")
                        + "; the answer is cut short or not in the chart format");
            }
        }
        if (!adj.isMissingNode() && (!adj.isArray() || adj.size() != n)) {
            return Answers.throwMalformed(NAME + " sent " + n + " dates for " + ticker + " but a different number of"
                    + " adjusted closes");
        }
        List<QuoteBar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode t = stamps.get(i);
            if (!t.canConvertToLong()) {
                return Answers.throwMalformed(NAME + " sent a timestamp for " + ticker + " that is not a whole number: "
                        + Answers.snippet(t.toString()));
            }
            LocalDate date = Instant.ofEpochSecond(t.asLong()).atZone(zone).toLocalDate();
            bars.add(new QuoteBar(date, Answers.number(NAME, quote.path("open").get(i), "open", date),
                    Answers.number(NAME, quote.path("high").get(i), "high", date),
                    Answers.number(NAME, quote.path("low").get(i), "low", date),
                    Answers.number(NAME, quote.path("close").get(i), "close", date),
                    adj.isArray() ? Answers.number(NAME, adj.get(i), "adjusted close", date) : null,
                    Answers.number(NAME, quote.path("volume").get(i), "volume", date)));
        }
        return new QuoteSeries(ticker, currency, bars);
    }

    /** The exchange's zone from the answer: its name, or failing that its offset from UTC in seconds. */
    private static ZoneId zone(String ticker, JsonNode meta) {
        String name = meta.path("exchangeTimezoneName").asText("");
        if (!name.isEmpty()) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                // fall through to the offset
            }
        }
        JsonNode offset = meta.path("gmtoffset");
        if (offset.canConvertToInt()) {
            try {
                return ZoneOffset.ofTotalSeconds(offset.asInt());
            } catch (DateTimeException e) {
                // fall through
            }
        }
        return Answers.throwMalformed(NAME + " sent prices for " + ticker + " without the exchange's time zone, so"
                + " their trading dates cannot be known");
    }
}
