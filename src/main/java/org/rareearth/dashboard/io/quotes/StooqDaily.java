package org.rareearth.dashboard.io.quotes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rareearth.dashboard.io.DataFileException;
import org.rareearth.dashboard.io.prices.PriceCsv;
import org.rareearth.dashboard.io.prices.PriceCsvReader;

/**
 * Stooq's daily CSV ({@code /q/d/l/?s=TICKER&i=d&d1=YYYYMMDD&d2=YYYYMMDD}): no key; dates are the exchange's trading
 * dates as written. The answer is read by the same CSV reader and row rules as an imported file. Stooq answers
 * "No data" for an unknown ticker and for a range without trading alike, and a text note when its daily limit is
 * used up.
 */
public final class StooqDaily implements QuoteSource {
    static final String NAME = "Stooq";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public String id() {
        return "stooq";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("https://stooq.com");
    }

    @Override
    public Duration pause() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String whatIsSent() {
        return "the ticker and the date range of each security, to stooq.com";
    }

    @Override
    public HttpRequest.Builder request(URI endpoint, String ticker, LocalDate from, LocalDate to) {
        String path = "/q/d/l/?s=" + URLEncoder.encode(ticker, StandardCharsets.UTF_8) + "&i=d"
                + (from == null ? "" : "&d1=" + BASIC.format(from) + "&d2=" + BASIC.format(to));
        return HttpRequest.newBuilder(Answers.at(endpoint, path)).header("Accept", "text/csv");
    }

    @Override
    public QuoteException error(String ticker, int status, String body) {
        return null;
    }

    @Override
    public QuoteSeries parse(String ticker, String contentType, String body) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("No data")) {
            throw new QuoteException(QuoteException.Kind.UNKNOWN_TICKER, NAME + " has no prices for " + ticker
                    + " in that range (its answer for an unknown ticker too); check the security's Stooq ticker in"
                    + " Data > Securities");
        }
        if (trimmed.toLowerCase(Locale.ROOT).contains("exceeded the daily hits limit")) {
            throw Answers.daily(NAME, trimmed);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n|\r")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() || !lines.get(0).toLowerCase(Locale.ROOT).startsWith("date")) {
            throw Answers.notData(NAME, ticker, contentType, body);
        }
        PriceCsv.Format f;
        try {
            f = PriceCsv.detect(lines.get(0), lines.subList(1, Math.min(lines.size(), 31)));
        } catch (DataFileException e) {
            return Answers.throwMalformed(NAME + " sent a CSV header for " + ticker + " that is not a price table ("
                    + e.getMessage() + ")");
        }
        DateTimeFormatter dates = f.dateFormatter();
        List<PriceCsvReader.Record> records;
        try {
            // The same tokenizer as an imported file.
            records = PriceCsvReader.read(text, f.delimiter(), Integer.MAX_VALUE);
        } catch (PriceCsvReader.Fault e) {
            return Answers.throwMalformed(NAME + " sent prices for " + ticker + " that cannot be read, "
                    + e.getMessage() + "; the answer may be cut short");
        }
        List<QuoteBar> bars = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            PriceCsvReader.Record rec = records.get(i);
            PriceCsv.Row row = PriceCsv.row(rec.line(), rec.cells(), f, dates, ticker);
            if (row.problem() != null) {
                return Answers.throwMalformed(NAME + " sent a row for " + ticker + " that cannot be read, "
                        + row.problem() + (i == records.size() - 1 ? "; the answer may be cut short" : ""));
            }
            bars.add(new QuoteBar(row.date(), row.open(), row.high(), row.low(), row.close(), row.adjClose(),
                    row.volume() == null ? null : row.volume().doubleValue()));
        }
        return new QuoteSeries(ticker, null, bars);
    }
}
