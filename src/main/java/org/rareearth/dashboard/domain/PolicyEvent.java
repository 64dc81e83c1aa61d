package org.rareearth.dashboard.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy or market event: an export control, an investment, an alliance, a suspension...
 * {@code code} is its stable key in files and references.
 */
public record PolicyEvent(String code, Actor actor, Category category, String title, String summary,
                          List<String> materials, LocalDate announced, LocalDate effective, LocalDate ends,
                          LocalDate suspendedFrom, LocalDate suspendedUntil, String status,
                          String source, String confidence, String note) {

    public PolicyEvent {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
