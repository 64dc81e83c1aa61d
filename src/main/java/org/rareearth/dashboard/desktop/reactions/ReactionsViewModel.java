package org.rareearth.dashboard.desktop.reactions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.rareearth.dashboard.analytics.EventStudy;
import org.rareearth.dashboard.analytics.SessionOffset;
import org.rareearth.dashboard.desktop.common.Formats;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.service.EventStudyService;
import org.rareearth.dashboard.service.Workspace;

/**
 * The stock-reactions screen's state, without a toolkit: the records it shows (events, reported reactions,
 * securities and which of them have prices), read off the FX thread through a {@link LatestRead}; and the event
 * window's studies, computed off the FX thread by {@link EventStudyService} (the {@code event-study} command's
 * service, so the same event, security and benchmark give the same numbers), with progress, cancellation and the
 * rows done so far.
 */
public final class ReactionsViewModel {
    /** The window of the event-window chart, in trading days around day 0. */
    public static final EventStudy.Window CHART_WINDOW = new EventStudy.Window(-10, 10);
    /** The benchmark choice that takes the index of each security's own market. */
    public static final String AUTO = "auto: the index of its market";
    /** The benchmark choice for raw returns. */
    public static final String NONE = "none (raw returns)";
    static final String MARKET_VS = "market model vs ";

    /** What the screen reads from the store in one go. */
    public record Records(List<PolicyEvent> events, List<Reaction> reactions, List<Security> securities,
                          Map<String, LocalDate> lastPriceDates) {
        public Records {
            events = List.copyOf(events);
            reactions = List.copyOf(reactions);
            securities = List.copyOf(securities);
            lastPriceDates = Map.copyOf(lastPriceDates);
        }

        /** Reads them from the store (off the FX thread in the window). */
        public static Records read(Workspace services) {
            return new Records(services.events.all(), services.reactions.all(), services.securities.all(),
                    services.priceBars.lastDates());
        }

        public Optional<PolicyEvent> event(String code) {
            return events.stream().filter(e -> e.code().equals(code)).findFirst();
        }

        public Map<String, PolicyEvent> eventsByCode() {
            return events.stream().collect(Collectors.toMap(PolicyEvent::code, Function.identity(), (a, b) -> a));
        }

        /** The reported reactions to one event, or to every event when {@code only} is null. */
        public List<Reaction> reactionsTo(PolicyEvent only) {
            return reactions.stream().filter(r -> only == null || r.event().equals(only.code())).toList();
        }

        /** The symbols of the securities that are not benchmarks, in the store's order. */
        public List<String> equities() {
            return securities.stream().filter(s -> !s.benchmark()).map(Security::symbol).toList();
        }

        /** The equities with daily prices. */
        public List<String> pricedEquities() {
            return equities().stream().filter(lastPriceDates::containsKey).toList();
        }

        /** The benchmarks' symbols. */
        public List<String> benchmarks() {
            return securities.stream().filter(Security::benchmark).map(Security::symbol).toList();
        }

        /** The choices of the benchmark list: auto, none, then every benchmark. */
        public List<String> benchmarkChoices() {
            List<String> choices = new ArrayList<>(List.of(AUTO, NONE));
            choices.addAll(benchmarks());
            return choices;
        }

        /** The equities with a reported reaction to this event: the securities a first look at it ticks. */
        public List<String> reportedFor(PolicyEvent event) {
            List<String> equities = equities();
            return reactions.stream().filter(r -> r.event().equals(event.code())).map(Reaction::symbol)
                    .filter(equities::contains).distinct().toList();
        }
    }

    /** One line of the results table. */
    public record StudyRow(String symbol, String model, String day0, Double ar0, Double car11, Double t11,
                           Double car05, Double t05, String warnings, List<EventStudy.Day> line) {}

    /** The studies asked for: one event, these securities, a benchmark choice, abnormal or raw lines. */
    public record Request(PolicyEvent event, List<String> symbols, String benchmark, boolean abnormal) {
        public Request {
            symbols = List.copyOf(symbols);
        }
    }

    /**
     * What a computation gave: a row per security with prices, the securities without prices, the benchmarks
     * without prices, where downloaded prices came from; {@code cancelled} when the user stopped it (the rows are
     * those done so far), {@code failure} when it failed.
     */
    public record Studies(Request request, List<StudyRow> rows, List<String> missing, Set<String> benchmarksMissing,
                          Map<String, PriceFetch> fetched, boolean cancelled, String failure) {}

    private final LatestRead<Records> records;
    private final Supplier<EventStudyService.Batch> batches;
    private final Supplier<Map<String, PriceFetch>> fetches;
    private final Executor background;
    private final Executor ui;
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyObjectWrapper<Studies> studies = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private AtomicBoolean stop = new AtomicBoolean();
    private AtomicBoolean userCancelled = new AtomicBoolean();

    /**
     * {@code records} reads the screen's records, {@code batches} gives a study batch over the store and
     * {@code fetches} the latest download per symbol; they run on {@code background}, and what they give is
     * published on {@code ui} (the FX thread).
     */
    public ReactionsViewModel(Supplier<Records> records, Supplier<EventStudyService.Batch> batches,
                              Supplier<Map<String, PriceFetch>> fetches, Executor background, Executor ui) {
        this.records = new LatestRead<>("the stock reactions", records, background, ui);
        this.batches = batches;
        this.fetches = fetches;
        this.background = background;
        this.ui = ui;
    }

    /** The screen's models over a workspace. */
    public static ReactionsViewModel over(Workspace services, Executor background, Executor ui) {
        return new ReactionsViewModel(() -> Records.read(services), () -> services.eventStudies().batch(),
                services.priceFetches::latestBySymbol, background, ui);
    }

    /** The records the screen shows. */
    public LatestRead<Records> records() {
        return records;
    }

    /** The latest studies computed, or null before any (or when no event is picked). */
    public ReadOnlyObjectProperty<Studies> studiesProperty() {
        return studies.getReadOnlyProperty();
    }

    /** From 0 to 1 while studies are being computed. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while studies are being computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /**
     * Computes the studies asked for, off the FX thread; a computation still running stops quietly and its rows
     * are never shown. A request without an event clears the studies.
     */
    public void compute(Request request) {
        int g = generation.incrementAndGet();
        stop.set(true);
        if (request.event() == null) {
            studies.set(null);
            computing.set(false);
            return;
        }
        AtomicBoolean myStop = new AtomicBoolean();
        AtomicBoolean myCancel = new AtomicBoolean();
        stop = myStop;
        userCancelled = myCancel;
        computing.set(true);
        progress.set(0);
        background.execute(() -> {
            Studies result;
            try {
                result = run(request, batches.get(), myStop::get,
                        p -> ui.execute(() -> {
                            if (g == generation.get()) {
                                progress.set(p);
                            }
                        }));
                result = new Studies(request, result.rows(), result.missing(), result.benchmarksMissing(),
                        myStop.get() ? Map.of() : fetches.get(), myCancel.get(), null);
            } catch (RuntimeException e) {
                result = new Studies(request, List.of(), List.of(), Set.of(), Map.of(), false,
                        org.rareearth.dashboard.desktop.common.Background.messageOf(e));
            }
            Studies done = result;
            ui.execute(() -> {
                if (g == generation.get()) {
                    computing.set(false);
                    progress.set(1);
                    studies.set(done);
                }
            });
        });
    }

    /** Stops the computation under way; the rows done so far are shown, marked as cancelled. */
    public void cancel() {
        if (computing.get()) {
            userCancelled.set(true);
            stop.set(true);
        }
    }

    /**
     * The studies of one request over a batch, on the calling thread: what the event window shows for it. Stops
     * between securities when {@code stopped} says so; {@code progress} hears the share done.
     */
    public static Studies run(Request request, EventStudyService.Batch batch, BooleanSupplier stopped,
                              DoubleConsumer progress) {
        PolicyEvent event = request.event();
        List<Security> all = batch.securities();
        Map<String, Security> bySymbol = all.stream().collect(Collectors.toMap(Security::symbol, Function.identity()));
        List<StudyRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> benchMissing = new TreeSet<>();
        int done = 0;
        for (String sym : request.symbols()) {
            progress.accept((double) done++ / request.symbols().size());
            if (stopped.getAsBoolean()) {
                break;
            }
            Security sec = bySymbol.get(sym);
            if (sec == null || batch.bars(sym).size() < 2) {
                missing.add(sym);
                continue;
            }
            int offset = SessionOffset.of(event.actor(), sec.exchange());
            String bench = EventStudyService.benchmarkFor(AUTO.equals(request.benchmark()) ? EventStudyService.AUTO
                    : NONE.equals(request.benchmark()) ? null : request.benchmark(), sec, all);
            if (bench != null && batch.bars(bench).size() < 2) {
                benchMissing.add(bench);
            }
            rows.add(study(batch, sym, bench, event, offset, request.abnormal()));
        }
        return new Studies(request, List.copyOf(rows), List.copyOf(missing), Set.copyOf(benchMissing), Map.of(),
                false, null);
    }

    private static StudyRow study(EventStudyService.Batch batch, String sym, String bench, PolicyEvent event,
                                  int offset, boolean abnormal) {
        List<EventStudy.Day> rawLine;
        try {
            rawLine = batch.rawWindow(sym, event.announced(), offset, CHART_WINDOW);
        } catch (IllegalArgumentException e) {
            return new StudyRow(sym, "—", "—", null, null, null, null, null, e.getMessage(), List.of());
        }
        String day0 = rawLine.stream().filter(d -> d.offset() == 0).map(d -> Formats.day(d.date())).findFirst()
                .orElse("—") + (offset == 0 ? "" : " (+" + offset + " session)");
        try {
            EventStudy.Result r = batch.study(sym, bench, event.announced(), offset, CHART_WINDOW,
                    EventStudyService.ESTIMATION);
            List<EventStudy.Day> line = abnormal ? r.days() : rawLine;
            String model = !r.raw() ? MARKET_VS + bench
                    : bench == null ? "raw: no benchmark" : "raw: no prices for " + bench;
            return new StudyRow(sym, model, day0, r.ar(0), r.car(-1, 1), r.tStat(-1, 1), r.car(0, 5), r.tStat(0, 5),
                    String.join("\n", r.warnings()), line);
        } catch (IllegalArgumentException e) {
            // No model: the raw line can still be drawn, and the table says why there are no statistics.
            return new StudyRow(sym, "raw: no model (hover)", day0, null, null, null, null, null, e.getMessage(),
                    rawLine);
        }
    }

    /** True when the row's line is abnormal returns against a benchmark (not a raw line). */
    static boolean isAbnormal(StudyRow r, boolean abnormalAsked) {
        return abnormalAsked && r.ar0() != null && !r.model().startsWith("raw");
    }
}
