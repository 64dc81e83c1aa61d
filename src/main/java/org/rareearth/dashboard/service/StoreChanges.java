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
     * ("ana changed the store") and is null for this app's own writes.
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

    /** Follows every change (those made elsewhere once {@link #watchElsewhere} was called). */
    public Subscription follow(Consumer<Change> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /**
     * Also tells changes committed elsewhere: by another program on the same file, another analyst on the same
     * team store (noticed within about a second). From the moment this returns every such commit is told; it
     * opens a connection or reads the store, so call it off the FX thread. Calling it again does nothing.
     */
    public void watchElsewhere() {
        synchronized (this) {
            if (watching) {
                return;
            }
            watching = true;
        }
        store.onExternalChange(note -> {
            Change c = new Change(sequence.incrementAndGet(), note);
            followers.forEach(f -> f.accept(c));
        });
        ready = true;
    }

    private volatile boolean ready;

    /** True once {@link #watchElsewhere} has returned: commits made elsewhere from then on are told. */
    public boolean watchingElsewhere() {
        return ready;
    }

    /** The number of the latest committed change (0 before any). */
    public long latest() {
        return sequence.get();
    }
}
