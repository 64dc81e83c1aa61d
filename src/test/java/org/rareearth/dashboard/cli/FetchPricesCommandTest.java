package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.service.AppPaths;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.testdata.GeneratedPrices;
import org.rareearth.dashboard.testdata.QuoteFormats;
import org.rareearth.dashboard.testdata.QuoteFormats.Bar;
import org.rareearth.dashboard.testdata.QuoteServer;
import org.rareearth.dashboard.testdata.QuoteServer.Answer;
import org.rareearth.dashboard.testing.CliRun;

/** fetch-prices against a local server in Yahoo's and Stooq's formats (generated prices, made up for the test). */
class FetchPricesCommandTest {
    @TempDir
    Path dir;
    QuoteServer server;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppPaths.HOME_PROPERTY, dir.resolve("home").toString());
        server = new QuoteServer();
    }

    @AfterEach
    void stop() {
        server.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    private String[] run(String db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", org.rareearth.dashboard.testing.TestStores.db(dir.resolve(db)),
                "--today", "2026-06-30"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private static List<Bar> bars(List<PriceBar> generated) {
        return generated.stream().map(b -> new Bar(b.date(), null, null, null, round(b.close()), round(b.close()),
                null)).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @Test
    void an_event_study_on_fetched_prices_matches_the_same_prices_imported_from_a_file() throws Exception {
        List<PriceBar> spx = GeneratedPrices.generated("^GSPC", 11, 0, null);
        List<PriceBar> mp = GeneratedPrices.generated("MP", 1, 1.4, GeneratedPrices.returnsOf(spx));
        server.on("/chart/MP", Answer.ok("application/json", QuoteFormats.yahooUs("MP", bars(mp))));
        server.on("/chart/%5EGSPC", Answer.ok("application/json", QuoteFormats.yahooUs("^GSPC", bars(spx))));

        String[] fetched = run("fetched.db", "fetch-prices", "MP", "^GSPC", "--endpoint", server.endpoint().toString(),
                "--json");
        assertThat(fetched[0]).as(fetched[1] + fetched[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(fetched[1]);
        assertThat(j.get("source").asText()).isEqualTo("yahoo");
        assertThat(j.get("failed")).isEmpty();
        JsonNode first = j.get("results").get(0);
        assertThat(first.get("symbol").asText()).isEqualTo("MP");
        assertThat(first.get("ticker").asText()).isEqualTo("MP");
        assertThat(first.get("rows").asInt()).isEqualTo(mp.size());
        assertThat(first.get("inserted").asInt()).isEqualTo(mp.size());
        assertThat(first.get("updated").asInt()).isZero();
        assertThat(first.get("from").asText()).isEqualTo("2024-01-02");
        assertThat(first.get("to").asText()).isEqualTo("2026-06-30");
        assertThat(j.get("results").get(1).get("ticker").asText()).isEqualTo("^GSPC");

        StringBuilder csv = new StringBuilder("Ticker,Date,Close,Adj Close\n");
        for (Bar b : bars(mp)) {
            csv.append("MP,").append(b.date()).append(',').append(b.close()).append(',').append(b.close()).append('\n');
        }
        for (Bar b : bars(spx)) {
            csv.append("^GSPC,").append(b.date()).append(',').append(b.close()).append(',').append(b.close())
                    .append('\n');
        }
        Path file = dir.resolve("same.csv");
        Files.writeString(file, csv);
        assertThat(run("imported.db", "import-prices", file.toString())[0]).isEqualTo("0");

        String[] a = run("fetched.db", "event-study", "--symbol", "MP", "--date", "2025-07-10", "--json");
        String[] b = run("imported.db", "event-study", "--symbol", "MP", "--date", "2025-07-10", "--json");
        assertThat(a[0]).as(a[2]).isEqualTo("0");
        JsonNode study = Json.MAPPER.readTree(a[1]);
        assertThat(study.get("estimationDays").asInt()).isGreaterThan(200);
        assertThat(study.get("abnormalReturns")).hasSize(3);
        assertThat(a[1]).isEqualTo(b[1]);
    }

    @Test
    void any_failed_security_gives_exit_code_1_with_its_reason_in_the_json() throws Exception {
        List<Bar> bars = QuoteFormats.weekdays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), 20, 0.1);
        server.on("s=mp.us", Answer.ok("text/csv", QuoteFormats.stooq(bars)));
        server.on("s=usar.us", Answer.ok("text/html", "<html><body>Proof of work</body></html>"));

        String[] r = run("x.db", "fetch-prices", "MP", "USAR", "NOPE", "LYC", "--source", "stooq", "--endpoint",
                server.endpoint() + "/", "--json");

        assertThat(r[0]).isEqualTo("1");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("source").asText()).isEqualTo("stooq");
        assertThat(j.get("results")).hasSize(1);
        assertThat(j.get("results").get(0).get("ticker").asText()).isEqualTo("mp.us");
        List<String> failed = new ArrayList<>();
        j.get("failed").forEach(f -> failed.add(f.get("symbol").asText() + ": " + f.get("reason").asText()));
        assertThat(failed).hasSize(3);
        assertThat(failed.get(0)).startsWith("USAR: Stooq sent a web page instead of prices");
        assertThat(failed.get(1)).startsWith("NOPE: unknown security");
        assertThat(failed.get(2)).startsWith("LYC: no Stooq ticker is known for LYC");
        String[] info = run("x.db", "info", "--json");
        assertThat(Json.MAPPER.readTree(info[1]).get("counts").get("priceBars").asInt()).isEqualTo(bars.size());
    }

    @Test
    void all_asks_for_every_security_in_the_store() throws Exception {
        server.otherwise(seen -> Answer.status(404, "application/json", QuoteFormats.yahooNotFound()));

        String[] r = run("x.db", "fetch-prices", "--all", "--endpoint", server.endpoint().toString(), "--json");

        assertThat(r[0]).isEqualTo("1");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("failed")).hasSize(12);
        assertThat(server.requests()).hasSize(12);
        assertThat(server.requests()).extracting(s -> s.uri().getPath())
                .contains("/v8/finance/chart/LYC.AX", "/v8/finance/chart/000300.SS", "/v8/finance/chart/^AXJO");
    }

    @Test
    void usage_errors_name_the_option() {
        assertThat(run("x.db", "fetch-prices")).satisfies(r -> {
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).contains("name the securities to update");
        });
        assertThat(run("x.db", "fetch-prices", "MP", "--source", "bloomberg")[2])
                .contains("--source: unknown quote source 'bloomberg'");
        assertThat(run("x.db", "fetch-prices", "MP", "--endpoint", "http://127.0.0.1:9/v8/finance")[2])
                .contains("--endpoint: give only the scheme, host and port");
        assertThat(run("x.db", "fetch-prices", "MP", "--endpoint", "ftp://mirror")[2]).contains("--endpoint");
        assertThat(run("x.db", "fetch-prices", "MP", "--from", "2026-02-01", "--to", "2026-01-01")[2])
                .contains("--from (2026-02-01) is after --to (2026-01-01)");
        assertThat(run("x.db", "fetch-prices", "MP", "--from", "yesterday")[0]).isEqualTo("2");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_server_that_cannot_be_reached_is_a_failure_not_a_crash() throws Exception {
        String closed = server.endpoint().toString();
        server.close();

        String[] r = run("x.db", "fetch-prices", "MP", "--endpoint", closed, "--json");

        assertThat(r[0]).isEqualTo("1");
        assertThat(Json.MAPPER.readTree(r[1]).get("failed").get(0).get("reason").asText())
                .contains("cannot connect to Yahoo Finance (127.0.0.1:");
    }
}
