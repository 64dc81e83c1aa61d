package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.Security;

/** The review list on a hand-made record, on a day when some of it has aged and some has not. */
class ReviewTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    private static PriceAssessment quote(LocalDate d, String confidence) {
        return new PriceAssessment("NdPr oxide", d, 600000.0, 600000.0, "CNY", "t", true, "China domestic", "SMM",
                confidence, null);
    }

    @Test
    void lapsed_dates_stale_prices_u_marks_and_missing_urls_are_listed_with_their_keys() {
        PolicyEvent lapsed = new PolicyEvent("m", Actor.CHINA, Category.EXPORT_CONTROL, "Control", null, List.of(),
                LocalDate.of(2025, 10, 9), null, null, LocalDate.of(2025, 11, 7), LocalDate.of(2026, 11, 10),
                "suspended", "MOFCOM", "S", null, List.of(), "https://example.org/m");
        PolicyEvent fine = new PolicyEvent("ok", Actor.UNITED_STATES, Category.INVESTMENT, "Deal", null, List.of(),
                LocalDate.of(2026, 6, 1), null, null, null, null, "in-force", "Press release", "S", null, List.of(),
                "https://example.org/ok");
        PolicyEvent noUrl = new PolicyEvent("nourl", Actor.ALLIES, Category.ALLIANCE, "Pact", null, List.of(),
                LocalDate.of(2026, 6, 1), null, null, null, null, "in-force", "Wire copy", "U", null);
        Dataset d = new Dataset(null, null,
                List.of(new Security("MP", "MP Materials", "NYSE", "USD", "US", false, "NYSE", "S", null),
                        new Security("LYC", "Lynas", "ASX", "AUD", "AU", false, "ASX", "S", null)),
                List.of(), List.of(lapsed, fine, noUrl), List.of(),
                // The older quote is U; the series' latest is 40 days old.
                List.of(quote(LocalDate.of(2026, 1, 5), "U"), quote(DAY.minusDays(40), "S")),
                List.of(new FxRate("USD/CNY", DAY.minusDays(30), 7.0, "CFETS", "S", null)), List.of(), List.of());
        // MP's prices end 31 days ago; LYC's 30 days ago (not stale yet).
        List<Review.Item> items = Review.items(d, Map.of("MP", DAY.minusDays(31), "LYC", DAY.minusDays(30)), DAY);

        assertThat(items).extracting(Review.Item::kind, Review.Item::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("event", "m"),
                org.assertj.core.groups.Tuple.tuple("assessment", "NdPr oxide|" + DAY.minusDays(40)
                        + "|China domestic|SMM"),
                org.assertj.core.groups.Tuple.tuple("prices", "MP"),
                org.assertj.core.groups.Tuple.tuple("event", "nourl"),
                org.assertj.core.groups.Tuple.tuple("assessment", "NdPr oxide|2026-01-05|China domestic|SMM"),
                org.assertj.core.groups.Tuple.tuple("event", "nourl"));
        assertThat(items.get(0).reason()).startsWith("lapsed, not confirmed: ").contains("2026-11-10");
        assertThat(items.get(1).reason()).contains("40 days old");
        assertThat(items.get(2).reason()).contains("31 days ago");
        assertThat(items.get(3).reason()).startsWith("marked U");
        assertThat(items.get(5).reason()).isEqualTo("no source URL: add the address of Wire copy");
    }

    @Test
    void a_fresh_record_needs_nothing() {
        Dataset d = new Dataset(null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(quote(DAY.minusDays(3), "S")), List.of(new FxRate("USD/CNY", DAY, 7.0, "CFETS", "S", null)),
                List.of(), List.of());
        assertThat(Review.items(d, Map.of(), DAY)).isEmpty();
    }
}
