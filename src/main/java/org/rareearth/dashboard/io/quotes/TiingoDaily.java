package org.rareearth.dashboard.io.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Tiingo's end-of-day prices ({@code /tiingo/daily/TICKER/prices?startDate=…&endDate=…}): JSON, with an API key sent
 * in the {@code Authorization} header (never in the address, so it stays out of logs and messages). Each bar's
 * {@code date} is its trading date written as midnight UTC; the date part is the exchange's date.
 */
public final class TiingoDaily implements QuoteSource {
    /** The environment variable the key is read from when the settings hold none. */
    public static final String KEY_ENV = "TIINGO_API_KEY";
    static final String NAME = "Tiingo";
    /** Tiingo's histories start in the 1960s; its own guide asks for this start to get all of one. */
    private static final LocalDate EARLIEST = LocalDate.of(1960, 1, 1);
    private final Supplier<String> key;

    /** {@code key} is asked at each request, so a key set in the settings takes effect at once. */
    public TiingoDaily(Supplier<String> key) {
        this.key = key;
    }

    @Override
    public String id() {
        return "tiingo";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("https://api.tiingo.com");
    }

    @Override
    public Duration pause() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String whatIsSent() {
        return "the ticker and the date range of each security, with your Tiingo API key, to api.tiingo.com";
    }

    @Override
    public HttpRequest.Builder request(URI endpoint, String ticker, LocalDate from, LocalDate to) {
        String k = key.get();
        if (k == null || k.isBlank()) {
            throw new QuoteException(QuoteException.Kind.NOT_AUTHORISED, "Tiingo needs an API key: set " + KEY_ENV
                    + " or enter the key in File > Download settings");
        }
        String path = "/tiingo/daily/" + URLEncoder.encode(ticker.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8)
                + "/prices?startDate=" + (from == null ? EARLIEST : from) + "&endDate=" + to;
        return HttpRequest.newBuilder(Answers.at(endpoint, path)).header("Accept", "application/json")
                .header("Authorization", "Token " + k.strip());
    }

    @Override
    public QuoteException error(String ticker, int status, String body) {
        String detail = detail(body);
        if (status == 401 || status == 403) {
            return new QuoteException(QuoteException.Kind.NOT_AUTHORISED, NAME + " refused the API key (HTTP "
                    + status + (detail == null ? "" : ": \"" + Answers.snippet(detail) + "\"") + "); check "
                    + KEY_ENV + " or the key in File > Download settings");
        }
        if (status == 404) {
            return new QuoteException(QuoteException.Kind.UNKNOWN_TICKER, NAME + " does not know the ticker " + ticker
                    + (detail == null ? "" : " (\"" + Answers.snippet(detail) + "\")") + "; check the security's"
                    + " Tiingo ticker in Data > Securities");
        }
        return null;
    }

    private static String detail(String body) {
        try {
            JsonNode d = Answers.json(NAME, "", null, body).path("detail");
            return d.isTextual() ? d.asText() : null;
        } catch (QuoteException e) {
            return null;
        }
    }

    @Override
    public QuoteSeries parse(String ticker, String contentType, String body) {
        JsonNode root = Answers.json(NAME, ticker, contentType, body);
        if (root.isObject() && root.path("detail").isTextual()) {
            String detail = root.path("detail").asText();
            if (Answers.isRateLimitNote(detail)) {
                throw new QuoteException(QuoteException.Kind.RATE_LIMITED, NAME + " asks to slow down: \""
                        + Answers.snippet(detail) + "\"");
            }
            if (detail.toLowerCase(Locale.ROOT).contains("not found")) {
                throw new QuoteException(QuoteException.Kind.UNKNOWN_TICKER, NAME + " does not know the ticker "
                        + ticker + " (\"" + Answers.snippet(detail) + "\")");
            }
            throw new QuoteException(QuoteException.Kind.NOT_DATA, NAME + " answered with a note instead of prices"
                    + " for " + ticker + ": \"" + Answers.snippet(detail) + "\"");
        }
        if (!root.isArray()) {
            throw Answers.notData(NAME, ticker, contentType, body);
        }
        List<QuoteBar> bars = new ArrayList<>(root.size());
        for (JsonNode row : root) {
            String text = row.path("date").asText("");
            LocalDate date;
            try {
                date = LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                return Answers.throwMalformed(NAME + " sent a date for " + ticker + " that cannot be read: \""
                        + Answers.snippet(text) + "\"");
            }
            bars.add(new QuoteBar(date, Answers.number(NAME, row.get("open"), "open", date),
                    Answers.number(NAME, row.get("high"), "high", date),
                    Answers.number(NAME, row.get("low"), "low", date),
                    Answers.number(NAME, row.get("close"), "close", date),
                    Answers.number(NAME, row.get("adjClose"), "adjusted close", date),
                    Answers.number(NAME, row.get("volume"), "volume", date)));
        }
        return new QuoteSeries(ticker, null, bars);
    }
}
