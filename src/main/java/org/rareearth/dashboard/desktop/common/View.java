package org.rareearth.dashboard.desktop.common;

import javafx.scene.Node;

/** One screen of the main window. */
public interface View {
    /** The title shown in the navigation and the window. */
    String title();

    Node node();

    /** Reloads what the view shows from the store. */
    void refresh();

    /**
     * Runs {@code then} once the view shows what the store holds (at once for a view that reads on the FX
     * thread; views that read in the background override it).
     */
    default void whenLoaded(Runnable then) {
        then.run();
    }

    /** True while the view is reading the store in the background. */
    default boolean isReading() {
        return false;
    }

    /** Why the view's latest read of the store failed, or empty: such a view reads again when shown. */
    default String readProblem() {
        return "";
    }

    /**
     * Why the latest read of the store failed, or empty. Unlike {@link #readProblem()}, a store that holds no records
     * of the kind is not a failure: an export shows such a view as it is, and refuses one whose read failed.
     */
    default String failedRead() {
        return "";
    }

    /** A view that reads the store in the background through a {@link LatestRead}. */
    interface Reading extends View {
        /** What the view reads. */
        LatestRead<?> reads();

        /**
         * The parts the view puts into its layout over the frames after its first showing, or null; the view shows
         * what it read once they are in (see {@link Reveal}).
         */
        default Reveal reveal() {
            return null;
        }

        @Override
        default void refresh() {
            reads().refresh();
        }

        /** True while the read runs, or while the view's parts are still being put in after its first showing. */
        @Override
        default boolean isReading() {
            Reveal reveal = reveal();
            return reads().loadingProperty().get() || reveal != null && reveal.inProgress();
        }

        @Override
        default String readProblem() {
            return reads().problemProperty().get();
        }

        @Override
        default String failedRead() {
            return reads().problemProperty().get();
        }

        /**
         * Runs {@code then} once the latest read has given a value or failed (at once if it has and no read is under
         * way), and the view's parts are in. A view read again, after a change of the store, waits for that read:
         * what it showed before is not what the store holds.
         */
        @Override
        default void whenLoaded(Runnable then) {
            Reveal reveal = reveal();
            Runnable afterParts = reveal == null ? then : () -> reveal.whenDone(then);
            LatestRead<?> read = reads();
            if (read.hasAnswered() && !read.loadingProperty().get()) {
                afterParts.run();
                return;
            }
            javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
            once[0] = o -> {
                if (read.loadingProperty().get() || !read.hasAnswered()) {
                    return;
                }
                read.loadingProperty().removeListener(once[0]);
                afterParts.run();
            };
            read.loadingProperty().addListener(once[0]);
        }
    }
}
