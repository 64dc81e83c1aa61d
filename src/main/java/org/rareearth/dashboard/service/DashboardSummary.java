package org.rareearth.dashboard.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rareearth.dashboard.analytics.EventReview;
import org.rareearth.dashboard.analytics.EventStatus;
import org.rareearth.dashboard.analytics.GapReport;
import org.rareearth.dashboard.analytics.VatBasis;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.domain.Stake;

/**
 * The dashboard's figures on a day, decided here rather than while tiles are built: the headline event (the one
 * with the most reported reactions) and its three largest close-to-close movers, the latest stakes, the first
 * floor's gap report, China's measures in force (those whose suspension lapsed without a recorded follow-up are
 * counted apart, since no source says they are in force), the latest control and the next expiry. No JavaFX; the
 * desktop's tiles only show it.
 */
public record DashboardSummary(LocalDate today, List<PolicyEvent> events, List<Reaction> reactions,
                               Set<String> benchmarks, Optional<String> headline, List<Reaction> topMovers,
                               List<Stake> latestStakes, GapReport gap, long inForce, long lapsed, long suspended,
                               Optional<PolicyEvent> latestControl, Optional<Expiry> nextExpiry,
                               Optional<SupplyChainService.Outlook> supply) {

    /** A suspension or an end date still ahead, and the event it belongs to. */
    public record Expiry(LocalDate date, PolicyEvent event, long daysLeft) {}

    /** Days since the latest control was announced. */
    public long daysSinceLatestControl() {
        return latestControl.map(e -> ChronoUnit.DAYS.between(e.announced(), today)).orElse(0L);
    }

    public Map<String, PolicyEvent> eventsByCode() {
        return events.stream().collect(Collectors.toMap(PolicyEvent::code, Function.identity()));
    }

    /** The figures from a store's records on {@code today}. */
    public static DashboardSummary of(Dataset d, LocalDate today) {
        List<PolicyEvent> events = d.events();
        List<Reaction> reactions = d.reactions();
        Set<String> benchmarks = d.securities().stream().filter(Security::benchmark).map(Security::symbol)
                .collect(Collectors.toSet());
        Optional<String> headline = reactions.stream()
                .collect(Collectors.groupingBy(Reaction::event, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        List<Reaction> top = headline.map(code -> reactions.stream()
                .filter(r -> r.event().equals(code) && "close-to-close".equals(r.measure())
                        && !benchmarks.contains(r.symbol()))
                .sorted(Comparator.comparing(Reaction::percent).reversed())
                .limit(3).toList()).orElse(List.of());
        List<Stake> stakes = d.stakes().stream().sorted(Comparator.comparing(Stake::date).reversed()).limit(2)
                .toList();
        GapReport gap = d.floors().isEmpty() ? null
                : GapReport.build(d.floors().get(0), d.assessments(), d.fxRates(), VatBasis.EXCLUDED, 0, null, null);
        List<PolicyEvent> china = events.stream().filter(e -> e.actor() == Actor.CHINA).toList();
        long lapsed = china.stream().filter(e -> EventStatus.on(e, today) == EventStatus.IN_FORCE
                && EventReview.lapsed(e, events, today)).count();
        long inForce = china.stream().filter(e -> EventStatus.on(e, today) == EventStatus.IN_FORCE
                && !EventReview.lapsed(e, events, today)).count();
        long suspended = events.stream().filter(e -> EventStatus.on(e, today) == EventStatus.SUSPENDED).count();
        Optional<PolicyEvent> latest = events.stream().filter(e -> e.actor() == Actor.CHINA
                        && e.category() != Category.SUSPENSION && !e.announced().isAfter(today))
                .max(Comparator.comparing(PolicyEvent::announced));
        Optional<Expiry> next = events.stream()
                .flatMap(e -> Stream.of(e.suspendedUntil(), e.ends())
                        .filter(x -> x != null && !x.isBefore(today)).map(x -> Map.entry(x, e)))
                .min(Map.Entry.comparingByKey())
                .map(n -> new Expiry(n.getKey(), n.getValue(), ChronoUnit.DAYS.between(today, n.getKey())));
        // Magnet capacity against the first reference demand, as the Supply chain view and the capacity command
        // give it.
        SupplyChainService.Reference ref = SupplyChainService.REFERENCES.get(0);
        Optional<SupplyChainService.Outlook> supply = d.capacityProjects().isEmpty() ? Optional.empty()
                : Optional.of(SupplyChainService.outlook(new SupplyChainService.Query(ref.stage(), null, null,
                        ref.product(), ref.tonnes()), today.getYear(), d.capacityProjects(), d.stageShares(),
                        d.quotas(), List.of()));
        return new DashboardSummary(today, events, reactions, benchmarks, headline, top, stakes, gap, inForce, lapsed,
                suspended, latest, next, supply);
    }
}
