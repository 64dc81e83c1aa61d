package org.rareearth.dashboard.desktop.prices;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.io.quotes.QuoteSource;
import org.rareearth.dashboard.service.FeedSettings;
import org.rareearth.dashboard.service.PriceFeedService;
import org.rareearth.dashboard.desktop.common.Formats;

/**
 * Downloading daily prices from the desktop app: the question asked before the first download, the run itself
 * (off the FX thread, through the service the {@code fetch-prices} command uses) with its progress and Cancel,
 * and the "last fetched" line. State lives in properties, set on the {@code ui} executor; needs no toolkit, so
 * tests give it plain executors.
 */
public final class PriceUpdateViewModel {
    private final PriceFeedService service;
    private final FeedSettings settings;
    private final Function<String, Optional<QuoteSource>> sources;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastFetched = new ReadOnlyStringWrapper("");
    private volatile boolean cancelled;

    public PriceUpdateViewModel(PriceFeedService service, FeedSettings settings,
                                Function<String, Optional<QuoteSource>> sources, Executor background, Executor ui) {
        this.service = service;
        this.settings = settings;
        this.sources = sources;
        this.background = background;
        this.ui = ui;
    }

    public FeedSettings settings() {
        return settings;
    }

    /** The source downloads use (the settings' choice). */
    public QuoteSource source() {
        return sources.apply(settings.source()).orElseThrow();
    }

    /** True until the user has allowed downloads (or after they turned them off). */
    public boolean needsConsent() {
        return !settings.downloadsAllowed().orElse(false);
    }

    /** The question asked before the first download: which source, and what goes to it. */
    public String consentQuestion() {
        QuoteSource s = source();
        return "Rare Earth Dashboard works offline. To download daily prices it sends " + s.whatIsSent() + ", one"
                + " request at a time. Nothing else is sent, and nothing is sent until you press Update prices."
                + "\n\nYour answer is remembered; you can turn downloads off again in File > Download settings.";
    }

    public String consentTitle() {
        return "Download daily prices from " + QuoteTickers.displayName(source().id()) + "?";
    }

    public void allow() {
        settings.setDownloadsAllowed(true);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 over the securities of a run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "MP (2 of 12)…" while a run is on. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** "Prices last fetched 1 Dec 2026 (Yahoo Finance)", or empty when none were. */
    public ReadOnlyStringProperty lastFetchedProperty() {
        return lastFetched.getReadOnlyProperty();
    }

    /**
     * Starts a download of {@code symbols} (or all securities); {@code done} gets the report on the ui executor.
     * Ignored while one is running. The caller asks for consent first ({@link #needsConsent}).
     */
    public void update(List<String> symbols, boolean all, Consumer<PriceFeedService.Report> done,
                       Consumer<RuntimeException> failed) {
        if (running.get()) {
            return;
        }
        if (needsConsent()) {
            throw new IllegalStateException("downloads are not allowed in the settings");
        }
        QuoteSource src = source();
        cancelled = false;
        running.set(true);
        progress.set(0);
        progressText.set("Asking " + QuoteTickers.displayName(src.id()) + "…");
        background.execute(() -> {
            try {
                PriceFeedService.Report r = service.fetch(src, new PriceFeedService.Request(symbols, all, null, null,
                        settings.endpoint().orElse(null)), new PriceFeedService.Listener() {
                            @Override
                            public void started(String symbol, int index, int count) {
                                ui.execute(() -> progressText.set(symbol + " (" + (index + 1) + " of " + count + ")…"));
                            }

                            @Override
                            public void finished(String symbol, int index, int count) {
                                ui.execute(() -> progress.set((index + 1) / (double) count));
                            }
                        }, () -> cancelled);
                Optional<PriceFetch> latest = service.latestFetch();
                ui.execute(() -> {
                    running.set(false);
                    progressText.set("");
                    lastFetched.set(describe(latest));
                    done.accept(r);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    running.set(false);
                    progressText.set("");
                    failed.accept(e);
                });
            }
        });
    }

    /** Stops after the security being downloaded; it and those after it are not written. */
    public void cancel() {
        cancelled = true;
    }

    /** Reads when prices were last downloaded (off the ui thread). */
    public void loadLastFetched() {
        background.execute(() -> {
            Optional<PriceFetch> latest;
            try {
                latest = service.latestFetch();
            } catch (RuntimeException e) {
                return; // the store went away (the window closed): nothing to show
            }
            ui.execute(() -> lastFetched.set(describe(latest)));
        });
    }

    static String describe(Optional<PriceFetch> latest) {
        return latest.map(f -> "Prices last fetched " + Formats.day(f.fetchedAt().atZone(ZoneId.systemDefault())
                .toLocalDate()) + " (" + QuoteTickers.displayName(f.source()) + ")").orElse("");
    }

    /** One line for the status bar after a run. */
    public static String summary(PriceFeedService.Report r) {
        long rows = r.results().stream().mapToLong(PriceFeedService.Result::rows).sum();
        long added = r.results().stream().mapToLong(PriceFeedService.Result::inserted).sum();
        String name = QuoteTickers.displayName(r.source());
        return (r.cancelled() ? "Download cancelled: " : "Downloaded from " + name + ": ") + r.results().size()
                + " securit" + (r.results().size() == 1 ? "y" : "ies") + " updated (" + rows + " days, " + added
                + " new)" + (r.failed().isEmpty() ? "" : ", " + r.failed().size() + " not");
    }

    /** Where a security's stored prices came from, for the line shown with its series. */
    public static String provenance(PriceFetch f) {
        return QuoteTickers.displayName(f.source()) + " (" + f.ticker() + "), fetched "
                + Formats.day(f.fetchedAt().atZone(ZoneId.systemDefault()).toLocalDate());
    }
}
