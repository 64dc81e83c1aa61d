package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.testdata.GeneratedPrices;

/** {@code event-study-pooled} on the shipped events with generated daily prices (made here, never shipped). */
class EventStudyPooledCommandTest {

    @TempDir
    Path dir;

    private int code;
    private String err;

    private JsonNode json(Path db, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "event-study-pooled", "--json"));
        all.addAll(List.of(args));
        CliRun r = CliRun.run(TestStores.args(all.toArray(String[]::new)));
        code = r.code();
        err = r.err();
        return code == 0 ? r.json() : null;
    }

    @Test
    void us_price_support_events_pooled_over_three_securities_with_each_market_index() throws Exception {
        Path db = GeneratedPrices.store(dir);
        JsonNode r = json(db, "--symbols", "MP,USAR,LYC", "--actor", "united-states", "--category", "investment",
                "--from", "2025-07-01", "--to", "2025-12-31", "--benchmark", "auto");
        assertThat(code).as(err).isZero();
        for (String k : List.of("n", "window", "caar", "aar", "tests", "studies", "excluded", "warnings")) {
            assertThat(r.has(k)).as(k).isTrue();
        }
        for (String t : List.of("crossSectionalT", "patell", "bmp", "sign")) {
            assertThat(r.get("tests").get(t).has("stat")).isTrue();
            assertThat(r.get("tests").get(t).get("p").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(r.get("window").get(0).asInt()).isEqualTo(-1);
        // DoD–MP (2025-07-10), Apple–MP (2025-07-15), Vulcan (2025-11-03), the Maaden JV (2025-11-19): 4 events x 3.
        assertThat(r.get("n").asInt() + r.get("excluded").size()).isEqualTo(12);
        JsonNode lyc = null;
        for (JsonNode st : r.get("studies")) {
            for (String k : List.of("symbol", "event", "day0", "car", "scar", "estimationDays")) {
                assertThat(st.has(k)).isTrue();
            }
            if (st.get("symbol").asText().equals("LYC") && st.get("event").asText().equals("dod-mp-2025")) {
                lyc = st;
            }
        }
        assertThat(lyc).isNotNull();
        assertThat(lyc.get("day0").asText()).as("the ASX trades US news the next session").isEqualTo("2025-07-11");
        assertThat(lyc.get("benchmark").asText()).isEqualTo("^AXJO");
        // The DoD and Apple events are three sessions apart: their windows and estimation windows overlap.
        assertThat(r.get("warnings").toString()).contains("holds another event of the set");
        assertThat(r.get("warnings").toString()).contains("share the calendar dates");

        // The same pair through event-study gives the same CAR (one study, same model and windows).
        double single = CliRun.run(TestStores.args("--db", db.toString(), "event-study", "--symbol", "MP", "--date",
                "2025-07-10", "--benchmark", "^GSPC", "--json")).json().get("car").asDouble();
        for (JsonNode st : r.get("studies")) {
            if (st.get("symbol").asText().equals("MP") && st.get("event").asText().equals("dod-mp-2025")) {
                assertThat(st.get("car").asDouble()).isCloseTo(single, within(1e-12));
            }
        }
    }

    @Test
    void bad_choices_are_named() throws Exception {
        Path db = GeneratedPrices.store(dir);
        json(db, "--symbols", "MP,NOPE", "--events", "dod-mp-2025");
        assertThat(code).isEqualTo(1);
        assertThat(err).contains("unknown security 'NOPE'");
        json(db, "--symbols", "MP", "--events", "no-such-event");
        assertThat(code).isEqualTo(1);
        assertThat(err).contains("unknown event 'no-such-event'");
        json(db, "--symbols", "MP", "--events", "dod-mp-2025", "--actor", "china");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("either by --events or by filters");
        json(db, "--symbols", "MP", "--events", "dod-mp-2025", "--window", "3");
        assertThat(code).isEqualTo(2);
        // A security with no prices is excluded by name, not an error.
        JsonNode r = json(db, "--symbols", "MP,ILU", "--events", "dod-mp-2025,apple-mp-2025", "--benchmark", "^GSPC");
        assertThat(code).as(err).isZero();
        assertThat(r.get("excluded").toString()).contains("no daily prices for ILU");
        assertThat(r.get("n").asInt()).isEqualTo(2);
    }

    @Test
    void without_a_benchmark_the_studies_are_mean_adjusted() throws Exception {
        Path db = GeneratedPrices.store(dir);
        JsonNode r = json(db, "--symbols", "MP,USAR", "--events", "dod-mp-2025");
        assertThat(code).as(err).isZero();
        for (JsonNode st : r.get("studies")) {
            assertThat(st.get("model").asText()).isEqualTo("mean-adjusted");
            assertThat(st.get("beta").asDouble()).isZero();
        }
        assertThat(r.get("warnings").toString()).contains("mean-adjusted");
        assertThat(EventStudy.MIN_ESTIMATION_RETURNS).isEqualTo(120);
    }
}
