package org.rareearth.dashboard.desktop.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.Workspace;

/**
 * The stock-reactions screen's view model, without a toolkit: the records are read and the studies computed on the
 * background executor and published on the UI one; the same request gives the event-study command's numbers.
 */
class ReactionsViewModelTest {
    @TempDir
    Path dir;

    /** Runs what was queued on an executor, as many rounds as it takes (work queues more work). */
    private static void drain(List<Runnable> queue) {
        while (!queue.isEmpty()) {
            List<Runnable> now = new ArrayList<>(queue);
            queue.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void the_studies_are_the_event_study_commands_numbers() throws Exception {
        Path db = org.rareearth.dashboard.testdata.GeneratedPrices.store(dir);
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(db)) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> ui = new ArrayList<>();
            ReactionsViewModel m = ReactionsViewModel.over(s, background::add, ui::add);
            m.records().refresh();
            assertThat(m.records().valueProperty().get()).as("nothing read on the caller's thread").isNull();
            drain(background);
            assertThat(m.records().valueProperty().get()).as("published on the UI executor only").isNull();
            drain(ui);
            ReactionsViewModel.Records r = m.records().valueProperty().get();
            PolicyEvent event = r.event("dod-mp-2025").orElseThrow();
            assertThat(r.reportedFor(event)).contains("MP");
            assertThat(r.benchmarkChoices()).startsWith(ReactionsViewModel.AUTO, ReactionsViewModel.NONE);

            m.compute(new ReactionsViewModel.Request(event, List.of("MP", "LYC", "NOPRICES"), ReactionsViewModel.AUTO,
                    true));
            assertThat(m.computingProperty().get()).isTrue();
            drain(background);
            drain(ui);
            assertThat(m.computingProperty().get()).isFalse();
            ReactionsViewModel.Studies studies = m.studiesProperty().get();
            assertThat(studies.cancelled()).isFalse();
            assertThat(studies.missing()).containsExactly("NOPRICES");
            assertThat(studies.rows()).extracting(ReactionsViewModel.StudyRow::symbol).containsExactly("MP", "LYC");

            // The command with the benchmark and session offset the screen chose: MP on NYSE against the S&P 500,
            // LYC on the ASX a session later against the ASX 200.
            ReactionsViewModel.StudyRow mp = studies.rows().get(0);
            ReactionsViewModel.StudyRow lyc = studies.rows().get(1);
            assertThat(mp.model()).isEqualTo("market model vs ^GSPC");
            assertThat(lyc.model()).isEqualTo("market model vs ^AXJO");
            JsonNode mpJson = command(db, "--symbol", "MP", "--date", event.announced().toString(), "--benchmark",
                    "^GSPC");
            JsonNode lycJson = command(db, "--symbol", "LYC", "--date", event.announced().toString(), "--benchmark",
                    "^AXJO", "--offset", "1");
            assertThat(mp.car11()).isEqualTo(mpJson.get("car").asDouble());
            assertThat(mp.t11()).isEqualTo(mpJson.get("tStat").asDouble());
            assertThat(lyc.car11()).isEqualTo(lycJson.get("car").asDouble());
            assertThat(lyc.t11()).isEqualTo(lycJson.get("tStat").asDouble());
            assertThat(lyc.day0()).startsWith(org.rareearth.dashboard.desktop.common.Formats.day(
                    java.time.LocalDate.parse(lycJson.get("day0").asText()))).endsWith("(+1 session)");
        }
    }

    private static JsonNode command(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", org.rareearth.dashboard.testing.TestStores.db(db),
                "event-study", "--json"));
        all.addAll(List.of(args));
        return org.rareearth.dashboard.testing.CliRun.run(all.toArray(String[]::new)).json();
    }

    @Test
    void a_newer_request_replaces_an_older_one_and_cancel_keeps_the_rows_done() throws Exception {
        Path db = org.rareearth.dashboard.testdata.GeneratedPrices.store(dir);
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(db)) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> ui = new ArrayList<>();
            ReactionsViewModel m = ReactionsViewModel.over(s, background::add, ui::add);
            PolicyEvent event = ReactionsViewModel.Records.read(s).event("dod-mp-2025").orElseThrow();
            m.compute(new ReactionsViewModel.Request(event, List.of("MP"), ReactionsViewModel.NONE, false));
            m.compute(new ReactionsViewModel.Request(event, List.of("LYC"), ReactionsViewModel.NONE, false));
            drain(background);
            drain(ui);
            assertThat(m.studiesProperty().get().rows()).extracting(ReactionsViewModel.StudyRow::symbol)
                    .as("the older computation is never shown").containsExactly("LYC");
            assertThat(m.studiesProperty().get().rows().get(0).model()).isEqualTo("raw: no benchmark");

            // Cancel while the first security is being computed: it is kept, the rest are not computed.
            List<Runnable> cancelling = new ArrayList<>();
            ReactionsViewModel c = new ReactionsViewModel(() -> ReactionsViewModel.Records.read(s), () -> {
                var batch = s.eventStudies().batch();
                cancelling.forEach(Runnable::run);
                return batch;
            }, s.priceFetches::latestBySymbol, background::add, ui::add);
            cancelling.add(c::cancel);
            c.compute(new ReactionsViewModel.Request(event, List.of("MP", "LYC"), ReactionsViewModel.AUTO, true));
            drain(background);
            drain(ui);
            assertThat(c.studiesProperty().get().cancelled()).isTrue();
            assertThat(c.studiesProperty().get().rows()).isEmpty();

            // No event: the studies are cleared at once.
            m.compute(new ReactionsViewModel.Request(null, List.of("MP"), ReactionsViewModel.AUTO, true));
            assertThat(m.studiesProperty().get()).isNull();
            assertThat(m.computingProperty().get()).isFalse();
        }
    }

    @Test
    void a_failing_read_is_said_and_the_latest_values_stay() {
        List<Runnable> background = new ArrayList<>();
        ReactionsViewModel m = new ReactionsViewModel(() -> {
            throw new IllegalStateException("the store is locked");
        }, () -> {
            throw new IllegalStateException("no batch");
        }, Map::of, background::add, Runnable::run);
        m.records().refresh();
        drain(background);
        assertThat(m.records().problemProperty().get())
                .isEqualTo("The stock reactions could not be read from the store: the store is locked");
        m.compute(new ReactionsViewModel.Request(Workspace.defaultDataset().events().get(0), List.of("MP"), ReactionsViewModel.AUTO, true));
        drain(background);
        assertThat(m.studiesProperty().get().failure()).isEqualTo("no batch");
    }
}
