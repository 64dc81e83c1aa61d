package org.rareearth.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.io.Json;

class CapacityCommandTest {

    @TempDir
    Path dir;

    private int code;
    private String out;
    private String err;

    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("x.db").toString(), "--today", "2026-12-02"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(TestStores.args(all.toArray(String[]::new)));
        code = r.code();
        out = r.out();
        err = r.err();
        return out;
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("capacity", "--json"));
        all.addAll(List.of(args));
        run(all.toArray(String[]::new));
        assertThat(code).as(err).isZero();
        return Json.MAPPER.readTree(out);
    }

    @Test
    void the_json_has_the_documented_shape_and_the_seed_magnets_lag() throws Exception {
        JsonNode root = json("--stage", "magnets", "--target", "5933");
        assertThat(root.get("stage").asText()).isEqualTo("magnets");
        assertThat(root.get("product").asText()).isEqualTo("rare-earth magnets");
        for (JsonNode y : root.get("byYear")) {
            for (String k : List.of("year", "operating", "construction", "planned")) {
                assertThat(y.has(k)).as(k).isTrue();
            }
        }
        JsonNode lag = root.get("lag");
        assertThat(lag.get("target").asDouble()).isEqualTo(5933);
        for (String k : List.of("operatingOnly", "withConstruction", "withPlanned", "withMedianSlip")) {
            assertThat(lag.has(k)).as(k).isTrue();
        }
        // Operating magnet plants on record: Noveon 2,000 (2023), MP Independence 1,000, Neo Narva 2,000 and e-VAC
        // 2,000 (2025): 7,000 t/yr from 2025.
        assertThat(lag.get("operatingOnly").asInt()).isEqualTo(2025);
        JsonNode y2028 = year(root, 2028);
        assertThat(y2028.get("operating").asDouble()).isEqualTo(7000);
        assertThat(y2028.get("construction").asDouble()).as("10X and Stillwater").isEqualTo(20000);
        assertThat(y2028.get("planned").asDouble()).as("Vulcan").isEqualTo(10000);
        JsonNode niron = project(root, "niron-sartell");
        assertThat(niron.get("counted").asBoolean()).isFalse();
        assertThat(niron.get("reason").asText()).contains("not of rare-earth magnets");
        assertThat(root.get("chinaShare").get(0).get("share").asDouble()).isEqualTo(94.0);
    }

    @Test
    void filters_keep_statuses_and_countries_and_a_bigger_target_waits_for_planned_capacity() throws Exception {
        JsonNode operating = json("--stage", "magnets", "--status", "operating", "--target", "20000");
        assertThat(operating.get("projects")).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("operating"));
        assertThat(operating.get("lag").get("withPlanned").isNull()).isTrue();
        JsonNode all = json("--stage", "magnets", "--target", "30000");
        assertThat(all.get("lag").get("withConstruction").isNull()).isTrue();
        assertThat(all.get("lag").get("withPlanned").asInt()).isEqualTo(2028);
        JsonNode estonia = json("--stage", "magnets", "--country", "Estonia");
        assertThat(estonia.get("projects")).extracting(p -> p.get("id").asText()).containsExactly("neo-narva");
        JsonNode both = json("--stage", "separation", "--status", "construction,planned");
        assertThat(both.get("projects")).extracting(p -> p.get("status").asText())
                .containsOnly("construction", "planned");
        JsonNode noTarget = json("--stage", "mining");
        assertThat(noTarget.get("lag").get("target").isNull()).isTrue();
    }

    @Test
    void separation_adds_nd_pr_oxide_only_and_lists_the_reo_plants_as_not_counted() throws Exception {
        JsonNode root = json("--stage", "separation");
        assertThat(root.get("product").asText()).isEqualTo("NdPr oxide");
        assertThat(project(root, "iluka-eneabba").get("counted").asBoolean()).isFalse();
        assertThat(project(root, "lynas-malaysia").get("counted").asBoolean()).isTrue();
        JsonNode reo = json("--stage", "separation", "--product", "REO");
        assertThat(project(reo, "iluka-eneabba").get("counted").asBoolean()).isTrue();
        assertThat(year(reo, 2027).get("construction").asDouble()).isEqualTo(17500);
    }

    @Test
    void bad_choices_are_usage_errors_that_name_what_is_known() {
        run("capacity", "--stage", "smelting");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("unknown stage 'smelting'").contains("metal-alloy");
        run("capacity", "--status", "paused");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("unknown status 'paused'");
        run("capacity", "--target", "-5");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("positive");
    }

    @Test
    void the_table_says_what_is_not_known() {
        run("capacity", "--stage", "metal-alloy", "--target", "1000");
        assertThat(code).as(err).isZero();
        assertThat(out).contains("China's share at this stage: not known")
                .contains("mp-independence-metal").contains("capacity not known");
    }

    @Test
    void a_dataset_with_supply_chain_records_round_trips_and_a_bad_one_names_its_fields() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"capacityProjects": [{"id": "x-1", "operator": "Op", "facility": "F", "country": "US",
                  "stage": "smelting", "capacity": 10, "unit": "t/month", "product": "magnets", "status": "operating",
                  "targets": [{"asOf": "2025-13", "year": 2027, "source": "s"}], "source": "s", "floor": "nope"}],
                 "stageShares": [{"stage": "mining", "year": 2024, "share": 140, "source": "s"}],
                 "quotas": [{"year": 2025, "mining": 100, "published": false, "source": "s"}]}
                """);
        run("import-dataset", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err).contains("$.capacityProjects[0].stage: unknown stage 'smelting'")
                .contains("$.capacityProjects[0].unit: 't/month' is not a capacity unit")
                .contains("$.capacityProjects[0].targets[0].asOf")
                .contains("$.capacityProjects[0].floor: unknown price floor 'nope'")
                .contains("$.stageShares[0].share: 140.0 is not a percentage")
                .contains("$.quotas[0].published: false, yet volumes are given");
        run("info", "--json");
        assertThat(Json.MAPPER.readTree(out).get("counts").get("capacityProjects").asInt())
                .as("nothing was written").isEqualTo(24);
    }

    private static JsonNode year(JsonNode root, int year) {
        for (JsonNode y : root.get("byYear")) {
            if (y.get("year").asInt() == year) {
                return y;
            }
        }
        throw new AssertionError("no year " + year);
    }

    private static JsonNode project(JsonNode root, String id) {
        for (JsonNode p : root.get("projects")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no project " + id);
    }
}
