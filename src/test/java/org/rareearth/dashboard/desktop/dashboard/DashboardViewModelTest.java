package org.rareearth.dashboard.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.service.DashboardSummary;
import org.rareearth.dashboard.service.Workspace;

/**
 * The dashboard's state without a toolkit: the reads go to a queue the test runs by hand (standing in for the
 * background thread), what they give is published at once (standing in for the FX thread).
 */
class DashboardViewModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final AtomicInteger reads = new AtomicInteger();

    private static DashboardSummary on(LocalDate day) {
        return DashboardSummary.of(Workspace.defaultDataset(), day);
    }

    @Test
    void a_refresh_reads_off_the_calling_thread_and_publishes_what_it_read() {
        DashboardViewModel m = new DashboardViewModel(() -> {
            reads.incrementAndGet();
            return on(LocalDate.of(2026, 6, 30));
        }, background::add, Runnable::run);
        m.refresh();
        assertThat(m.loadingProperty().get()).isTrue();
        assertThat(m.summaryProperty().get()).as("nothing yet: the read has not run").isNull();
        background.poll().run();
        assertThat(m.loadingProperty().get()).isFalse();
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(m.summaryProperty().get().events()).isNotEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_read_that_finishes_after_a_newer_one_does_not_put_older_figures_back() {
        LocalDate[] day = {LocalDate.of(2026, 1, 1)};
        DashboardViewModel m = new DashboardViewModel(() -> on(day[0]), background::add, Runnable::run);
        m.refresh();
        Runnable older = background.poll();
        day[0] = LocalDate.of(2026, 2, 1);
        m.refresh();
        Runnable newer = background.poll();
        newer.run();
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 2, 1));
        older.run();
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void the_first_refresh_after_a_prefetch_takes_that_read_and_later_ones_read_again() {
        DashboardViewModel m = new DashboardViewModel(() -> {
            reads.incrementAndGet();
            return on(LocalDate.of(2026, 6, 30));
        }, background::add, Runnable::run);
        m.prefetch();
        m.refresh();
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(reads).hasValue(1);
        m.refresh();
        assertThat(background).hasSize(1);
    }

    @Test
    void a_store_change_after_a_prefetch_makes_the_next_refresh_read_again() {
        DashboardViewModel m = new DashboardViewModel(() -> {
            reads.incrementAndGet();
            return on(LocalDate.of(2026, 6, 30));
        }, background::add, Runnable::run);
        m.prefetch();
        m.storeChanged();
        m.refresh();
        assertThat(background).hasSize(2);
        background.forEach(Runnable::run);
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_failed_read_says_why_and_keeps_the_last_figures() {
        boolean[] fail = {false};
        DashboardViewModel m = new DashboardViewModel(() -> {
            if (fail[0]) {
                throw new IllegalStateException("database is locked");
            }
            return on(LocalDate.of(2026, 6, 30));
        }, Runnable::run, Runnable::run);
        m.refresh();
        DashboardSummary shown = m.summaryProperty().get();
        fail[0] = true;
        m.refresh();
        assertThat(m.problemProperty().get()).contains("could not be read").contains("database is locked");
        assertThat(m.summaryProperty().get()).isSameAs(shown);
        assertThat(m.loadingProperty().get()).isFalse();
        fail[0] = false;
        m.refresh();
        assertThat(m.problemProperty().get()).isEmpty();
    }

    @Test
    void an_adopted_read_that_has_answered_is_shown_at_once_and_the_first_refresh_takes_it() {
        DashboardViewModel m = new DashboardViewModel(() -> {
            reads.incrementAndGet();
            return on(LocalDate.of(2026, 6, 30));
        }, background::add, Runnable::run);
        m.adopt(java.util.concurrent.CompletableFuture.completedFuture(on(LocalDate.of(2026, 5, 1))));
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(m.loadingProperty().get()).isFalse();
        m.refresh();
        assertThat(background).as("the first refresh took the adopted read").isEmpty();
        m.refresh();
        background.poll().run();
        assertThat(reads).hasValue(1);
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void an_adopted_read_still_running_is_shown_on_the_ui_thread_when_it_answers_unless_a_newer_read_came_first() {
        Deque<Runnable> ui = new ArrayDeque<>();
        DashboardViewModel m = new DashboardViewModel(() -> on(LocalDate.of(2026, 6, 30)), background::add, ui::add);
        java.util.concurrent.CompletableFuture<DashboardSummary> early = new java.util.concurrent.CompletableFuture<>();
        m.adopt(early);
        assertThat(m.loadingProperty().get()).isTrue();
        early.complete(on(LocalDate.of(2026, 5, 1)));
        assertThat(m.summaryProperty().get()).as("published on the ui executor, not the completing thread").isNull();
        ui.poll().run();
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(m.loadingProperty().get()).isFalse();

        java.util.concurrent.CompletableFuture<DashboardSummary> slow = new java.util.concurrent.CompletableFuture<>();
        m.adopt(slow);
        m.storeChanged();
        m.refresh();
        background.poll().run();
        ui.poll().run();
        slow.complete(on(LocalDate.of(2026, 1, 1)));
        ui.poll().run();
        assertThat(m.summaryProperty().get().today()).as("the older read does not put its figures back")
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void an_adopted_read_that_failed_says_why() {
        DashboardViewModel m = new DashboardViewModel(() -> on(LocalDate.of(2026, 6, 30)), background::add,
                Runnable::run);
        m.adopt(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("database is locked")));
        assertThat(m.problemProperty().get()).contains("could not be read").contains("database is locked");
        assertThat(m.summaryProperty().get()).isNull();
        assertThat(m.loadingProperty().get()).isFalse();
    }

    @Test
    void an_adopted_read_that_was_skipped_is_followed_by_a_read_of_its_own() {
        DashboardViewModel m = new DashboardViewModel(() -> on(LocalDate.of(2026, 6, 30)), background::add,
                Runnable::run);
        m.adopt(java.util.concurrent.CompletableFuture.completedFuture(null));
        assertThat(m.loadingProperty().get()).isTrue();
        background.poll().run();
        assertThat(m.summaryProperty().get().today()).isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
