package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * A non-China supply-chain facility at one stage: who runs it, where, how much it makes a year
 * ({@code capacity} {@code unit} of {@code product}, e.g. 10,000 t/yr of rare-earth magnets; {@code capacityHigh}
 * the top of a stated range), its status and its first-output year (the target year while it is not operating).
 * {@code constructionStart} is the year building began, when known. {@code event} and {@code floor} tie it to a
 * policy event or deal and to a price floor (both optional). {@code targets} is the history of its target years.
 * A facility working at two stages is kept as one project per stage. The key is {@code id}.
 */
public record CapacityProject(String id, String operator, String facility, String country, String stage,
                              Double capacity, Double capacityHigh, String unit, String product, String status,
                              Integer firstOutputYear, Integer constructionStart, String event, String floor,
                              List<TargetRevision> targets, String source, String confidence, String note,
                              String sourceUrl) implements DataRecord {

    @JsonCreator
    public CapacityProject {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    @Override
    public String key() {
        return id;
    }

    /** The capacity in tonnes a year, or null when it is not known or its unit is not a tonnage a year. */
    public Double tonnesPerYear() {
        if (capacity == null) {
            return null;
        }
        Double factor = SupplyChain.tonnesFactor(unit);
        return factor == null ? null : capacity * factor;
    }
}
