package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.analytics.EventStudyTest;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.io.Json;

/** import-prices and event-study from the command line, on generated prices (made up for the test). */
class PriceCommandsTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("x.db").toString()));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(TestStores.args(all.toArray(String[]::new)));
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private Path longFile() throws Exception {
        var s = EventStudyTest.generateForOtherTests();
        StringBuilder sb = new StringBuilder("Ticker,Date,Close,Adj Close\n");
        for (PriceBar b : s.security()) {
            sb.append("SEC,").append(b.date()).append(',').append(b.close()).append(',').append(b.adjClose()).append('\n');
        }
        for (PriceBar b : s.market()) {
            sb.append("MKT,").append(b.date()).append(',').append(b.close()).append(",\n");
        }
        Path f = dir.resolve("long.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void import_prices_json_for_one_symbol() throws Exception {
        Path f = dir.resolve("mp.csv");
        Files.writeString(f, "Date,Close\n2025-07-08,10\n2025-07-09,x\n2025-07-10,12\n");
        String[] strict = run("import-prices", f.toString(), "--symbol", "MP", "--json");
        assertThat(strict[0]).isEqualTo("1");
        assertThat(strict[2]).contains("line 3, column Close ('x'): not a number");
        String[] r = run("import-prices", f.toString(), "--symbol", "MP", "--skip-bad-rows", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("symbol").asText()).isEqualTo("MP");
        assertThat(j.get("rows").asInt()).isEqualTo(3);
        assertThat(j.get("inserted").asInt()).isEqualTo(2);
        assertThat(j.get("updated").asInt()).isZero();
        assertThat(j.get("skipped")).hasSize(1);
        assertThat(j.get("skipped").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(j.get("skipped").get(0).get("reason").asText()).contains("not a number");
        JsonNode again = Json.MAPPER.readTree(run("import-prices", f.toString(), "--symbol", "MP", "--skip-bad-rows",
                "--json")[1]);
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(2);
    }

    @Test
    void a_long_file_then_an_event_study_with_a_benchmark() throws Exception {
        String[] imp = run("import-prices", longFile().toString(), "--create", "--json");
        assertThat(imp[0]).as(imp[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(imp[1]);
        assertThat(j.has("symbol")).isFalse();
        assertThat(j.get("symbols")).extracting(JsonNode::asText).containsExactly("MKT", "SEC");
        assertThat(j.get("inserted").asInt()).isEqualTo(640);

        String[] es = run("event-study", "--symbol", "SEC", "--date", "2025-07-10", "--benchmark", "MKT",
                "--window", "-1:1", "--json");
        assertThat(es[0]).as(es[2]).isEqualTo("0");
        JsonNode r = Json.MAPPER.readTree(es[1]);
        assertThat(r.get("symbol").asText()).isEqualTo("SEC");
        assertThat(r.get("benchmark").asText()).isEqualTo("MKT");
        assertThat(r.get("eventDate").asText()).isEqualTo("2025-07-10");
        assertThat(r.get("day0").asText()).isEqualTo("2025-07-10");
        assertThat(r.get("alpha").asDouble()).isCloseTo(EventStudyTest.ALPHA, within(1e-9));
        assertThat(r.get("beta").asDouble()).isCloseTo(EventStudyTest.BETA, within(1e-9));
        assertThat(r.get("estimationDays").asInt()).isEqualTo(240);
        assertThat(r.get("window")).extracting(JsonNode::asInt).containsExactly(-1, 1);
        JsonNode ars = r.get("abnormalReturns");
        assertThat(ars).hasSize(3);
        assertThat(ars.get(1).get("offset").asInt()).isZero();
        assertThat(ars.get(1).get("date").asText()).isEqualTo("2025-07-10");
        assertThat(ars.get(1).get("ar").asDouble()).isCloseTo(EventStudyTest.SHOCK, within(1e-9));
        assertThat(ars.get(1).has("return")).isTrue();
        assertThat(r.get("car").asDouble()).isCloseTo(EventStudyTest.SHOCK, within(1e-9));
        assertThat(r.get("tStat").asDouble()).isGreaterThan(3);
        assertThat(r.get("warnings").isArray()).isTrue();
    }

    @Test
    void event_study_errors_are_clear() throws Exception {
        run("import-prices", longFile().toString(), "--create");
        String[] noPrices = run("event-study", "--symbol", "MP", "--date", "2025-07-10");
        assertThat(noPrices[0]).isEqualTo("1");
        assertThat(noPrices[2]).contains("no daily prices for MP").contains("import-prices");
        String[] shortEst = run("event-study", "--symbol", "SEC", "--date", "2025-07-10", "--estimation", "-60:-11");
        assertThat(shortEst[0]).isEqualTo("1");
        assertThat(shortEst[2]).contains("holds 50 valid daily returns");
        assertThat(run("event-study", "--symbol", "SEC", "--date", "2025-07-10", "--window", "2:1")[0]).isEqualTo("2");
        assertThat(run("event-study", "--symbol", "SEC")[0]).as("--date is required").isEqualTo("2");
        String[] raw = run("event-study", "--symbol", "SEC", "--date", "2025-07-10", "--window=-1:1", "--json");
        assertThat(Json.MAPPER.readTree(raw[1]).get("model").asText()).isEqualTo("raw");
    }
}
