package org.rareearth.dashboard.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceBar;

/**
 * A market-model event study on daily prices. Returns are simple returns of the adjusted close (the close where
 * there is none) between consecutive bars of the security. Day 0 is the security's first trading day on or after
 * the event date, moved by a per-exchange offset in trading days. Alpha and beta come from OLS over the estimation
 * window against the benchmark's return on the same dates; without a benchmark the returns are raw.
 */
public final class EventStudy {

    public static final int MIN_ESTIMATION_RETURNS = 120;

    private EventStudy() {}

    /** Trading-day windows relative to day 0, inclusive. */
    public record Window(int from, int to) {
        public Window {
            if (from > to) {
                throw new IllegalArgumentException("window " + from + ":" + to + " ends before it starts");
            }
        }

        /** Parses "-1:1". */
        public static Window parse(String text) {
            String[] p = text.trim().split(":", -1);
            if (p.length != 2) {
                throw new IllegalArgumentException("a window is FROM:TO in trading days, such as -1:1, not '" + text
                        + "'");
            }
            try {
                return new Window(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a window is FROM:TO in trading days, such as -1:1, not '" + text
                        + "'");
            }
        }

        public int days() {
            return to - from + 1;
        }

        @Override
        public String toString() {
            return from + ":" + to;
        }
    }

    /** One day of the event window. {@code benchmarkReturn} is null without a benchmark. */
    public record Day(int offset, LocalDate date, double ret, Double benchmarkReturn, double ar, double car) {}

    /** The study's result. {@code alpha}, {@code beta} are null when there is no benchmark (raw returns). */
    public record Result(String symbol, String benchmark, LocalDate eventDate, LocalDate day0, int dayOffset,
                         Double alpha, Double beta, double sigma, int estimationDays, Window window,
                         Window estimation, List<Day> days, double car, double tStat, boolean raw,
                         List<String> warnings) {

        /** CAR over a sub-window [from, to] of the event window. */
        public double car(int from, int to) {
            return days.stream().filter(d -> d.offset() >= from && d.offset() <= to).mapToDouble(Day::ar).sum();
        }

        /** t-statistic of the CAR over [from, to]: CAR / (sigma·√N). */
        public double tStat(int from, int to) {
            long n = days.stream().filter(d -> d.offset() >= from && d.offset() <= to).count();
            return car(from, to) / (sigma * Math.sqrt(n));
        }

        public double ar(int offset) {
            return days.stream().filter(d -> d.offset() == offset).mapToDouble(Day::ar).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("day " + offset + " is outside the window"));
        }
    }

    /**
     * Runs the study.
     *
     * @param bars        the security's bars, any order
     * @param benchmark   the benchmark's bars, or null for raw returns
     * @param otherEvents stored events; those inside the estimation window give a warning
     */
    public static Result run(String symbol, List<PriceBar> bars, String benchmarkSymbol, List<PriceBar> benchmark,
                             LocalDate eventDate, int dayOffset, Window window, Window estimation,
                             List<PolicyEvent> otherEvents) {
        if (estimation.to() >= window.from()) {
            throw new IllegalArgumentException("the estimation window " + estimation + " must end before the event"
                    + " window " + window + " starts");
        }
        if (bars.size() < 2) {
            throw new IllegalArgumentException("no daily prices for " + symbol + ": import them first"
                    + " (import-prices FILE --symbol " + symbol + ")");
        }
        Returns series = Returns.of(bars);
        LocalDate[] dates = series.dates();
        double[] ret = series.ret();
        int n = dates.length;
        int first = series.firstOnOrAfter(eventDate);
        if (first < 0) {
            throw new IllegalArgumentException(symbol + " has no trading day on or after " + eventDate
                    + " (its prices end " + dates[n - 1] + ")");
        }
        int t0 = first + dayOffset;
        if (t0 < 1 || t0 >= n) {
            throw new IllegalArgumentException("day 0 with an offset of " + dayOffset + " falls outside " + symbol
                    + "'s prices (" + dates[0] + " to " + dates[n - 1] + ")");
        }
        Map<LocalDate, Double> mkt = benchmark == null ? null : benchmarkReturns(benchmark);

        // Estimation: valid days have a security return and (with a benchmark) a benchmark return that day.
        List<double[]> est = new ArrayList<>();
        for (int k = estimation.from(); k <= estimation.to(); k++) {
            int i = t0 + k;
            if (i < 1 || i >= n) {
                continue;
            }
            Double m = mkt == null ? Double.valueOf(0) : mkt.get(dates[i]);
            if (m != null && Double.isFinite(ret[i])) {
                est.add(new double[] {ret[i], m});
            }
        }
        int l = est.size();
        if (l < MIN_ESTIMATION_RETURNS) {
            throw new IllegalArgumentException("the estimation window " + estimation + " holds " + l + " valid daily"
                    + " returns for " + symbol + (mkt == null ? "" : " with " + benchmarkSymbol) + "; at least "
                    + MIN_ESTIMATION_RETURNS + " are needed (import a longer price history)");
        }
        Double alpha = null;
        Double beta = null;
        double sigma;
        if (mkt != null) {
            Fit fit = Fit.marketModel(est, benchmarkSymbol);
            alpha = fit.alpha();
            beta = fit.beta();
            sigma = Math.sqrt(fit.ssr() / (l - 2));
        } else {
            double mean = est.stream().mapToDouble(e -> e[0]).average().orElse(0);
            double ss = est.stream().mapToDouble(e -> (e[0] - mean) * (e[0] - mean)).sum();
            sigma = Math.sqrt(ss / (l - 1));
        }

        List<Day> days = new ArrayList<>();
        double car = 0;
        for (int k = window.from(); k <= window.to(); k++) {
            int i = t0 + k;
            if (i < 1 || i >= n) {
                throw new IllegalArgumentException("the event window " + window + " runs past " + symbol
                        + "'s prices (" + dates[0] + " to " + dates[n - 1] + ")");
            }
            Double m = null;
            double ar;
            if (mkt != null) {
                m = mkt.get(dates[i]);
                if (m == null) {
                    throw new IllegalArgumentException(benchmarkSymbol + " has no return on " + dates[i]
                            + " (day " + k + " of the event window)");
                }
                ar = ret[i] - (alpha + beta * m);
            } else {
                ar = ret[i];
            }
            car += ar;
            days.add(new Day(k, dates[i], ret[i], m, ar, car));
        }
        double t = car / (sigma * Math.sqrt(days.size()));

        List<String> warnings = new ArrayList<>();
        if (mkt == null) {
            warnings.add("no benchmark: returns are raw, not market-adjusted");
        }
        LocalDate estFrom = dates[Math.max(1, t0 + estimation.from())];
        LocalDate estTo = dates[Math.min(n - 1, Math.max(1, t0 + estimation.to()))];
        if (otherEvents != null) {
            for (PolicyEvent e : otherEvents) {
                if (!e.announced().isBefore(estFrom) && !e.announced().isAfter(estTo)
                        && !e.announced().equals(eventDate)) {
                    warnings.add("the estimation window (" + estFrom + " to " + estTo + ") contains the stored event '"
                            + e.title() + "' (" + e.announced() + ")");
                }
            }
        }
        return new Result(symbol, benchmarkSymbol, eventDate, dates[t0], dayOffset, alpha, beta, sigma, l, window,
                estimation, List.copyOf(days), car, t, mkt == null, List.copyOf(warnings));
    }

    /**
     * Raw returns and their running sum over {@code window} around the event, with no model (so no estimation
     * window is needed): what the "raw" lines of the event-window chart show.
     */
    public static List<Day> rawWindow(String symbol, List<PriceBar> bars, LocalDate eventDate, int dayOffset,
                                      Window window) {
        List<PriceBar> sorted = bars.stream().sorted(java.util.Comparator.comparing(PriceBar::date)).toList();
        int first = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (!sorted.get(i).date().isBefore(eventDate)) {
                first = i;
                break;
            }
        }
        if (sorted.size() < 2 || first < 0) {
            throw new IllegalArgumentException("no daily prices for " + symbol + " on or after " + eventDate);
        }
        int t0 = first + dayOffset;
        List<Day> out = new ArrayList<>();
        double cum = 0;
        for (int k = window.from(); k <= window.to(); k++) {
            int i = t0 + k;
            if (i < 1 || i >= sorted.size()) {
                continue;
            }
            double r = sorted.get(i).returnBasis() / sorted.get(i - 1).returnBasis() - 1;
            cum += r;
            out.add(new Day(k, sorted.get(i).date(), r, null, r, cum));
        }
        return out;
    }

    /**
     * A model fitted on the estimation window's (return, benchmark return) pairs: alpha, beta, the benchmark's mean
     * and sum of squared deviations, the residuals' sum of squares and how many residuals are positive.
     */
    record Fit(double alpha, double beta, double meanM, double sxx, double ssr, int positive) {

        /** The market model by OLS; a benchmark that does not move is refused by name. */
        static Fit marketModel(List<double[]> est, String benchmark) {
            double[] means = means(est);
            double sxy = 0;
            double sxx = 0;
            for (double[] e : est) {
                sxy += (e[1] - means[1]) * (e[0] - means[0]);
                sxx += (e[1] - means[1]) * (e[1] - means[1]);
            }
            if (sxx == 0) {
                throw new IllegalArgumentException("the benchmark " + benchmark + " does not move over the"
                        + " estimation window: beta cannot be estimated");
            }
            double beta = sxy / sxx;
            return residuals(est, means[0] - beta * means[1], beta, means[1], sxx);
        }

        /** The mean-adjusted model: alpha the mean return, beta 0. */
        static Fit meanAdjusted(List<double[]> est) {
            double[] means = means(est);
            return residuals(est, means[0], 0, means[1], 0);
        }

        private static double[] means(List<double[]> est) {
            double mr = 0;
            double mm = 0;
            for (double[] e : est) {
                mr += e[0];
                mm += e[1];
            }
            return new double[] {mr / est.size(), mm / est.size()};
        }

        private static Fit residuals(List<double[]> est, double alpha, double beta, double meanM, double sxx) {
            double ssr = 0;
            int positive = 0;
            for (double[] e : est) {
                double u = e[0] - alpha - beta * e[1];
                ssr += u * u;
                positive += u > 0 ? 1 : 0;
            }
            return new Fit(alpha, beta, meanM, sxx, ssr, positive);
        }
    }

    /** A security's trading days in order and the simple return of each from the one before (NaN on the first). */
    record Returns(LocalDate[] dates, double[] ret) {
        static Returns of(List<PriceBar> bars) {
            List<PriceBar> sorted = bars.stream().sorted(java.util.Comparator.comparing(PriceBar::date)).toList();
            int n = sorted.size();
            LocalDate[] dates = new LocalDate[n];
            double[] ret = new double[n];
            for (int i = 0; i < n; i++) {
                dates[i] = sorted.get(i).date();
                ret[i] = i == 0 ? Double.NaN : sorted.get(i).returnBasis() / sorted.get(i - 1).returnBasis() - 1;
            }
            return new Returns(dates, ret);
        }

        /** The index of the first trading day on or after {@code day}, or -1. */
        int firstOnOrAfter(LocalDate day) {
            for (int i = 0; i < dates.length; i++) {
                if (!dates[i].isBefore(day)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The benchmark's simple return on each of its trading days (from its previous bar). */
    static Map<LocalDate, Double> benchmarkReturns(List<PriceBar> benchmark) {
        List<PriceBar> s = benchmark.stream().sorted(java.util.Comparator.comparing(PriceBar::date)).toList();
        Map<LocalDate, Double> out = new HashMap<>();
        for (int i = 1; i < s.size(); i++) {
            out.put(s.get(i).date(), s.get(i).returnBasis() / s.get(i - 1).returnBasis() - 1);
        }
        return out;
    }

    /** Two-sided significance stars for a t-statistic, normal approximation: *** 1%, ** 5%, * 10%. */
    public static String stars(double t) {
        double a = Math.abs(t);
        return a >= 2.576 ? "***" : a >= 1.960 ? "**" : a >= 1.645 ? "*" : "";
    }
}
