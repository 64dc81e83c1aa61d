package org.rareearth.dashboard.desktop.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.Workspace;

/** The timeline's read without a toolkit: a queue stands in for the background thread. */
class TimelineViewModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();

    @Test
    void every_finished_read_counts_even_when_it_gives_what_the_last_one_gave() {
        List<PolicyEvent> events = Workspace.defaultDataset().events();
        TimelineViewModel m = new TimelineViewModel(() -> events, background::add, Runnable::run);
        m.refresh();
        assertThat(m.hasAnswered()).isFalse();
        background.poll().run();
        assertThat(m.valueProperty().get()).hasSize(events.size());
        assertThat(m.readsProperty().get()).isEqualTo(1);
        // The same events again (the day moved on, say): the view must lay them out again, so it is counted.
        m.refresh();
        background.poll().run();
        assertThat(m.readsProperty().get()).isEqualTo(2);
        assertThat(m.hasAnswered()).isTrue();
    }

    @Test
    void a_failed_first_read_answers_with_the_reason() {
        TimelineViewModel m = new TimelineViewModel(() -> {
            throw new IllegalStateException("disk I/O error");
        }, Runnable::run, Runnable::run);
        m.refresh();
        assertThat(m.hasAnswered()).isTrue();
        assertThat(m.problemProperty().get()).isEqualTo("The timeline could not be read from the store: disk I/O error");
        assertThat(m.valueProperty().get()).isNull();
        assertThat(m.readsProperty().get()).isZero();
    }
}
