package org.rareearth.dashboard.domain;

/**
 * One target year for a project's first output, as a source gave it on a day ({@code asOf}: yyyy, yyyy-mm or
 * yyyy-mm-dd, as precise as the source). A project keeps them in the order they were stated: a target that moves
 * later is itself a fact, and the supply-chain view measures the slip from them.
 */
public record TargetRevision(String asOf, Integer year, String source, String sourceUrl, String note) {
}
