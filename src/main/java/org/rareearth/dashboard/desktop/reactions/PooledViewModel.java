package org.rareearth.dashboard.desktop.reactions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.analytics.PooledEventStudy;
import org.rareearth.dashboard.analytics.timeline.EventFilter;
import org.rareearth.dashboard.domain.Actor;
import org.rareearth.dashboard.domain.Category;
import org.rareearth.dashboard.service.PooledStudyService;

/**
 * Stock reactions > Pooled: two sets of events (say China's export controls against US price support) pooled over
 * the same securities, each computed off the FX thread through the service the {@code event-study-pooled} command
 * uses. State lives in properties; the view only binds. Needs no toolkit: tests give it plain executors.
 */
public final class PooledViewModel {
    /** The chart's window around day 0, as the single-event window shows. */
    public static final EventStudy.Window CHART_WINDOW = new EventStudy.Window(-10, 10);

    /** One set of events: the timeline's actor and category filters, or codes. */
    public static final class EventSet {
        private final javafx.beans.property.SimpleStringProperty name = new javafx.beans.property.SimpleStringProperty();
        public final ObservableList<Actor> actors = FXCollections.observableArrayList();
        public final ObservableList<Category> categories = FXCollections.observableArrayList();
        public final ObservableList<String> codes = FXCollections.observableArrayList();
        private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();

        EventSet(String name, List<Actor> actors, List<Category> categories) {
            this.name.set(name);
            this.actors.setAll(actors);
            this.categories.setAll(categories);
        }

        public String name() {
            return name.get();
        }

        /** The set's name as shown over its charts (it changes when the timeline's events are pooled). */
        public StringProperty nameProperty() {
            return name;
        }

        public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
            return outcome.getReadOnlyProperty();
        }

        /** A line that says which events the set takes. */
        public String describe() {
            if (!codes.isEmpty()) {
                return String.join(", ", codes);
            }
            String a = actors.isEmpty() ? "every actor" : String.join(", ", actors.stream().map(Actor::label).toList());
            String c = categories.isEmpty() ? "every category" : String.join(", ",
                    categories.stream().map(Category::label).toList());
            return a + " · " + c;
        }
    }

    /** A set's results: the chart's run (-10..+10) and the run over the test window, or the reason there are none. */
    public record Outcome(PooledEventStudy.Result chart, PooledEventStudy.Result tests, String problem) {}

    private final PooledStudyService service;
    private final Executor background;
    private final Executor ui;
    public final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final ObjectProperty<String> benchmark = new SimpleObjectProperty<>(PooledStudyService.AUTO);
    private final StringProperty testWindow = new SimpleStringProperty("-1:1");
    private final StringProperty estimation = new SimpleStringProperty("-250:-11");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicInteger generation = new AtomicInteger();
    public final EventSet first = new EventSet("China's export controls", List.of(Actor.CHINA),
            List.of(Category.EXPORT_CONTROL, Category.TECHNOLOGY_EXPORT_BAN));
    public final EventSet second = new EventSet("US investment and price support", List.of(Actor.UNITED_STATES),
            List.of(Category.INVESTMENT));

    /** {@code background} runs the studies; {@code ui} is where results land (the FX thread in the app). */
    public PooledViewModel(PooledStudyService service, Executor background, Executor ui) {
        this.service = service;
        this.background = background;
        this.ui = ui;
    }

    public ObjectProperty<String> benchmarkProperty() {
        return benchmark;
    }

    public StringProperty testWindowProperty() {
        return testWindow;
    }

    public StringProperty estimationProperty() {
        return estimation;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Says something in the message line (an empty state, say). */
    public void explain(String text) {
        message.set(text);
    }

    /**
     * Computes both sets. A computation started while another runs replaces it quietly: only the latest lands.
     * A bad window or no security is said in {@link #messageProperty()} and nothing runs.
     */
    public void compute() {
        EventStudy.Window tests;
        EventStudy.Window est;
        try {
            tests = EventStudy.Window.parse(testWindow.get());
            est = EventStudy.Window.parse(estimation.get());
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("Tick at least one security to pool its studies.");
            }
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        int mine = generation.incrementAndGet();
        List<String> syms = List.copyOf(symbols);
        String bench = benchmark.get();
        List<SetRequest> sets = List.of(request(first), request(second));
        running.set(true);
        message.set("Computing the pooled studies…");
        background.execute(() -> {
            Outcome a = outcome(sets.get(0), syms, bench, tests, est);
            Outcome b = outcome(sets.get(1), syms, bench, tests, est);
            ui.execute(() -> {
                if (mine != generation.get()) {
                    return; // superseded by a newer computation
                }
                first.outcome.set(a);
                second.outcome.set(b);
                running.set(false);
                message.set(summary(a, b));
            });
        });
    }

    /** A set's choice, copied on the FX thread for the background run. */
    private record SetRequest(List<String> codes, EventFilter filter) {}

    private static SetRequest request(EventSet s) {
        return new SetRequest(List.copyOf(s.codes), new EventFilter(new LinkedHashSet<>(s.actors),
                new LinkedHashSet<>(s.categories), Set.of(), "", null, null));
    }

    private Outcome outcome(SetRequest set, List<String> syms, String bench, EventStudy.Window tests,
                            EventStudy.Window est) {
        List<String> codes = set.codes();
        EventFilter filter = set.filter();
        String b = "none".equals(bench) ? null : bench;
        try {
            PooledEventStudy.Result chart = service.run(new PooledStudyService.Request(syms, codes, filter, b,
                    CHART_WINDOW, est));
            PooledEventStudy.Result t = service.run(new PooledStudyService.Request(syms, codes, filter, b, tests,
                    est));
            return new Outcome(chart, t, t.n() == 0 ? "No study could be computed: "
                    + (t.excluded().isEmpty() ? "no pair" : t.excluded().get(0).reason()) : null);
        } catch (RuntimeException e) {
            return new Outcome(null, null, e.getMessage());
        }
    }

    private static String summary(Outcome a, Outcome b) {
        int n = (a.tests() == null ? 0 : a.tests().n()) + (b.tests() == null ? 0 : b.tests().n());
        return n == 0 ? "No study could be computed: the securities need daily prices around the events (import"
                + " or download them)." : n + " studies pooled.";
    }
}
