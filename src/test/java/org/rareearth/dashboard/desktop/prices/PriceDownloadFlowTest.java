package org.rareearth.dashboard.desktop.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.desktop.data.DataView;
import org.rareearth.dashboard.desktop.reactions.ReactionsView;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.FeedSettings;
import org.rareearth.dashboard.testdata.QuoteFormats;
import org.rareearth.dashboard.testdata.QuoteServer.Answer;
import org.rareearth.dashboard.testdata.QuoteServer;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Update prices as a user does it: asked once, a download with its outcome in the status bar; a local server. */
@ExtendWith(FxThreadLookups.class)
class PriceDownloadFlowTest {
    private WindowFixture fixture;
    private MainWindow window;
    private QuoteServer server;

    @Start
    void start(Stage stage) throws Exception {
        server = new QuoteServer();
        server.on("/chart/MP", Answer.ok("application/json", QuoteFormats.yahooUs("MP",
                QuoteFormats.weekdays(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 7, 31), 10, 0.1))));
        server.on("/chart/LYC.AX", Answer.ok("application/json", QuoteFormats.yahoo("LYC.AX", "Australia/Sydney",
                "AUD", java.time.LocalTime.of(10, 0), QuoteFormats.weekdays(LocalDate.of(2025, 6, 2),
                        LocalDate.of(2025, 7, 31), 8, 0.05))));
        fixture = WindowFixture.open(stage, s -> new FeedSettings(AppPaths.downloadSettings())
                .setEndpoint(server.endpoint().toString()));
        window = fixture.window;
    }

    @AfterEach
    void close() {
        server.close();
        fixture.close();
    }

    @Test
    void update_prices_asks_once_then_downloads_and_the_status_bar_says_when(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(DataView.TITLE));
        org.rareearth.dashboard.desktop.WindowFixture.awaitReads(window);
        TabPane tabs = robot.lookup("#data-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-securities".equals(t.getId())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        TableView<Security> table = robot.lookup("#table-securities").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(x -> x.symbol().equals("MP")).findFirst().orElseThrow()));

        robot.clickOn("#update-prices");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#download-consent").tryQuery()
                .isPresent());
        DialogPane consent = robot.lookup("#download-consent").queryAs(DialogPane.class);
        assertThat(consent.getHeaderText()).isEqualTo("Download daily prices from Yahoo Finance?");
        Button allow = (Button) consent.getButtonTypes().stream().filter(b -> b.getText().equals("Allow downloads"))
                .map(consent::lookupButton).findFirst().orElseThrow();
        robot.clickOn(allow);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.services.priceBars.forSymbol("MP").size() == 44
                && robot.lookup("#last-fetched").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText())
                .isEqualTo("Downloaded from Yahoo Finance: 1 security updated (44 days, 44 new)");
        assertThat(robot.lookup("#last-fetched").queryAs(Label.class).getText()).startsWith("Prices last fetched ")
                .endsWith("(Yahoo Finance)");
        assertThat(server.requests()).hasSize(1);
        assertThat(new FeedSettings(AppPaths.downloadSettings()).downloadsAllowed()).contains(true);
    }

    @Test
    void the_event_windows_empty_state_offers_a_download_beside_the_import(FxRobot robot) throws Exception {
        new FeedSettings(AppPaths.downloadSettings()).setDownloadsAllowed(true);
        robot.interact(() -> {
            window.show(ReactionsView.TITLE);
            ((ReactionsView) window.view(ReactionsView.TITLE)).focusEvent("dod-mp-2025");
        });
        TabPane tabs = robot.lookup("#reactions-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#download-prices-LYC").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#import-prices-LYC").tryQuery()).isPresent();

        Node download = robot.lookup("#download-prices-LYC").query();
        robot.clickOn(download);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.services.priceBars.forSymbol("LYC").size() == 44);
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.uri().getPath())
                .isEqualTo("/v8/finance/chart/LYC.AX"));
        // Sydney dates, not the UTC dates of the sessions' instants.
        assertThat(fixture.services.priceBars.forSymbol("LYC").get(0).date()).isEqualTo(LocalDate.of(2025, 6, 2));
        // The view follows the new prices and says where they came from.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#window-provenance").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#window-provenance").queryAs(Label.class).getText())
                .contains("LYC: Yahoo Finance (LYC.AX), fetched");

        // Download prices… asks for the ticked securities, in one run.
        @SuppressWarnings("unchecked")
        org.controlsfx.control.CheckComboBox<String> ticked = robot.lookup("#study-securities")
                .queryAs(org.controlsfx.control.CheckComboBox.class);
        // Read on the FX thread once the view has followed the download: the view re-ticks its choices there.
        WindowFixture.awaitReads(window);
        java.util.List<String> symbols = WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(
                ticked.getCheckModel().getCheckedItems())).get();
        assertThat(symbols).contains("MP", "LYC");
        robot.clickOn("#study-download");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> server.requests().size() == 1 + symbols.size()
                && robot.lookup("#download-failures").tryQuery().isPresent());
        assertThat(server.requests().subList(1, server.requests().size())).extracting(r -> r.uri().getPath())
                .contains("/v8/finance/chart/MP", "/v8/finance/chart/LYC.AX");
        assertThat(fixture.services.priceBars.forSymbol("MP")).hasSize(44);
    }
}
