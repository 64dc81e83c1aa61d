package org.rareearth.dashboard.service;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.rareearth.dashboard.store.Counts;
import org.rareearth.dashboard.store.DatasetStore;
import org.rareearth.dashboard.store.Store;
import org.rareearth.dashboard.store.StoreException;
import org.rareearth.dashboard.store.StoreLocation;

/**
 * A whole store copied between back ends: a SQLite file to a PostgreSQL database to start a team store, a team
 * store to a file to take a copy on a plane. All or nothing: the copy is one transaction of the target, and a new
 * target file is removed again when the copy fails.
 */
public final class StoreCopy {
    private StoreCopy() {}

    /** Total records of every kind. */
    public static long total(Counts c) {
        return c.securities() + c.priceBars() + c.events() + c.reactions() + c.assessments() + c.fxRates()
                + c.floors() + c.stakes() + c.capacityProjects() + c.stageShares() + c.quotas();
    }

    /**
     * Copies {@code from} onto {@code to}. {@code from} must be a store that exists; {@code to} may be new, or
     * empty, or, with {@code replace}, hold records that the copy replaces. Returns what {@code to} holds after.
     */
    public static Counts copy(StoreLocation from, StoreLocation to, boolean replace, Map<String, String> env,
                              DoubleConsumer progress) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("FROM and TO are the same store (" + from.display() + ")");
        }
        if (from instanceof StoreLocation.SqliteFile f && !Files.isRegularFile(f.path())) {
            throw new IllegalArgumentException("FROM " + f.display() + " does not exist");
        }
        boolean newFile = to instanceof StoreLocation.SqliteFile t && !Files.exists(t.path());
        try (Store source = Store.open(from, env)) {
            if (source.wasCreated()) {
                throw new IllegalArgumentException("FROM " + from.display() + " held no store (it is one now, empty);"
                        + " nothing was copied");
            }
            boolean copied = false;
            Store target = Store.open(to, env);
            try {
                DatasetStore into = new DatasetStore(target);
                long held = total(into.counts());
                if (held > 0 && !replace) {
                    throw new IllegalArgumentException("TO " + to.display() + " holds " + held + " records; add"
                            + " --replace to replace them with FROM's (nothing was changed)");
                }
                Counts after = into.copyFrom(source, progress);
                copied = true;
                return after;
            } finally {
                target.close();
                if (!copied && newFile) {
                    deleteNewFile((StoreLocation.SqliteFile) to);
                }
            }
        }
    }

    private static void deleteNewFile(StoreLocation.SqliteFile f) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(f.path().resolveSibling(f.path().getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new StoreException("The copy failed, and the new file " + f.display() + " it had begun could not"
                    + " be removed: " + e.getMessage(), e);
        }
    }
}
