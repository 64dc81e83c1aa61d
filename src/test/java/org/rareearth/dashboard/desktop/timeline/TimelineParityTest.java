package org.rareearth.dashboard.desktop.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.desktop.WindowFixture;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The timeline screen's export and the timeline command list the events from one service: on the same day they give
 * the same status and the same review note for every event (the screen also lists those not yet announced). Two
 * days: one before the seed's latest events, one after suspensions lapsed with nothing recorded.
 */
@ExtendWith(FxThreadLookups.class)
class TimelineParityTest {
    private WindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        AppClock.pin(LocalDate.of(2026, 1, 15));
        fixture = WindowFixture.open(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
        AppClock.reset();
    }

    @Test
    void the_screen_and_the_command_agree_on_every_events_status_and_review(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.window.show(TimelineView.TITLE));
        TimelineView view = (TimelineView) fixture.window.view(TimelineView.TITLE);

        Outcome before = compare(robot, view, LocalDate.of(2026, 1, 15));
        assertThat(before.notYetAnnounced()).as("the seed holds events after 15 Jan 2026").isPositive();
        Outcome after = compare(robot, view, LocalDate.of(2026, 12, 1));
        assertThat(after.lapses()).as("suspensions lapsed by 1 Dec 2026 with nothing recorded").isPositive();
    }

    private record Outcome(int notYetAnnounced, int lapses) {}

    private Outcome compare(FxRobot robot, TimelineView view, LocalDate day) throws Exception {
        AppClock.pin(day);
        robot.interact(view::refresh);
        List<List<Object>> rows = view.exportSpec().csvRows();
        List<String> header = view.exportSpec().csvHeader();
        int id = header.indexOf("id");
        int status = header.indexOf("status_today");
        int review = header.indexOf("review");

        JsonNode j = CliRun.run("--db", fixture.services.store().location().display(), "timeline", "--on",
                day.toString(), "--json").json();
        Map<String, JsonNode> byId = new HashMap<>();
        j.get("events").forEach(e -> byId.put(e.get("id").asText(), e));

        assertThat(byId).isNotEmpty();
        int notYet = j.get("notYetAnnounced").asInt();
        assertThat(rows).hasSize(byId.size() + notYet);
        int lapses = 0;
        for (List<Object> row : rows) {
            JsonNode e = byId.get((String) row.get(id));
            if (e == null) {
                assertThat(row.get(status)).isEqualTo("not-yet-announced");
                continue;
            }
            assertThat(row.get(status)).as(row.get(id) + " on " + day).isEqualTo(e.get("statusOn").asText());
            String note = e.get("reviewReason").isNull() ? "" : e.get("reviewReason").asText();
            assertThat(row.get(review)).as(row.get(id) + " on " + day).isEqualTo(note);
            lapses += note.isEmpty() ? 0 : 1;
        }
        return new Outcome(notYet, lapses);
    }
}
