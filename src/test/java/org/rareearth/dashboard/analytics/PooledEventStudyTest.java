package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.analytics.EventStudy.Window;
import org.rareearth.dashboard.domain.PriceBar;

/**
 * The pooled statistics against a computation written out from their definitions, on generated series with known
 * alphas, betas and shocks (generated here, never shipped).
 */
class PooledEventStudyTest {

    private static final Window WINDOW = new Window(-1, 1);
    private static final Window EST = new Window(-250, -11);
    private static final int DAYS = 460;

    /** Weekdays from 2024-01-01. */
    private static List<LocalDate> calendar() {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        while (out.size() < DAYS) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
            d = d.plusDays(1);
        }
        return out;
    }

    private static final List<LocalDate> CAL = calendar();
    private static final double[] MARKET = new double[DAYS];

    static {
        Random r = new Random(42);
        for (int i = 1; i < DAYS; i++) {
            MARKET[i] = 0.0003 + 0.01 * r.nextGaussian();
        }
    }

    /** Bars whose returns are alpha + beta·Rm + noise, plus {@code shock} on each day in {@code shockDays}. */
    private static List<PriceBar> series(String symbol, long seed, double alpha, double beta, double shock,
                                         int firstDay, int... shockDays) {
        Random r = new Random(seed);
        List<PriceBar> bars = new ArrayList<>();
        double p = 100;
        for (int i = firstDay; i < DAYS; i++) {
            if (i > firstDay) {
                double ret = alpha + beta * MARKET[i] + 0.015 * r.nextGaussian();
                for (int s : shockDays) {
                    if (s == i) {
                        ret += shock;
                    }
                }
                p *= 1 + ret;
            }
            bars.add(new PriceBar(symbol, CAL.get(i), null, null, null, p, null, null, "generated in a test"));
        }
        return bars;
    }

    private static List<PriceBar> market() {
        List<PriceBar> bars = new ArrayList<>();
        double p = 1000;
        for (int i = 0; i < DAYS; i++) {
            if (i > 0) {
                p *= 1 + MARKET[i];
            }
            bars.add(new PriceBar("IDX", CAL.get(i), null, null, null, p, null, null, "generated in a test"));
        }
        return bars;
    }

    private static double[] returns(List<PriceBar> bars) {
        double[] r = new double[bars.size()];
        r[0] = Double.NaN;
        for (int i = 1; i < bars.size(); i++) {
            r[i] = bars.get(i).close() / bars.get(i - 1).close() - 1;
        }
        return r;
    }

    /** The figures of one study, written out from the definitions, for bars starting on calendar day 0. */
    private record Hand(double car, double scar, int l, double pos, double[] ar) {}

    private static Hand hand(List<PriceBar> bars, List<PriceBar> idx, int day0) {
        double[] r = returns(bars);
        double[] m = idx == null ? null : returns(idx);
        int first = EST.from() + day0;
        int last = EST.to() + day0;
        int l = last - first + 1;
        double mr = 0;
        double mm = 0;
        for (int i = first; i <= last; i++) {
            mr += r[i];
            mm += m == null ? 0 : m[i];
        }
        mr /= l;
        mm /= l;
        double sxy = 0;
        double sxx = 0;
        for (int i = first; i <= last; i++) {
            double x = m == null ? 0 : m[i] - mm;
            sxy += x * (r[i] - mr);
            sxx += x * x;
        }
        double beta = m == null ? 0 : sxy / sxx;
        double alpha = mr - beta * mm;
        double ssr = 0;
        int pos = 0;
        for (int i = first; i <= last; i++) {
            double u = r[i] - alpha - beta * (m == null ? 0 : m[i]);
            ssr += u * u;
            pos += u > 0 ? 1 : 0;
        }
        double s = Math.sqrt(ssr / (l - 2));
        double car = 0;
        double sarSum = 0;
        double[] ar = new double[WINDOW.days()];
        for (int t = WINDOW.from(); t <= WINDOW.to(); t++) {
            int i = day0 + t;
            double x = m == null ? 0 : m[i];
            double a = r[i] - alpha - beta * x;
            double st = s * Math.sqrt(1 + 1.0 / l + (m == null ? 0 : (x - mm) * (x - mm) / sxx));
            ar[t - WINDOW.from()] = a;
            car += a;
            sarSum += a / st;
        }
        return new Hand(car, sarSum / Math.sqrt(WINDOW.days()), l, (double) pos / l, ar);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    @Test
    void every_statistic_matches_the_definitions_on_known_alphas_betas_and_shocks() {
        List<PriceBar> idx = market();
        int e1 = 300;
        int e2 = 420;
        List<PriceBar> a = series("A", 1, 0.0005, 1.2, 0.06, 0, e1, e2);
        List<PriceBar> b = series("B", 2, -0.0002, 0.8, 0.03, 0, e1, e2);
        List<PriceBar> c = series("C", 3, 0.0001, 1.5, 0.04, 0, e1, e2);
        List<PooledEventStudy.Input> inputs = new ArrayList<>();
        for (var s : List.of(Map.entry("A", a), Map.entry("B", b), Map.entry("C", c))) {
            inputs.add(new PooledEventStudy.Input(s.getKey(), "e1", CAL.get(e1), 0, s.getValue(), "IDX", idx));
            inputs.add(new PooledEventStudy.Input(s.getKey(), "e2", CAL.get(e2), 0, s.getValue(), "IDX", idx));
        }
        PooledEventStudy.Result r = PooledEventStudy.run(inputs, WINDOW, EST,
                Map.of("e1", CAL.get(e1), "e2", CAL.get(e2)));

        List<Hand> hands = new ArrayList<>();
        for (var bars : List.of(a, b, c)) {
            hands.add(hand(bars, idx, e1));
            hands.add(hand(bars, idx, e2));
        }
        assertThat(r.n()).isEqualTo(6);
        assertThat(r.excluded()).isEmpty();
        double[] car = hands.stream().mapToDouble(Hand::car).toArray();
        double[] scar = hands.stream().mapToDouble(Hand::scar).toArray();
        for (int k = 0; k < 6; k++) {
            assertThat(r.studies().get(k).car()).isCloseTo(car[k], within(1e-9));
            assertThat(r.studies().get(k).scar()).isCloseTo(scar[k], within(1e-9));
            assertThat(r.studies().get(k).estimationDays()).isEqualTo(240);
            assertThat(r.studies().get(k).positiveShare()).isCloseTo(hands.get(k).pos(), within(1e-12));
        }
        // Known betas come back from the estimation window (noise 1.5% a day, 240 days).
        assertThat(r.studies().get(0).beta()).isCloseTo(1.2, within(0.25));
        assertThat(r.studies().get(2).beta()).isCloseTo(0.8, within(0.25));
        double caar = mean(car);
        assertThat(r.caar()).isCloseTo(caar, within(1e-9));
        for (int t = 0; t < WINDOW.days(); t++) {
            double aar = 0;
            for (Hand h : hands) {
                aar += h.ar()[t];
            }
            assertThat(r.days().get(t).aar()).isCloseTo(aar / 6, within(1e-9));
        }
        double tcs = caar / (sd(car) / Math.sqrt(6));
        assertThat(r.crossSectionalT().stat()).isCloseTo(tcs, within(1e-9));
        double varSum = hands.stream().mapToDouble(h -> (h.l() - 2.0) / (h.l() - 4.0)).sum();
        double patell = java.util.Arrays.stream(scar).sum() / Math.sqrt(varSum);
        assertThat(r.patell().stat()).isCloseTo(patell, within(1e-9));
        double bmp = mean(scar) / (sd(scar) / Math.sqrt(6));
        assertThat(r.bmp().stat()).isCloseTo(bmp, within(1e-9));
        double p = hands.stream().mapToDouble(Hand::pos).average().orElseThrow();
        long w = java.util.Arrays.stream(car).filter(x -> x > 0).count();
        double sign = (w - 6 * p) / Math.sqrt(6 * p * (1 - p));
        assertThat(r.sign().stat()).isCloseTo(sign, within(1e-9));
        // The shocks (+3% to +6% on day 0) make the CAAR clearly positive.
        assertThat(r.caar()).isGreaterThan(0.02);
        assertThat(r.patell().p()).isLessThan(0.01);
        // Two-sided p-values.
        assertThat(r.patell().p()).isCloseTo(2 * (1 - phi(Math.abs(patell))), within(1e-9));
        // e2's estimation window (calendar days 170 to 409) holds e1, for every security; each event's studies share
        // their calendar dates.
        assertThat(r.warnings()).filteredOn(x -> x.contains("holds another event of the set")).hasSize(3);
        assertThat(r.warnings()).filteredOn(x -> x.contains("share the calendar dates")).hasSize(2);
    }

    /** The standard normal distribution function, from the error function's series. */
    private static double phi(double z) {
        // erf by its Taylor series, accurate to double precision for |z| < 6.
        double x = z / Math.sqrt(2);
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 0.5 * (1 + 2 / Math.sqrt(Math.PI) * sum);
    }

    @Test
    void p_values_match_reference_tail_probabilities() {
        assertThat(PooledEventStudy.normalP(1.96)).isCloseTo(0.04999579029644087, within(1e-12));
        assertThat(PooledEventStudy.normalP(-2.5)).isCloseTo(0.012419330651552278, within(1e-12));
        assertThat(2 * org.apache.commons.statistics.distribution.TDistribution.of(10).survivalProbability(2.0))
                .isCloseTo(0.07338803477065037, within(1e-10));
    }

    @Test
    void without_a_benchmark_the_model_is_mean_adjusted_and_says_so() {
        int e1 = 300;
        List<PriceBar> a = series("A", 1, 0.0005, 0, 0.06, 0, e1);
        List<PriceBar> b = series("B", 2, 0.0001, 0, 0.02, 0, e1);
        PooledEventStudy.Result r = PooledEventStudy.run(List.of(
                new PooledEventStudy.Input("A", "e1", CAL.get(e1), 0, a, null, null),
                new PooledEventStudy.Input("B", "e1", CAL.get(e1), 0, b, null, null)), WINDOW, EST, Map.of());
        assertThat(r.studies()).allSatisfy(s -> {
            assertThat(s.model()).isEqualTo("mean-adjusted");
            assertThat(s.beta()).isZero();
        });
        assertThat(r.studies().get(0).car()).isCloseTo(hand(a, null, e1).car(), within(1e-9));
        assertThat(r.studies().get(0).scar()).isCloseTo(hand(a, null, e1).scar(), within(1e-9));
        assertThat(r.warnings()).anyMatch(w -> w.contains("mean-adjusted"));
    }

    @Test
    void a_study_with_a_short_estimation_window_is_excluded_with_the_reason() {
        List<PriceBar> idx = market();
        int e1 = 300;
        List<PriceBar> young = series("NEW", 5, 0, 1, 0.05, 250, e1); // listed 50 sessions before the event
        List<PriceBar> old = series("OLD", 6, 0, 1, 0.05, 0, e1);
        PooledEventStudy.Result r = PooledEventStudy.run(List.of(
                new PooledEventStudy.Input("NEW", "e1", CAL.get(e1), 0, young, "IDX", idx),
                new PooledEventStudy.Input("OLD", "e1", CAL.get(e1), 0, old, "IDX", idx)), WINDOW, EST, Map.of());
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.excluded()).singleElement().satisfies(x -> {
            assertThat(x.symbol()).isEqualTo("NEW");
            assertThat(x.reason()).contains("holds 39 valid daily returns").contains("at least 120");
        });
        assertThat(r.crossSectionalT().stat()).isNaN();
        assertThat(r.warnings()).anyMatch(w -> w.contains("fewer than two studies"));
    }
}
