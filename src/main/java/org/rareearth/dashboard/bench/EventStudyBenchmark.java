package org.rareearth.dashboard.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.domain.PriceBar;

/** Many event studies (securities × events) on generated prices, against computing the plain returns alone. */
public final class EventStudyBenchmark {
    private EventStudyBenchmark() {}

    public static void run(Bench bench, int securities, int events) {
        Random r = new Random(9);
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = LocalDate.of(2020, 1, 1);
        while (days.size() < 1500) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
            d = d.plusDays(1);
        }
        List<PriceBar> market = series("MKT", days, r);
        List<List<PriceBar>> secs = new ArrayList<>();
        for (int i = 0; i < securities; i++) {
            secs.add(series("S" + i, days, r));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            dates.add(days.get(300 + e * 50));
        }
        EventStudy.Window window = new EventStudy.Window(-1, 1);
        EventStudy.Window est = new EventStudy.Window(-250, -11);
        bench.time("event-studies-" + securities + "x" + events, 2, 7, () -> {
            for (List<PriceBar> s : secs) {
                for (LocalDate date : dates) {
                    EventStudy.run("S", s, "MKT", market, date, 0, window, est, List.of());
                }
            }
        });
        // The same pairs pooled: every study with its prediction-error-corrected deviations, then CAAR and the tests.
        List<org.rareearth.dashboard.analytics.PooledEventStudy.Input> inputs = new ArrayList<>();
        java.util.Map<String, LocalDate> codes = new java.util.LinkedHashMap<>();
        for (int e = 0; e < dates.size(); e++) {
            codes.put("e" + e, dates.get(e));
        }
        for (int i = 0; i < secs.size(); i++) {
            for (int e = 0; e < dates.size(); e++) {
                inputs.add(new org.rareearth.dashboard.analytics.PooledEventStudy.Input("S" + i, "e" + e,
                        dates.get(e), 0, secs.get(i), "MKT", market));
            }
        }
        bench.time("pooled-event-study-" + securities + "x" + events, 2, 7, () -> {
            var pooled = org.rareearth.dashboard.analytics.PooledEventStudy.run(inputs, window, est, codes);
            if (pooled.n() != inputs.size()) {
                throw new IllegalStateException("pooled " + pooled.n() + " of " + inputs.size() + " studies");
            }
        });
        bench.time("baseline-returns-only-" + securities + "x" + events, 2, 7, () -> {
            double sink = 0;
            for (List<PriceBar> s : secs) {
                for (int e = 0; e < events; e++) {
                    for (int i = 1; i < s.size(); i++) {
                        sink += s.get(i).returnBasis() / s.get(i - 1).returnBasis() - 1;
                    }
                }
            }
            if (sink == 42) {
                System.out.print("");
            }
        });
    }

    private static List<PriceBar> series(String sym, List<LocalDate> days, Random r) {
        List<PriceBar> out = new ArrayList<>();
        double p = 20;
        for (LocalDate d : days) {
            p *= 1 + 0.02 * r.nextGaussian();
            out.add(new PriceBar(sym, d, null, null, null, p, null, null, Synthetic.SOURCE));
        }
        return out;
    }
}
