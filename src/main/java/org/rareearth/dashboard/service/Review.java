package org.rareearth.dashboard.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.dashboard.analytics.EventReview;
import org.rareearth.dashboard.analytics.Freshness;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.store.RecordStore;

/**
 * What in the store needs a look on a day: lapsed suspensions and end dates, price series and quotes past their
 * age, records marked U, events without a source URL. The {@code review} command and Data > Review show the same
 * list.
 */
public final class Review {

    /** One thing to look at: the kind of record, its key as the store knows it, and why. */
    public record Item(String kind, String key, String reason) {}

    private Review() {}

    /**
     * The review list for {@code day}. {@code lastBars} maps each security with daily prices to the date of its
     * last bar.
     */
    public static List<Item> items(Dataset d, Map<String, LocalDate> lastBars, LocalDate day) {
        List<Item> out = new ArrayList<>();
        for (PolicyEvent e : d.events()) {
            EventReview.lapse(e, d.events(), day).ifPresent(l -> out.add(new Item("event", e.code(),
                    "lapsed, not confirmed: " + l.reason())));
        }
        // Quote series: the latest quote of each commodity and basis, and the latest fixing of each pair.
        Map<String, PriceAssessment> latestQuote = new LinkedHashMap<>();
        for (PriceAssessment a : d.assessments()) {
            latestQuote.merge(a.commodity() + " (" + a.basis() + ")", a,
                    (x, y) -> y.date().isAfter(x.date()) ? y : x);
        }
        latestQuote.forEach((series, a) -> {
            if (Freshness.stale(a.date(), day)) {
                out.add(new Item("assessment", RecordStore.key(a), "the latest " + series + " quote is from "
                        + a.date() + ", " + Freshness.age(a.date(), day) + " days old (more than "
                        + Freshness.MAX_AGE_DAYS + ")"));
            }
        });
        Map<String, FxRate> latestFx = new LinkedHashMap<>();
        for (FxRate r : d.fxRates()) {
            latestFx.merge(r.pair(), r, (x, y) -> y.date().isAfter(x.date()) ? y : x);
        }
        latestFx.forEach((pair, r) -> {
            if (Freshness.stale(r.date(), day)) {
                out.add(new Item("fxRate", RecordStore.key(r), "the latest " + pair + " fixing is from " + r.date()
                        + ", " + Freshness.age(r.date(), day) + " days old (more than " + Freshness.MAX_AGE_DAYS
                        + ")"));
            }
        });
        lastBars.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(b -> {
            if (Freshness.stale(b.getValue(), day)) {
                out.add(new Item("prices", b.getKey(), "the daily prices end on " + b.getValue() + ", "
                        + Freshness.age(b.getValue(), day) + " days ago (more than " + Freshness.MAX_AGE_DAYS + ")"));
            }
        });
        uncertain(out, "security", d.securities(), x -> x.confidence());
        uncertain(out, "event", d.events(), PolicyEvent::confidence);
        uncertain(out, "reaction", d.reactions(), x -> x.confidence());
        uncertain(out, "assessment", d.assessments(), PriceAssessment::confidence);
        uncertain(out, "fxRate", d.fxRates(), FxRate::confidence);
        uncertain(out, "floor", d.floors(), x -> x.confidence());
        uncertain(out, "stake", d.stakes(), x -> x.confidence());
        uncertain(out, "capacityProject", d.capacityProjects(), x -> x.confidence());
        uncertain(out, "stageShare", d.stageShares(), x -> x.confidence());
        uncertain(out, "quota", d.quotas(), x -> x.confidence());
        for (PolicyEvent e : d.events()) {
            if (e.sourceUrl() == null || e.sourceUrl().isBlank()) {
                out.add(new Item("event", e.code(), "no source URL: add the address of " + e.source()));
            }
        }
        return out;
    }

    private static <T> void uncertain(List<Item> out, String kind, List<T> records,
                                      java.util.function.Function<T, String> confidence) {
        for (T r : records) {
            if ("U".equals(confidence.apply(r))) {
                out.add(new Item(kind, RecordStore.key(r), "marked U: the sources conflict or are uncertain (see"
                        + " its note)"));
            }
        }
    }

    /** The items about one record, for a details panel. */
    public static List<Item> about(List<Item> items, String kind, String key) {
        return items.stream().filter(i -> i.kind().equals(kind) && i.key().equals(key)).toList();
    }
}
