package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.rareearth.dashboard.analytics.EventStudy.Window;
import org.rareearth.dashboard.domain.PriceBar;

/**
 * Event studies pooled over securities and events: for each pair (a "study" k), a market model by OLS over the
 * estimation window (or, without a benchmark, the mean-adjusted model: alpha the mean return, beta 0), abnormal
 * returns over the event window, and across the studies the average abnormal returns, the CAAR and four tests:
 * the cross-sectional t, Patell's Z with prediction-error-corrected deviations, Boehmer–Musumeci–Poulsen's Z and the
 * generalized sign Z. Returns are fractions; every p-value is two-sided.
 *
 * <ul>
 * <li>s_k: residual standard deviation with L_k − 2 degrees of freedom (L_k valid estimation returns).</li>
 * <li>S_k,t = s_k·√(1 + 1/L_k + (Rm_t − mean Rm_est)² / Σ_est (Rm − mean Rm_est)²); the last term is 0 without a
 * benchmark.</li>
 * <li>SAR_k,t = AR_k,t / S_k,t; SCAR_k = Σ_t SAR_k,t / √T.</li>
 * <li>t_CS = CAAR / (sd(CAR)/√N), Student t with N − 1 df; Patell Z = Σ SCAR / √(Σ (L − 2)/(L − 4));
 * BMP Z = mean SCAR / (sd(SCAR)/√N); sign Z = (w − N p)/√(N p (1 − p)), w the number of positive CARs and p the
 * mean share of positive estimation-window residuals.</li>
 * </ul>
 */
public final class PooledEventStudy {

    /** One pair to study: a security around an event, with its day 0 offset and its benchmark (or none). */
    public record Input(String symbol, String event, LocalDate eventDate, int dayOffset, List<PriceBar> bars,
                        String benchmark, List<PriceBar> benchmarkBars) {}

    /** One study's figures. {@code ar} and {@code sar} run over the event window, day by day. */
    public record Study(String symbol, String event, LocalDate eventDate, LocalDate day0, String benchmark,
                        String model, double alpha, double beta, double sigma, int estimationDays,
                        LocalDate estimationFrom, LocalDate estimationTo, List<LocalDate> windowDates, double[] ar,
                        double[] sar, double car, double scar, double positiveShare) {}

    /** A pair left out, and why. */
    public record Excluded(String symbol, String event, String reason) {}

    /** A test statistic and its two-sided p-value; both NaN when the test cannot be computed. */
    public record Test(double stat, double p) {
        static final Test NONE = new Test(Double.NaN, Double.NaN);
    }

    /** One day of the pooled window: the average AR, the CAAR to that day and its cross-sectional standard error. */
    public record Day(int offset, double aar, double caar, double caarStdError) {}

    public record Result(int n, Window window, Window estimation, double caar, List<Day> days, Test crossSectionalT,
                         Test patell, Test bmp, Test sign, List<Study> studies, List<Excluded> excluded,
                         List<String> warnings) {}

    /** A first trading day more than this many calendar days after the event means the prices miss it. */
    static final int MAX_GAP_DAYS = 7;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private PooledEventStudy() {}

    /**
     * Pools the studies of {@code inputs}. {@code eventDates} names, for each event of the set, its date: an event
     * of the set inside a study's estimation window gives a warning.
     */
    public static Result run(List<Input> inputs, Window window, Window estimation, Map<String, LocalDate> eventDates) {
        if (estimation.to() >= window.from()) {
            throw new IllegalArgumentException("the estimation window " + estimation + " must end before the event"
                    + " window " + window + " starts");
        }
        List<Study> studies = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        // Each benchmark's returns are worked out once for all the studies that use it.
        Map<List<PriceBar>, Map<LocalDate, Double>> benchmarkReturns = new java.util.IdentityHashMap<>();
        for (Input in : inputs) {
            try {
                Map<LocalDate, Double> mkt = in.benchmarkBars() == null ? null
                        : benchmarkReturns.computeIfAbsent(in.benchmarkBars(), EventStudy::benchmarkReturns);
                studies.add(study(in, mkt, window, estimation));
            } catch (IllegalArgumentException e) {
                excluded.add(new Excluded(in.symbol(), in.event(), e.getMessage()));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (studies.stream().anyMatch(s -> s.model().equals("mean-adjusted"))) {
            warnings.add("some studies have no benchmark: their abnormal returns are mean-adjusted (alpha = the mean"
                    + " return over the estimation window, beta = 0), not market-adjusted");
        }
        for (Study s : studies) {
            eventDates.forEach((code, date) -> {
                if (!code.equals(s.event()) && !date.isBefore(s.estimationFrom()) && !date.isAfter(s.estimationTo())) {
                    warnings.add(s.symbol() + " around " + s.event() + ": the estimation window (" + s.estimationFrom()
                            + " to " + s.estimationTo() + ") holds another event of the set, " + code + " (" + date
                            + "), whose own reaction is then taken for normal");
                }
            });
        }
        Map<String, List<Study>> byDates = new LinkedHashMap<>();
        for (Study s : studies) {
            byDates.computeIfAbsent(s.windowDates().get(0) + "…" + s.windowDates().get(s.windowDates().size() - 1),
                    k -> new ArrayList<>()).add(s);
        }
        byDates.forEach((dates, group) -> {
            if (group.size() > 1) {
                warnings.add(group.size() + " studies share the calendar dates " + dates.replace("…", " to ") + " ("
                        + String.join(", ", group.stream().map(s -> s.symbol() + "/" + s.event()).toList())
                        + "): their abnormal returns are correlated across securities, which makes the tests too"
                        + " liberal");
            }
        });
        int n = studies.size();
        if (n < 2) {
            warnings.add("fewer than two studies: the cross-sectional tests need at least two");
        }
        int t = window.days();
        List<Day> days = new ArrayList<>();
        double[] cumulative = new double[n];
        for (int j = 0; j < t; j++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                double ar = studies.get(k).ar()[j];
                sum += ar;
                cumulative[k] += ar;
            }
            double aar = n == 0 ? Double.NaN : sum / n;
            double caar = mean(cumulative);
            double se = n < 2 ? Double.NaN : sd(cumulative) / Math.sqrt(n);
            days.add(new Day(window.from() + j, aar, caar, se));
        }
        double[] car = studies.stream().mapToDouble(Study::car).toArray();
        double[] scar = studies.stream().mapToDouble(Study::scar).toArray();
        double caar = n == 0 ? Double.NaN : mean(car);
        Test cross = Test.NONE;
        Test bmp = Test.NONE;
        Test sign = Test.NONE;
        Test patell = Test.NONE;
        if (n >= 1) {
            double varSum = 0;
            for (Study s : studies) {
                varSum += (s.estimationDays() - 2.0) / (s.estimationDays() - 4.0);
            }
            double z = sum(scar) / Math.sqrt(varSum);
            patell = new Test(z, normalP(z));
            double p = studies.stream().mapToDouble(Study::positiveShare).average().orElse(Double.NaN);
            long w = studies.stream().filter(s -> s.car() > 0).count();
            if (p > 0 && p < 1) {
                double zs = (w - n * p) / Math.sqrt(n * p * (1 - p));
                sign = new Test(zs, normalP(zs));
            }
        }
        if (n >= 2) {
            double tcs = caar / (sd(car) / Math.sqrt(n));
            cross = new Test(tcs, 2 * TDistribution.of(n - 1).survivalProbability(Math.abs(tcs)));
            double zb = mean(scar) / (sd(scar) / Math.sqrt(n));
            bmp = new Test(zb, normalP(zb));
        }
        return new Result(n, window, estimation, caar, List.copyOf(days), cross, patell, bmp, sign,
                List.copyOf(studies), List.copyOf(excluded), List.copyOf(warnings));
    }

    /** One security around one event. */
    static Study study(Input in, Map<LocalDate, Double> mkt, Window window, Window estimation) {
        if (in.bars().size() < 2) {
            throw new IllegalArgumentException("no daily prices for " + in.symbol());
        }
        EventStudy.Returns series = EventStudy.Returns.of(in.bars());
        LocalDate[] dates = series.dates();
        double[] ret = series.ret();
        int n = dates.length;
        int first = series.firstOnOrAfter(in.eventDate());
        if (first < 0) {
            throw new IllegalArgumentException("no trading day on or after " + in.eventDate() + " (prices end "
                    + dates[n - 1] + ")");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(in.eventDate(), dates[first]) > MAX_GAP_DAYS) {
            throw new IllegalArgumentException("no prices around " + in.eventDate() + ": the next trading day on"
                    + " record is " + dates[first] + " (the prices run " + dates[0] + " to " + dates[n - 1] + ")");
        }
        int t0 = first + in.dayOffset();
        if (t0 < 1 || t0 + window.to() >= n || t0 + window.from() < 1) {
            throw new IllegalArgumentException("the event window " + window + " runs past the prices (" + dates[0]
                    + " to " + dates[n - 1] + ")");
        }
        List<double[]> est = new ArrayList<>();
        LocalDate estFrom = null;
        LocalDate estTo = null;
        for (int k = estimation.from(); k <= estimation.to(); k++) {
            int i = t0 + k;
            if (i < 1 || i >= n || !Double.isFinite(ret[i])) {
                continue;
            }
            Double m = mkt == null ? Double.valueOf(0) : mkt.get(dates[i]);
            if (m == null) {
                continue;
            }
            est.add(new double[] {ret[i], m});
            estFrom = estFrom == null ? dates[i] : estFrom;
            estTo = dates[i];
        }
        int l = est.size();
        if (l < EventStudy.MIN_ESTIMATION_RETURNS) {
            throw new IllegalArgumentException("the estimation window " + estimation + " holds " + l + " valid daily"
                    + " returns" + (mkt == null ? "" : " with " + in.benchmark()) + "; at least "
                    + EventStudy.MIN_ESTIMATION_RETURNS + " are needed");
        }
        EventStudy.Fit fit = mkt != null ? EventStudy.Fit.marketModel(est, in.benchmark())
                : EventStudy.Fit.meanAdjusted(est);
        double alpha = fit.alpha();
        double beta = fit.beta();
        double meanM = fit.meanM();
        double sxx = fit.sxx();
        double ssr = fit.ssr();
        int positive = fit.positive();
        double sigma = Math.sqrt(ssr / (l - 2));
        int t = window.days();
        double[] ar = new double[t];
        double[] sar = new double[t];
        List<LocalDate> windowDates = new ArrayList<>();
        double car = 0;
        double sarSum = 0;
        for (int j = 0; j < t; j++) {
            int i = t0 + window.from() + j;
            if (!Double.isFinite(ret[i])) {
                throw new IllegalArgumentException("no return on " + dates[i] + " (day " + (window.from() + j) + ")");
            }
            double m = 0;
            double correction = 0;
            if (mkt != null) {
                Double mm = mkt.get(dates[i]);
                if (mm == null) {
                    throw new IllegalArgumentException(in.benchmark() + " has no return on " + dates[i] + " (day "
                            + (window.from() + j) + " of the event window)");
                }
                m = mm;
                correction = (m - meanM) * (m - meanM) / sxx;
            }
            ar[j] = ret[i] - alpha - beta * m;
            double s = sigma * Math.sqrt(1 + 1.0 / l + correction);
            sar[j] = ar[j] / s;
            car += ar[j];
            sarSum += sar[j];
            windowDates.add(dates[i]);
        }
        return new Study(in.symbol(), in.event(), in.eventDate(), dates[t0], in.benchmark(),
                mkt == null ? "mean-adjusted" : "market", alpha, beta, sigma, l, estFrom, estTo,
                List.copyOf(windowDates), ar, sar, car, sarSum / Math.sqrt(t), (double) positive / l);
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double normalP(double z) {
        return 2 * NORMAL.survivalProbability(Math.abs(z));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : sum(v) / v.length;
    }

    /** Sample standard deviation, N − 1 in the denominator. */
    private static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
