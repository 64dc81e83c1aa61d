package org.rareearth.dashboard.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rareearth.dashboard.analytics.CapacityOutlook;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Quota;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.store.EventRepository;
import org.rareearth.dashboard.store.SupplyChainRepository;

/**
 * The supply chain by stage: non-China capacity over the years against China's share, and the time lag to a
 * target. The {@code capacity} command and the Supply chain screen both ask it, so the same choices give the same
 * years.
 */
public final class SupplyChainService {

    /** A reference quantity the lag can be measured against, with the product it is a quantity of. */
    public record Reference(String label, String stage, String product, double tonnes, String source,
                            String sourceUrl) {}

    /**
     * The demand figures the lag is usually asked about, from the fact sheet (J4): what the US would have to
     * replace if China's exports stopped.
     */
    public static final List<Reference> REFERENCES = List.of(new Reference(
            "China's 2025 rare-earth magnet exports to the US", "magnets", "rare-earth magnets", 5933,
            "Goldsea (Reuters, GAC data), 2026-01-19", "http://www.goldsea.com/public/index.php/article_details/"
            + "china-rare-earth-exports-to-us-japan-fell-in-december"));

    /**
     * What to look at: a stage, the statuses and countries kept (empty: all), the product capacities are added
     * in (null: the stage's default) and the target (null: none).
     */
    public record Query(String stage, Set<String> statuses, Set<String> countries, String product, Double target) {
        public Query {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            countries = countries == null ? Set.of() : Set.copyOf(countries);
        }

        public String productOrDefault() {
            return product == null || product.isBlank() ? SupplyChain.defaultProduct(stage) : product.strip();
        }

        boolean keeps(CapacityProject p) {
            return p.stage().equals(stage) && (statuses.isEmpty() || statuses.contains(p.status()))
                    && (countries.isEmpty() || countries.stream().anyMatch(c -> c.equalsIgnoreCase(p.country())));
        }
    }

    /**
     * The answer: the outlook of the projects kept, the products found at the stage (for a choice), China's share
     * at the stage by year, the quotas, and every project and event (for links and overlays).
     */
    public record Outlook(Query query, CapacityOutlook.Result result, List<CapacityProject> kept,
                          List<String> productsAtStage, List<StageShare> chinaShare, List<Quota> quotas,
                          List<CapacityProject> all, List<PolicyEvent> events) {}

    private final SupplyChainRepository records;
    private final EventRepository events;

    public SupplyChainService(SupplyChainRepository records, EventRepository events) {
        this.records = records;
        this.events = events;
    }

    public Outlook outlook(Query q, int thisYear) {
        return outlook(q, thisYear, records.projects(), records.shares(), records.quotas(), events.all());
    }

    /** The same over records already read. */
    public static Outlook outlook(Query q, int thisYear, List<CapacityProject> all, List<StageShare> shares,
                                  List<Quota> quotas, List<PolicyEvent> events) {
        if (!SupplyChain.STAGES.contains(q.stage())) {
            throw new IllegalArgumentException("unknown stage '" + q.stage() + "' (known: "
                    + String.join(", ", SupplyChain.STAGES) + ")");
        }
        for (String s : q.statuses()) {
            if (!SupplyChain.STATUSES.contains(s)) {
                throw new IllegalArgumentException("unknown status '" + s + "' (known: "
                        + String.join(", ", SupplyChain.STATUSES) + ")");
            }
        }
        if (q.target() != null && !(q.target() > 0 && Double.isFinite(q.target()))) {
            throw new IllegalArgumentException("the target must be a positive number of tonnes a year, not "
                    + q.target());
        }
        List<CapacityProject> kept = all.stream().filter(q::keeps)
                .sorted(Comparator.comparing(CapacityProject::id)).toList();
        CapacityOutlook.Result result = CapacityOutlook.of(kept, q.productOrDefault(), thisYear, all, q.target());
        return new Outlook(q, result, kept, products(all, q.stage()),
                shares.stream().filter(s -> s.stage().equals(q.stage())).toList(), quotas, all, events);
    }

    /** The products capacities are recorded in at a stage, the default first. */
    public static List<String> products(Collection<CapacityProject> all, String stage) {
        Set<String> out = new LinkedHashSet<>();
        out.add(SupplyChain.defaultProduct(stage));
        TreeSet<String> found = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.stream().filter(p -> p.stage().equals(stage) && p.product() != null).forEach(p -> found.add(p.product()));
        found.stream().filter(f -> out.stream().noneMatch(o -> o.equalsIgnoreCase(f))).forEach(out::add);
        return List.copyOf(out);
    }

    /** A figure as the sheet writes it: 94 rather than 94.0, 69.2 as it is. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The countries on record, sorted. */
    public static List<String> countries(Collection<CapacityProject> all) {
        return all.stream().map(CapacityProject::country).distinct().sorted().toList();
    }
}
