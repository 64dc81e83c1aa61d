package org.rareearth.dashboard.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rareearth.dashboard.store.Store;

/**
 * Tells whoever follows the store that a write was committed: an edit, an import, a download, a restore. Screens
 * follow it instead of being refreshed by hand; each change carries a running number, so a follower can drop
 * changes it has already caught up with. Listeners run on the writing thread and must hand work on (the desktop
 * posts to the FX thread).
 */
public final class StoreChanges {
    /** One committed write, numbered from 1 in the order of commits. */
    public record Change(long sequence) {}

    /** Stops a follower. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Consumer<Change>> followers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public StoreChanges(Store store) {
        store.onCommit(() -> {
            Change c = new Change(sequence.incrementAndGet());
            followers.forEach(f -> f.accept(c));
        });
    }

    public Subscription follow(Consumer<Change> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** The number of the latest committed change (0 before any). */
    public long latest() {
        return sequence.get();
    }
}
