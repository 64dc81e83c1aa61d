package org.rareearth.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * China's share of world output at one supply-chain stage in one year, in percent (69.2 for 69.2%), as one source
 * gives it. Sources that disagree on the same stage and year are kept side by side; the key is stage, year and
 * source.
 */
public record StageShare(String stage, Integer year, Double share, String source, String confidence, String note,
                         String sourceUrl) implements DataRecord {

    @JsonCreator
    public StageShare {
    }

    @Override
    public String key() {
        return stage + "|" + year + "|" + source;
    }
}
