package org.rareearth.dashboard.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rareearth.dashboard.analytics.Benchmarks;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.store.EventRepository;
import org.rareearth.dashboard.store.PriceBarRepository;
import org.rareearth.dashboard.store.SecurityRepository;

/**
 * Single-security event studies over the store: the {@code event-study} command and the Stock reactions screen's
 * event window both run them here, with the same default windows and the same choice of benchmark, so the same
 * inputs give the same numbers. A {@link Batch} reads each series once for the many studies of one screen.
 */
public final class EventStudyService {
    /** The estimation window both the command and the screen use unless told otherwise. */
    public static final EventStudy.Window ESTIMATION = new EventStudy.Window(-250, -11);
    /** The test window of the command's default. */
    public static final EventStudy.Window WINDOW = new EventStudy.Window(-1, 1);
    /** The benchmark choice that takes the security's market index. */
    public static final String AUTO = PooledStudyService.AUTO;

    private final SecurityRepository securities;
    private final PriceBarRepository priceBars;
    private final EventRepository events;

    public EventStudyService(SecurityRepository securities, PriceBarRepository priceBars, EventRepository events) {
        this.securities = securities;
        this.priceBars = priceBars;
        this.events = events;
    }

    /** The benchmark a choice names for a security: none (null or "none…"), {@link #AUTO}, or a symbol. */
    public static String benchmarkFor(String choice, Security security, List<Security> all) {
        if (choice == null || choice.startsWith("none")) {
            return null;
        }
        return choice.equals(AUTO) ? Benchmarks.marketIndex(security, all) : choice;
    }

    /** Studies that share reads: each security's bars and the events are read once. Not thread-safe. */
    public Batch batch() {
        return new Batch();
    }

    public final class Batch {
        private final Map<String, List<PriceBar>> bars = new HashMap<>();
        private List<PolicyEvent> allEvents;
        private List<Security> allSecurities;

        private Batch() {}

        public List<PriceBar> bars(String symbol) {
            return bars.computeIfAbsent(symbol, priceBars::forSymbol);
        }

        public List<Security> securities() {
            if (allSecurities == null) {
                allSecurities = securities.all();
            }
            return allSecurities;
        }

        public Optional<Security> security(String symbol) {
            return securities().stream().filter(s -> s.symbol().equals(symbol)).findFirst();
        }

        public List<PolicyEvent> events() {
            if (allEvents == null) {
                allEvents = events.all();
            }
            return allEvents;
        }

        /**
         * The market-model study of {@code symbol} against {@code benchmark} (null: raw returns), day 0 the first
         * trading day on or after {@code date} moved {@code offset} sessions. A benchmark without prices gives the
         * raw study, as the screen draws it; {@link #run} refuses it instead.
         */
        public EventStudy.Result study(String symbol, String benchmark, LocalDate date, int offset,
                                       EventStudy.Window window, EventStudy.Window estimation) {
            List<PriceBar> b = benchmark == null ? null : bars(benchmark);
            boolean usable = b != null && b.size() > 1;
            return EventStudy.run(symbol, bars(symbol), usable ? benchmark : null, usable ? b : null, date, offset,
                    window, estimation, events());
        }

        /** The plain cumulative return around day 0, which needs no model. */
        public List<EventStudy.Day> rawWindow(String symbol, LocalDate date, int offset, EventStudy.Window window) {
            return EventStudy.rawWindow(symbol, bars(symbol), date, offset, window);
        }
    }

    /**
     * One study as the command runs it: an unknown security or benchmark, or a benchmark without prices, is refused
     * with a message saying what to do.
     */
    public EventStudy.Result run(String symbol, String benchmark, LocalDate date, int offset,
                                 EventStudy.Window window, EventStudy.Window estimation) {
        Batch b = batch();
        if (b.security(symbol).isEmpty()) {
            throw new IllegalArgumentException("unknown security '" + symbol + "'");
        }
        if (benchmark != null && b.security(benchmark).isEmpty()) {
            throw new IllegalArgumentException("unknown benchmark '" + benchmark + "'");
        }
        if (benchmark != null && b.bars(benchmark).size() < 2) {
            throw new IllegalArgumentException("no daily prices for the benchmark " + benchmark
                    + ": import them first (import-prices FILE --symbol " + benchmark + ") or download them"
                    + " (fetch-prices " + benchmark + ")");
        }
        return b.study(symbol, benchmark, date, offset, window, estimation);
    }
}
