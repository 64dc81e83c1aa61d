package org.rareearth.dashboard.desktop.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.io.quotes.QuoteClient;
import org.rareearth.dashboard.io.quotes.QuoteSources;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.service.FeedSettings;
import org.rareearth.dashboard.service.PriceFeedService;
import org.rareearth.dashboard.testdata.QuoteFormats;
import org.rareearth.dashboard.testdata.QuoteServer;
import org.rareearth.dashboard.testdata.QuoteServer.Answer;

/** The desktop's downloads without a toolkit: plain executors, a local server in Yahoo's format. */
class PriceUpdateViewModelTest {
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    @TempDir
    Path dir;
    Workspace s;
    QuoteServer server;
    FeedSettings settings;
    PriceUpdateViewModel vm;

    @BeforeEach
    void open() throws Exception {
        AppClock.pin(LocalDate.of(2026, 3, 31));
        s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("store.db"));
        server = new QuoteServer();
        settings = new FeedSettings(dir.resolve("downloads.properties"));
        settings.setEndpoint(server.endpoint().toString());
        QuoteClient client = new QuoteClient(new QuoteClient.Limits(Duration.ofSeconds(20), 0, Duration.ZERO,
                Duration.ZERO, Duration.ZERO), d -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        PriceFeedService service = new PriceFeedService(s.securities, s.priceBars, s.priceFetches, client,
                Clock.fixed(NOW, ZoneOffset.UTC));
        vm = new PriceUpdateViewModel(service, settings, id -> QuoteSources.byId(id, () -> ""), Runnable::run,
                Runnable::run);
    }

    @AfterEach
    void close() {
        server.close();
        s.close();
        AppClock.reset();
    }

    @Test
    void nothing_is_sent_until_the_user_allows_it_and_the_answer_is_remembered() throws Exception {
        assertThat(vm.needsConsent()).isTrue();
        assertThat(vm.consentTitle()).isEqualTo("Download daily prices from Yahoo Finance?");
        assertThat(vm.consentQuestion()).contains("the ticker and the date range of each security, to"
                + " query1.finance.yahoo.com").contains("Nothing else is sent");
        assertThatThrownBy(() -> vm.update(List.of("MP"), false, r -> { }, e -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(server.requests()).isEmpty();

        vm.allow();

        assertThat(new FeedSettings(dir.resolve("downloads.properties")).downloadsAllowed()).contains(true);
        assertThat(Files.readString(dir.resolve("downloads.properties"))).contains("downloads.allowed=true");
        settings.setDownloadsAllowed(false);
        assertThat(vm.needsConsent()).isTrue();
    }

    @Test
    void a_run_reports_progress_and_the_last_fetched_line() {
        settings.setDownloadsAllowed(true);
        server.on("/chart/MP", Answer.ok("application/json", QuoteFormats.yahooUs("MP",
                QuoteFormats.weekdays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 27), 50, 0.5))));
        server.on("/chart/USAR", Answer.status(404, "application/json", QuoteFormats.yahooNotFound()));
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        List<PriceFeedService.Report> reports = new ArrayList<>();

        vm.update(List.of("MP", "USAR"), false, reports::add, e -> { throw e; });

        assertThat(progress).containsExactly(0.5, 1.0);
        assertThat(vm.runningProperty().get()).isFalse();
        PriceFeedService.Report r = reports.get(0);
        assertThat(PriceUpdateViewModel.summary(r)).isEqualTo("Downloaded from Yahoo Finance: 1 security updated"
                + " (20 days, 20 new), 1 not");
        assertThat(vm.lastFetchedProperty().get()).isEqualTo("Prices last fetched 31 Mar 2026 (Yahoo Finance)");
        assertThat(PriceUpdateViewModel.provenance(s.priceFetches.latestBySymbol().get("MP")))
                .isEqualTo("Yahoo Finance (MP), fetched 31 Mar 2026");
        // The mirror in the settings was asked, not the source's own host.
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void the_source_and_the_mirror_come_from_the_settings_and_a_bad_mirror_is_refused() {
        settings.setSource("stooq");
        assertThat(vm.source().id()).isEqualTo("stooq");
        assertThat(vm.consentTitle()).isEqualTo("Download daily prices from Stooq?");
        assertThatThrownBy(() -> settings.setEndpoint("http://127.0.0.1:8080/some/path"))
                .hasMessageContaining("only http:// or https://, a host and a port");
        assertThatThrownBy(() -> settings.setSource("bloomberg")).hasMessageContaining("unknown quote source");
    }
}
