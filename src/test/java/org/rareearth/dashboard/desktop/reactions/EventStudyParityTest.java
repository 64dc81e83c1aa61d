package org.rareearth.dashboard.desktop.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.MainWindow;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.testdata.GeneratedPrices;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The event window's table and the event-study command run the same service: the same security, event, benchmark
 * and session offset give the same numbers (to 1e-12: the table sums a day range of a wider window, the command
 * its own window), on generated prices made up for the test.
 */
@ExtendWith(FxThreadLookups.class)
class EventStudyParityTest {
    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WindowFixture.open(stage, GeneratedPrices::fill);
        window = fixture.window;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private JsonNode command(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", fixture.services.store().location().display(),
                "event-study", "--json"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new)).json();
    }

    @Test
    void the_reactions_table_and_the_event_study_command_give_the_same_numbers(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.show(ReactionsView.TITLE);
            ((ReactionsView) window.view(ReactionsView.TITLE)).focusEvent("dod-mp-2025");
        });
        TabPane tabs = robot.lookup("#reactions-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        ReactionsView view = (ReactionsView) window.view(ReactionsView.TITLE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.studyRows().stream()
                .filter(r -> r.ar0() != null).count() >= 2);

        // MP on NYSE: day 0 is the event's day; its market index is the S&P 500.
        ReactionsViewModel.StudyRow mp = row(view, "MP");
        assertThat(mp.model()).isEqualTo("market model vs ^GSPC");
        JsonNode mp11 = command("--symbol", "MP", "--date", "2025-07-10", "--benchmark", "^GSPC");
        JsonNode mp05 = command("--symbol", "MP", "--date", "2025-07-10", "--benchmark", "^GSPC", "--window", "0:5");
        assertThat(mp.car11()).isCloseTo(mp11.get("car").asDouble(), within(1e-12));
        assertThat(mp.t11()).isCloseTo(mp11.get("tStat").asDouble(), within(1e-12));
        assertThat(mp.ar0()).isCloseTo(ar(mp11, 0), within(1e-12));
        assertThat(mp.car05()).isCloseTo(mp05.get("car").asDouble(), within(1e-12));
        assertThat(mp.t05()).isCloseTo(mp05.get("tStat").asDouble(), within(1e-12));

        // LYC on the ASX reacts a session later to a US announcement; its index is the ASX 200.
        ReactionsViewModel.StudyRow lyc = row(view, "LYC");
        assertThat(lyc.model()).isEqualTo("market model vs ^AXJO");
        JsonNode lyc11 = command("--symbol", "LYC", "--date", "2025-07-10", "--benchmark", "^AXJO", "--offset", "1");
        assertThat(lyc11.get("day0").asText()).isEqualTo("2025-07-11");
        assertThat(lyc.car11()).isCloseTo(lyc11.get("car").asDouble(), within(1e-12));
        assertThat(lyc.t11()).isCloseTo(lyc11.get("tStat").asDouble(), within(1e-12));
        assertThat(lyc.ar0()).isCloseTo(ar(lyc11, 0), within(1e-12));
    }

    private static ReactionsViewModel.StudyRow row(ReactionsView view, String symbol) {
        return view.studyRows().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static double ar(JsonNode study, int offset) {
        for (JsonNode d : study.get("abnormalReturns")) {
            if (d.get("offset").asInt() == offset) {
                return d.get("ar").asDouble();
            }
        }
        throw new AssertionError("no abnormal return at offset " + offset);
    }
}
