package org.rareearth.dashboard.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.domain.PolicyEvent;

/** Generated records for benchmarks only. They say so in their source and never reach a store unasked. */
public final class Synthetic {
    public static final String SOURCE = "synthetic (benchmark)";

    private Synthetic() {}

    public static List<PolicyEvent> events(int n, long seed) {
        Random r = new Random(seed);
        List<PolicyEvent> out = new ArrayList<>(n);
        LocalDate base = LocalDate.of(2015, 1, 1);
        Actor[] actors = Actor.values();
        Category[] cats = Category.values();
        for (int i = 0; i < n; i++) {
            LocalDate announced = base.plusDays(r.nextInt(4000));
            LocalDate effective = announced.plusDays(r.nextInt(60));
            boolean ends = r.nextInt(3) == 0;
            boolean suspended = r.nextInt(5) == 0;
            LocalDate sFrom = suspended ? effective.plusDays(30 + r.nextInt(200)) : null;
            out.add(new PolicyEvent("synthetic-" + i, actors[r.nextInt(actors.length)], cats[r.nextInt(cats.length)],
                    "Synthetic measure " + i + " on material " + (char) ('A' + r.nextInt(26)), null,
                    List.of("material " + (char) ('A' + r.nextInt(26))), announced, effective,
                    ends ? effective.plusDays(100 + r.nextInt(900)) : null, sFrom,
                    suspended ? sFrom.plusDays(100 + r.nextInt(300)) : null, "in-force", SOURCE, "calc", null));
        }
        return out;
    }
}
