package org.rareearth.dashboard.analytics.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

class TimelineCoreTest {

    private static final List<PolicyEvent> SEED = Workspace.defaultDataset().events();

    @Test
    void stacked_rows_never_overlap_for_random_extents() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(300);
            double[] s = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextDouble() * 5000;
                e[i] = s[i] + rnd.nextDouble() * 800;
            }
            double gap = 12;
            int[] rows = RowStacker.stack(s, e, gap);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rows[i] == rows[j]) {
                        boolean apart = e[i] + gap <= s[j] || e[j] + gap <= s[i];
                        assertThat(apart).as("items %d and %d share row %d and overlap", i, j, rows[i]).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void stacking_uses_no_more_rows_than_the_deepest_overlap() {
        // Three intervals where only two overlap at any point: two rows suffice.
        int[] rows = RowStacker.stack(new double[] {0, 50, 120}, new double[] {100, 200, 300}, 10);
        assertThat(rows).containsExactly(0, 1, 0);
    }

    @ParameterizedTest
    @CsvSource({"0.05, YEAR", "0.5, YEAR", "1.0, QUARTER", "3, MONTH", "12, WEEK", "80, DAY", "0.001, YEAR"})
    void ticks_follow_the_zoom(double pxPerDay, TickUnit expected) {
        TickUnit u = TickUnit.choose(pxPerDay);
        assertThat(u).isEqualTo(expected);
    }

    @Test
    void ticks_are_at_least_the_minimum_spacing_apart_at_every_zoom() {
        for (double ppd = 0.01; ppd < 300; ppd *= 1.1) {
            TickUnit u = TickUnit.choose(ppd);
            List<LocalDate> t = u.ticks(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31));
            for (int i = 1; i < t.size(); i++) {
                double px = (t.get(i).toEpochDay() - t.get(i - 1).toEpochDay()) * ppd;
                if (u != TickUnit.YEAR) {
                    assertThat(px).as("%s at %.3f px/day", u, ppd).isGreaterThanOrEqualTo(TickUnit.MIN_SPACING_PX * 0.9);
                }
            }
        }
    }

    @Test
    void ticks_land_on_calendar_boundaries_with_readable_labels() {
        assertThat(TickUnit.QUARTER.ticks(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 12, 31)))
                .containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1));
        assertThat(TickUnit.QUARTER.label(LocalDate.of(2025, 10, 1))).isEqualTo("Q4 2025");
        assertThat(TickUnit.MONTH.label(LocalDate.of(2025, 7, 1))).isEqualTo("Jul 2025");
        assertThat(TickUnit.YEAR.ticks(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 6, 1)))
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        assertThat(TickUnit.WEEK.ticks(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 14)))
                .allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
    }

    @Test
    void filters_combine_actor_category_material_and_text() {
        assertThat(EventFilter.ALL.apply(SEED)).hasSize(43);
        assertThat(new EventFilter(Set.of(Actor.CHINA), Set.of(), Set.of(), "", null, null).apply(SEED)).hasSize(18);
        assertThat(new EventFilter(Set.of(Actor.CHINA), Set.of(Category.SUSPENSION), Set.of(), "", null, null)
                .apply(SEED)).extracting(PolicyEvent::code)
                .containsExactlyInAnyOrder("mofcom-70-2025", "mofcom-no46-us-suspension-2025");
        assertThat(new EventFilter(Set.of(), Set.of(), Set.of("GALLIUM"), "", null, null).apply(SEED))
                .extracting(PolicyEvent::code).contains("mofcom-23-2023", "mofcom-46-2024", "tech-catalogue-2025");
        assertThat(new EventFilter(Set.of(), Set.of(), Set.of("Dy", "graphite"), "", null, null).apply(SEED))
                .extracting(PolicyEvent::code)
                .containsExactlyInAnyOrder("mofcom-18-2025", "graphite-2023", "mofcom-55-58-2025", "mofcom-70-2025",
                        "mofcom-no46-us-suspension-2025");
        assertThat(new EventFilter(Set.of(), Set.of(), Set.of(), "quad", null, null).apply(SEED))
                .extracting(PolicyEvent::code).containsExactly("quad-cmi-2025");
        assertThat(new EventFilter(Set.of(), Set.of(), Set.of(), "Holland & Knight", null, null).apply(SEED))
                .hasSize(1);
    }

    @Test
    void the_date_window_keeps_events_that_touch_it() {
        EventFilter window = new EventFilter(Set.of(), Set.of(), Set.of(), "", LocalDate.of(2026, 11, 15),
                LocalDate.of(2026, 12, 31));
        List<String> codes = window.apply(SEED).stream().map(PolicyEvent::code).toList();
        assertThat(codes).contains("mofcom-no46-us-suspension-2025", "graphite-2023")
                .doesNotContain("mofcom-70-2025");
        EventFilter early = new EventFilter(Set.of(), Set.of(), Set.of(), "", null, LocalDate.of(2023, 12, 31));
        assertThat(early.apply(SEED)).extracting(PolicyEvent::code)
                .containsExactlyInAnyOrder("mofcom-23-2023", "graphite-2023", "tech-catalogue-2023");
        assertThatThrownBy(() -> new EventFilter(Set.of(), Set.of(), Set.of(), "", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 1, 1))).hasMessageContaining("before it starts");
    }

    @Test
    void a_measure_suspended_before_it_took_effect_is_pending_then_suspended_then_in_force() {
        PolicyEvent no61 = SEED.stream().filter(e -> e.code().equals("mofcom-61-2025")).findFirst().orElseThrow();
        List<Segment> s = Segment.of(no61, LocalDate.of(2026, 11, 28));
        assertThat(s).containsExactly(
                new Segment(LocalDate.of(2025, 10, 9), LocalDate.of(2025, 11, 6), Segment.Kind.PENDING),
                new Segment(LocalDate.of(2025, 11, 7), LocalDate.of(2026, 11, 10), Segment.Kind.SUSPENDED),
                new Segment(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 28), Segment.Kind.ACTIVE));
    }

    @Test
    void an_ended_measure_stops_at_its_end_and_an_open_ended_future_one_has_no_bar() {
        PolicyEvent no70 = SEED.stream().filter(e -> e.code().equals("mofcom-70-2025")).findFirst().orElseThrow();
        assertThat(Segment.of(no70, LocalDate.of(2026, 11, 28))).containsExactly(
                new Segment(LocalDate.of(2025, 11, 7), LocalDate.of(2026, 11, 10), Segment.Kind.ACTIVE));
        PolicyEvent no61 = SEED.stream().filter(e -> e.code().equals("mofcom-61-2025")).findFirst().orElseThrow();
        assertThat(Segment.of(no61, LocalDate.of(2025, 1, 1))).as("open-ended and not yet announced").isEmpty();
    }
}
