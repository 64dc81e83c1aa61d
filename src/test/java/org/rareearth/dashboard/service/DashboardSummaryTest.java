package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.domain.Stake;

/** The dashboard's figures from a hand-made set of records (made up for the test), without a window. */
class DashboardSummaryTest {
    private static PolicyEvent event(String code, Actor actor, Category cat, String announced, String ends,
                                     String suspendedFrom, String suspendedUntil) {
        return new PolicyEvent(code, actor, cat, code + " title", null, List.of(), LocalDate.parse(announced), null,
                ends == null ? null : LocalDate.parse(ends), suspendedFrom == null ? null : LocalDate.parse(suspendedFrom),
                suspendedUntil == null ? null : LocalDate.parse(suspendedUntil), null, "test", "S", null);
    }

    private static Reaction move(String symbol, String event, double pct) {
        return new Reaction(symbol, event, LocalDate.of(2025, 7, 10), "close-to-close", pct, null, null, "t", "S",
                null);
    }

    private static Security sec(String symbol, boolean benchmark) {
        return new Security(symbol, symbol, "NYSE", "USD", "US", benchmark, "t", "S", null);
    }

    private static final List<PolicyEvent> EVENTS = List.of(
            event("ctl-a", Actor.CHINA, Category.EXPORT_CONTROL, "2025-04-04", null, null, null),
            // Suspended from 10 Nov 2025 to 10 Nov 2026, nothing recorded after: lapsed on 1 Dec 2026.
            event("ctl-b", Actor.CHINA, Category.EXPORT_CONTROL, "2025-10-09", null, "2025-11-10", "2026-11-10"),
            event("ctl-c", Actor.CHINA, Category.EXPORT_CONTROL, "2026-02-01", "2027-03-31", null, null),
            event("deal", Actor.UNITED_STATES, Category.INVESTMENT, "2025-07-10", null, null, null));

    private static Dataset data() {
        return new Dataset(null, null, List.of(sec("MP", false), sec("USAR", false), sec("UUUU", false),
                sec("ABC", false), sec("^GSPC", true)), List.of(), EVENTS,
                List.of(move("MP", "deal", 50.6), move("USAR", "deal", 10.4), move("^GSPC", "deal", 0.3),
                        move("UUUU", "deal", 15.2), move("ABC", "deal", 1.0), move("MP", "ctl-a", 2.0)),
                List.of(), List.of(), List.of(),
                List.of(new Stake("DoD", "MP", "deal", LocalDate.of(2025, 7, 10), 400e6, "USD", 15.0, "preferred",
                        "t", "S", null)));
    }

    @Test
    void the_headline_is_the_event_with_most_reactions_and_its_three_largest_movers_skip_benchmarks() {
        DashboardSummary s = DashboardSummary.of(data(), LocalDate.of(2026, 12, 1));
        assertThat(s.headline()).contains("deal");
        assertThat(s.topMovers()).extracting(Reaction::symbol).containsExactly("MP", "UUUU", "USAR");
        assertThat(s.latestStakes()).hasSize(1);
        assertThat(s.gap()).isNull();
    }

    @Test
    void measures_in_force_lapsed_and_suspended_latest_control_and_next_expiry_on_two_days() {
        DashboardSummary before = DashboardSummary.of(data(), LocalDate.of(2026, 6, 1));
        assertThat(before.inForce()).isEqualTo(2); // a and c; b is suspended
        assertThat(before.suspended()).isEqualTo(1);
        assertThat(before.lapsed()).isZero();
        assertThat(before.latestControl().orElseThrow().code()).isEqualTo("ctl-c");
        assertThat(before.daysSinceLatestControl()).isEqualTo(120); // 1 Feb to 1 Jun 2026
        assertThat(before.nextExpiry().orElseThrow().event().code()).isEqualTo("ctl-b");
        assertThat(before.nextExpiry().orElseThrow().daysLeft()).isEqualTo(162); // to 10 Nov 2026

        DashboardSummary after = DashboardSummary.of(data(), LocalDate.of(2026, 12, 1));
        assertThat(after.inForce()).isEqualTo(2); // a and c; b lapsed, not counted
        assertThat(after.lapsed()).isEqualTo(1);
        assertThat(after.suspended()).isZero();
        assertThat(after.nextExpiry().orElseThrow().event().code()).isEqualTo("ctl-c");
        assertThat(after.nextExpiry().orElseThrow().daysLeft()).isEqualTo(120); // to 31 Mar 2027
    }
}
