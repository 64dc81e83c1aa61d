package org.rareearth.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceBar;

/**
 * Event study on generated series (made up for the test): the security's returns are alpha + beta * market +
 * residuals built to be exactly orthogonal to the market and to a constant over the estimation window, plus a
 * known shock on day 0. OLS must give back alpha and beta, and the abnormal return the shock.
 */
public class EventStudyTest {

    public static final double ALPHA = 0.0004;
    public static final double BETA = 1.35;
    public static final double SHOCK = 0.42;
    static final LocalDate EVENT = LocalDate.of(2025, 7, 10); // a Thursday

    /** Weekdays only, ending well after the event. */
    static List<LocalDate> tradingDays(int count, LocalDate end) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = end;
        while (days.size() < count) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(0, d);
            }
            d = d.minusDays(1);
        }
        return days;
    }

    public record Series(List<PriceBar> security, List<PriceBar> market, double[] residuals, int t0) {}

    /** The same generated series, for the command-line tests. */
    public static Series generateForOtherTests() {
        return generate();
    }

    static Series generate() {
        List<LocalDate> days = tradingDays(320, LocalDate.of(2025, 8, 29));
        int t0 = days.indexOf(EVENT);
        Random rnd = new Random(11);
        int n = days.size();
        double[] rm = new double[n];
        double[] u = new double[n];
        for (int i = 1; i < n; i++) {
            rm[i] = 0.01 * rnd.nextGaussian();
            u[i] = 0.02 * rnd.nextGaussian();
        }
        // Residuals over the estimation window [-250, -11]: remove their mean and their projection on the market.
        int a = t0 - 250;
        int b = t0 - 11;
        int l = b - a + 1;
        double mu = 0;
        double mm = 0;
        for (int i = a; i <= b; i++) {
            mu += u[i];
            mm += rm[i];
        }
        mu /= l;
        mm /= l;
        double sxy = 0;
        double sxx = 0;
        for (int i = a; i <= b; i++) {
            sxy += (rm[i] - mm) * (u[i] - mu);
            sxx += (rm[i] - mm) * (rm[i] - mm);
        }
        double k = sxy / sxx;
        double[] e = new double[n];
        for (int i = a; i <= b; i++) {
            e[i] = (u[i] - mu) - k * (rm[i] - mm);
        }
        // No residual in the event window: the abnormal return is the shock alone.
        double[] r = new double[n];
        for (int i = 1; i < n; i++) {
            r[i] = ALPHA + BETA * rm[i] + e[i] + (i == t0 ? SHOCK : 0);
        }
        List<PriceBar> sec = new ArrayList<>();
        List<PriceBar> mkt = new ArrayList<>();
        double p = 30;
        double q = 5000;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                p *= 1 + r[i];
                q *= 1 + rm[i];
            }
            // The security has an adjusted close that differs from its close: returns must come from it.
            sec.add(new PriceBar("SEC", days.get(i), null, null, null, p * 1.01, p, null, "generated"));
            mkt.add(new PriceBar("MKT", days.get(i), null, null, null, q, null, null, "generated"));
        }
        return new Series(sec, mkt, e, t0);
    }

    @Test
    void ols_recovers_alpha_beta_and_the_shock_to_1e_9() {
        Series s = generate();
        EventStudy.Result r = EventStudy.run("SEC", s.security(), "MKT", s.market(), EVENT, 0,
                new EventStudy.Window(-1, 1), new EventStudy.Window(-250, -11), List.of());
        assertThat(r.raw()).isFalse();
        assertThat(r.day0()).isEqualTo(EVENT);
        assertThat(r.estimationDays()).isEqualTo(240);
        assertThat(r.alpha()).isCloseTo(ALPHA, within(1e-9));
        assertThat(r.beta()).isCloseTo(BETA, within(1e-9));
        double ssr = 0;
        for (double x : s.residuals()) {
            ssr += x * x;
        }
        double sigma = Math.sqrt(ssr / (240 - 2));
        assertThat(r.sigma()).isCloseTo(sigma, within(1e-9));
        assertThat(r.ar(0)).isCloseTo(SHOCK, within(1e-9));
        assertThat(r.ar(-1)).isCloseTo(0, within(1e-9));
        assertThat(r.ar(1)).isCloseTo(0, within(1e-9));
        assertThat(r.car()).isCloseTo(SHOCK, within(1e-9));
        assertThat(r.tStat()).isCloseTo(SHOCK / (sigma * Math.sqrt(3)), within(1e-6));
        assertThat(r.days()).extracting(EventStudy.Day::offset).containsExactly(-1, 0, 1);
        assertThat(r.car(0, 1)).isCloseTo(SHOCK, within(1e-9));
        assertThat(EventStudy.stars(r.tStat())).isEqualTo("***");
    }

    @Test
    void day_0_is_the_first_trading_day_on_or_after_the_date() {
        Series s = generate();
        EventStudy.Result r = EventStudy.run("SEC", s.security(), "MKT", s.market(), LocalDate.of(2025, 7, 5), 0,
                new EventStudy.Window(0, 0), new EventStudy.Window(-250, -11), List.of());
        assertThat(r.day0()).isEqualTo(LocalDate.of(2025, 7, 7)); // Saturday -> Monday
    }

    @Test
    void an_exchange_offset_moves_day_0_by_trading_days() {
        Series s = generate();
        EventStudy.Result r = EventStudy.run("SEC", s.security(), "MKT", s.market(), EVENT, 1,
                new EventStudy.Window(-1, 0), new EventStudy.Window(-250, -11), List.of());
        assertThat(r.day0()).isEqualTo(LocalDate.of(2025, 7, 11));
        // The shock now sits on day -1 (the estimation window moved by a day too, so alpha and beta shift a little).
        assertThat(r.ar(-1)).isCloseTo(SHOCK, within(1e-3));
        assertThat(r.ar(0)).isCloseTo(0, within(1e-3));
        EventStudy.Result friday = EventStudy.run("SEC", s.security(), "MKT", s.market(), LocalDate.of(2025, 7, 11), 1,
                new EventStudy.Window(0, 0), new EventStudy.Window(-250, -11), List.of());
        assertThat(friday.day0()).isEqualTo(LocalDate.of(2025, 7, 14)); // across the weekend
    }

    @Test
    void a_too_short_estimation_window_says_how_many_returns_it_found() {
        Series s = generate();
        assertThatThrownBy(() -> EventStudy.run("SEC", s.security(), "MKT", s.market(), EVENT, 0,
                new EventStudy.Window(-1, 1), new EventStudy.Window(-100, -11), List.of()))
                .hasMessageContaining("holds 90 valid daily returns").hasMessageContaining("at least 120");
        List<PriceBar> shortHistory = s.security().subList(200, s.security().size());
        assertThatThrownBy(() -> EventStudy.run("SEC", shortHistory, "MKT", s.market(), EVENT, 0,
                new EventStudy.Window(-1, 1), new EventStudy.Window(-250, -11), List.of()))
                .hasMessageMatching("(?s).*holds \\d+ valid daily returns.*");
    }

    @Test
    void missing_benchmark_days_do_not_count_as_valid_estimation_returns() {
        Series s = generate();
        List<PriceBar> holes = new ArrayList<>(s.market());
        holes.remove(s.t0() - 20); // the benchmark misses one day: two returns lose their pair
        EventStudy.Result r = EventStudy.run("SEC", s.security(), "MKT", holes, EVENT, 0,
                new EventStudy.Window(-1, 1), new EventStudy.Window(-250, -11), List.of());
        assertThat(r.estimationDays()).isEqualTo(239);
    }

    @Test
    void without_a_benchmark_returns_are_raw_and_labelled_so() {
        Series s = generate();
        EventStudy.Result r = EventStudy.run("SEC", s.security(), null, null, EVENT, 0,
                new EventStudy.Window(0, 0), new EventStudy.Window(-250, -11), List.of());
        assertThat(r.raw()).isTrue();
        assertThat(r.alpha()).isNull();
        assertThat(r.beta()).isNull();
        assertThat(r.warnings()).anyMatch(w -> w.contains("raw"));
        double ret = s.security().get(s.t0()).adjClose() / s.security().get(s.t0() - 1).adjClose() - 1;
        assertThat(r.ar(0)).isCloseTo(ret, within(1e-12));
    }

    @Test
    void another_stored_event_inside_the_estimation_window_gives_a_warning() {
        Series s = generate();
        PolicyEvent other = new PolicyEvent("other", Actor.CHINA, Category.EXPORT_CONTROL, "Another control", null,
                List.of(), LocalDate.of(2025, 4, 4), null, null, null, null, "in-force", "test", "S", null);
        PolicyEvent after = new PolicyEvent("after", Actor.CHINA, Category.EXPORT_CONTROL, "Later control", null,
                List.of(), LocalDate.of(2025, 8, 1), null, null, null, null, "in-force", "test", "S", null);
        EventStudy.Result r = EventStudy.run("SEC", s.security(), "MKT", s.market(), EVENT, 0,
                new EventStudy.Window(-1, 1), new EventStudy.Window(-250, -11), List.of(other, after));
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.warnings().get(0)).contains("Another control").contains("2025-04-04");
    }

    @Test
    void windows_parse_and_refuse_nonsense() {
        assertThat(EventStudy.Window.parse("-1:1")).isEqualTo(new EventStudy.Window(-1, 1));
        assertThat(EventStudy.Window.parse(" -250 : -11 ")).isEqualTo(new EventStudy.Window(-250, -11));
        assertThatThrownBy(() -> EventStudy.Window.parse("1:-1")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> EventStudy.Window.parse("x")).hasMessageContaining("FROM:TO");
        Series s = generate();
        assertThatThrownBy(() -> EventStudy.run("SEC", s.security(), "MKT", s.market(), EVENT, 0,
                new EventStudy.Window(-5, 5), new EventStudy.Window(-250, -3), List.of()))
                .hasMessageContaining("must end before");
    }
}
