package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.io.quotes.QuoteClient;
import org.rareearth.dashboard.io.quotes.QuoteSource;
import org.rareearth.dashboard.io.quotes.StooqDaily;
import org.rareearth.dashboard.io.quotes.TiingoDaily;
import org.rareearth.dashboard.io.quotes.YahooChart;
import org.rareearth.dashboard.testdata.QuoteFormats;
import org.rareearth.dashboard.testdata.QuoteFormats.Bar;
import org.rareearth.dashboard.testdata.QuoteServer;
import org.rareearth.dashboard.testdata.QuoteServer.Answer;

/** Downloads against a local server answering in each source's real format; nothing goes to the network. */
class PriceFeedServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final String JSON = "application/json";

    @TempDir
    Path dir;
    Workspace s;
    QuoteServer server;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    Duration timeout = Duration.ofSeconds(20);

    @BeforeEach
    void open() throws Exception {
        AppClock.pin(TODAY);
        s = TestStores.open(dir.resolve("store.db"));
        server = new QuoteServer();
    }

    @AfterEach
    void close() {
        server.close();
        s.close();
        AppClock.reset();
    }

    PriceFeedService feeds() {
        QuoteClient client = new QuoteClient(new QuoteClient.Limits(timeout, 3, Duration.ofMinutes(2),
                Duration.ofSeconds(2), Duration.ZERO), waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
        return new PriceFeedService(s.securities, s.priceBars, s.priceFetches, client, Clock.fixed(NOW,
                ZoneOffset.UTC));
    }

    PriceFeedService.Report fetch(QuoteSource src, String... symbols) {
        return fetch(src, null, null, symbols);
    }

    PriceFeedService.Report fetch(QuoteSource src, LocalDate from, LocalDate to, String... symbols) {
        return feeds().fetch(src, new PriceFeedService.Request(List.of(symbols), false, from, to, server.endpoint()),
                new PriceFeedService.Listener() { }, () -> false);
    }

    static List<Bar> mpBars() {
        return QuoteFormats.weekdays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 27), 50, 0.5);
    }

    @Test
    void a_whole_history_from_yahoo_is_stored_with_its_download_recorded() {
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed()).isEmpty();
        PriceFeedService.Result mp = r.results().get(0);
        assertThat(mp.ticker()).isEqualTo("MP");
        assertThat(mp.rows()).isEqualTo(20);
        assertThat(mp.inserted()).isEqualTo(20);
        assertThat(mp.from()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(mp.to()).isEqualTo(LocalDate.of(2026, 3, 27));
        List<PriceBar> stored = s.priceBars.forSymbol("MP");
        assertThat(stored).hasSize(20);
        assertThat(stored.get(0).close()).isEqualTo(50.0);
        assertThat(stored.get(19).close()).isEqualTo(59.5);
        assertThat(stored.get(0).source()).isEqualTo("Yahoo Finance: MP");
        // A new security gets its whole history.
        String query = server.requests().get(0).uri().getQuery();
        assertThat(query).contains("range=max").contains("interval=1d");
        PriceFetch f = s.priceFetches.latestBySymbol().get("MP");
        assertThat(f.source()).isEqualTo("yahoo");
        assertThat(f.fetchedAt()).isEqualTo(NOW);
        assertThat(f.firstDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(f.rows()).isEqualTo(20);
    }

    @Test
    void an_update_asks_from_a_week_before_the_last_stored_bar_and_revisions_replace_stored_rows() {
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));
        fetch(new YahooChart(), "MP");
        // The source revised 27 March and adds 30 and 31 March.
        List<Bar> update = new ArrayList<>(QuoteFormats.weekdays(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 26),
                56.0, 0.5));
        update.add(Bar.close(LocalDate.of(2026, 3, 27), 61.0));
        update.add(Bar.close(LocalDate.of(2026, 3, 30), 62.0));
        update.add(Bar.close(LocalDate.of(2026, 3, 31), 63.0));
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", update)));
        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        PriceFeedService.Result mp = r.results().get(0);
        assertThat(mp.inserted()).isEqualTo(2);
        assertThat(mp.updated()).isEqualTo(6);
        String q = server.requests().get(server.requests().size() - 1).uri().getQuery();
        // From 20 March (a week before 27 March) less a day for zones east of UTC, to 31 March plus two days.
        assertThat(q).contains("period1=" + LocalDate.of(2026, 3, 19).atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                .contains("period2=" + LocalDate.of(2026, 4, 2).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        List<PriceBar> stored = s.priceBars.forSymbol("MP");
        assertThat(stored).hasSize(22);
        assertThat(stored.stream().filter(b -> b.date().equals(LocalDate.of(2026, 3, 27))).findFirst().orElseThrow()
                .close()).isEqualTo(61.0);
        assertThat(s.priceFetches.forSymbol("MP")).hasSize(2);
    }

    @Test
    void an_unknown_ticker_fails_with_the_sources_reason_and_the_other_securities_go_on() {
        server.on("/chart/USAR", Answer.status(404, JSON, QuoteFormats.yahooNotFound()));
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));

        PriceFeedService.Report r = fetch(new YahooChart(), "USAR", "MP");

        assertThat(r.results()).extracting(PriceFeedService.Result::symbol).containsExactly("MP");
        assertThat(r.failed()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("USAR");
            assertThat(f.reason()).contains("Yahoo Finance does not know the ticker USAR")
                    .contains("No data found, symbol may be delisted").contains("nothing was written for USAR");
        });
        assertThat(s.priceBars.forSymbol("USAR")).isEmpty();
        assertThat(s.priceFetches.forSymbol("USAR")).isEmpty();
    }

    @Test
    void a_429_with_retry_after_is_waited_out_and_then_retried() {
        server.on("/chart/MP", Answer.withHeader(429, "Retry-After", "3", "Too Many Requests"),
                Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed()).isEmpty();
        assertThat(r.results().get(0).rows()).isEqualTo(20);
        assertThat(server.requests()).hasSize(2);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_503_without_retry_after_backs_off_doubling_and_gives_up_with_a_message() {
        server.on("/chart/MP", Answer.status(503, "text/plain", "Service Unavailable"));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(server.requests()).hasSize(4);
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(2 + 4 + 8));
        assertThat(r.failed().get(0).reason()).contains("Yahoo Finance asks to slow down (HTTP 503)")
                .contains("still after 4 tries");
        assertThat(s.priceBars.forSymbol("MP")).isEmpty();
    }

    @Test
    void a_retry_after_longer_than_the_client_waits_fails_at_once() {
        server.on("/chart/MP", Answer.withHeader(429, "Retry-After", "Wed, 01 Apr 2026 12:00:00 GMT", ""));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(server.requests()).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(r.failed().get(0).reason()).contains("to wait 24 hours");
    }

    @Test
    void a_rate_limit_note_in_a_200_body_is_a_request_to_slow_down_not_data() {
        server.on("/chart/MP", Answer.ok("text/plain", "Edge: Too Many Requests"),
                Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));
        server.on("/chart/USAR", Answer.ok("text/plain", "Edge: Too Many Requests"));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP", "USAR");

        assertThat(r.results()).extracting(PriceFeedService.Result::symbol).containsExactly("MP");
        assertThat(r.failed().get(0).reason()).contains("asks to slow down").contains("Too Many Requests");
        assertThat(s.priceBars.forSymbol("USAR")).isEmpty();
    }

    @Test
    void html_instead_of_data_is_named_as_a_web_page() {
        server.on("/chart/MP", Answer.ok("text/html", "<!DOCTYPE html><html><head><title>Checking your browser"
                + "</title></head><body>Please wait</body></html>"));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed().get(0).reason()).contains("sent a web page instead of prices for MP")
                .contains("Checking your browser");
        assertThat(s.priceBars.count()).isZero();
    }

    @Test
    void truncated_json_is_cut_short_and_nothing_is_written() {
        String full = QuoteFormats.yahooUs("MP", mpBars());
        server.on("/chart/MP", Answer.ok(JSON, full.substring(0, full.length() / 2)));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed().get(0).reason()).contains("cut short or are not valid JSON");
        assertThat(s.priceBars.count()).isZero();
        assertThat(s.priceFetches.latest()).isEmpty();
    }

    @Test
    void a_server_slower_than_the_timeout_fails_with_a_message() {
        timeout = Duration.ofMillis(300);
        server.on("/chart/MP", Answer.held(new CountDownLatch(1)));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed().get(0).reason()).contains("Yahoo Finance did not answer within 300 ms");
        assertThat(s.priceBars.count()).isZero();
    }

    @Test
    void days_listed_without_prices_are_holidays_not_errors() {
        List<Bar> bars = new ArrayList<>(mpBars());
        bars.set(3, Bar.holiday(bars.get(3).date()));

        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", bars)));
        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed()).isEmpty();
        assertThat(r.results().get(0).rows()).isEqualTo(19);
        assertThat(r.results().get(0).holidays()).isEqualTo(1);
        assertThat(s.priceBars.forSymbol("MP")).extracting(PriceBar::date).doesNotContain(bars.get(3).date());
    }

    @Test
    void an_asx_series_is_dated_on_sydney_trading_days_not_on_its_utc_dates() {
        // Sessions open at 10:00 in Sydney: in January (daylight saving, UTC+11) that is 23:00 UTC the day before.
        List<Bar> bars = QuoteFormats.weekdays(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 16), 6, 0.1);
        server.on("/chart/LYC.AX", Answer.ok(JSON, QuoteFormats.yahoo("LYC.AX", "Australia/Sydney", "AUD",
                LocalTime.of(10, 0), bars)));

        PriceFeedService.Report r = fetch(new YahooChart(), "LYC");

        assertThat(r.results().get(0).ticker()).isEqualTo("LYC.AX");
        List<LocalDate> dates = s.priceBars.forSymbol("LYC").stream().map(PriceBar::date).toList();
        assertThat(dates).containsExactlyElementsOf(bars.stream().map(Bar::date).toList());
        assertThat(dates).allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isLessThan(6));
        // The same instants read in UTC would have fallen on Sundays to Thursdays.
        long firstStamp = LocalDate.of(2026, 1, 5).atTime(10, 0).atZone(java.time.ZoneId.of("Australia/Sydney"))
                .toEpochSecond();
        assertThat(Instant.ofEpochSecond(firstStamp).atZone(ZoneOffset.UTC).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void a_bar_that_fails_the_import_rules_refuses_the_whole_security() {
        List<Bar> bars = new ArrayList<>(mpBars());
        Bar b = bars.get(5);
        bars.set(5, new Bar(b.date(), 50.0, 51.0, 49.0, -1.0, -1.0, 10L));
        Bar c = bars.get(6);
        bars.set(6, new Bar(c.date(), 50.0, 49.0, 52.0, 50.0, 50.0, 10L));
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", bars)));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed().get(0).reason()).contains("2 bars for MP that fail the import rules")
                .contains(b.date() + ": close -1.0: a price must be a positive number")
                .contains(c.date() + ": low 52.0: low is above high (49.0)");
        assertThat(s.priceBars.count()).isZero();
    }

    @Test
    void a_series_in_another_currency_is_refused() {
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahoo("MP", "America/New_York", "EUR",
                LocalTime.of(9, 30), mpBars())));

        PriceFeedService.Report r = fetch(new YahooChart(), "MP");

        assertThat(r.failed().get(0).reason()).contains("prices MP in EUR but MP is recorded in USD");
    }

    @Test
    void an_empty_range_says_there_are_no_prices_in_it() {
        server.on("/chart/MP", Answer.ok(JSON, "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\","
                + "\"exchangeTimezoneName\":\"America/New_York\",\"gmtoffset\":-14400},\"indicators\":{\"quote\":[{}],"
                + "\"adjclose\":[{}]}}],\"error\":null}}"));

        PriceFeedService.Report r = fetch(new YahooChart(), LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29),
                "MP");

        assertThat(r.failed().get(0).reason()).contains("has no prices for MP from 2026-03-28 to 2026-03-29");
    }

    @Test
    void a_security_with_no_ticker_at_the_source_says_where_to_set_one() {
        PriceFeedService.Report r = fetch(new StooqDaily(), "LYC");

        assertThat(r.failed().get(0).reason()).contains("no Stooq ticker is known for LYC (ASX)")
                .contains("Data > Securities");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void stooq_csv_full_history_no_data_truncation_and_its_daily_limit() {
        server.on("s=mp.us", Answer.ok("text/csv", QuoteFormats.stooq(mpBars())));
        server.on("s=usar.us", Answer.ok("text/csv", "No data"));
        String csv = QuoteFormats.stooq(mpBars());
        server.on("s=uuuu.us", Answer.ok("text/csv", csv.substring(0, csv.length() - 12)));
        server.on("s=%5Espx", Answer.ok("text/plain", "Exceeded the daily hits limit"));

        PriceFeedService.Report r = fetch(new StooqDaily(), "MP", "USAR", "UUUU", "^GSPC");

        assertThat(r.results()).singleElement().satisfies(x -> {
            assertThat(x.ticker()).isEqualTo("mp.us");
            assertThat(x.rows()).isEqualTo(20);
        });
        assertThat(s.priceBars.forSymbol("MP").get(0).volume()).isEqualTo(1000L);
        assertThat(r.failed()).extracting(PriceFeedService.Failure::symbol).containsExactly("USAR", "UUUU", "^GSPC");
        assertThat(r.failed().get(0).reason()).contains("Stooq has no prices for usar.us");
        assertThat(r.failed().get(1).reason()).contains("cannot be read").contains("may be cut short");
        assertThat(r.failed().get(2).reason()).contains("daily limit").contains("try again tomorrow")
                .doesNotContain("to wait");
        // A daily limit is not retried: one request for ^GSPC.
        assertThat(server.requests().stream().filter(q -> q.uri().getQuery().contains("spx")).count()).isEqualTo(1);
        assertThat(s.priceBars.forSymbol("UUUU")).isEmpty();
        // The whole history when nothing is stored: no d1/d2.
        assertThat(server.requests().get(0).uri().getQuery()).isEqualTo("s=mp.us&i=d");
    }

    @Test
    void stooq_ranges_are_sent_as_d1_and_d2() {
        server.on("s=mp.us", Answer.ok("text/csv", QuoteFormats.stooq(mpBars())));

        fetch(new StooqDaily(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 27), "MP");

        assertThat(server.requests().get(0).uri().getQuery()).isEqualTo("s=mp.us&i=d&d1=20260302&d2=20260327");
    }

    @Test
    void tiingo_sends_its_key_in_a_header_never_in_the_address_and_names_a_refused_key() {
        server.on("/daily/mp/", Answer.ok(JSON, QuoteFormats.tiingo(mpBars())));
        server.on("/daily/usar/", Answer.status(401, JSON, "{\"detail\":\"Invalid token.\"}"));

        PriceFeedService.Report r = fetch(new TiingoDaily(() -> "SECRET-KEY-123"), "MP", "USAR");

        assertThat(r.results()).singleElement().satisfies(x -> assertThat(x.rows()).isEqualTo(20));
        QuoteServer.Seen first = server.requests().get(0);
        assertThat(first.header("Authorization")).isEqualTo("Token SECRET-KEY-123");
        assertThat(first.uri().toString()).doesNotContain("SECRET").contains("startDate=1960-01-01")
                .contains("endDate=2026-03-31");
        assertThat(r.failed().get(0).reason()).contains("Tiingo refused the API key (HTTP 401")
                .contains("Invalid token").doesNotContain("SECRET");
    }

    @Test
    void tiingo_without_a_key_sends_nothing_and_says_how_to_set_one() {
        PriceFeedService.Report r = fetch(new TiingoDaily(() -> ""), "MP");

        assertThat(r.failed().get(0).reason()).contains("Tiingo needs an API key").contains("TIINGO_API_KEY");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_cancel_writes_nothing_more_and_names_what_was_left() {
        server.on("/chart/MP", Answer.ok(JSON, QuoteFormats.yahooUs("MP", mpBars())));
        server.on("/chart/USAR", Answer.ok(JSON, QuoteFormats.yahooUs("USAR", mpBars())));
        boolean[] cancel = {false};

        PriceFeedService.Report r = feeds().fetch(new YahooChart(), new PriceFeedService.Request(List.of("MP", "USAR"),
                false, null, null, server.endpoint()), new PriceFeedService.Listener() {
                    @Override
                    public void finished(String symbol, int index, int count) {
                        cancel[0] = true;
                    }
                }, () -> cancel[0]);

        assertThat(r.cancelled()).isTrue();
        assertThat(r.results()).extracting(PriceFeedService.Result::symbol).containsExactly("MP");
        assertThat(r.failed()).singleElement().satisfies(f -> assertThat(f.reason()).contains("cancelled"));
        assertThat(s.priceBars.forSymbol("USAR")).isEmpty();
    }
}
