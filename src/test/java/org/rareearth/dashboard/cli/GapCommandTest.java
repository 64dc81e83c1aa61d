package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.io.Json;

class GapCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        CliRun r = CliRun.run(TestStores.args(args));
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private JsonNode gapJson(String... extra) throws Exception {
        String[] base = {"--db", dir.resolve("x.db").toString(), "gap", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        String[] r = run(args);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    private static JsonNode pointOn(JsonNode root, String date) {
        for (JsonNode p : root.get("points")) {
            if (p.get("date").asText().equals(date)) {
                return p;
            }
        }
        throw new AssertionError("no point on " + date);
    }

    @Test
    void the_default_basis_is_ex_vat_and_the_july_10_quote_matches_the_worked_conversion() throws Exception {
        JsonNode root = gapJson();
        assertThat(root.get("floorUsdPerKg").asDouble()).isEqualTo(110.0);
        assertThat(root.get("vat").asText()).isEqualTo("excluded");
        JsonNode p = pointOn(root, "2025-07-10");
        assertThat(p.get("source").asText()).isEqualTo("Shanghai Metals Market");
        assertThat(p.get("quote").get("low").asDouble()).isEqualTo(453000.0);
        assertThat(p.get("quote").get("high").asDouble()).isEqualTo(455000.0);
        assertThat(p.get("quote").get("currency").asText()).isEqualTo("CNY");
        assertThat(p.get("quote").get("unit").asText()).isEqualTo("t");
        assertThat(p.get("quote").get("vatIncluded").asBoolean()).isTrue();
        assertThat(p.get("fxRate").asDouble()).isEqualTo(7.151);
        assertThat(p.get("fxDate").asText()).isEqualTo("2025-07-10");
        assertThat(p.get("chinaUsdPerKg").asDouble()).isCloseTo(56.18, within(0.005));
        assertThat(p.get("gapUsdPerKg").asDouble()).isCloseTo(110 - 56.1838, within(1e-3));
        assertThat(p.get("ratio").asDouble()).isCloseTo(1.958, within(1e-3));
        assertThat(p.get("topUpUsd").asDouble()).as("floor not in force in July").isZero();
    }

    @Test
    void vat_included_and_a_volume_give_the_top_up_while_the_floor_is_in_force() throws Exception {
        JsonNode root = gapJson("--vat", "included", "--volume", "1000");
        assertThat(root.get("vat").asText()).isEqualTo("included");
        assertThat(pointOn(root, "2025-07-10").get("chinaUsdPerKg").asDouble()).isCloseTo(63.49, within(0.005));
        JsonNode oct = pointOn(root, "2025-10-30");
        double china = 541_500 / 1000.0 / 7.0864;
        assertThat(oct.get("chinaUsdPerKg").asDouble()).isCloseTo(china, within(1e-9));
        assertThat(oct.get("topUpUsd").asDouble()).isCloseTo((110 - china) * 1_000_000, within(1e-3));
        assertThat(root.get("period").get("annualTopUpUsd").asDouble()).isPositive();
    }

    @Test
    void a_usd_quote_needs_no_fx_rate() throws Exception {
        JsonNode p = pointOn(gapJson(), "2025-07-09");
        assertThat(p.get("fxRate").isNull()).isTrue();
        assertThat(p.get("chinaUsdPerKg").asDouble()).isCloseTo(63 / 1.13, within(1e-9));
    }

    @Test
    void a_quote_without_an_fx_rate_nearby_is_left_out_and_named_with_its_date() throws Exception {
        Path f = dir.resolve("q.json");
        Files.writeString(f, """
                {"assessments":[{"commodity":"NdPr oxide","date":"2024-03-01","low":400000,"high":400000,
                 "currency":"CNY","unit":"t","vatIncluded":true,"basis":"test","source":"unit test"}]}""");
        assertThat(run("--db", dir.resolve("x.db").toString(), "import-dataset", f.toString())[0]).isEqualTo("0");
        String[] r = run("--db", dir.resolve("x.db").toString(), "gap", "--json");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[2]).contains("warning: left out a quote").contains("2024-03-01").contains("USD/CNY");
        JsonNode root = Json.MAPPER.readTree(r[1]);
        assertThat(root.get("skipped")).anySatisfy(s -> assertThat(s.asText()).startsWith("2024-03-01 (unit test)")
                .contains("no USD/CNY rate"));
        for (JsonNode p : root.get("points")) {
            assertThat(p.get("date").asText()).isNotEqualTo("2024-03-01");
        }
    }

    @Test
    void bad_options_are_usage_errors() {
        assertThat(run("--db", dir.resolve("x.db").toString(), "gap", "--vat", "sometimes")[0]).isEqualTo("2");
        assertThat(run("--db", dir.resolve("x.db").toString(), "gap", "--volume", "-5")[0]).isEqualTo("2");
        assertThat(run("--db", dir.resolve("x.db").toString(), "gap", "--volume", "lots")[0]).isEqualTo("2");
    }
}
