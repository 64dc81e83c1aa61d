package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineCommandTest {

    @TempDir
    Path dir;

    private int code;
    private String err;

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", dir.resolve("x.db").toString(), "timeline", "--json"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(TestStores.args(all.toArray(String[]::new)));
        code = r.code();
        err = r.err();
        return code == 0 ? r.json() : null;
    }

    private static JsonNode event(JsonNode root, String id) {
        for (JsonNode e : root.get("events")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no event " + id);
    }

    @Test
    void every_event_has_the_documented_fields() throws Exception {
        JsonNode root = json("--on", "2026-01-15");
        assertThat(root.get("events")).hasSize(27);
        for (JsonNode e : root.get("events")) {
            for (String k : List.of("id", "actor", "category", "title", "materials", "announced", "effective", "ends",
                    "status", "statusOn", "source")) {
                assertThat(e.has(k)).as(k).isTrue();
            }
            assertThat(e.get("materials").isArray()).isTrue();
            assertThat(e.get("statusOn").asText()).isIn("announced", "in-force", "suspended", "ended");
            assertThat(e.get("needsReview").isBoolean()).isTrue();
        }
    }

    @Test
    void status_on_a_day_across_announce_effect_suspension_and_end() throws Exception {
        assertThat(event(json("--on", "2025-10-20"), "mofcom-61-2025").get("statusOn").asText()).isEqualTo("announced");
        assertThat(event(json("--on", "2025-11-07"), "mofcom-61-2025").get("statusOn").asText()).isEqualTo("suspended");
        assertThat(event(json("--on", "2025-10-09"), "mofcom-62-2025").get("statusOn").asText()).isEqualTo("in-force");
        assertThat(event(json("--on", "2026-11-10"), "mofcom-70-2025").get("statusOn").asText()).isEqualTo("in-force");
        assertThat(event(json("--on", "2026-11-11"), "mofcom-70-2025").get("statusOn").asText()).isEqualTo("ended");
    }

    @Test
    void events_not_yet_announced_on_the_day_are_left_out_and_counted() throws Exception {
        JsonNode root = json("--on", "2024-01-01");
        assertThat(root.get("events")).hasSize(3);
        assertThat(root.get("notYetAnnounced").asInt()).isEqualTo(40);
    }

    @Test
    void filters_by_actor_category_material_and_dates() throws Exception {
        assertThat(json("--actor", "china", "--on", "2026-01-01").get("events")).hasSize(14);
        assertThat(json("--actor", "allies,bilateral", "--on", "2026-01-01").get("events")).hasSize(5);
        assertThat(json("--actor", "China", "--category", "suspension", "--on", "2026-01-01").get("events")).hasSize(2);
        assertThat(json("--material", "gallium", "--on", "2026-01-01").get("events")).hasSize(4);
        assertThat(json("--material", "Er", "--on", "2026-01-01").get("events")).extracting(e -> e.get("id").asText())
                .containsExactly("mofcom-55-58-2025");
        JsonNode window = json("--from", "2025-07-01", "--to", "2025-07-31", "--actor", "united-states",
                "--on", "2026-01-01");
        assertThat(window.get("events")).extracting(e -> e.get("id").asText())
                .containsExactlyInAnyOrder("section-232-2025", "dod-mp-2025", "apple-mp-2025");
    }

    @Test
    void an_unknown_actor_or_category_is_a_usage_error() throws Exception {
        json("--actor", "mars");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("unknown actor 'mars'").contains("china");
        json("--category", "tariff");
        assertThat(code).isEqualTo(2);
        json("--on", "2025-13-01");
        assertThat(code).isEqualTo(2);
    }
}
