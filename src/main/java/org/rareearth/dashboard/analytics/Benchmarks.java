package org.rareearth.dashboard.analytics;

import java.util.List;
import org.rareearth.dashboard.domain.Security;

/** Which index a security is measured against when the user leaves it to the app. */
public final class Benchmarks {
    private Benchmarks() {}

    /** The benchmark index of the security's market (the stored benchmark of the same country), or null. */
    public static String marketIndex(Security security, List<Security> all) {
        if (security == null) {
            return null;
        }
        return all.stream().filter(Security::benchmark)
                .filter(b -> b.country() != null && b.country().equals(security.country()))
                .map(Security::symbol).findFirst().orElse(null);
    }
}
