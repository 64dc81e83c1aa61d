package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

/** A suspension that runs out with nothing after it is "lapsed, not confirmed"; a later record settles it. */
class EventReviewTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 10);

    /** A control suspended from 2025-11-07 to 2026-11-10, as MOFCOM No. 61 is. */
    private static PolicyEvent measure(String status) {
        return new PolicyEvent("m", Actor.CHINA, Category.EXPORT_CONTROL, "A control", null, List.of(),
                LocalDate.of(2025, 10, 9), LocalDate.of(2025, 12, 1), null, LocalDate.of(2025, 11, 7), D, status,
                "test", "S", null);
    }

    private static PolicyEvent suspension() {
        return new PolicyEvent("susp", Actor.CHINA, Category.SUSPENSION, "Suspends m", null, List.of(),
                LocalDate.of(2025, 11, 7), LocalDate.of(2025, 11, 7), D, null, null, "in-force", "test", "S", null,
                List.of("m"), null);
    }

    private static PolicyEvent followUp(LocalDate announced) {
        return new PolicyEvent("ext", Actor.CHINA, Category.SUSPENSION, "Extends the suspension of m", null,
                List.of(), announced, announced, null, null, null, "in-force", "test", "S", null, List.of("m"), null);
    }

    @Test
    void before_and_during_the_suspension_nothing_needs_review() {
        PolicyEvent m = measure("suspended");
        List<PolicyEvent> all = List.of(m, suspension());
        assertThat(EventReview.lapse(m, all, LocalDate.of(2025, 10, 20))).isEmpty();
        assertThat(EventStatus.on(m, LocalDate.of(2026, 3, 1))).isEqualTo(EventStatus.SUSPENDED);
        assertThat(EventReview.lapse(m, all, LocalDate.of(2026, 3, 1))).isEmpty();
        assertThat(EventReview.lapse(m, all, D)).as("the last day of the suspension").isEmpty();
    }

    @Test
    void after_the_suspension_with_no_later_record_the_measure_is_lapsed_not_confirmed() {
        PolicyEvent m = measure("suspended");
        PolicyEvent s = suspension();
        List<PolicyEvent> all = List.of(m, s);
        LocalDate after = D.plusDays(1);
        // The dates alone say "in force"; no record says so.
        assertThat(EventStatus.on(m, after)).isEqualTo(EventStatus.IN_FORCE);
        EventReview.Lapse l = EventReview.lapse(m, all, after).orElseThrow();
        assertThat(l.kind()).isEqualTo(EventReview.Kind.SUSPENSION);
        assertThat(l.date()).isEqualTo(D);
        assertThat(l.reason()).contains("2026-11-10").contains("not known");
        // The suspension that named it does not count as a follow-up: it began the stretch that lapsed.
        EventReview.Lapse end = EventReview.lapse(s, all, after).orElseThrow();
        assertThat(end.kind()).isEqualTo(EventReview.Kind.END);
    }

    @Test
    void a_later_record_naming_the_measure_settles_it_from_its_announcement_on() {
        PolicyEvent m = measure("suspended");
        PolicyEvent ext = followUp(LocalDate.of(2026, 11, 12));
        List<PolicyEvent> all = List.of(m, suspension(), ext);
        assertThat(EventReview.lapse(m, all, LocalDate.of(2026, 11, 11))).as("the day before it was announced")
                .isPresent();
        assertThat(EventReview.lapse(m, all, LocalDate.of(2026, 11, 12))).isEmpty();
        assertThat(EventReview.lapse(m, all, LocalDate.of(2027, 6, 1))).isEmpty();
        // An extension announced before the lapse (after the suspension began) is a later record too.
        PolicyEvent early = followUp(LocalDate.of(2026, 10, 30));
        assertThat(EventReview.lapse(m, List.of(m, suspension(), early), LocalDate.of(2026, 12, 2))).isEmpty();
    }

    @Test
    void a_reported_status_that_matches_the_dates_settles_it_too() {
        PolicyEvent m = measure("in-force");
        assertThat(EventReview.lapse(m, List.of(m), D.plusDays(20))).isEmpty();
    }

    @Test
    void a_measure_whose_own_end_passed_unconfirmed_is_flagged_until_its_status_says_ended() {
        PolicyEvent window = new PolicyEvent("w", Actor.UNITED_STATES, Category.TRADE_INVESTIGATION, "Window", null,
                List.of(), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 7, 13), null,
                null, "in-force", "test", "S", null);
        assertThat(EventReview.lapse(window, List.of(window), LocalDate.of(2026, 7, 13))).isEmpty();
        assertThat(EventReview.lapse(window, List.of(window), LocalDate.of(2026, 7, 14)).orElseThrow().reason())
                .contains("end date 2026-07-13");
        PolicyEvent confirmed = new PolicyEvent("w", Actor.UNITED_STATES, Category.TRADE_INVESTIGATION, "Window",
                null, List.of(), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 7, 13),
                null, null, "ended", "test", "S", null);
        assertThat(EventReview.lapse(confirmed, List.of(confirmed), LocalDate.of(2026, 8, 1))).isEmpty();
    }

    @Test
    void the_timeline_draws_the_stretch_after_a_lapse_as_lapsed_up_to_today() {
        PolicyEvent m = measure("suspended");
        var segments = org.rareearth.dashboard.analytics.timeline.Segment.of(m, LocalDate.of(2026, 12, 2), D);
        var last = segments.get(segments.size() - 1);
        assertThat(last.kind()).isEqualTo(org.rareearth.dashboard.analytics.timeline.Segment.Kind.LAPSED);
        assertThat(last.from()).isEqualTo(D.plusDays(1));
        assertThat(last.to()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(segments.get(segments.size() - 2).kind())
                .isEqualTo(org.rareearth.dashboard.analytics.timeline.Segment.Kind.SUSPENDED);
        assertThat(segments.get(segments.size() - 2).to()).isEqualTo(D);
    }
}
