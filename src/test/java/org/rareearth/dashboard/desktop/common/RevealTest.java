package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view's later parts come one frame after another in a window, and all at once anywhere else. */
@ExtendWith(FxThreadLookups.class)
class RevealTest {
    private Stage stage;
    /** Pulses of the window's scene so far (counted on the FX thread). */
    private int pulses;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.getScene().addPostLayoutPulseListener(() -> pulses++);
        stage.show();
    }

    @Test
    void in_a_shown_window_each_part_comes_in_a_pulse_of_its_own_and_then_what_waits_for_them(FxRobot robot)
            throws Exception {
        List<String> seen = new ArrayList<>();
        VBox view = new VBox(new Label("first"));
        Reveal[] reveal = new Reveal[1];
        robot.interact(() -> {
            reveal[0] = Reveal.afterFirstFrame(view,
                    () -> seen.add("part 1 after pulse " + pulses),
                    () -> seen.add("part 2 after pulse " + pulses));
            seen.add("built: in progress " + reveal[0].inProgress());
            ((StackPane) stage.getScene().getRoot()).getChildren().add(view);
            seen.add("shown at pulse " + pulses + ": in progress " + reveal[0].inProgress());
            reveal[0].whenDone(() -> seen.add("done after pulse " + pulses));
            reveal[0].whenDone(() -> seen.add("then the next"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 6);
        assertThat(seen.get(0)).isEqualTo("built: in progress false");
        assertThat(seen.get(1)).endsWith(": in progress true");
        assertThat(seen.get(5)).isEqualTo("then the next");
        // Each part after a pulse of its own, and what waited after one more: pulse numbers strictly increase.
        int shown = pulseIn(seen.get(1));
        int part1 = pulseIn(seen.get(2));
        int part2 = pulseIn(seen.get(3));
        int done = pulseIn(seen.get(4));
        assertThat(seen.get(2)).startsWith("part 1");
        assertThat(seen.get(3)).startsWith("part 2");
        assertThat(seen.get(4)).startsWith("done");
        assertThat(part1).isGreaterThan(shown);
        assertThat(part2).isGreaterThan(part1);
        assertThat(done).isGreaterThan(part2);
        List<Object> after = new ArrayList<>();
        robot.interact(() -> {
            after.add(reveal[0].inProgress());
            reveal[0].whenDone(() -> after.add("at once"));
        });
        assertThat(after).containsExactly(false, "at once");
        // Shown again (taken out and put back), nothing runs twice.
        robot.interact(() -> {
            ((StackPane) stage.getScene().getRoot()).getChildren().clear();
            ((StackPane) stage.getScene().getRoot()).getChildren().add(view);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen).hasSize(6);
    }

    private static int pulseIn(String line) {
        return Integer.parseInt(line.replaceAll("^.*pulse (\\d+).*$", "$1"));
    }

    @Test
    void in_a_scene_without_a_window_every_part_comes_at_once(FxRobot robot) {
        List<Object> seen = new ArrayList<>();
        robot.interact(() -> {
            VBox card = new VBox();
            Reveal reveal = Reveal.afterFirstFrame(card, () -> seen.add("part 1"), () -> seen.add("part 2"));
            seen.add("built");
            new Scene(card, 200, 100); // as an export renders a chart's card
            seen.add(reveal.inProgress());
            reveal.whenDone(() -> seen.add("done"));
            seen.add("asked");
        });
        assertThat(seen).containsExactly("built", "part 1", "part 2", false, "done", "asked");
    }

    @Test
    void a_part_given_later_comes_after_a_frame_and_what_waits_for_the_reveal_waits_for_it(FxRobot robot)
            throws Exception {
        List<String> seen = new ArrayList<>();
        VBox view = new VBox(new Label("first"));
        Reveal[] reveal = new Reveal[1];
        robot.interact(() -> {
            reveal[0] = Reveal.afterFirstFrame(view, () -> seen.add("part 1"));
            // Not yet shown: a part comes at once.
            reveal[0].then(() -> seen.add("at once, before the showing"));
            ((StackPane) stage.getScene().getRoot()).getChildren().add(view);
            // What waits for the parts adds one: the next waiter waits for it too.
            reveal[0].whenDone(() -> {
                seen.add("first waiter after pulse " + pulses);
                reveal[0].then(() -> seen.add("its part after pulse " + pulses));
            });
            reveal[0].whenDone(() -> seen.add("second waiter after pulse " + pulses));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 5);
        assertThat(seen.subList(0, 2)).containsExactly("at once, before the showing", "part 1");
        assertThat(seen.get(2)).startsWith("first waiter");
        assertThat(seen.get(3)).startsWith("its part");
        assertThat(seen.get(4)).startsWith("second waiter");
        assertThat(pulseIn(seen.get(3))).isGreaterThan(pulseIn(seen.get(2)));
        assertThat(pulseIn(seen.get(4))).isGreaterThan(pulseIn(seen.get(3)));

        // Done, in a shown window: a part given now starts the reveal again.
        List<Object> later = new ArrayList<>();
        robot.interact(() -> {
            later.add(reveal[0].inProgress());
            reveal[0].then(() -> later.add("part after pulse " + pulses));
            later.add(reveal[0].inProgress());
            reveal[0].whenDone(() -> later.add("done"));
            later.add("asked at pulse " + pulses);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> later.size() == 5);
        assertThat(later.subList(0, 2)).containsExactly(false, true);
        assertThat(pulseIn((String) later.get(3))).isGreaterThan(pulseIn((String) later.get(2)));
        assertThat(later.get(4)).isEqualTo("done");
    }
}
