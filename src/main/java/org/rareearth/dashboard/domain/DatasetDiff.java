package org.rareearth.dashboard.domain;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a dataset compares with what a store holds, record by record: the records whose keys are new, and the
 * records whose keys exist but whose fields differ (each with the fields that differ). Nothing here writes; the
 * {@code --keep-existing} import writes only the new records and lists the others.
 */
public final class DatasetDiff {

    /** A record of the incoming dataset whose key the store already holds with other values. */
    public record Difference(String kind, String key, List<String> fields) {
        @Override
        public String toString() {
            return kind + " " + key + " differs in " + String.join(", ", fields);
        }
    }

    /** The new records (as a dataset that can be written), the differing ones, and how many are the same. */
    public record Plan(Dataset additions, List<Difference> differences, int unchanged) {
        public int added() {
            return additions.securities().size() + additions.priceBars().size() + additions.events().size()
                    + additions.reactions().size() + additions.assessments().size() + additions.fxRates().size()
                    + additions.floors().size() + additions.stakes().size() + additions.capacityProjects().size()
                    + additions.stageShares().size() + additions.quotas().size();
        }
    }

    private DatasetDiff() {}

    /**
     * Compares {@code incoming} with {@code existing}. {@code key} gives a record's key as the store knows it
     * (the same for both datasets).
     */
    public static Plan plan(Dataset incoming, Dataset existing, Function<Object, String> key) {
        List<Difference> diffs = new ArrayList<>();
        int[] same = {0};
        Dataset add = new Dataset(incoming.format(), incoming.version(),
                fresh("security", incoming.securities(), existing.securities(), key, diffs, same),
                fresh("price bar", incoming.priceBars(), existing.priceBars(),
                        b -> ((PriceBar) b).symbol() + "|" + ((PriceBar) b).date(), diffs, same),
                fresh("event", incoming.events(), existing.events(), key, diffs, same),
                fresh("reaction", incoming.reactions(), existing.reactions(), key, diffs, same),
                fresh("assessment", incoming.assessments(), existing.assessments(), key, diffs, same),
                fresh("fxRate", incoming.fxRates(), existing.fxRates(), key, diffs, same),
                fresh("floor", incoming.floors(), existing.floors(), key, diffs, same),
                fresh("stake", incoming.stakes(), existing.stakes(), key, diffs, same),
                fresh("capacity project", incoming.capacityProjects(), existing.capacityProjects(), key, diffs, same),
                fresh("stage share", incoming.stageShares(), existing.stageShares(), key, diffs, same),
                fresh("quota", incoming.quotas(), existing.quotas(), key, diffs, same));
        return new Plan(add, List.copyOf(diffs), same[0]);
    }

    private static <T> List<T> fresh(String kind, List<T> incoming, List<T> existing, Function<Object, String> key,
                                     List<Difference> diffs, int[] same) {
        Map<String, T> stored = new HashMap<>();
        for (T r : existing) {
            stored.put(key.apply(r), r);
        }
        List<T> out = new ArrayList<>();
        for (T r : incoming) {
            String k = key.apply(r);
            T old = stored.get(k);
            if (old == null) {
                out.add(r);
            } else {
                List<String> fields = differingFields(old, r);
                if (fields.isEmpty()) {
                    same[0]++;
                } else {
                    diffs.add(new Difference(kind, k, fields));
                }
            }
        }
        return out;
    }

    /** The names of the record components whose values differ. */
    static List<String> differingFields(Object a, Object b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) {
                    out.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
