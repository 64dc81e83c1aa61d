package org.rareearth.dashboard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.EmptyNodeQueryException;

/** The robot the window tests get walks the scene on the FX thread, for their own lookups and for its clicks. */
@ExtendWith(FxThreadLookups.class)
class FxThreadLookupsTest {
    private final List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
    private VBox root;
    private int clicks;

    @Start
    void start(Stage stage) {
        Button button = new Button("Go");
        button.setId("go");
        button.setOnAction(e -> clicks++);
        Label label = new Label("Ready");
        label.setId("ready");
        root = new VBox(8, button, label);
        stage.setScene(new Scene(root, 200, 100));
        stage.show();
    }

    /** A node test that notes the thread it was run on. */
    private boolean noting(Node node) {
        onFxThread.add(Platform.isFxApplicationThread());
        return node instanceof Label;
    }

    @Test
    void every_way_into_a_query_walks_the_scene_on_the_fx_thread(FxRobot robot) {
        assertThat(Platform.isFxApplicationThread()).isFalse();

        Label byPredicate = robot.lookup(this::noting).queryAs(Label.class);
        assertThat(byPredicate.getText()).isEqualTo("Ready");
        assertThat(robot.lookup("#go").lookup(this::noting).tryQuery()).isEmpty();
        Set<Node> fromRoot = robot.from(root).lookup(this::noting).queryAll();
        assertThat(fromRoot).hasSize(1);
        assertThat(robot.from(robot.lookup(".root")).match(this::noting).queryAll()).isEmpty();

        assertThat(onFxThread).isNotEmpty().containsOnly(true);
    }

    @Test
    void the_robots_own_lookups_find_their_node_and_misses_fail_as_before(FxRobot robot) {
        robot.clickOn("#go");
        assertThat(robot.lookup("#ready").queryAs(Label.class).getText()).isEqualTo("Ready");
        assertThat(clicks).isEqualTo(1);
        assertThatThrownBy(() -> robot.lookup("#missing").query()).isInstanceOf(EmptyNodeQueryException.class);
        assertThat(robot.lookup("#missing").tryQuery()).isEmpty();
    }
}
