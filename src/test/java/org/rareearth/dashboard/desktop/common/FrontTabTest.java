package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.desktop.FxRuntime;

/** Only the tab in front holds its content; the others keep theirs aside and get it back when brought forward. */
class FrontTabTest {

    @Test
    void only_the_front_tab_holds_its_content_and_the_others_get_theirs_back() throws Exception {
        // The toolkit as every other window test starts it (TestFX), not as a command does: FxRuntime would give the
        // headless screen its own size, which the window tests after this one in the same JVM would then get.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        List<Object> seen = FxRuntime.call(() -> {
            Label a = new Label("a");
            Label b = new Label("b");
            Label c = new Label("c");
            TabPane tabs = new TabPane(new Tab("A", a), new Tab("B", b));
            FrontTab.only(tabs);
            List<Object> out = new ArrayList<>();
            out.add(tabs.getTabs().get(0).getContent()); // a
            out.add(tabs.getTabs().get(1).getContent()); // null
            tabs.getSelectionModel().select(1);
            out.add(tabs.getTabs().get(0).getContent()); // null
            out.add(tabs.getTabs().get(1).getContent()); // b
            Tab late = new Tab("C");
            tabs.getTabs().add(late);
            late.setContent(c); // given while in the back
            out.add(late.getContent()); // null
            tabs.getSelectionModel().select(late);
            out.add(late.getContent()); // c
            out.add(tabs.getTabs().get(1).getContent()); // null
            tabs.getSelectionModel().select(0);
            out.add(tabs.getTabs().get(0).getContent()); // a
            out.add(a);
            out.add(c);
            return out;
        });
        assertThat(seen.get(0)).isSameAs(seen.get(8));
        assertThat(seen.get(1)).isNull();
        assertThat(seen.get(2)).isNull();
        assertThat(seen.get(3)).isInstanceOf(Label.class).extracting(l -> ((Label) l).getText()).isEqualTo("b");
        assertThat(seen.get(4)).as("content given to a tab in the back").isNull();
        assertThat(seen.get(5)).isSameAs(seen.get(9));
        assertThat(seen.get(6)).isNull();
        assertThat(seen.get(7)).isSameAs(seen.get(8));
    }
}
