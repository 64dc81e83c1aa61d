package org.rareearth.dashboard.testdata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Answers in each quote source's own format, made from bars given by a test: Yahoo's chart JSON (a session's
 * instant at its local opening time, the exchange's zone in {@code meta}), Stooq's CSV and Tiingo's JSON array.
 */
public final class QuoteFormats {
    /** A day as a source would list it; {@code close == null} lists the day with no price (a holiday). */
    public record Bar(LocalDate date, Double open, Double high, Double low, Double close, Double adjClose, Long volume) {
        public static Bar close(LocalDate date, double close) {
            return new Bar(date, close, close * 1.01, close * 0.99, close, close, 1000L);
        }

        public static Bar holiday(LocalDate date) {
            return new Bar(date, null, null, null, null, null, null);
        }
    }

    private QuoteFormats() {}

    public static String yahoo(String ticker, String zone, String currency, LocalTime open, List<Bar> bars) {
        ZoneId z = ZoneId.of(zone);
        String stamps = bars.stream().map(b -> Long.toString(b.date().atTime(open).atZone(z).toEpochSecond()))
                .collect(Collectors.joining(","));
        return "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"" + currency + "\",\"symbol\":\"" + ticker
                + "\",\"exchangeName\":\"X\",\"instrumentType\":\"EQUITY\",\"firstTradeDate\":1500000000,"
                + "\"regularMarketTime\":1700000000,\"gmtoffset\":" + z.getRules().getOffset(bars.isEmpty() ? java.time.Instant.EPOCH
                : bars.get(0).date().atStartOfDay(z).toInstant())
                .getTotalSeconds() + ",\"timezone\":\"T\",\"exchangeTimezoneName\":\"" + zone + "\","
                + "\"dataGranularity\":\"1d\",\"range\":\"\"},"
                + "\"timestamp\":[" + stamps + "],"
                + "\"indicators\":{\"quote\":[{"
                + "\"open\":[" + col(bars, Bar::open) + "],\"high\":[" + col(bars, Bar::high) + "],"
                + "\"low\":[" + col(bars, Bar::low) + "],\"close\":[" + col(bars, Bar::close) + "],"
                + "\"volume\":[" + bars.stream().map(b -> b.volume() == null ? "null" : b.volume().toString())
                .collect(Collectors.joining(",")) + "]}],"
                + "\"adjclose\":[{\"adjclose\":[" + col(bars, Bar::adjClose) + "]}]}}],\"error\":null}}";
    }

    public static String yahooUs(String ticker, List<Bar> bars) {
        return yahoo(ticker, "America/New_York", "USD", LocalTime.of(9, 30), bars);
    }

    /** Yahoo's answer for a ticker it does not know (sent with HTTP 404). */
    public static String yahooNotFound() {
        return "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                + "\"description\":\"No data found, symbol may be delisted\"}}}";
    }

    public static String stooq(List<Bar> bars) {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Volume\r\n");
        for (Bar b : bars) {
            sb.append(b.date()).append(',').append(n(b.open())).append(',').append(n(b.high())).append(',')
                    .append(n(b.low())).append(',').append(n(b.close())).append(',')
                    .append(b.volume() == null ? "" : b.volume()).append("\r\n");
        }
        return sb.toString();
    }

    public static String tiingo(List<Bar> bars) {
        return "[" + bars.stream().map(b -> String.format(Locale.ROOT, "{\"date\":\"%sT00:00:00.000Z\",\"close\":%s,"
                + "\"high\":%s,\"low\":%s,\"open\":%s,\"volume\":%s,\"adjClose\":%s,\"adjHigh\":%s,\"adjLow\":%s,"
                + "\"adjOpen\":%s,\"adjVolume\":%s,\"divCash\":0.0,\"splitFactor\":1.0}", b.date(), j(b.close()),
                j(b.high()), j(b.low()), j(b.open()), b.volume(), j(b.adjClose()), j(b.high()), j(b.low()),
                j(b.open()), b.volume())).collect(Collectors.joining(",")) + "]";
    }

    private static String col(List<Bar> bars, java.util.function.Function<Bar, Double> f) {
        return bars.stream().map(b -> j(f.apply(b))).collect(Collectors.joining(","));
    }

    private static String j(Double v) {
        return v == null ? "null" : Double.toString(v);
    }

    private static String n(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    /** Weekday bars from {@code from} to {@code to} (inclusive), closes 10, 10.1, 10.2… */
    public static List<Bar> weekdays(LocalDate from, LocalDate to, double first, double step) {
        List<Bar> out = new java.util.ArrayList<>();
        double c = first;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            out.add(Bar.close(d, Math.round(c * 10000) / 10000.0));
            c += step;
        }
        return out;
    }
}
