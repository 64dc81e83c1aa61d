package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.TargetRevision;

class CapacityOutlookTest {

    static CapacityProject p(String id, double t, String unit, String product, String status, Integer year,
                             Integer... targets) {
        List<TargetRevision> revs = java.util.Arrays.stream(targets)
                .map(y -> new TargetRevision("2025", y, "test sheet", null, null)).toList();
        return new CapacityProject(id, "Op " + id, "Site " + id, "US", "magnets", t, null, unit, product, status,
                year, null, null, null, revs, "test sheet", "S", null, null);
    }

    private static final String M = "rare-earth magnets";

    @Test
    void capacity_is_summed_by_year_and_status_from_each_first_output_year_on() {
        List<CapacityProject> set = List.of(p("a", 1000, "t/yr", M, "operating", 2023),
                p("b", 2000, "t/yr", M, "operating", null),
                p("c", 3, "kt/yr", M, "construction", 2027),
                p("d", 4000, "t/yr", M, "planned", 2029),
                p("e", 9999, "t/yr", M, "cancelled", 2026));
        CapacityOutlook.Result r = CapacityOutlook.of(set, M, 2026, set, null);
        assertThat(r.byYear()).extracting(CapacityOutlook.YearCapacity::year)
                .containsExactly(2023, 2024, 2025, 2026, 2027, 2028, 2029);
        assertThat(r.byYear().get(0)).isEqualTo(new CapacityOutlook.YearCapacity(2023, 3000, 0, 0));
        assertThat(r.byYear().get(4)).isEqualTo(new CapacityOutlook.YearCapacity(2027, 3000, 3000, 0));
        assertThat(r.byYear().get(6)).isEqualTo(new CapacityOutlook.YearCapacity(2029, 3000, 3000, 4000));
        assertThat(r.notCounted()).singleElement().satisfies(e -> {
            assertThat(e.project().id()).isEqualTo("e");
            assertThat(e.reason()).isEqualTo("cancelled");
        });
        assertThat(r.lag()).isNull();
    }

    @Test
    void capacities_of_another_product_are_refused_not_added() {
        List<CapacityProject> set = List.of(p("a", 1000, "t/yr", M, "operating", 2024),
                p("n", 1500, "t/yr", "iron-nitride magnets", "operating", 2024),
                p("u", 800, "t/yr", null, "operating", 2024));
        CapacityOutlook.Result r = CapacityOutlook.of(set, M, 2026, set, 2000.0);
        assertThat(r.byYear()).allSatisfy(y -> assertThat(y.total()).isLessThanOrEqualTo(1000));
        assertThat(r.notCounted()).extracting(e -> e.project().id()).containsExactly("n", "u");
        assertThat(r.notCounted().get(0).reason()).contains("iron-nitride magnets")
                .contains("different products are not added");
        assertThat(r.lag().operatingOnly()).as("2,500 t/yr only if the units were mixed").isNull();
        // Counted in its own product, the other one stands alone.
        CapacityOutlook.Result n = CapacityOutlook.of(set, "Iron-Nitride Magnets ", 2026, set, null);
        assertThat(n.counted()).extracting(e -> e.project().id()).containsExactly("n");
    }

    @Test
    void the_lag_years_step_through_operating_construction_planned_and_the_median_slip() {
        List<CapacityProject> set = List.of(p("a", 2000, "t/yr", M, "operating", 2023),
                p("b", 3000, "t/yr", M, "construction", 2027, 2025, 2027),
                p("c", 5000, "t/yr", M, "planned", 2028, 2026, 2027, 2028),
                p("d", 1000, "t/yr", M, "planned", 2030, 2030, 2034));
        // Slips on record: b 2, c 2, d 4 -> median 2 years.
        CapacityOutlook.Result r = CapacityOutlook.of(set, M, 2026, set, 5000.0);
        assertThat(r.slip().medianYears()).isEqualTo(2.0);
        assertThat(r.slip().basis()).hasSize(3);
        assertThat(r.lag().operatingOnly()).isNull();
        assertThat(r.lag().withConstruction()).isEqualTo(2027);
        assertThat(r.lag().withPlanned()).isEqualTo(2027);
        assertThat(r.lag().withMedianSlip()).isEqualTo(2029);
        CapacityOutlook.Result big = CapacityOutlook.of(set, M, 2026, set, 10000.0);
        assertThat(big.lag().withConstruction()).isNull();
        assertThat(big.lag().withPlanned()).isEqualTo(2028);
        assertThat(big.lag().withMedianSlip()).as("c slips to 2030, the years extend to it").isEqualTo(2030);
        CapacityOutlook.Result small = CapacityOutlook.of(set, M, 2026, set, 2000.0);
        assertThat(small.lag().operatingOnly()).isEqualTo(2023);
    }

    @Test
    void without_a_revised_target_on_record_the_slip_is_not_known() {
        List<CapacityProject> set = List.of(p("a", 2000, "t/yr", M, "operating", 2023),
                p("b", 3000, "t/yr", M, "construction", 2027, 2027),
                p("c", 1000, "t/yr", M, "planned", null));
        CapacityOutlook.Result r = CapacityOutlook.of(set, M, 2026, set, 4000.0);
        assertThat(r.slip().medianYears()).isNull();
        assertThat(r.lag().withConstruction()).isEqualTo(2027);
        assertThat(r.lag().withMedianSlip()).isNull();
        assertThat(r.notCounted()).singleElement().satisfies(e -> assertThat(e.reason()).contains("no target year"));
        // An even count takes the mean of the middle two, and a fractional median is rounded up.
        CapacityOutlook.Slip s = CapacityOutlook.slip(List.of(p("x", 1, "t/yr", M, "planned", 2030, 2027, 2028),
                p("y", 1, "t/yr", M, "planned", 2030, 2027, 2029)));
        assertThat(s.medianYears()).isEqualTo(1.5);
        assertThat(s.shiftYears()).isEqualTo(2);
    }
}
