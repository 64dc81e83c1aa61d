package org.rareearth.dashboard.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.analytics.Benchmarks;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.analytics.PooledEventStudy;
import org.rareearth.dashboard.analytics.SessionOffset;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.store.EventRepository;
import org.rareearth.dashboard.store.PriceBarRepository;
import org.rareearth.dashboard.store.SecurityRepository;

/**
 * Pooled event studies over the store: the securities and events chosen (by code, or by the timeline's filters),
 * each security's day 0 moved by its exchange's session offset as in {@code event-study}, and its benchmark: none
 * (mean-adjusted), one for all, or {@link #AUTO} (each security's market index). The command line and the desktop
 * view call the same method, so the same choice gives the same numbers.
 */
public final class PooledStudyService {
    /** The benchmark choice that takes each security's market index. */
    public static final String AUTO = "auto";

    private final SecurityRepository securities;
    private final PriceBarRepository priceBars;
    private final EventRepository events;

    public PooledStudyService(SecurityRepository securities, PriceBarRepository priceBars, EventRepository events) {
        this.securities = securities;
        this.priceBars = priceBars;
        this.events = events;
    }

    /** What to pool. {@code eventCodes} wins over {@code filter} when not empty; {@code benchmark} may be null. */
    public record Request(List<String> symbols, List<String> eventCodes, EventFilter filter, String benchmark,
                          EventStudy.Window window, EventStudy.Window estimation) {}

    /** The events a request names, oldest first; an unknown code is refused by name. */
    public List<PolicyEvent> events(Request r) {
        List<PolicyEvent> all = events.all();
        if (r.eventCodes() != null && !r.eventCodes().isEmpty()) {
            List<PolicyEvent> out = new ArrayList<>();
            for (String code : r.eventCodes()) {
                out.add(all.stream().filter(e -> e.code().equals(code.strip())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown event '" + code.strip() + "'")));
            }
            return out;
        }
        return (r.filter() == null ? EventFilter.ALL : r.filter()).apply(all);
    }

    /** Runs the pooled study; bad choices (an unknown security or benchmark, no events) are refused by name. */
    public PooledEventStudy.Result run(Request r) {
        if (r.symbols() == null || r.symbols().isEmpty()) {
            throw new IllegalArgumentException("name at least one security");
        }
        List<Security> all = securities.all();
        Map<String, Security> bySymbol = new LinkedHashMap<>();
        for (Security s : all) {
            bySymbol.put(s.symbol(), s);
        }
        for (String s : r.symbols()) {
            if (!bySymbol.containsKey(s)) {
                throw new IllegalArgumentException("unknown security '" + s + "'");
            }
        }
        String choice = r.benchmark();
        if (choice != null && !choice.equals(AUTO) && !bySymbol.containsKey(choice)) {
            throw new IllegalArgumentException("unknown benchmark '" + choice + "'");
        }
        List<PolicyEvent> chosen = events(r);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no event matches the choice");
        }
        Map<String, List<PriceBar>> bars = new HashMap<>();
        List<PooledEventStudy.Input> inputs = new ArrayList<>();
        List<PooledEventStudy.Excluded> unpriced = new ArrayList<>();
        for (String symbol : r.symbols()) {
            Security sec = bySymbol.get(symbol);
            String bench = choice == null ? null : choice.equals(AUTO) ? Benchmarks.marketIndex(sec, all) : choice;
            List<PriceBar> own = bars.computeIfAbsent(symbol, priceBars::forSymbol);
            List<PriceBar> benchBars = bench == null ? null : bars.computeIfAbsent(bench, priceBars::forSymbol);
            for (PolicyEvent e : chosen) {
                if (own.size() < 2) {
                    unpriced.add(new PooledEventStudy.Excluded(symbol, e.code(), "no daily prices for " + symbol
                            + " (import or download them)"));
                } else if (benchBars != null && benchBars.size() < 2) {
                    unpriced.add(new PooledEventStudy.Excluded(symbol, e.code(), "no daily prices for the benchmark "
                            + bench + " (import or download them)"));
                } else {
                    inputs.add(new PooledEventStudy.Input(symbol, e.code(), e.announced(),
                            SessionOffset.of(e.actor(), sec.exchange()), own, bench, benchBars));
                }
            }
        }
        Map<String, java.time.LocalDate> dates = new LinkedHashMap<>();
        chosen.forEach(e -> dates.put(e.code(), e.announced()));
        PooledEventStudy.Result res = PooledEventStudy.run(inputs, r.window(), r.estimation(), dates);
        if (unpriced.isEmpty()) {
            return res;
        }
        List<PooledEventStudy.Excluded> excluded = new ArrayList<>(unpriced);
        excluded.addAll(res.excluded());
        return new PooledEventStudy.Result(res.n(), res.window(), res.estimation(), res.caar(), res.days(),
                res.crossSectionalT(), res.patell(), res.bmp(), res.sign(), res.studies(), List.copyOf(excluded),
                res.warnings());
    }
}
