package org.rareearth.dashboard.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;

/** The small timeline finds the event under a dot, in its actor's row, and nothing between dots. */
@ExtendWith(FxThreadLookups.class)
class MiniTimelineTest {

    private static PolicyEvent event(String code, Actor actor, LocalDate announced) {
        return new PolicyEvent(code, actor, Category.EXPORT_CONTROL, "Event " + code, "summary", List.of(),
                announced, announced, null, null, null, "in-force", "test", "S", null);
    }

    @Test
    void a_dot_answers_with_its_event_and_empty_space_with_none(FxRobot robot) {
        PolicyEvent china = event("a", Actor.CHINA, LocalDate.of(2024, 1, 1));
        PolicyEvent us = event("b", Actor.UNITED_STATES, LocalDate.of(2025, 6, 1));
        MiniTimeline[] mini = new MiniTimeline[1];
        robot.interact(() -> {
            mini[0] = new MiniTimeline(List.of(china, us), LocalDate.of(2026, 1, 1));
            new javafx.scene.Scene(mini[0], 400, 130);
            mini[0].resize(400, 130);
            mini[0].layout();
        });
        Optional<double[]> chinaAt = find(mini[0], china);
        Optional<double[]> usAt = find(mini[0], us);
        assertThat(chinaAt).isPresent();
        assertThat(usAt).isPresent();
        assertThat(chinaAt.get()[1]).as("China's row is above the US row").isLessThan(usAt.get()[1]);
        assertThat(chinaAt.get()[0]).as("the earlier event is further left").isLessThan(usAt.get()[0]);
        assertThat(mini[0].eventAt(2, 128)).isEmpty();
    }

    private static Optional<double[]> find(MiniTimeline m, PolicyEvent e) {
        for (int x = 0; x < 400; x += 2) {
            for (int y = 0; y < 130; y += 2) {
                if (m.eventAt(x, y).filter(e::equals).isPresent()) {
                    return Optional.of(new double[] {x, y});
                }
            }
        }
        return Optional.empty();
    }
}
