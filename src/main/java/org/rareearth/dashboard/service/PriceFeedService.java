package org.rareearth.dashboard.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFetch;
import org.rareearth.dashboard.domain.QuoteTickers;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.prices.PriceRules;
import org.rareearth.dashboard.io.quotes.QuoteBar;
import org.rareearth.dashboard.io.quotes.QuoteClient;
import org.rareearth.dashboard.io.quotes.QuoteException;
import org.rareearth.dashboard.io.quotes.QuoteSeries;
import org.rareearth.dashboard.io.quotes.QuoteSource;
import org.rareearth.dashboard.store.PriceBarRepository;
import org.rareearth.dashboard.store.PriceFetchRepository;
import org.rareearth.dashboard.store.SecurityRepository;

/**
 * Daily prices from a quote source into the store, one security at a time: the security's ticker at the source,
 * the range to ask for (from a few sessions before its last stored bar, so that revisions replace stored rows, or
 * its whole history), the download, the same rules every imported bar meets, and one transaction per security
 * (all of its bars and the record of the download, or nothing). A security that fails is reported and the others
 * go on. The command line and the desktop app both call this.
 */
public final class PriceFeedService {
    /** How far before the last stored bar an update starts: a week covers the last five sessions. */
    public static final int OVERLAP_DAYS = 7;

    /** What to fetch: securities by symbol (or all), the range (nulls: incremental, to today) and the endpoint. */
    public record Request(List<String> symbols, boolean all, LocalDate from, LocalDate to, URI endpoint) {
        public Request {
            symbols = List.copyOf(symbols);
        }
    }

    /** One security's download that was written. */
    public record Result(String symbol, String ticker, long rows, long inserted, long updated, LocalDate from,
                         LocalDate to, long holidays) {}

    /** One security that was not written, and why. */
    public record Failure(String symbol, String reason) {}

    /** The whole run: what was written, what was not, and whether it was cancelled before the end. */
    public record Report(String source, List<Result> results, List<Failure> failed, boolean cancelled) {}

    /** Told of each security as it starts and ends, for progress. */
    public interface Listener {
        default void started(String symbol, int index, int count) {}

        default void finished(String symbol, int index, int count) {}
    }

    private final SecurityRepository securities;
    private final PriceBarRepository bars;
    private final PriceFetchRepository fetches;
    private final QuoteClient client;
    private final Clock clock;

    public PriceFeedService(SecurityRepository securities, PriceBarRepository bars, PriceFetchRepository fetches,
                            QuoteClient client, Clock clock) {
        this.securities = securities;
        this.bars = bars;
        this.fetches = fetches;
        this.client = client;
        this.clock = clock;
    }

    /** The securities a request names, in its order (all of them, in symbol order, for {@code all}). */
    public List<String> symbolsOf(Request r) {
        if (r.all()) {
            return securities.all().stream().map(Security::symbol).toList();
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(r.symbols()));
    }

    public Report fetch(QuoteSource source, Request r, Listener listener, BooleanSupplier cancelled) {
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            throw new IllegalArgumentException("the range starts (" + r.from() + ") after it ends (" + r.to() + ")");
        }
        URI endpoint = r.endpoint() != null ? r.endpoint() : source.defaultEndpoint();
        LocalDate to = r.to() != null ? r.to() : AppClock.today();
        Map<String, Security> known = new LinkedHashMap<>();
        for (Security s : securities.all()) {
            known.put(s.symbol(), s);
        }
        Map<String, LocalDate> last = bars.lastDates();
        List<String> symbols = symbolsOf(r);
        List<Result> results = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        boolean wasCancelled = false;
        for (int i = 0; i < symbols.size(); i++) {
            String symbol = symbols.get(i);
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
                addCancelled(symbols.subList(i, symbols.size()), failed);
                break;
            }
            listener.started(symbol, i, symbols.size());
            try {
                Security s = known.get(symbol);
                if (s == null) {
                    // "mp" for MP, when only one stored symbol matches that way.
                    List<Security> alike = known.values().stream().filter(x -> x.symbol().equalsIgnoreCase(symbol))
                            .toList();
                    s = alike.size() == 1 ? alike.get(0) : null;
                }
                if (s == null) {
                    failed.add(new Failure(symbol, "unknown security; add it in Data > Securities first"));
                    continue;
                }
                results.add(one(source, endpoint, s, rangeStart(r.from(), last.get(symbol), to), to, cancelled));
            } catch (QuoteException e) {
                failed.add(new Failure(symbol, e.getMessage() + "; nothing was written for " + symbol));
            } catch (CancellationException e) {
                wasCancelled = true;
                addCancelled(symbols.subList(i, symbols.size()), failed);
                break;
            } finally {
                listener.finished(symbol, i, symbols.size());
            }
        }
        return new Report(source.id(), List.copyOf(results), List.copyOf(failed), wasCancelled);
    }

    private static void addCancelled(List<String> rest, List<Failure> failed) {
        for (String s : rest) {
            failed.add(new Failure(s, "cancelled before its prices were written; nothing was written for " + s));
        }
    }

    /**
     * The explicit start, else a week before the last stored bar, else the whole history (null); also the whole
     * history when the stored bars start after the range ends (an explicit {@code --to} in the past).
     */
    static LocalDate rangeStart(LocalDate from, LocalDate lastStored, LocalDate to) {
        if (from != null) {
            return from;
        }
        LocalDate start = lastStored == null ? null : lastStored.minusDays(OVERLAP_DAYS);
        return start != null && start.isAfter(to) ? null : start;
    }

    private Result one(QuoteSource source, URI endpoint, Security s, LocalDate from, LocalDate to,
                       BooleanSupplier cancelled) {
        String name = QuoteTickers.displayName(source.id());
        String ticker = QuoteTickers.tickerFor(s, source.id()).orElseThrow(() -> new QuoteException(
                QuoteException.Kind.UNKNOWN_TICKER, "no " + name + " ticker is known for " + s.symbol() + " ("
                + (s.exchange() == null ? "no exchange" : s.exchange()) + "); set one in Data > Securities"));
        QuoteSeries series = client.fetch(source, endpoint, ticker, from, to, cancelled);
        checkCurrency(name, s, series);
        List<PriceBar> keep = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        long holidays = 0;
        List<String> problems = new ArrayList<>();
        for (QuoteBar b : series.bars()) {
            if (from != null && b.date().isBefore(from) || b.date().isAfter(to)) {
                continue;
            }
            String problem = problem(b);
            if (problem == null && !seen.add(b.date())) {
                problem = b.date() + ": the same date appears twice in the answer";
            }
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            if (b.close() == null) {
                holidays++; // a listed day without a price: nothing to store, nothing wrong
                continue;
            }
            keep.add(new PriceBar(s.symbol(), b.date(), b.open(), b.high(), b.low(), b.close(), b.adjClose(),
                    b.volume() == null ? null : Math.round(b.volume()), null));
        }
        if (!problems.isEmpty()) {
            throw new QuoteException(QuoteException.Kind.MALFORMED, name + " sent " + problems.size() + " bar"
                    + (problems.size() == 1 ? "" : "s") + " for " + ticker + " that fail the import rules ("
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : "") + ")");
        }
        if (keep.isEmpty()) {
            throw new QuoteException(QuoteException.Kind.UNKNOWN_TICKER, name + " has no prices for " + ticker
                    + (from == null ? " up to " + to : " from " + from + " to " + to)
                    + (holidays > 0 ? " (only days without trading)" : ""));
        }
        keep.sort(java.util.Comparator.comparing(PriceBar::date));
        LocalDate first = keep.get(0).date();
        LocalDate lastDate = keep.get(keep.size() - 1).date();
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PriceFetch record = new PriceFetch(s.symbol(), source.id(), ticker, at, first, lastDate, keep.size(), 0, 0);
        PriceFetchRepository.Written w = fetches.write(keep, record, name + ": " + ticker);
        return new Result(s.symbol(), ticker, keep.size(), w.inserted(), w.updated(), first, lastDate, holidays);
    }

    /** The import rules, applied to a downloaded bar; the reason names the date and the field. */
    static String problem(QuoteBar b) {
        String wrong = PriceRules.date(b.date());
        if (wrong != null) {
            return b.date() + ": " + wrong;
        }
        Object[][] prices = {{"open", b.open()}, {"high", b.high()}, {"low", b.low()}, {"close", b.close()},
                {"adjusted close", b.adjClose()}};
        for (Object[] p : prices) {
            wrong = PriceRules.price((Double) p[1]);
            if (wrong != null) {
                return b.date() + ": " + p[0] + " " + p[1] + ": " + wrong;
            }
        }
        wrong = PriceRules.volume(b.volume());
        if (wrong != null) {
            return b.date() + ": volume " + b.volume() + ": " + wrong;
        }
        wrong = PriceRules.lowHigh(b.high(), b.low());
        return wrong == null ? null : b.date() + ": low " + b.low() + ": " + wrong;
    }

    /** A series priced in another currency (or in its minor unit, GBp for GBP) would mix units with stored bars. */
    private static void checkCurrency(String name, Security s, QuoteSeries series) {
        String c = series.currency();
        if (c == null || s.currency() == null || c.equals(s.currency())
                || c.equals(s.currency().toUpperCase(Locale.ROOT))) {
            return;
        }
        throw new QuoteException(QuoteException.Kind.MALFORMED, name + " prices " + series.ticker() + " in " + c
                + " but " + s.symbol() + " is recorded in " + s.currency() + "; correct the security's currency or"
                + " its ticker");
    }

    /** When each security's prices were last downloaded. */
    public Map<String, PriceFetch> latestFetches() {
        return fetches.latestBySymbol();
    }

    public Optional<PriceFetch> latestFetch() {
        return fetches.latest();
    }
}
