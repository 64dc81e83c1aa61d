package org.rareearth.dashboard.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rareearth.dashboard.store.Store;

/**
 * Tells whoever follows the store that a write was committed: an edit, an import, a download, a restore, by this
 * app or, once someone follows, by another copy of it on the same store (another analyst on a team store, another
 * program on a file; noticed within about a second, {@link Store#onExternalChange}). Screens follow it instead of
 * being refreshed by hand; each change carries a running number, so a follower can drop changes it has already
 * caught up with. Listeners run on the writing (or watching) thread and must hand work on (the desktop posts to the
 * FX thread).
 */
public final class StoreChanges {
    /**
     * One committed write, numbered from 1 in the order they were seen; {@code elsewhere} says who else made it
     * ("ana changed the store") and is null for this app's own writes (and for the one "read again" that comes
     * when the watching for changes made elsewhere is under way).
     */
    public record Change(long sequence, String elsewhere) {
        public Change(long sequence) {
            this(sequence, null);
        }
    }

    /** Stops a follower. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Consumer<Change>> followers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private final Store store;
    private boolean watching;

    public StoreChanges(Store store) {
        this.store = store;
        store.onCommit(() -> {
            Change c = new Change(sequence.incrementAndGet());
            followers.forEach(f -> f.accept(c));
        });
    }

    /** Follows every change; the first follower also starts watching for changes made elsewhere. */
    public Subscription follow(Consumer<Change> follower) {
        followers.add(follower);
        synchronized (this) {
            if (!watching) {
                watching = true;
                store.onExternalChange(note -> {
                    Change c = new Change(sequence.incrementAndGet(), note);
                    followers.forEach(f -> f.accept(c));
                });
            }
        }
        return () -> followers.remove(follower);
    }

    /** The number of the latest committed change (0 before any). */
    public long latest() {
        return sequence.get();
    }
}
