package org.rareearth.dashboard.testdata;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.PriceBar;

/** Daily prices generated for tests (never shipped): a store with the seed and made-up series. */
public final class GeneratedPrices {
    private GeneratedPrices() {}

    /** Weekday bars from 2024-01-02 to 2026-06-30 with returns alpha + beta·market + noise. */
    public static List<PriceBar> generated(String symbol, long seed, double beta, double[] market) {
        Random r = new Random(seed);
        List<PriceBar> out = new ArrayList<>();
        double p = 50;
        int i = 0;
        for (LocalDate d = LocalDate.of(2024, 1, 2); !d.isAfter(LocalDate.of(2026, 6, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (i > 0) {
                p *= 1 + (market == null ? 0.0002 + 0.01 * r.nextGaussian() : beta * market[i]
                        + 0.02 * r.nextGaussian());
            }
            out.add(new PriceBar(symbol, d, null, null, null, p, null, null, "generated in a test"));
            i++;
        }
        return out;
    }

    public static double[] returnsOf(List<PriceBar> bars) {
        double[] m = new double[bars.size()];
        for (int i = 1; i < bars.size(); i++) {
            m[i] = bars.get(i).close() / bars.get(i - 1).close() - 1;
        }
        return m;
    }

    /** A store with the seed and generated prices for MP, USAR, LYC and the two indices. */
    public static Path store(Path dir) {
        Path db = dir.resolve("x.db");
        try (Workspace s = TestStores.open(db)) {
            fill(s);
        }
        return db;
    }

    /** Adds the generated prices for MP, USAR, LYC and the two indices to an open store. */
    public static void fill(Workspace s) {
        List<PriceBar> spx = generated("^GSPC", 11, 0, null);
        List<PriceBar> asx = generated("^AXJO", 12, 0, null);
        List<PriceBar> bars = new ArrayList<>(spx);
        bars.addAll(asx);
        bars.addAll(generated("MP", 1, 1.4, returnsOf(spx)));
        bars.addAll(generated("USAR", 2, 1.1, returnsOf(spx)));
        bars.addAll(generated("LYC", 3, 0.9, returnsOf(asx)));
        s.datasets.write(new Dataset(null, null, List.of(), bars, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()), false);
    }

}
