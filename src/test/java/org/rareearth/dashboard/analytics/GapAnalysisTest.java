package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceFloor;

class GapAnalysisTest {

    private static final LocalDate JUL10 = LocalDate.of(2025, 7, 10);
    private static final PriceFloor FLOOR = new PriceFloor("DoD floor", "NdPr oxide", 110.0, "USD", "kg",
            LocalDate.of(2025, 10, 1), LocalDate.of(2035, 9, 30), 0.30, "test", "S", null);
    private static final FxTable FX = new FxTable(List.of(
            new FxRate("USD/CNY", JUL10, 7.151, "test", "S", null),
            new FxRate("USD/CNY", LocalDate.of(2025, 10, 1), 7.10, "test", "S", null)));

    private static PriceAssessment cny(LocalDate d, double low, double high) {
        return new PriceAssessment("NdPr oxide", d, low, high, "CNY", "t", true, "China domestic", "test", "S", null);
    }

    @Test
    void the_worked_conversion_of_the_fact_sheet_with_vat() {
        GapAnalysis.Point p = GapAnalysis.point(cny(JUL10, 453_000, 455_000), VatBasis.INCLUDED, FX, FLOOR, 0);
        assertThat(p.chinaUsdPerKg()).isCloseTo(454_000 / 1000.0 / 7.151, within(1e-12));
        assertThat(Math.round(p.chinaUsdPerKg() * 100) / 100.0).isEqualTo(63.49);
        assertThat(p.gapUsdPerKg()).isCloseTo(110 - 63.4876241085, within(1e-9));
        assertThat(p.ratio()).isCloseTo(1.7326, within(1e-4));
        assertThat(p.fx().rate()).isEqualTo(7.151);
        assertThat(p.fx().date()).isEqualTo(JUL10);
        assertThat(p.arithmetic()).contains("454,000 CNY/t").contains("÷ 7.151").endsWith("= 63.49 USD/kg");
    }

    @Test
    void the_worked_conversion_of_the_fact_sheet_without_vat() {
        GapAnalysis.Point p = GapAnalysis.point(cny(JUL10, 453_000, 455_000), VatBasis.EXCLUDED, FX, FLOOR, 0);
        assertThat(Math.round(p.chinaUsdPerKg() * 100) / 100.0).isEqualTo(56.18);
        assertThat(p.chinaUsdPerKg()).isCloseTo(454_000 / 1000.0 / 7.151 / 1.13, within(1e-12));
        assertThat(p.ratio()).isCloseTo(1.958, within(1e-3));
        assertThat(p.arithmetic()).contains("÷ 1.13 (VAT out)");
    }

    @Test
    void the_arithmetic_texts_numbers_have_at_most_four_decimals_no_trailing_zeros_and_grouped_thousands() {
        assertThat(GapAnalysis.fmt(445_000)).isEqualTo("445,000");
        assertThat(GapAnalysis.fmt(1_234_567.5)).isEqualTo("1,234,567.5");
        assertThat(GapAnalysis.fmt(7.1534)).isEqualTo("7.1534");
        assertThat(GapAnalysis.fmt(7.151)).isEqualTo("7.151");
        assertThat(GapAnalysis.fmt(6.94575)).as("half up, as %.4f").isEqualTo("6.9458");
        assertThat(GapAnalysis.fmt(0.5)).isEqualTo("0.5");
        assertThat(GapAnalysis.fmt(999.99996)).as("rounds up into the next thousand").isEqualTo("1,000");
        // A value a hair off a whole number printed "7." before (four zeros stripped, the point left).
        assertThat(GapAnalysis.fmt(7.00001)).isEqualTo("7");
        assertThat(GapAnalysis.fmt(-1234.25)).isEqualTo("-1,234.25");
        assertThat(GapAnalysis.fmt(-0.00001)).isEqualTo("0");
        GapAnalysis.Point p = GapAnalysis.point(cny(JUL10, 453_000, 455_000), VatBasis.INCLUDED,
                new FxTable(List.of(new FxRate("USD/CNY", JUL10, 7.00001, "test", "S", null))), FLOOR, 0);
        assertThat(p.arithmetic()).contains("÷ 7 (USD/CNY 2025-07-10)").doesNotContain("7.");
    }

    @Test
    void the_nearest_earlier_rate_within_ten_days_is_used_and_named() {
        GapAnalysis.Point p = GapAnalysis.point(cny(LocalDate.of(2025, 7, 20), 450_000, 450_000),
                VatBasis.INCLUDED, FX, FLOOR, 0);
        assertThat(p.fx().date()).isEqualTo(JUL10);
    }

    @Test
    void a_missing_fx_rate_is_an_error_naming_the_date() {
        assertThatThrownBy(() -> GapAnalysis.point(cny(LocalDate.of(2025, 7, 21), 450_000, 450_000),
                VatBasis.INCLUDED, FX, FLOOR, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-07-21")
                .hasMessageContaining("USD/CNY");
    }

    @Test
    void mixed_currencies_and_units_land_on_one_basis() {
        PriceAssessment usdKg = new PriceAssessment("NdPr oxide", JUL10, 63.0, 63.0, "USD", "kg", true, "b", "s", "S",
                null);
        PriceAssessment usdLb = new PriceAssessment("NdPr oxide", JUL10, 50.0, 50.0, "USD", "lb", false, "b", "s",
                "S", null);
        List<GapAnalysis.Point> pts = GapAnalysis.series(List.of(usdKg, usdLb, cny(JUL10, 454_000, 454_000)),
                VatBasis.EXCLUDED, FX, FLOOR, 0);
        assertThat(pts.get(0).chinaUsdPerKg()).isCloseTo(63 / 1.13, within(1e-12));
        assertThat(pts.get(0).fx()).isNull();
        assertThat(pts.get(1).chinaUsdPerKg()).isCloseTo(50 / 0.45359237, within(1e-9));
        assertThat(pts.get(2).chinaUsdPerKg()).isCloseTo(56.1838, within(1e-4));
    }

    @Test
    void no_top_up_before_the_floor_is_in_force() {
        GapAnalysis.Point p = GapAnalysis.point(cny(JUL10, 454_000, 454_000), VatBasis.EXCLUDED, FX, FLOOR, 1000);
        assertThat(p.floorInForce()).isFalse();
        assertThat(p.topUpUsd()).isZero();
        GapAnalysis.Point q = GapAnalysis.point(cny(LocalDate.of(2025, 10, 1), 454_000, 454_000), VatBasis.EXCLUDED,
                FX, FLOOR, 1000);
        assertThat(q.floorInForce()).isTrue();
        assertThat(q.topUpUsd()).isCloseTo((110 - 454.0 / 7.10 / 1.13) * 1_000_000, within(1e-3));
        assertThat(q.upsideShareUsd()).isZero();
    }

    @Test
    void above_the_floor_the_government_keeps_its_upside_share() {
        PriceAssessment high = new PriceAssessment("NdPr oxide", LocalDate.of(2026, 2, 18), 130.0, 130.0, "USD", "kg",
                false, "b", "s", "S", null);
        GapAnalysis.Point p = GapAnalysis.point(high, VatBasis.EXCLUDED, FX, FLOOR, 500);
        assertThat(p.topUpUsd()).isZero();
        assertThat(p.upsideShareUsd()).isCloseTo(0.30 * 20 * 500_000, within(1e-6));
        assertThat(p.gapUsdPerKg()).isCloseTo(-20, within(1e-12));
    }

    @Test
    void a_programme_shares_the_upside_only_above_its_own_threshold_and_up_to_its_yearly_cap() {
        // Lynas–JARE's terms: 30% of the excess over $150/kg, at most $10m a year.
        PriceFloor jare = new PriceFloor("JARE", "NdPr oxide", 110.0, "USD", "kg", LocalDate.of(2026, 3, 10), null,
                0.30, "test", "S", null, 5000.0, 150.0, 10_000_000.0, null);
        java.util.function.DoubleFunction<GapAnalysis.Point> at = usd -> GapAnalysis.point(
                new PriceAssessment("NdPr oxide", LocalDate.of(2026, 4, 1), usd, usd, "USD", "kg", false, "b", "s",
                        "S", null), VatBasis.EXCLUDED, FX, jare, 5000);
        assertThat(at.apply(140).upsideShareUsd()).as("above the floor, below the threshold").isZero();
        assertThat(at.apply(140).topUpUsd()).isZero();
        assertThat(at.apply(155).upsideShareUsd()).isCloseTo(0.30 * 5 * 5_000_000, within(1e-6));
        assertThat(at.apply(200).upsideShareUsd()).as("30% of $50/kg on 5,000 t is $75m: capped")
                .isEqualTo(10_000_000.0);
        assertThat(at.apply(100).topUpUsd()).isCloseTo(10 * 5_000_000, within(1e-6));
    }

    @Test
    void the_annualised_top_up_weights_each_price_by_the_days_it_held() {
        PriceAssessment a = new PriceAssessment("NdPr oxide", LocalDate.of(2025, 9, 1), 60.0, 60.0, "USD", "kg", false,
                "b", "s", "S", null);
        PriceAssessment b = new PriceAssessment("NdPr oxide", LocalDate.of(2025, 10, 11), 100.0, 100.0, "USD", "kg",
                false, "b", "s", "S", null);
        List<GapAnalysis.Point> pts = GapAnalysis.series(List.of(a, b), VatBasis.EXCLUDED, FX, FLOOR, 1);
        // 20 days: 9/22..9/30 floor not in force (0), 10/1..10/10 gap 50, 10/11 gap 10.
        double v = GapAnalysis.annualisedTopUp(pts, FLOOR, 1, LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 11));
        assertThat(v).isCloseTo((10 * 50.0 + 1 * 10.0) / 20 * 1000, within(1e-9));
    }
}
