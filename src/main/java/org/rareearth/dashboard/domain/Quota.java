package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * China's rare-earth production quotas for a year (MIIT / MNR): mining in tonnes of REO, smelting and separation
 * in tonnes. {@code published} is false for a year whose quotas were issued without their volumes being made
 * public (2025); the volumes are then empty. The key is the year.
 */
public record Quota(Integer year, Double mining, Double smelting, Boolean published, String source,
                    String confidence, String note, String sourceUrl) implements DataRecord {

    @JsonCreator
    public Quota {
        published = published == null ? Boolean.TRUE : published;
    }

    @Override
    public String key() {
        return String.valueOf(year);
    }
}
