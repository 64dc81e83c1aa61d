package org.rareearth.dashboard.testing;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX's {@link ApplicationExtension} with one change: the robot it hands to a test walks the scene on the FX
 * thread. TestFX's own lookups walk it from the test thread, while the FX thread may be changing it (a view
 * rebuilding on a read that has just come in), and then fail now and then with an IndexOutOfBoundsException from a
 * child list. Every lookup a test makes goes through here, and so does every lookup the robot makes for itself
 * ({@code clickOn("#id")}, {@code point("#id")}). TestFX walks the scene at each step of a query ({@code lookup},
 * {@code match}, {@code nth}), not only when it is asked for its nodes, so each step runs on the FX thread.
 *
 * <p>Use it in place of {@code ApplicationExtension}: {@code @ExtendWith(FxThreadLookups.class)}.
 */
public class FxThreadLookups extends ApplicationExtension {
    private static final long WAIT_SECONDS = 20;

    @Override
    public NodeQuery fromAll() {
        return new OnFx(onFxThread(() -> super.fromAll()));
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return new OnFx(onFxThread(() -> super.from(parentNodes)));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return new OnFx(onFxThread(() -> super.from(parentNodes)));
    }

    @Override
    public NodeQuery from(NodeQuery nodeQuery) {
        return new OnFx(onFxThread(() -> super.from(nodeQuery)));
    }

    @Override
    public NodeQuery lookup(String query) {
        return new OnFx(onFxThread(() -> super.lookup(query)));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Matcher<T> matcher) {
        return new OnFx(onFxThread(() -> super.lookup(matcher)));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return new OnFx(onFxThread(() -> super.lookup(predicate)));
    }

    /** Runs {@code work} on the FX thread and waits for its answer; at once when called there. */
    public static <T> T onFxThread(Callable<T> work) {
        try {
            if (Platform.isFxApplicationThread()) {
                return work.call();
            }
            return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer a lookup within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query each of whose steps, and each of whose answers, is worked out on the FX thread. */
    private static final class OnFx implements NodeQuery {
        private final NodeQuery query;

        private OnFx(NodeQuery query) {
            this.query = query;
        }

        private NodeQuery next(NodeQuery step) {
            return step == query ? this : new OnFx(step);
        }

        @Override
        public NodeQuery from(Node... parentNodes) {
            return next(onFxThread(() -> query.from(parentNodes)));
        }

        @Override
        public NodeQuery from(Collection<Node> parentNodes) {
            return next(onFxThread(() -> query.from(parentNodes)));
        }

        @Override
        public NodeQuery lookup(String selector) {
            return next(onFxThread(() -> query.lookup(selector)));
        }

        @Override
        public <T> NodeQuery lookup(Matcher<T> matcher) {
            return next(onFxThread(() -> query.lookup(matcher)));
        }

        @Override
        public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
            return next(onFxThread(() -> query.lookup(predicate)));
        }

        @Override
        public NodeQuery lookup(Function<Node, Set<Node>> function) {
            return next(onFxThread(() -> query.lookup(function)));
        }

        @Override
        public <T> NodeQuery match(Matcher<T> matcher) {
            return next(onFxThread(() -> query.match(matcher)));
        }

        @Override
        public <T extends Node> NodeQuery match(Predicate<T> predicate) {
            return next(onFxThread(() -> query.match(predicate)));
        }

        @Override
        public NodeQuery nth(int index) {
            return next(onFxThread(() -> query.nth(index)));
        }

        @Override
        public <T extends Node> T query() {
            return onFxThread(query::query);
        }

        @Override
        public <T extends Node> T queryAs(Class<T> clazz) {
            return onFxThread(() -> query.queryAs(clazz));
        }

        @Override
        public <T extends Node> Optional<T> tryQuery() {
            return onFxThread(query::tryQuery);
        }

        @Override
        public <T extends Node> Optional<T> tryQueryAs(Class<T> clazz) {
            return onFxThread(() -> query.tryQueryAs(clazz));
        }

        @Override
        public <T extends Node> Set<T> queryAll() {
            return onFxThread(query::queryAll);
        }

        @Override
        public <T extends Node> Set<T> queryAllAs(Class<T> clazz) {
            return onFxThread(() -> query.queryAllAs(clazz));
        }
    }
}
