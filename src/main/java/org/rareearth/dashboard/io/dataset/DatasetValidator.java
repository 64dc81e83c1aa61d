package org.rareearth.dashboard.io.dataset;

import org.rareearth.dashboard.io.DataFileException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.Quota;
import org.rareearth.dashboard.domain.StageShare;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.domain.TargetRevision;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.PriceBar;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.Reaction;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.domain.Stake;

/**
 * Checks a dataset before anything is written: required fields, real dates in order, positive prices, known
 * codes, references that resolve and no duplicate keys. Every problem names its JSON path and field.
 */
public final class DatasetValidator {

    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
    public static final Set<String> UNITS = Set.of("t", "kg", "lb");
    public static final Set<String> STATUSES = Set.of("announced", "in-force", "suspended", "ended");
    public static final Set<String> CONFIDENCE = Set.of("S", "U", "calc");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.^=_-]{1,32}");
    private static final int MAX_REPORTED = 50;

    private final List<String> problems = new ArrayList<>();

    private DatasetValidator() {}

    /**
     * Validates {@code d}; {@code knownSymbols} and {@code knownEvents} are what the target store already holds
     * (empty when it will be replaced). Throws a {@link DataFileException} listing every problem.
     */
    public static void check(Dataset d, String fileName, Set<String> knownSymbols, Set<String> knownEvents) {
        check(d, fileName, knownSymbols, knownEvents, Set.of());
    }

    /** The same, with the price-floor programmes the target store holds (capacity projects may name one). */
    public static void check(Dataset d, String fileName, Set<String> knownSymbols, Set<String> knownEvents,
                             Set<String> knownFloors) {
        DatasetValidator v = new DatasetValidator();
        v.run(d, knownSymbols, knownEvents, knownFloors);
        if (!v.problems.isEmpty()) {
            List<String> located = v.problems.stream().map(p -> fileName + ": " + p).toList();
            String head = located.size() == 1 ? located.get(0)
                    : fileName + ": " + located.size() + " problems; nothing was imported:\n  "
                    + String.join("\n  ", located.subList(0, Math.min(MAX_REPORTED, located.size())))
                    + (located.size() > MAX_REPORTED ? "\n  …" : "");
            throw new DataFileException(head, located);
        }
    }

    private void run(Dataset d, Set<String> knownSymbols, Set<String> knownEvents, Set<String> knownFloors) {
        controls("securities", d.securities());
        controls("priceBars", d.priceBars());
        controls("events", d.events());
        controls("reactions", d.reactions());
        controls("assessments", d.assessments());
        controls("fxRates", d.fxRates());
        controls("floors", d.floors());
        controls("stakes", d.stakes());
        controls("capacityProjects", d.capacityProjects());
        controls("stageShares", d.stageShares());
        controls("quotas", d.quotas());
        for (int i = 0; i < d.capacityProjects().size(); i++) {
            CapacityProject p = d.capacityProjects().get(i);
            if (p != null) {
                controls("capacityProjects[" + i + "].targets", p.targets());
            }
        }
        if (d.format() != null && !Dataset.FORMAT.equals(d.format())) {
            problems.add("$.format: expected \"" + Dataset.FORMAT + "\", found \"" + d.format() + "\"");
        }
        if (d.version() != null && (d.version() < 1 || d.version() > Dataset.VERSION)) {
            problems.add("$.version: this app reads dataset version " + Dataset.VERSION + ", found " + d.version());
        }
        Set<String> symbols = new HashSet<>(knownSymbols);
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < d.securities().size(); i++) {
            String at = "$.securities[" + i + "]";
            Security s = d.securities().get(i);
            if (s == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            if (required(at, "symbol", s.symbol()) && !SYMBOL.matcher(s.symbol()).matches()) {
                problems.add(at + ".symbol: '" + s.symbol() + "' is not a ticker symbol (letters, digits, . ^ = _ -)");
            }
            required(at, "name", s.name());
            required(at, "exchange", s.exchange());
            currency(at, "currency", s.currency());
            required(at, "source", s.source());
            url(at, s.sourceUrl());
            confidence(at, s.confidence());
            tickers(at, s);
            unique(seen, "security", s.symbol(), at);
            if (s.symbol() != null) {
                symbols.add(s.symbol());
            }
        }
        Set<String> events = new HashSet<>(knownEvents);
        seen.clear();
        for (int i = 0; i < d.events().size(); i++) {
            String at = "$.events[" + i + "]";
            PolicyEvent e = d.events().get(i);
            if (e == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            if (required(at, "code", e.code()) && !CODE.matcher(e.code()).matches()) {
                problems.add(at + ".code: '" + e.code() + "' must be lower-case letters, digits and dashes");
            }
            if (e.actor() == null) {
                problems.add(at + ".actor: missing (one of " + org.rareearth.dashboard.domain.Actor.knownCodes() + ")");
            }
            if (e.category() == null) {
                problems.add(at + ".category: missing (one of "
                        + org.rareearth.dashboard.domain.Category.knownCodes() + ")");
            }
            required(at, "title", e.title());
            for (int j = 0; j < e.related().size(); j++) {
                String r = e.related().get(j);
                if (r == null || !CODE.matcher(r).matches()) {
                    problems.add(at + ".related[" + j + "]: '" + r + "' is not an event code (lower-case letters,"
                            + " digits and dashes)");
                } else if (r.equals(e.code())) {
                    problems.add(at + ".related[" + j + "]: an event cannot name itself");
                }
            }
            required(at, "source", e.source());
            url(at, e.sourceUrl());
            confidence(at, e.confidence());
            if (required(at, "status", e.status()) && !STATUSES.contains(e.status())) {
                problems.add(at + ".status: unknown status '" + e.status() + "' (known: announced, in-force,"
                        + " suspended, ended)");
            }
            if (date(at, "announced", e.announced(), true)) {
                after(at, "effective", e.effective(), "announced", e.announced());
            }
            date(at, "effective", e.effective(), false);
            date(at, "ends", e.ends(), false);
            after(at, "ends", e.ends(), "effective", e.effective() != null ? e.effective() : e.announced());
            date(at, "suspendedFrom", e.suspendedFrom(), false);
            date(at, "suspendedUntil", e.suspendedUntil(), false);
            after(at, "suspendedUntil", e.suspendedUntil(), "suspendedFrom", e.suspendedFrom());
            for (int m = 0; m < e.materials().size(); m++) {
                required(at + ".materials", "[" + m + "]", e.materials().get(m));
            }
            unique(seen, "event", e.code(), at);
            if (e.code() != null) {
                events.add(e.code());
            }
        }
        seen.clear();
        for (int i = 0; i < d.priceBars().size(); i++) {
            String at = "$.priceBars[" + i + "]";
            PriceBar b = d.priceBars().get(i);
            if (b == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            reference(at, "symbol", b.symbol(), symbols, "security");
            date(at, "date", b.date(), true);
            positive(at, "close", b.close(), true);
            positive(at, "open", b.open(), false);
            positive(at, "high", b.high(), false);
            positive(at, "low", b.low(), false);
            positive(at, "adjClose", b.adjClose(), false);
            if (b.low() != null && b.high() != null && b.low() > b.high()) {
                problems.add(at + ".low: " + b.low() + " is above high " + b.high());
            }
            if (b.volume() != null && b.volume() < 0) {
                problems.add(at + ".volume: negative (" + b.volume() + ")");
            }
            unique(seen, "price bar", b.symbol() + " " + b.date(), at);
        }
        seen.clear();
        for (int i = 0; i < d.reactions().size(); i++) {
            String at = "$.reactions[" + i + "]";
            Reaction r = d.reactions().get(i);
            if (r == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            reference(at, "symbol", r.symbol(), symbols, "security");
            reference(at, "event", r.event(), events, "event");
            date(at, "date", r.date(), true);
            if (required(at, "measure", r.measure()) && !Reaction.MEASURES.contains(r.measure())) {
                problems.add(at + ".measure: unknown measure '" + r.measure() + "' (known: "
                        + String.join(", ", Reaction.MEASURES) + ")");
            }
            if (r.percent() == null) {
                problems.add(at + ".percent: missing");
            } else if (!Double.isFinite(r.percent()) || r.percent() <= -100) {
                problems.add(at + ".percent: " + r.percent() + " is not a possible move (must be above -100)");
            }
            positive(at, "fromPrice", r.fromPrice(), false);
            positive(at, "toPrice", r.toPrice(), false);
            required(at, "source", r.source());
            url(at, r.sourceUrl());
            confidence(at, r.confidence());
            unique(seen, "reaction", r.symbol() + " " + r.event() + " " + r.measure() + " " + r.date(), at);
        }
        seen.clear();
        for (int i = 0; i < d.assessments().size(); i++) {
            String at = "$.assessments[" + i + "]";
            PriceAssessment a = d.assessments().get(i);
            if (a == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            required(at, "commodity", a.commodity());
            date(at, "date", a.date(), true);
            boolean lowOk = positive(at, "low", a.low(), true);
            boolean highOk = positive(at, "high", a.high(), true);
            if (lowOk && highOk && a.low() > a.high()) {
                problems.add(at + ".low: " + a.low() + " is above high " + a.high());
            }
            currency(at, "currency", a.currency());
            unit(at, a.unit());
            if (a.vatIncluded() == null) {
                problems.add(at + ".vatIncluded: missing (true or false)");
            }
            required(at, "basis", a.basis());
            required(at, "source", a.source());
            url(at, a.sourceUrl());
            confidence(at, a.confidence());
            unique(seen, "assessment", a.commodity() + " " + a.date() + " " + a.basis() + " " + a.source(), at);
        }
        seen.clear();
        for (int i = 0; i < d.fxRates().size(); i++) {
            String at = "$.fxRates[" + i + "]";
            FxRate r = d.fxRates().get(i);
            if (r == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            if (required(at, "pair", r.pair())) {
                String[] parts = r.pair().split("/", -1);
                if (parts.length != 2 || !isCurrency(parts[0]) || !isCurrency(parts[1])) {
                    problems.add(at + ".pair: '" + r.pair() + "' is not a currency pair such as USD/CNY");
                }
            }
            date(at, "date", r.date(), true);
            positive(at, "rate", r.rate(), true);
            required(at, "source", r.source());
            url(at, r.sourceUrl());
            confidence(at, r.confidence());
            unique(seen, "FX rate", r.pair() + " " + r.date(), at);
        }
        seen.clear();
        for (int i = 0; i < d.floors().size(); i++) {
            String at = "$.floors[" + i + "]";
            PriceFloor f = d.floors().get(i);
            if (f == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            required(at, "program", f.program());
            required(at, "commodity", f.commodity());
            positive(at, "level", f.level(), true);
            currency(at, "currency", f.currency());
            unit(at, f.unit());
            date(at, "start", f.start(), true);
            date(at, "end", f.end(), false);
            after(at, "end", f.end(), "start", f.start());
            positive(at, "volume", f.volume(), false);
            positive(at, "upsideFrom", f.upsideFrom(), false);
            if (f.upsideCap() != null && !(f.upsideCap() >= 0 && Double.isFinite(f.upsideCap()))) {
                problems.add(at + ".upsideCap: " + f.upsideCap() + " is not an amount of zero or more");
            }
            if (f.upsideFrom() != null && f.level() != null && f.upsideFrom() < f.level()) {
                problems.add(at + ".upsideFrom: " + f.upsideFrom() + " is below the floor level " + f.level());
            }
            if (f.upsideShare() != null && !(f.upsideShare() >= 0 && f.upsideShare() <= 1)) {
                problems.add(at + ".upsideShare: " + f.upsideShare() + " is not a share between 0 and 1");
            }
            required(at, "source", f.source());
            url(at, f.sourceUrl());
            confidence(at, f.confidence());
            unique(seen, "floor", f.program(), at);
        }
        seen.clear();
        for (int i = 0; i < d.stakes().size(); i++) {
            String at = "$.stakes[" + i + "]";
            Stake k = d.stakes().get(i);
            if (k == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            required(at, "holder", k.holder());
            reference(at, "symbol", k.symbol(), symbols, "security");
            if (k.event() != null && !k.event().isBlank()) {
                reference(at, "event", k.event(), events, "event");
            }
            date(at, "date", k.date(), true);
            if (k.amount() == null && k.percent() == null) {
                problems.add(at + ".amount: give the amount paid, the share held (percent), or both");
            }
            if (positive(at, "amount", k.amount(), false) || k.currency() != null) {
                currency(at, "currency", k.currency());
            }
            if (k.percent() != null && !(k.percent() > 0 && k.percent() <= 100)) {
                problems.add(at + ".percent: " + k.percent() + " is not a share of a company (above 0, at most 100)");
            }
            required(at, "source", k.source());
            url(at, k.sourceUrl());
            confidence(at, k.confidence());
            unique(seen, "stake", k.holder() + " " + k.symbol() + " " + k.date(), at);
        }
        Set<String> floors = new HashSet<>(knownFloors);
        d.floors().stream().filter(f -> f != null && f.program() != null).forEach(f -> floors.add(f.program()));
        supplyChain(d, events, floors);
    }

    private static final Pattern AS_OF = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private void supplyChain(Dataset d, Set<String> events, Set<String> floors) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < d.capacityProjects().size(); i++) {
            String at = "$.capacityProjects[" + i + "]";
            CapacityProject p = d.capacityProjects().get(i);
            if (p == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            if (required(at, "id", p.id()) && !CODE.matcher(p.id()).matches()) {
                problems.add(at + ".id: '" + p.id() + "' must be lower-case letters, digits and dashes");
            }
            required(at, "operator", p.operator());
            required(at, "facility", p.facility());
            required(at, "country", p.country());
            oneOf(at, "stage", p.stage(), SupplyChain.STAGES);
            oneOf(at, "status", p.status(), SupplyChain.STATUSES);
            if (positive(at, "capacity", p.capacity(), false) || p.unit() != null || p.product() != null) {
                if (required(at, "unit", p.unit()) && SupplyChain.tonnesFactor(p.unit()) == null) {
                    problems.add(at + ".unit: '" + p.unit() + "' is not a capacity unit (use "
                            + String.join(" or ", new java.util.TreeSet<>(SupplyChain.UNITS.keySet())) + ")");
                }
                required(at, "product", p.product());
            }
            if (positive(at, "capacityHigh", p.capacityHigh(), false)) {
                if (p.capacity() == null) {
                    problems.add(at + ".capacityHigh: the top of a range needs its bottom (capacity)");
                } else if (p.capacityHigh() < p.capacity()) {
                    problems.add(at + ".capacityHigh: " + p.capacityHigh() + " is below capacity " + p.capacity());
                }
            }
            year(at, "firstOutputYear", p.firstOutputYear(), false);
            if (year(at, "constructionStart", p.constructionStart(), false) && p.firstOutputYear() != null
                    && p.constructionStart() > p.firstOutputYear()) {
                problems.add(at + ".constructionStart: " + p.constructionStart() + " is after the first-output year "
                        + p.firstOutputYear());
            }
            if (p.event() != null && !p.event().isBlank()) {
                reference(at, "event", p.event(), events, "event");
            }
            if (p.floor() != null && !p.floor().isBlank()) {
                reference(at, "floor", p.floor(), floors, "price floor");
            }
            for (int j = 0; j < p.targets().size(); j++) {
                String t = at + ".targets[" + j + "]";
                TargetRevision r = p.targets().get(j);
                if (r == null) {
                    problems.add(t + ": empty entry");
                    continue;
                }
                if (required(t, "asOf", r.asOf()) && !asOf(r.asOf())) {
                    problems.add(t + ".asOf: '" + r.asOf() + "' is not a year, month or day (yyyy, yyyy-mm or"
                            + " yyyy-mm-dd)");
                }
                year(t, "year", r.year(), true);
                required(t, "source", r.source());
                url(t, r.sourceUrl());
            }
            required(at, "source", p.source());
            url(at, p.sourceUrl());
            confidence(at, p.confidence());
            unique(seen, "capacity project", p.id(), at);
        }
        seen.clear();
        for (int i = 0; i < d.stageShares().size(); i++) {
            String at = "$.stageShares[" + i + "]";
            StageShare x = d.stageShares().get(i);
            if (x == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            oneOf(at, "stage", x.stage(), SupplyChain.STAGES);
            year(at, "year", x.year(), true);
            if (x.share() == null) {
                problems.add(at + ".share: missing (China's share in percent: 69.2 for 69.2%)");
            } else if (!(x.share() >= 0 && x.share() <= 100)) {
                problems.add(at + ".share: " + x.share() + " is not a percentage (0 to 100)");
            }
            required(at, "source", x.source());
            url(at, x.sourceUrl());
            confidence(at, x.confidence());
            unique(seen, "stage share", x.stage() + " " + x.year() + " " + x.source(), at);
        }
        seen.clear();
        for (int i = 0; i < d.quotas().size(); i++) {
            String at = "$.quotas[" + i + "]";
            Quota q = d.quotas().get(i);
            if (q == null) {
                problems.add(at + ": empty entry");
                continue;
            }
            year(at, "year", q.year(), true);
            boolean minedGiven = positive(at, "mining", q.mining(), false);
            boolean smeltGiven = positive(at, "smelting", q.smelting(), false);
            if (Boolean.TRUE.equals(q.published()) && q.mining() == null && q.smelting() == null) {
                problems.add(at + ".mining: a published quota needs its mining or smelting volume (or set"
                        + " published to false)");
            }
            if (Boolean.FALSE.equals(q.published()) && (minedGiven || smeltGiven)) {
                problems.add(at + ".published: false, yet volumes are given; leave them empty for a year not"
                        + " published");
            }
            required(at, "source", q.source());
            url(at, q.sourceUrl());
            confidence(at, q.confidence());
            unique(seen, "quota", String.valueOf(q.year()), at);
        }
    }

    private static boolean asOf(String value) {
        if (!AS_OF.matcher(value).matches()) {
            return false;
        }
        try {
            if (value.length() == 10) {
                LocalDate.parse(value);
            } else if (value.length() == 7) {
                java.time.YearMonth.parse(value);
            }
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private boolean year(String at, String field, Integer value, boolean needed) {
        if (value == null) {
            if (needed) {
                problems.add(at + "." + field + ": missing year");
            }
            return false;
        }
        if (value < MIN_DATE.getYear() || value > MAX_DATE.getYear()) {
            problems.add(at + "." + field + ": " + value + " is not a year between " + MIN_DATE.getYear() + " and "
                    + MAX_DATE.getYear());
            return false;
        }
        return true;
    }

    private void oneOf(String at, String field, String value, List<String> known) {
        if (value == null || value.isBlank()) {
            problems.add(at + "." + field + ": missing (one of " + String.join(", ", known) + ")");
        } else if (!known.contains(value)) {
            problems.add(at + "." + field + ": unknown " + field + " '" + value + "' (known: " + String.join(", ", known)
                    + ")");
        }
    }

    private boolean required(String at, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at + (field.startsWith("[") ? "" : ".") + field + ": missing or blank");
            return false;
        }
        return true;
    }

    /** Multi-line text fields, where a line break or a tab is text; everywhere else they are refused too. */
    private static final Set<String> MULTI_LINE = Set.of("summary", "note");

    /**
     * Every text field of every record: a control character (NUL, escape, a stray carriage return…) is refused, since
     * it cannot be shown, searched or exported faithfully. Line breaks and tabs are text in summaries and notes.
     */
    private void controls(String list, List<?> records) {
        for (int i = 0; i < records.size(); i++) {
            Object r = records.get(i);
            if (r == null || !r.getClass().isRecord()) {
                continue;
            }
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String at = "$." + list + "[" + i + "]." + c.getName();
                if (v instanceof String text) {
                    control(at, text, MULTI_LINE.contains(c.getName()));
                } else if (v instanceof List<?> l) {
                    for (int j = 0; j < l.size(); j++) {
                        if (l.get(j) instanceof String text) {
                            control(at + "[" + j + "]", text, false);
                        }
                    }
                }
            }
        }
    }

    private void control(String at, String text, boolean multiLine) {
        String problem = controlProblem(text, multiLine);
        if (problem != null) {
            problems.add(at + ": " + problem);
        }
    }

    /** Why {@code text} cannot be stored, or null: it holds a control character (line breaks allowed if multi-line). */
    public static String controlProblem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            boolean allowed = multiLine && (ch == '\n' || ch == '\t' || ch == '\r');
            if (!allowed && (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f))) {
                return String.format("holds a control character (U+%04X) at position %d; remove it (it cannot be"
                        + " shown or exported faithfully)", (int) ch, k + 1);
            }
        }
        return null;
    }

    /** A source URL is optional; when given it is a whole http(s) address with a host and no spaces. */
    private void url(String at, String value) {
        String problem = urlProblem(value);
        if (problem != null) {
            problems.add(at + ".sourceUrl: " + problem);
        }
    }

    /** Why {@code value} is not a usable source URL, or null when it is (or is empty). */
    public static String urlProblem(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 2000) {
            return "longer than 2,000 characters";
        }
        if (value.chars().anyMatch(ch -> ch <= ' ' || ch == 0x7f)) {
            return "'" + value.replaceAll("\\p{Cntrl}", "?") + "' holds a space or a control character";
        }
        try {
            java.net.URI u = new java.net.URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "'" + value + "' is not a web address (write it with http:// or https://)";
            }
            if (u.getHost() == null || u.getHost().isBlank()) {
                return "'" + value + "' names no host";
            }
        } catch (java.net.URISyntaxException e) {
            return "'" + value + "' is not a web address";
        }
        return null;
    }

    /** A security's tickers: known sources only, each a ticker without spaces or control characters. */
    private void tickers(String at, Security s) {
        for (Map.Entry<String, String> t : s.tickers().entrySet()) {
            String field = at + ".tickers." + t.getKey();
            if (!org.rareearth.dashboard.domain.QuoteTickers.isSource(t.getKey())) {
                problems.add(at + ".tickers: '" + t.getKey() + "' is not a quote source (use "
                        + String.join(", ", org.rareearth.dashboard.domain.QuoteTickers.SOURCES) + ")");
            } else if (t.getValue() == null || t.getValue().isBlank()) {
                problems.add(field + ": empty; leave the source out to use the default ticker");
            } else if (!TICKER.matcher(t.getValue()).matches()) {
                problems.add(field + ": '" + t.getValue() + "' is not a ticker (up to 40 letters, digits and"
                        + " . ^ = _ - : /, no spaces)");
            }
        }
    }

    private static final java.util.regex.Pattern TICKER = java.util.regex.Pattern.compile("[A-Za-z0-9.^=_:/-]{1,40}");

    private void confidence(String at, String value) {
        if (value != null && !CONFIDENCE.contains(value)) {
            problems.add(at + ".confidence: unknown mark '" + value + "' (known: S, U, calc)");
        }
    }

    private void currency(String at, String field, String code) {
        if (required(at, field, code) && !isCurrency(code)) {
            problems.add(at + "." + field + ": '" + code + "' is not an ISO 4217 currency code");
        }
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void unit(String at, String unit) {
        if (required(at, "unit", unit) && !UNITS.contains(unit)) {
            problems.add(at + ".unit: unknown unit '" + unit + "' (known: t, kg, lb)");
        }
    }

    private boolean date(String at, String field, LocalDate value, boolean needed) {
        if (value == null) {
            if (needed) {
                problems.add(at + "." + field + ": missing date");
            }
            return false;
        }
        if (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE)) {
            problems.add(at + "." + field + ": " + value + " is outside " + MIN_DATE.getYear() + "–"
                    + MAX_DATE.getYear());
            return false;
        }
        return true;
    }

    private void after(String at, String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            problems.add(at + "." + field + ": " + value + " is before " + otherField + " " + other);
        }
    }

    private boolean positive(String at, String field, Double value, boolean needed) {
        if (value == null) {
            if (needed) {
                problems.add(at + "." + field + ": missing");
            }
            return false;
        }
        if (!Double.isFinite(value) || value <= 0) {
            problems.add(at + "." + field + ": " + value + " must be a positive number");
            return false;
        }
        return true;
    }

    private void reference(String at, String field, String value, Set<String> known, String what) {
        if (required(at, field, value) && !known.contains(value)) {
            problems.add(at + "." + field + ": unknown " + what + " '" + value + "'");
        }
    }

    private void unique(Map<String, String> seen, String what, String key, String at) {
        if (key == null) {
            return; // a record without its key is reported where the key is required, once for each
        }
        String first = seen.putIfAbsent(key, at);
        if (first != null) {
            problems.add(at + ": duplicate " + what + " " + key.trim() + " (same as " + first + ")");
        }
    }
}
