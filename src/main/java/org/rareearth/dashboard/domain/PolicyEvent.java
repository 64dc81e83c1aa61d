package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy or market event: an export control, an investment, an alliance, a suspension...
 * {@code code} is its stable key in files and references.
 */
public record PolicyEvent(String code, Actor actor, Category category, String title, String summary,
                          List<String> materials, LocalDate announced, LocalDate effective, LocalDate ends,
                          LocalDate suspendedFrom, LocalDate suspendedUntil, String status,
                          String source, String confidence, String note, List<String> related,
                          String sourceUrl) implements DataRecord {

    @Override
    public String key() {
        return code;
    }

    /**
     * {@code related}: the codes of the events this one acts on (a suspension names the measures it suspends; an
     * extension or a reinstatement names the measure it follows up). A later record that names a measure is what
     * tells the app that a lapsed date was followed up.
     */
    @JsonCreator
    public PolicyEvent {
        materials = materials == null ? List.of() : List.copyOf(materials);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** An event that names no other and has no source URL. */
    public PolicyEvent(String code, Actor actor, Category category, String title, String summary,
                       List<String> materials, LocalDate announced, LocalDate effective, LocalDate ends,
                       LocalDate suspendedFrom, LocalDate suspendedUntil, String status, String source,
                       String confidence, String note) {
        this(code, actor, category, title, summary, materials, announced, effective, ends, suspendedFrom,
                suspendedUntil, status, source, confidence, note, List.of(), null);
    }
}
