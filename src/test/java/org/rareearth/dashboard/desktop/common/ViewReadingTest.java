package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/**
 * When a reading view says it has loaded (what exports, the start and the training tour wait for), without a
 * toolkit: the store's reads are run by hand.
 */
class ViewReadingTest {
    private final List<Runnable> background = new ArrayList<>();
    private final String[] store = {"first"};
    private final LatestRead<String> read = new LatestRead<>("the records", () -> {
        if (store[0].startsWith("fail")) {
            throw new IllegalStateException(store[0]);
        }
        return store[0];
    }, background::add, Runnable::run);
    private final View.Reading view = new View.Reading() {
        @Override
        public LatestRead<?> reads() {
            return read;
        }

        @Override
        public String title() {
            return "Records";
        }

        @Override
        public Node node() {
            return null;
        }
    };

    private void finishReads() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void a_view_read_again_is_loaded_once_that_read_is_in_not_with_what_it_showed_before() {
        view.refresh();
        finishReads();
        store[0] = "after the change";
        view.refresh();
        List<String> seen = new ArrayList<>();
        view.whenLoaded(() -> seen.add(read.valueProperty().get()));
        assertThat(seen).as("while the second read runs").isEmpty();
        finishReads();
        assertThat(seen).containsExactly("after the change");
        view.whenLoaded(() -> seen.add("at once"));
        assertThat(seen).as("no read under way").containsExactly("after the change", "at once");
    }

    @Test
    void what_waits_for_the_read_comes_after_the_views_rebuilt_on_it() {
        List<String> order = new ArrayList<>();
        read.readsProperty().addListener(o -> order.add("rebuilt with " + read.valueProperty().get()));
        view.refresh();
        view.whenLoaded(() -> order.add("loaded"));
        finishReads();
        assertThat(order).containsExactly("rebuilt with first", "loaded");
    }

    @Test
    void a_read_that_fails_again_with_the_same_words_still_ends_the_wait() {
        store[0] = "fail: disk I/O error";
        view.refresh();
        finishReads();
        assertThat(view.readProblem()).isEqualTo("The records could not be read from the store: fail: disk I/O error");
        view.refresh();
        List<String> seen = new ArrayList<>();
        view.whenLoaded(() -> seen.add(view.readProblem()));
        assertThat(seen).isEmpty();
        finishReads();
        assertThat(seen).containsExactly("The records could not be read from the store: fail: disk I/O error");
    }
}
